#pragma once

#include "reports/costreport.h"

#include <QList>
#include <QPair>
#include <QWidget>

class QCheckBox;
class QLineEdit;

namespace ll::ui {

// The Cost Explorer's "group by" boxes: one per reports::Dimension, in two rows (dimensions kept
// in the daily metrics, which are fast; dimensions read from the line items), and a key field
// for Tag. The ticked dimensions are the levels, in the order they were ticked.
class DimensionPicker : public QWidget {
    Q_OBJECT
public:
    explicit DimensionPicker(QWidget *parent = nullptr);
    ~DimensionPicker() override;

    // The ticked dimensions in level order (each at most once).
    QList<reports::Dimension> dimensions() const { return m_order; }
    // The tag key as typed, trimmed; what Tag groups by while it is ticked.
    QString tagKey() const;
    // Ticks exactly `dimensions`, in this order (repeats and unknown ones dropped); a Tag among
    // them takes `tagKey`. Emits nothing: the caller decides whether to reload.
    void setDimensions(const QList<reports::Dimension> &dimensions, const QString &tagKey = {});

signals:
    // The user ticked or cleared a box; `dimensions` is the new level order.
    void dimensionsEdited(const QList<reports::Dimension> &dimensions);
    // The user finished editing the tag key while Tag is ticked.
    void tagKeyEdited();

private:
    void boxToggled(reports::Dimension dimension, bool on);

    QList<QPair<reports::Dimension, QCheckBox *>> m_boxes; // in display order
    QLineEdit *m_tagKey;
    QList<reports::Dimension> m_order;
    bool m_setting = false; // setDimensions is ticking the boxes
};

} // namespace ll::ui

#pragma once

#include "reports/costreport.h"

#include <QHash>
#include <QWidget>

class QLineEdit;
class QStringListModel;

namespace ll::ui {

// The Cost Explorer's filters: one comma-separated list per dimension (workspace, org unit,
// department, team, project, principal, product, SKU) plus a tag key and its values. Each list
// completes from the values present in the shown range (setKnownValues) one item at a time.
class CostFilterBar : public QWidget {
    Q_OBJECT
public:
    explicit CostFilterBar(QWidget *parent = nullptr);

    // The dimensions that have a list, in display order.
    static QList<reports::Dimension> dimensions();

    // The filters the lists describe (empty lists are no filter). An error worded for the user
    // when they do not describe filters (tag values without a key, a key with a comma).
    Result<QList<reports::CostFilter>> filters() const;
    // Fills the lists from filters (the others are cleared); emits nothing.
    void setFilters(const QList<reports::CostFilter> &filters);
    QString tagKey() const;

    // Completion values for one dimension (tag: for the current tag key).
    void setKnownValues(reports::Dimension dimension, const QStringList &values);
    QStringList knownValues(reports::Dimension dimension) const;
    QLineEdit *edit(reports::Dimension dimension) const { return m_edits.value(static_cast<int>(dimension)); }
    QLineEdit *tagKeyEdit() const { return m_tagKey; }

Q_SIGNALS:
    void filtersEdited();  // a list was changed and left (or Return was pressed)
    void tagKeyEdited();   // the tag key changed: its values need loading

private:
    void emitIfChanged();

    QHash<int, QLineEdit *> m_edits;
    QHash<int, QStringListModel *> m_known;
    QLineEdit *m_tagKey;
    QString m_lastEmitted;
    QString m_lastTagKey;
};

} // namespace ll::ui

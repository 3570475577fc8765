#pragma once

#include "attribution/preview.h"

#include <QDialog>

class QLabel;
class QPushButton;

namespace ll::ui {

class PreviewModel;

// Shows "who gains, who loses" for the staged rules over the page's period and lets the user
// save them (AttributionConfig::save + the derived stages) or discard the staged edits.
class PreviewDialog : public QDialog {
    Q_OBJECT
public:
    PreviewDialog(QList<attribution::PreviewRow> rows, const QString &period, QWidget *parent = nullptr);

    PreviewModel *model() const { return m_model; }

Q_SIGNALS:
    void saveRequested();
    void discardRequested();

private:
    PreviewModel *m_model;
};

} // namespace ll::ui

#pragma once

#include "drilldown/drilldownfilter.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace ll::ui {

class DataTableView;
class LineItemModel;
class SnapshotLoader;

// The billing records behind one cost figure: a non-modal window that loads them off the GUI
// thread (reports::loadLineItems through its own SnapshotLoader), highlights corrections, shows
// totals and "showing N of M" when the filter's limit cut the list, and exports CSV.
class LineItemsDialog : public QDialog {
    Q_OBJECT
public:
    LineItemsDialog(QString storePath, DrillDown drillDown, QWidget *parent = nullptr);

    // Opens a dialog that deletes itself when closed.
    static LineItemsDialog *showFor(QWidget *parent, const QString &storePath, DrillDown drillDown);

    LineItemModel *model() const { return m_model; }
    DataTableView *view() const { return m_view; }
    bool isLoading() const;
    QString summary() const;

Q_SIGNALS:
    void loaded(); // rows (or an error) are shown

private:
    void load();

    DrillDown m_drillDown;
    SnapshotLoader *m_loader;
    LineItemModel *m_model;
    DataTableView *m_view;
    QLabel *m_summary;
    QLabel *m_error;
    QLineEdit *m_filter;
};

} // namespace ll::ui

#pragma once

#include "reports/costreport.h"

#include <QWidget>

class QLabel;

namespace ll::ui {

class DataTableView;
class ReconciliationModel;
class SnapshotLoader;

// The Cost Explorer's "Reconciliation" tab: per month x SKU x workspace, list cost against
// effective list cost (and contract cost when contracts exist) with the gaps, for the
// explorer's date range, as-of and filters. Loads through its own SnapshotLoader (the page
// tracks it).
class ReconciliationPanel : public QWidget {
    Q_OBJECT
public:
    ReconciliationPanel(const QString &storePath, QWidget *parent = nullptr);

    // Reloads for the explorer's query: its range, as-of and filters, grouped by month x SKU x
    // workspace (its own dimensions are ignored).
    void load(const reports::CostQuery &explorerQuery);
    void clear(const QString &message);

    SnapshotLoader *loader() const { return m_loader; }
    ReconciliationModel *model() const { return m_model; }
    DataTableView *view() const { return m_view; }
    QString summary() const;

private:
    void showTotals();

    SnapshotLoader *m_loader;
    ReconciliationModel *m_model;
    DataTableView *m_view;
    QLabel *m_summary;
    int m_filterCount = 0; // filters behind the table shown
};

} // namespace ll::ui

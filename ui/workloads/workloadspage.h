#pragma once

#include "common/page.h"
#include "reports/workloads.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QTabWidget;

namespace ll::ui {

class DataTableView;
class RunModel;
class SnapshotLoader;
class UtilizationModel;
class WorkloadModel;

// Cost, runs and failures per job, pipeline, warehouse, cluster or work unit over a date range.
// Selecting a job or pipeline lists its runs with cost per run below; the Utilization tab shows
// cluster CPU/memory and warehouse busy/idle time.
class WorkloadsPage : public Page {
    Q_OBJECT
public:
    explicit WorkloadsPage(ViewContext context, QWidget *parent = nullptr);

    void reload() override;
    bool showTab(const QString &name) override;

    WorkloadModel *model() const { return m_model; }
    RunModel *runModel() const { return m_runModel; }
    UtilizationModel *utilizationModel() const { return m_utilizationModel; }
    reports::WorkloadGrouping grouping() const;

private:
    void reloadIfIdle();
    void loadRuns();

    QComboBox *m_grouping;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QTabWidget *m_tabs;
    WorkloadModel *m_model;
    DataTableView *m_view;
    RunModel *m_runModel;
    DataTableView *m_runView;
    QLabel *m_runTitle;
    UtilizationModel *m_utilizationModel;
    DataTableView *m_utilizationView;
    SnapshotLoader *m_runLoader;
    bool m_updating = false;
};

} // namespace ll::ui

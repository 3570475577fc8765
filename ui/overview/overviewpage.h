#pragma once

#include "common/page.h"
#include "drilldown/drilldownfilter.h"
#include "reports/snapshots.h"

namespace ll::ui {

class DailyCostChart;
class DataTableView;
class FreshnessBanner;
class InsightModel;
class KpiTile;
class NamedCostModel;
class TileStrip;
class WorkloadModel;

// Month-to-date headline figures with the month-end forecast, 60 days of daily cost by product,
// the top teams, projects, workspaces, workloads and open insights, and a warning strip when the
// data is stale. Unattributed, idle and shared-bucket cost are not teams: each has its own tile,
// styled apart, and the top teams list teams only. Double-clicking a team, project, workspace or workload opens its billing records.
class OverviewPage : public Page {
    Q_OBJECT
public:
    explicit OverviewPage(ViewContext context, QWidget *parent = nullptr);

    void reload() override;
    const reports::OverviewSnapshot &snapshot() const { return m_snapshot; }
    // The freshness strip's text ("" while hidden) and the chart: tests and screenshots check them.
    QString freshnessText() const;
    DailyCostChart *chart() const { return m_chart; }
    // The tiles of the owners that are not teams (unattributed, idle, shared buckets) and the
    // month-to-date tile: tests and screenshots read them.
    const KpiTile *unattributedTile() const { return m_unattributed; }
    const KpiTile *idleTile() const { return m_idle; }
    const KpiTile *sharedTile() const { return m_shared; }
    const KpiTile *monthToDateTile() const { return m_monthToDate; }

Q_SIGNALS:
    void dataThroughChanged(const QDate &dataThrough);
    void dataHealthRequested(); // the freshness strip's Data Health link

private:
    void apply(Result<reports::OverviewSnapshot> result);
    DrillDown monthToDateDrillDown() const;
    void showForecast(const reports::OverviewSnapshot &s);

    reports::OverviewSnapshot m_snapshot;
    FreshnessBanner *m_freshness;
    QWidget *m_content;
    KpiTile *m_monthToDate;
    KpiTile *m_samePeriod;
    KpiTile *m_lastMonth;
    KpiTile *m_forecast;
    KpiTile *m_unattributed;
    KpiTile *m_idle;
    KpiTile *m_shared;
    KpiTile *m_unpriced;
    TileStrip *m_tiles = nullptr;
    DailyCostChart *m_chart;
    NamedCostModel *m_teams;
    NamedCostModel *m_projects;
    NamedCostModel *m_workspaces;
    WorkloadModel *m_workloads;
    InsightModel *m_insights;
    QString m_forecastMethod; // the forecast tile's tooltip: how the figure is made
};

} // namespace ll::ui

#pragma once

#include "common/page.h"
#include "drilldown/drilldownfilter.h"
#include "reports/snapshots.h"

namespace ll::ui {

class DailyCostChart;
class DataTableView;
class InsightModel;
class KpiTile;
class NamedCostModel;

// Month-to-date headline figures, 60 days of daily cost by product, and the top teams,
// workspaces and open insights. Double-clicking a team or workspace opens its billing records.
class OverviewPage : public Page {
    Q_OBJECT
public:
    explicit OverviewPage(ViewContext context, QWidget *parent = nullptr);

    void reload() override;
    const reports::OverviewSnapshot &snapshot() const { return m_snapshot; }

Q_SIGNALS:
    void dataThroughChanged(const QDate &dataThrough);

private:
    void apply(Result<reports::OverviewSnapshot> result);
    DrillDown monthToDateDrillDown() const;

    reports::OverviewSnapshot m_snapshot;
    QWidget *m_content;
    KpiTile *m_monthToDate;
    KpiTile *m_samePeriod;
    KpiTile *m_lastMonth;
    KpiTile *m_unattributed;
    KpiTile *m_unpriced;
    DailyCostChart *m_chart;
    NamedCostModel *m_teams;
    NamedCostModel *m_workspaces;
    InsightModel *m_insights;
};

} // namespace ll::ui

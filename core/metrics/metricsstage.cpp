#include "metricsstage.h"

#include "coveragemetrics.h"
#include "teamaxis.h"

#include "pipeline/steptimer.h"

namespace ll::metrics {
namespace {

// Cost by the attribution's allocations, so split lines land on each team with their exact
// share; %TEAM_KEY% is metrics::kAllocationTeamKey (see teamaxis.h). Unpriced lines add their
// quantity to unpriced_quantity_nanos and nothing to cost: honest cost, visible gap.
constexpr const char *kDailyCost = R"SQL(
DELETE FROM metrics_daily_cost WHERE day IN (SELECT day FROM temp.work_day);
INSERT INTO metrics_daily_cost (day, workspace_id, sku_name, billing_origin_product, team_key, project_key,
                                currency_code, cost_nanos, list_cost_nanos, quantity_nanos,
                                unpriced_quantity_nanos, line_count, contract_cost_nanos)
SELECT l.usage_day, l.workspace_id, l.sku_name, l.billing_origin_product,
       %TEAM_KEY%,
       coalesce(a.project_key, ''), l.currency_code,
       sum(coalesce(a.cost_nanos, l.cost_nanos, 0)), sum(coalesce(a.list_cost_nanos, l.list_cost_nanos, 0)),
       sum(coalesce(a.quantity_nanos, l.quantity_nanos)),
       sum(CASE WHEN l.cost_nanos IS NULL THEN coalesce(a.quantity_nanos, l.quantity_nanos) ELSE 0 END),
       sum(coalesce(a.seq, 0) = 0),
       sum(coalesce(a.contract_cost_nanos, l.contract_cost_nanos, 0))
FROM ledger_usage_line l
LEFT JOIN attr_allocation a ON a.line_id = l.line_id
WHERE l.usage_day IN (SELECT day FROM temp.work_day)
GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- Attribution cube, direct (0) and after shared buckets are redistributed (1).
DELETE FROM metrics_daily_attribution WHERE day IN (SELECT day FROM temp.work_day);
INSERT INTO metrics_daily_attribution (day, workspace_id, after_sharing, kind, team_key, project_key, bucket_key,
                                       confidence, cost_nanos, list_cost_nanos, contract_cost_nanos)
SELECT a.usage_day, l.workspace_id, 0, a.kind, a.team_key, a.project_key, a.bucket_key, a.confidence,
       sum(a.cost_nanos), sum(a.list_cost_nanos), sum(a.contract_cost_nanos)
FROM attr_allocation a JOIN ledger_usage_line l ON l.line_id = a.line_id
WHERE a.usage_day IN (SELECT day FROM temp.work_day)
GROUP BY 1, 2, 4, 5, 6, 7, 8;
INSERT INTO metrics_daily_attribution (day, workspace_id, after_sharing, kind, team_key, project_key, bucket_key,
                                       confidence, cost_nanos, list_cost_nanos, contract_cost_nanos)
SELECT day, workspace_id, 1, kind, team_key, project_key, bucket_key, confidence, sum(c), sum(lc), sum(cc) FROM (
    SELECT a.usage_day AS day, l.workspace_id, a.kind, a.team_key, a.project_key, '' AS bucket_key, a.confidence,
           a.cost_nanos AS c, a.list_cost_nanos AS lc, a.contract_cost_nanos AS cc
    FROM attr_allocation a JOIN ledger_usage_line l ON l.line_id = a.line_id
    WHERE a.usage_day IN (SELECT day FROM temp.work_day) AND a.bucket_key = ''
    UNION ALL
    SELECT r.usage_day, r.workspace_id, CASE WHEN r.team_key = '' THEN 'bucket' ELSE 'shared' END, r.team_key, '',
           r.bucket_key, 'estimated', r.cost_nanos, r.list_cost_nanos, r.contract_cost_nanos
    FROM attr_redistribution r WHERE r.usage_day IN (SELECT day FROM temp.work_day))
GROUP BY 1, 2, 4, 5, 6, 7, 8;
)SQL";

// The views' small rollups (migration 0007), rebuilt from the cubes just written for the same
// days: sums of sums, so each figure equals the cube's. Reading the cubes of the work days only
// keeps this proportional to the days changed.
constexpr const char *kRollups = R"SQL(
DELETE FROM metrics_daily_product WHERE day IN (SELECT day FROM temp.work_day);
INSERT INTO metrics_daily_product (day, billing_origin_product, cost_nanos, unattributed_cost_nanos,
                                   unpriced_quantity_nanos, line_count)
SELECT day, billing_origin_product, sum(cost_nanos), sum(CASE WHEN team_key = '' THEN cost_nanos ELSE 0 END),
       sum(unpriced_quantity_nanos), sum(line_count)
FROM metrics_daily_cost WHERE day IN (SELECT day FROM temp.work_day) GROUP BY 1, 2;

DELETE FROM metrics_daily_team WHERE day IN (SELECT day FROM temp.work_day);
INSERT INTO metrics_daily_team (day, team_key, cost_nanos)
SELECT day, team_key, sum(cost_nanos) FROM metrics_daily_cost WHERE day IN (SELECT day FROM temp.work_day) GROUP BY 1, 2;

DELETE FROM metrics_daily_workspace WHERE day IN (SELECT day FROM temp.work_day);
INSERT INTO metrics_daily_workspace (day, workspace_id, cost_nanos, list_cost_nanos, quantity_nanos, unpriced_quantity_nanos,
                                     contract_cost_nanos)
SELECT day, workspace_id, sum(cost_nanos), sum(list_cost_nanos), sum(quantity_nanos), sum(unpriced_quantity_nanos),
       sum(contract_cost_nanos)
FROM metrics_daily_cost WHERE day IN (SELECT day FROM temp.work_day) GROUP BY 1, 2;

DELETE FROM metrics_daily_team_project WHERE day IN (SELECT day FROM temp.work_day);
INSERT INTO metrics_daily_team_project (day, team_key, project_key, cost_nanos, list_cost_nanos, quantity_nanos,
                                        unpriced_quantity_nanos, contract_cost_nanos)
SELECT day, team_key, project_key, sum(cost_nanos), sum(list_cost_nanos), sum(quantity_nanos),
       sum(unpriced_quantity_nanos), sum(contract_cost_nanos)
FROM metrics_daily_cost WHERE day IN (SELECT day FROM temp.work_day) GROUP BY 1, 2, 3;

DELETE FROM metrics_daily_owner WHERE after_sharing IN (0, 1) AND day IN (SELECT day FROM temp.work_day);
INSERT INTO metrics_daily_owner (day, after_sharing, kind, team_key, project_key, bucket_key, confidence, cost_nanos,
                                 list_cost_nanos, contract_cost_nanos)
SELECT day, after_sharing, kind, team_key, project_key, bucket_key, confidence, sum(cost_nanos), sum(list_cost_nanos),
       sum(contract_cost_nanos)
FROM metrics_daily_attribution WHERE day IN (SELECT day FROM temp.work_day) GROUP BY 1, 2, 3, 4, 5, 6, 7;

-- Monthly rollups: the months of the work days, re-summed from the daily rollups (at most a
-- month of small rows each).
CREATE TEMP TABLE IF NOT EXISTS work_month (month_start TEXT PRIMARY KEY) WITHOUT ROWID;
DELETE FROM temp.work_month;
INSERT OR IGNORE INTO temp.work_month (month_start) SELECT substr(day, 1, 7) || '-01' FROM temp.work_day;

DELETE FROM metrics_monthly_team_project WHERE day IN (SELECT month_start FROM temp.work_month);
INSERT INTO metrics_monthly_team_project (day, team_key, project_key, cost_nanos, list_cost_nanos, quantity_nanos,
                                          unpriced_quantity_nanos, contract_cost_nanos)
SELECT w.month_start, r.team_key, r.project_key, sum(r.cost_nanos), sum(r.list_cost_nanos), sum(r.quantity_nanos),
       sum(r.unpriced_quantity_nanos), sum(r.contract_cost_nanos)
FROM temp.work_month w
JOIN metrics_daily_team_project r ON r.day >= w.month_start AND r.day < date(w.month_start, '+1 month')
GROUP BY 1, 2, 3;

DELETE FROM metrics_monthly_owner WHERE after_sharing IN (0, 1) AND day IN (SELECT month_start FROM temp.work_month);
INSERT INTO metrics_monthly_owner (day, after_sharing, kind, team_key, project_key, bucket_key, confidence, cost_nanos,
                                   list_cost_nanos, contract_cost_nanos)
SELECT w.month_start, r.after_sharing, r.kind, r.team_key, r.project_key, r.bucket_key, r.confidence, sum(r.cost_nanos),
       sum(r.list_cost_nanos), sum(r.contract_cost_nanos)
FROM temp.work_month w
JOIN metrics_daily_owner r ON r.after_sharing IN (0, 1) AND r.day >= w.month_start AND r.day < date(w.month_start, '+1 month')
GROUP BY 1, 2, 3, 4, 5, 6, 7;
)SQL";

} // namespace

Status MetricsStage::prepare(pipeline::StageContext &context) { return foldSourceCoverage(context); }

Result<std::int64_t> MetricsStage::processWorkDays(pipeline::StageContext &context)
{
    pipeline::StepTimer timer("metrics");
    if (auto coverage = updateWorkspaceCoverageDays(context.db); !coverage)
        return coverage.error();
    if (auto s = context.db.exec(QByteArray(kDailyCost).replace("%TEAM_KEY%", kAllocationTeamKey)); !s)
        return s.error();
    const std::int64_t written = context.db.changes();
    timer.lap("cubes");
    if (auto s = context.db.exec(kRollups); !s)
        return s.error();
    timer.lap("rollups");
    return written;
}

} // namespace ll::metrics

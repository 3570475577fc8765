#pragma once

// Workload and utilization metrics for the days in temp.work_day, from ledger tables only.
// Costs are int64 sums of line costs (headline = effective list cost; unpriced lines add their
// quantity to unpriced_quantity_nanos and nothing to cost, as in metrics_daily_cost).

namespace ll::metrics::sql {

inline constexpr const char *workUnitDaily = R"SQL(
DELETE FROM metrics_work_unit_daily WHERE day IN (SELECT day FROM temp.work_day);
INSERT INTO metrics_work_unit_daily (day, work_unit_type, work_unit_id, workspace_id, currency_code, cost_nanos,
                                     list_cost_nanos, contract_cost_nanos, quantity_nanos, unpriced_quantity_nanos, line_count)
SELECT usage_day, work_unit_type, coalesce(work_unit_id, ''), workspace_id, currency_code,
       sum(coalesce(cost_nanos, 0)), sum(coalesce(list_cost_nanos, 0)), sum(coalesce(contract_cost_nanos, 0)),
       sum(quantity_nanos), sum(CASE WHEN cost_nanos IS NULL THEN quantity_nanos ELSE 0 END), count(*)
FROM ledger_usage_line
WHERE usage_day IN (SELECT day FROM temp.work_day)
GROUP BY 1, 2, 3, 4, 5;
)SQL";

// Runs to recompute: job runs with usage on these days, runs (and updates) starting on them,
// and runs metrics_run currently files under them (a run whose start moved away). Their old
// start days are recomputed in metrics_run_daily too.
// (touched_run CROSS JOIN metrics_run: the touched runs drive the join through metrics_run's key;
// left to itself the planner scanned all of metrics_run, i.e. all history, per group of days.)
inline constexpr const char *touchedRuns = R"SQL(
CREATE TEMP TABLE IF NOT EXISTS touched_run (run_kind TEXT, run_id TEXT, PRIMARY KEY (run_kind, run_id)) WITHOUT ROWID;
DELETE FROM temp.touched_run;
CREATE TEMP TABLE IF NOT EXISTS run_day (day TEXT PRIMARY KEY) WITHOUT ROWID;
DELETE FROM temp.run_day;
INSERT OR IGNORE INTO temp.touched_run (run_kind, run_id)
SELECT 'job_run', job_run_id FROM ledger_usage_line
WHERE usage_day IN (SELECT day FROM temp.work_day) AND job_run_id IS NOT NULL;
INSERT OR IGNORE INTO temp.touched_run (run_kind, run_id)
SELECT 'pipeline_update', dlt_update_id FROM ledger_usage_line
WHERE usage_day IN (SELECT day FROM temp.work_day) AND dlt_update_id IS NOT NULL;
INSERT OR IGNORE INTO temp.touched_run (run_kind, run_id)
SELECT run_kind, run_id FROM ledger_run
WHERE start_time >= (SELECT CAST(strftime('%s', min(day)) AS INTEGER) FROM temp.work_day)
  AND start_time < (SELECT CAST(strftime('%s', max(day)) AS INTEGER) + 86400 FROM temp.work_day)
  AND date(start_time, 'unixepoch') IN (SELECT day FROM temp.work_day);
INSERT OR IGNORE INTO temp.touched_run (run_kind, run_id)
SELECT run_kind, run_id FROM metrics_run WHERE start_day IN (SELECT day FROM temp.work_day);
INSERT OR IGNORE INTO temp.run_day (day) SELECT day FROM temp.work_day;
INSERT OR IGNORE INTO temp.run_day (day)
SELECT m.start_day FROM temp.touched_run t CROSS JOIN metrics_run m ON m.run_kind = t.run_kind AND m.run_id = t.run_id;
DELETE FROM metrics_run WHERE (run_kind, run_id) IN (SELECT run_kind, run_id FROM temp.touched_run);
)SQL";

// A run's cost covers all its lines, whatever their day: a job run's lines name its job_run_id,
// a pipeline update's lines its dlt_update_id. Failed = ended in an error state (FAILED, ERROR,
// TIMED_OUT, INTERNAL_ERROR, UPSTREAM_FAILED); CANCELLED and SKIPPED are not failures of the
// workload.
inline constexpr const char *insertRuns = R"SQL(
INSERT INTO metrics_run (run_kind, run_id, parent_id, workspace_id, start_day, result_state, failed,
                         duration_seconds, cost_nanos, list_cost_nanos, line_count)
SELECT t.run_kind, t.run_id, coalesce(r.parent_id, c.job_id, ''), coalesce(r.workspace_id, c.workspace_id, ''),
       coalesce(date(r.start_time, 'unixepoch'), c.first_day), r.result_state,
       coalesce(r.result_state IN ('FAILED', 'ERROR', 'TIMED_OUT', 'INTERNAL_ERROR', 'UPSTREAM_FAILED'), 0),
       r.duration_seconds, coalesce(c.cost, 0), coalesce(c.list_cost, 0), coalesce(c.lines, 0)
FROM temp.touched_run t
LEFT JOIN ledger_run r ON r.run_kind = t.run_kind AND r.run_id = t.run_id
LEFT JOIN (SELECT 'job_run' AS run_kind, job_run_id AS run_id, max(job_id) AS job_id, min(workspace_id) AS workspace_id,
                  min(usage_day) AS first_day, sum(coalesce(cost_nanos, 0)) AS cost,
                  sum(coalesce(list_cost_nanos, 0)) AS list_cost, count(*) AS lines
           FROM ledger_usage_line
           WHERE job_run_id IN (SELECT run_id FROM temp.touched_run WHERE run_kind = 'job_run')
           GROUP BY job_run_id
           UNION ALL
           SELECT 'pipeline_update', dlt_update_id, max(pipeline_id), min(workspace_id), min(usage_day),
                  sum(coalesce(cost_nanos, 0)), sum(coalesce(list_cost_nanos, 0)), count(*)
           FROM ledger_usage_line
           WHERE dlt_update_id IN (SELECT run_id FROM temp.touched_run WHERE run_kind = 'pipeline_update')
           GROUP BY dlt_update_id) c ON c.run_kind = t.run_kind AND c.run_id = t.run_id
WHERE r.run_id IS NOT NULL OR c.run_id IS NOT NULL;
INSERT OR IGNORE INTO temp.run_day (day)
SELECT m.start_day FROM temp.touched_run t CROSS JOIN metrics_run m ON m.run_kind = t.run_kind AND m.run_id = t.run_id;
)SQL";

inline constexpr const char *runDaily = R"SQL(
DELETE FROM metrics_run_daily WHERE day IN (SELECT day FROM temp.run_day);
INSERT INTO metrics_run_daily (day, run_kind, parent_id, workspace_id, runs, succeeded_runs, failed_runs,
                               duration_seconds, max_duration_seconds, run_cost_nanos, failed_run_cost_nanos)
SELECT start_day, run_kind, parent_id, workspace_id, count(*),
       sum(coalesce(result_state IN ('SUCCEEDED', 'SUCCESS', 'COMPLETED'), 0)), sum(failed),
       sum(coalesce(duration_seconds, 0)), max(coalesce(duration_seconds, 0)),
       sum(cost_nanos), sum(CASE WHEN failed = 1 THEN cost_nanos ELSE 0 END)
FROM metrics_run
WHERE start_day IN (SELECT day FROM temp.run_day)
GROUP BY 1, 2, 3, 4;
)SQL";

// Node-uptime weighting: each sample counts for its seconds, so an hour on ten nodes weighs
// ten times an hour on one.
inline constexpr const char *clusterUtilization = R"SQL(
DELETE FROM metrics_cluster_utilization_daily WHERE day IN (SELECT day FROM temp.work_day);
INSERT INTO metrics_cluster_utilization_daily (day, cluster_id, workspace_id, node_seconds, cpu_centi_seconds,
                                               mem_centi_seconds, sample_count)
SELECT usage_day, cluster_id, coalesce(workspace_id, ''), sum(end_time - start_time),
       sum(cpu_centi * (end_time - start_time)), sum(mem_centi * (end_time - start_time)), count(*)
FROM ledger_node_sample
WHERE usage_day IN (SELECT day FROM temp.work_day)
GROUP BY 1, 2, 3;
)SQL";

// Busy time = the union of statement [start, end] per warehouse, clipped to the day (islands:
// a statement opens a new island when it starts after every earlier one has ended). Statements
// are looked up from 48 hours before the day (Databricks SQL's longest statement timeout), per
// warehouse known from its configuration or events, through ledger_query's (warehouse, start) index
// (CROSS JOIN pins that order: left to itself the planner scanned every query once per day).
// busy_running = busy islands inside running intervals (both sets are disjoint per warehouse,
// so summing pairwise overlaps measures the intersection).
inline constexpr const char *warehouseUtilization = R"SQL(
DELETE FROM metrics_warehouse_utilization_daily WHERE day IN (SELECT day FROM temp.work_day);
WITH d AS (SELECT day, CAST(strftime('%s', day) AS INTEGER) AS ds FROM temp.work_day),
wh AS (SELECT warehouse_id FROM ledger_warehouse UNION SELECT warehouse_id FROM ledger_warehouse_event),
q AS (SELECT d.day, q.warehouse_id, q.workspace_id, max(q.start_time, d.ds) AS s, min(q.end_time, d.ds + 86400) AS e,
             q.start_time >= d.ds AS started_today
      FROM d CROSS JOIN wh
      CROSS JOIN ledger_query q ON q.warehouse_id = wh.warehouse_id AND q.start_time >= d.ds - 172800
                         AND q.start_time < d.ds + 86400 AND q.end_time >= d.ds),
ordered AS (SELECT *, max(e) OVER (PARTITION BY day, warehouse_id ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
            FROM q),
flagged AS (SELECT *, sum(CASE WHEN prev_end IS NULL OR s > prev_end THEN 1 ELSE 0 END)
                      OVER (PARTITION BY day, warehouse_id ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS island
            FROM ordered),
islands AS (SELECT day, warehouse_id, min(s) AS s, max(e) AS e FROM flagged GROUP BY day, warehouse_id, island),
running AS (SELECT d.day, i.warehouse_id, i.workspace_id, max(i.start_time, d.ds) AS s, min(i.end_time, d.ds + 86400) AS e,
                   i.cluster_count
            FROM d JOIN ledger_warehouse_interval i ON i.start_time < d.ds + 86400 AND i.end_time > d.ds),
parts AS (
    SELECT day, warehouse_id, workspace_id AS ws, e - s AS running, (e - s) * cluster_count AS cluster_s,
           0 AS busy, 0 AS busy_running, 0 AS queries FROM running
    UNION ALL
    SELECT day, warehouse_id, NULL, 0, 0, e - s, 0, 0 FROM islands
    UNION ALL
    SELECT i.day, i.warehouse_id, NULL, 0, 0, 0, max(0, min(i.e, r.e) - max(i.s, r.s)), 0
    FROM islands i JOIN running r ON r.day = i.day AND r.warehouse_id = i.warehouse_id AND r.s < i.e AND r.e > i.s
    UNION ALL
    SELECT day, warehouse_id, workspace_id, 0, 0, 0, 0, sum(started_today) FROM q GROUP BY day, warehouse_id, workspace_id)
INSERT INTO metrics_warehouse_utilization_daily (day, warehouse_id, workspace_id, running_seconds, cluster_seconds,
                                                 busy_seconds, busy_running_seconds, query_count)
SELECT day, warehouse_id, coalesce(max(ws), ''), sum(running), sum(cluster_s), sum(busy), sum(busy_running), sum(queries)
FROM parts GROUP BY day, warehouse_id;
)SQL";

} // namespace ll::metrics::sql

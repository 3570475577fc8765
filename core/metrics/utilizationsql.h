#pragma once

// The utilization fold: raw node timeline, warehouse events and query history -> ledger-level
// tables (ledger_node_sample, ledger_warehouse_event/_interval, ledger_query). Every statement
// reads raw rows in (:from, :to] only and queues the UTC days it touched for workload_metrics,
// in the same transaction as its watermark. All values are bound; nothing is spliced in.
//
// Why a fold inside the workload_metrics stage rather than in LedgerStage: these sources are
// large, optional, and used by utilization metrics only; the owner of LedgerStage keeps the
// billing path lean, and the rule "ledger only from raw, metrics only from ledger" still holds
// because these ledger tables are written from raw alone, under their own watermarks (stage
// name 'ledger_utilization').

namespace ll::metrics::sql {

// Queues every UTC day touched by the intervals in temp.fold_span(start_time, end_time).
inline constexpr const char *queueSpanDays = R"SQL(
WITH RECURSIVE span(day, last) AS (
    SELECT date(start_time, 'unixepoch'), date(max(start_time, end_time - 1), 'unixepoch') FROM temp.fold_span
    UNION
    SELECT date(day, '+1 day'), last FROM span WHERE day < last)
INSERT OR IGNORE INTO app_dirty_day (stage, day) SELECT 'workload_metrics', day FROM span
)SQL";

inline constexpr const char *createFoldSpan = R"SQL(
CREATE TEMP TABLE IF NOT EXISTS fold_span (start_time INTEGER, end_time INTEGER);
DELETE FROM temp.fold_span;
CREATE TEMP TABLE IF NOT EXISTS wh_refold (warehouse_id TEXT PRIMARY KEY, from_time INTEGER) WITHOUT ROWID;
DELETE FROM temp.wh_refold;
)SQL";

// ---- node timeline ----------------------------------------------------------------------------
// One issue per chunk (with a count), not one per row: a broken export must not flood Data Health.
inline constexpr const char *rejectedNodeRows = R"SQL(
INSERT INTO app_issue (at, severity, source, message, context)
SELECT :now, 'warning', 'compute_node_timeline',
       count(*) || ' node timeline row(s) could not be read (missing ids, unreadable times or percentages) and are not in utilization',
       'first raw_id=' || min(raw_id)
FROM raw_compute_node_timeline
WHERE raw_id > :from AND raw_id <= :to
  AND (cluster_id IS NULL OR instance_id IS NULL OR ll_epoch(start_time) IS NULL OR ll_epoch(end_time) IS NULL
       OR ll_epoch(end_time) < ll_epoch(start_time) OR ll_nanos(cpu_user_percent) IS NULL
       OR ll_nanos(cpu_system_percent) IS NULL OR ll_nanos(mem_used_percent) IS NULL)
HAVING count(*) > 0
)SQL";

inline constexpr const char *upsertNodeSamples = R"SQL(
INSERT INTO ledger_node_sample (cluster_id, instance_id, start_time, end_time, workspace_id, driver,
                                cpu_centi, mem_centi, usage_day)
SELECT cluster_id, instance_id, s, e, workspace_id, CASE WHEN lower(driver) IN ('true', '1') THEN 1 ELSE 0 END,
       (cpu_u + cpu_s) / 10000000, mem / 10000000, date(s, 'unixepoch')
FROM (SELECT raw_id, cluster_id, instance_id, workspace_id, driver,
             ll_epoch(start_time) AS s, ll_epoch(end_time) AS e, ll_nanos(cpu_user_percent) AS cpu_u,
             ll_nanos(cpu_system_percent) AS cpu_s, ll_nanos(mem_used_percent) AS mem
      FROM raw_compute_node_timeline WHERE raw_id > :from AND raw_id <= :to)
WHERE cluster_id IS NOT NULL AND instance_id IS NOT NULL AND s IS NOT NULL AND e IS NOT NULL AND e >= s
  AND cpu_u IS NOT NULL AND cpu_s IS NOT NULL AND mem IS NOT NULL
ORDER BY raw_id
ON CONFLICT(cluster_id, instance_id, start_time) DO UPDATE SET
    end_time = excluded.end_time, workspace_id = excluded.workspace_id, driver = excluded.driver,
    cpu_centi = excluded.cpu_centi, mem_centi = excluded.mem_centi
)SQL";

// A sample belongs to the day it starts on (its key), so the old and new versions share a day.
inline constexpr const char *nodeSampleDays = R"SQL(
INSERT OR IGNORE INTO app_dirty_day (stage, day)
SELECT DISTINCT 'workload_metrics', date(ll_epoch(start_time), 'unixepoch')
FROM raw_compute_node_timeline
WHERE raw_id > :from AND raw_id <= :to AND ll_epoch(start_time) IS NOT NULL
)SQL";

// ---- warehouse events -------------------------------------------------------------------------
// Warehouses whose intervals must be re-derived, and from which event on: the last known event
// before the earliest new one (intervals that start earlier end at or before it, so they stay).
inline constexpr const char *refoldWarehousesOfNewEvents = R"SQL(
INSERT INTO temp.wh_refold (warehouse_id, from_time)
SELECT n.warehouse_id,
       coalesce((SELECT max(e.event_time) FROM ledger_warehouse_event e
                 WHERE e.warehouse_id = n.warehouse_id AND e.event_time < n.first_new), n.first_new)
FROM (SELECT warehouse_id, min(ll_epoch(event_time)) AS first_new
      FROM raw_compute_warehouse_events
      WHERE raw_id > :from AND raw_id <= :to AND warehouse_id IS NOT NULL AND event_type IS NOT NULL
        AND ll_epoch(event_time) IS NOT NULL
      GROUP BY warehouse_id) n
WHERE true
ON CONFLICT(warehouse_id) DO UPDATE SET from_time = min(from_time, excluded.from_time)
)SQL";

// Open intervals end at the table's newest event, which any new event moves: re-derive them all.
inline constexpr const char *refoldOpenIntervals = R"SQL(
INSERT INTO temp.wh_refold (warehouse_id, from_time)
SELECT warehouse_id, start_time FROM ledger_warehouse_interval WHERE is_open = 1
ON CONFLICT(warehouse_id) DO UPDATE SET from_time = min(from_time, excluded.from_time)
)SQL";

inline constexpr const char *rejectedWarehouseEvents = R"SQL(
INSERT INTO app_issue (at, severity, source, message, context)
SELECT :now, 'warning', 'compute_warehouse_events',
       count(*) || ' warehouse event(s) could not be read (missing warehouse, type or time) and are not in utilization',
       'first raw_id=' || min(raw_id)
FROM raw_compute_warehouse_events
WHERE raw_id > :from AND raw_id <= :to
  AND (warehouse_id IS NULL OR event_type IS NULL OR ll_epoch(event_time) IS NULL)
HAVING count(*) > 0
)SQL";

inline constexpr const char *upsertWarehouseEvents = R"SQL(
INSERT INTO ledger_warehouse_event (warehouse_id, event_time, event_type, workspace_id, cluster_count)
SELECT warehouse_id, ll_epoch(event_time), upper(event_type), workspace_id, coalesce(CAST(cluster_count AS INTEGER), 0)
FROM raw_compute_warehouse_events
WHERE raw_id > :from AND raw_id <= :to AND warehouse_id IS NOT NULL AND event_type IS NOT NULL
  AND ll_epoch(event_time) IS NOT NULL
ORDER BY raw_id
ON CONFLICT(warehouse_id, event_time, event_type) DO UPDATE SET
    workspace_id = excluded.workspace_id, cluster_count = excluded.cluster_count
)SQL";

inline constexpr const char *spansOfRefoldedIntervals = R"SQL(
INSERT INTO temp.fold_span (start_time, end_time)
SELECT i.start_time, i.end_time FROM ledger_warehouse_interval i
JOIN temp.wh_refold r ON r.warehouse_id = i.warehouse_id AND i.start_time >= r.from_time
)SQL";

inline constexpr const char *deleteRefoldedIntervals = R"SQL(
DELETE FROM ledger_warehouse_interval
WHERE EXISTS (SELECT 1 FROM temp.wh_refold r
              WHERE r.warehouse_id = ledger_warehouse_interval.warehouse_id
                AND ledger_warehouse_interval.start_time >= r.from_time)
)SQL";

// RUNNING and scale events start running time at their cluster count until the next event;
// STARTING, STOPPING and STOPPED do not. Ties at one instant yield zero-length rows, dropped.
inline constexpr const char *insertRefoldedIntervals = R"SQL(
INSERT INTO ledger_warehouse_interval (warehouse_id, start_time, end_time, workspace_id, cluster_count, is_open)
SELECT warehouse_id, event_time, coalesce(next_time, newest), workspace_id, max(cluster_count, 1), next_time IS NULL
FROM (SELECT e.warehouse_id, e.event_time, e.event_type, e.workspace_id, e.cluster_count,
             lead(e.event_time) OVER (PARTITION BY e.warehouse_id ORDER BY e.event_time, e.event_type) AS next_time,
             (SELECT max(event_time) FROM ledger_warehouse_event) AS newest
      FROM ledger_warehouse_event e
      JOIN temp.wh_refold r ON r.warehouse_id = e.warehouse_id AND e.event_time >= r.from_time)
WHERE event_type IN ('RUNNING', 'SCALED_UP', 'SCALED_DOWN') AND coalesce(next_time, newest) > event_time
)SQL";

inline constexpr const char *spansOfNewIntervals = R"SQL(
INSERT INTO temp.fold_span (start_time, end_time)
SELECT i.start_time, i.end_time FROM ledger_warehouse_interval i
JOIN temp.wh_refold r ON r.warehouse_id = i.warehouse_id AND i.start_time >= r.from_time
)SQL";

// ---- query history ----------------------------------------------------------------------------
// LedgerStage keeps ledger_query (one row per statement, latest extraction wins); this only
// queues the days the new raw rows span. A re-extracted statement keeps its start and can only
// end later (it was running), so the new span covers the old one's days.
inline constexpr const char *spansOfQueries = R"SQL(
INSERT INTO temp.fold_span (start_time, end_time)
SELECT s, e FROM (SELECT ll_epoch(start_time) AS s, ll_epoch(end_time) AS e, compute
                  FROM raw_query_history WHERE raw_id > :from AND raw_id <= :to)
WHERE s IS NOT NULL AND e IS NOT NULL AND e >= s AND json_valid(compute) AND compute ->> '$.warehouse_id' IS NOT NULL
)SQL";

// ---- runs ------------------------------------------------------------------------------------
// LedgerStage folds run slices into ledger_run; a changed run re-queues its start day here, so a
// result that arrives after the run's usage still reaches metrics_run.
inline constexpr const char *runDays = R"SQL(
INSERT OR IGNORE INTO app_dirty_day (stage, day)
SELECT DISTINCT 'workload_metrics', date(r.start_time, 'unixepoch') FROM ledger_run r
WHERE r.run_kind = :kind AND r.run_id IN (SELECT %2 FROM %1 WHERE raw_id > :from AND raw_id <= :to)
)SQL";

} // namespace ll::metrics::sql

#pragma once

// SQL that builds the canonical entities from raw. Slowly changing sources keep one row per
// change (key + change_time; a re-extracted change updates in place, latest extraction wins).
// Sliced timelines fold into one run row: earliest start, latest end, the final result state.
// Every statement reads raw rows above :from only.

namespace ll::ledger::sql {

inline constexpr const char *upsertClusters = R"SQL(
INSERT INTO ledger_cluster (cluster_id, change_time, workspace_id, cluster_name, owned_by, cluster_source,
    driver_node_type, worker_node_type, worker_count, min_autoscale_workers, max_autoscale_workers,
    auto_termination_minutes, dbr_version, tags, create_time, delete_time, raw_id)
SELECT cluster_id, ll_epoch(change_time), workspace_id, cluster_name, owned_by, cluster_source,
       driver_node_type, worker_node_type, CAST(worker_count AS INTEGER), CAST(min_autoscale_workers AS INTEGER),
       CAST(max_autoscale_workers AS INTEGER), CAST(auto_termination_minutes AS INTEGER), dbr_version,
       CASE WHEN json_valid(tags) THEN tags END, ll_epoch(create_time), ll_epoch(delete_time), raw_id
FROM raw_compute_clusters
WHERE raw_id > :from AND cluster_id IS NOT NULL AND ll_epoch(change_time) IS NOT NULL
ORDER BY raw_id
ON CONFLICT(cluster_id, change_time) DO UPDATE SET
    workspace_id = excluded.workspace_id, cluster_name = excluded.cluster_name, owned_by = excluded.owned_by,
    cluster_source = excluded.cluster_source, driver_node_type = excluded.driver_node_type,
    worker_node_type = excluded.worker_node_type, worker_count = excluded.worker_count,
    min_autoscale_workers = excluded.min_autoscale_workers, max_autoscale_workers = excluded.max_autoscale_workers,
    auto_termination_minutes = excluded.auto_termination_minutes, dbr_version = excluded.dbr_version,
    tags = excluded.tags, create_time = excluded.create_time, delete_time = excluded.delete_time, raw_id = excluded.raw_id,
    source = 'system'
)SQL";

inline constexpr const char *upsertWarehouses = R"SQL(
INSERT INTO ledger_warehouse (warehouse_id, change_time, workspace_id, warehouse_name, warehouse_type, warehouse_size,
    min_clusters, max_clusters, auto_stop_minutes, tags, delete_time, raw_id)
SELECT warehouse_id, ll_epoch(change_time), workspace_id, warehouse_name, warehouse_type, warehouse_size,
       CAST(min_clusters AS INTEGER), CAST(max_clusters AS INTEGER), CAST(auto_stop_minutes AS INTEGER),
       CASE WHEN json_valid(tags) THEN tags END, ll_epoch(delete_time), raw_id
FROM raw_compute_warehouses
WHERE raw_id > :from AND warehouse_id IS NOT NULL AND ll_epoch(change_time) IS NOT NULL
ORDER BY raw_id
ON CONFLICT(warehouse_id, change_time) DO UPDATE SET
    workspace_id = excluded.workspace_id, warehouse_name = excluded.warehouse_name, warehouse_type = excluded.warehouse_type,
    warehouse_size = excluded.warehouse_size, min_clusters = excluded.min_clusters, max_clusters = excluded.max_clusters,
    auto_stop_minutes = excluded.auto_stop_minutes, tags = excluded.tags, delete_time = excluded.delete_time, raw_id = excluded.raw_id,
    source = 'system'
)SQL";

// jobs.tags is documented both as a map and as a string: keep whatever is valid JSON.
inline constexpr const char *upsertJobs = R"SQL(
INSERT INTO ledger_job (job_id, change_time, workspace_id, name, creator_id, run_as, tags, delete_time, raw_id)
SELECT job_id, ll_epoch(change_time), workspace_id, name, creator_id, run_as,
       CASE WHEN json_valid(tags) THEN tags END, ll_epoch(delete_time), raw_id
FROM raw_lakeflow_jobs
WHERE raw_id > :from AND job_id IS NOT NULL AND ll_epoch(change_time) IS NOT NULL
ORDER BY raw_id
ON CONFLICT(job_id, change_time) DO UPDATE SET
    workspace_id = excluded.workspace_id, name = excluded.name, creator_id = excluded.creator_id,
    run_as = excluded.run_as, tags = excluded.tags, delete_time = excluded.delete_time, raw_id = excluded.raw_id,
    source = 'system'
)SQL";

inline constexpr const char *upsertJobTasks = R"SQL(
INSERT INTO ledger_job_task (job_id, task_key, change_time, depends_on_keys, delete_time, raw_id)
SELECT job_id, task_key, ll_epoch(change_time), depends_on_keys, ll_epoch(delete_time), raw_id
FROM raw_lakeflow_job_tasks
WHERE raw_id > :from AND job_id IS NOT NULL AND task_key IS NOT NULL AND ll_epoch(change_time) IS NOT NULL
ORDER BY raw_id
ON CONFLICT(job_id, task_key, change_time) DO UPDATE SET
    depends_on_keys = excluded.depends_on_keys, delete_time = excluded.delete_time, raw_id = excluded.raw_id
)SQL";

inline constexpr const char *upsertPipelines = R"SQL(
INSERT INTO ledger_pipeline (pipeline_id, change_time, workspace_id, pipeline_type, name, created_by, run_as, tags, delete_time, raw_id)
SELECT pipeline_id, ll_epoch(change_time), workspace_id, pipeline_type, name, created_by, run_as,
       CASE WHEN json_valid(tags) THEN tags END, ll_epoch(delete_time), raw_id
FROM raw_lakeflow_pipelines
WHERE raw_id > :from AND pipeline_id IS NOT NULL AND ll_epoch(change_time) IS NOT NULL
ORDER BY raw_id
ON CONFLICT(pipeline_id, change_time) DO UPDATE SET
    workspace_id = excluded.workspace_id, pipeline_type = excluded.pipeline_type, name = excluded.name,
    created_by = excluded.created_by, run_as = excluded.run_as, tags = excluded.tags,
    delete_time = excluded.delete_time, raw_id = excluded.raw_id, source = 'system'
)SQL";

// REST enrichment (raw_rest_object) as entity history: each listed object is an observation of
// the entity's state at its extraction time, a row with change_time = extracted_at and source
// 'rest'. Precedence (docs/architecture.md): the newest observation is current, whichever
// source made it; a system-table row is never overwritten by a REST snapshot (at an equal
// change_time the system row stays, see DO UPDATE ... WHERE source = 'rest'), and the fields a
// list API never carries are filled by the current views from the newest system row. A
// snapshot identical to the object's previous one (same payload) adds nothing and is skipped,
// decided from raw alone so a rebuild keeps exactly the rows incremental runs kept.
inline constexpr const char *restObjects = R"SQL(
    SELECT r.raw_id, r.object_id, r.extracted_at, r.payload AS p
    FROM raw_rest_object r
    WHERE r.raw_id > :from AND r.api = '%1' AND json_valid(r.payload)
      AND NOT EXISTS (SELECT 1 FROM raw_rest_object q
                      WHERE q.api = r.api AND q.object_id = r.object_id AND q.payload = r.payload
                        AND q.raw_id = (SELECT max(z.raw_id) FROM raw_rest_object z
                                        WHERE z.api = r.api AND z.object_id = r.object_id AND z.raw_id < r.raw_id))
)SQL";

inline constexpr const char *clustersFromRest = R"SQL(
INSERT INTO ledger_cluster (cluster_id, change_time, workspace_id, cluster_name, owned_by, cluster_source,
    driver_node_type, worker_node_type, worker_count, min_autoscale_workers, max_autoscale_workers,
    auto_termination_minutes, dbr_version, tags, create_time, delete_time, raw_id, source)
SELECT object_id, extracted_at, NULL, p ->> '$.cluster_name', p ->> '$.creator_user_name', p ->> '$.cluster_source',
       p ->> '$.driver_node_type_id', p ->> '$.node_type_id', CAST(p ->> '$.num_workers' AS INTEGER),
       CAST(p ->> '$.autoscale.min_workers' AS INTEGER), CAST(p ->> '$.autoscale.max_workers' AS INTEGER),
       CAST(p ->> '$.autotermination_minutes' AS INTEGER), p ->> '$.spark_version',
       CASE WHEN json_type(p, '$.custom_tags') = 'object' THEN json(p -> '$.custom_tags') END, NULL, NULL, raw_id, 'rest'
FROM (%1)
WHERE true
ORDER BY raw_id
ON CONFLICT(cluster_id, change_time) DO UPDATE SET
    cluster_name = excluded.cluster_name, owned_by = excluded.owned_by, cluster_source = excluded.cluster_source,
    driver_node_type = excluded.driver_node_type, worker_node_type = excluded.worker_node_type, worker_count = excluded.worker_count,
    min_autoscale_workers = excluded.min_autoscale_workers, max_autoscale_workers = excluded.max_autoscale_workers,
    auto_termination_minutes = excluded.auto_termination_minutes, dbr_version = excluded.dbr_version, tags = excluded.tags,
    raw_id = excluded.raw_id
WHERE ledger_cluster.source = 'rest'
)SQL";

// Warehouse tags come as tags.custom_tags[{key, value}]; serverless is PRO + enable_serverless_compute.
inline constexpr const char *warehousesFromRest = R"SQL(
INSERT INTO ledger_warehouse (warehouse_id, change_time, workspace_id, warehouse_name, warehouse_type, warehouse_size,
    min_clusters, max_clusters, auto_stop_minutes, tags, delete_time, raw_id, source)
SELECT object_id, extracted_at, NULL, p ->> '$.name',
       CASE WHEN p ->> '$.enable_serverless_compute' = 1 THEN 'SERVERLESS' ELSE p ->> '$.warehouse_type' END,
       p ->> '$.cluster_size', CAST(p ->> '$.min_num_clusters' AS INTEGER), CAST(p ->> '$.max_num_clusters' AS INTEGER),
       CAST(p ->> '$.auto_stop_mins' AS INTEGER),
       CASE WHEN json_type(p, '$.tags.custom_tags') = 'array'
            THEN (SELECT json_group_object(e.value ->> '$.key', e.value ->> '$.value') FROM json_each(p, '$.tags.custom_tags') e
                  WHERE e.type = 'object' AND e.value ->> '$.key' IS NOT NULL) END,
       NULL, raw_id, 'rest'
FROM (%1)
WHERE true
ORDER BY raw_id
ON CONFLICT(warehouse_id, change_time) DO UPDATE SET
    warehouse_name = excluded.warehouse_name, warehouse_type = excluded.warehouse_type, warehouse_size = excluded.warehouse_size,
    min_clusters = excluded.min_clusters, max_clusters = excluded.max_clusters, auto_stop_minutes = excluded.auto_stop_minutes,
    tags = excluded.tags, raw_id = excluded.raw_id
WHERE ledger_warehouse.source = 'rest'
)SQL";

// jobs/list entries carry no run_as_user_name (jobs/get does): the view falls back to the system row's.
inline constexpr const char *jobsFromRest = R"SQL(
INSERT INTO ledger_job (job_id, change_time, workspace_id, name, creator_id, run_as, tags, delete_time, raw_id, source)
SELECT object_id, extracted_at, NULL, p ->> '$.settings.name', p ->> '$.creator_user_name', p ->> '$.run_as_user_name',
       CASE WHEN json_type(p, '$.settings.tags') = 'object' THEN json(p -> '$.settings.tags') END, NULL, raw_id, 'rest'
FROM (%1)
WHERE true
ORDER BY raw_id
ON CONFLICT(job_id, change_time) DO UPDATE SET
    name = excluded.name, creator_id = excluded.creator_id, run_as = excluded.run_as, tags = excluded.tags, raw_id = excluded.raw_id
WHERE ledger_job.source = 'rest'
)SQL";

inline constexpr const char *pipelinesFromRest = R"SQL(
INSERT INTO ledger_pipeline (pipeline_id, change_time, workspace_id, pipeline_type, name, created_by, run_as, tags, delete_time, raw_id, source)
SELECT object_id, extracted_at, NULL, NULL, p ->> '$.name', p ->> '$.creator_user_name', p ->> '$.run_as_user_name', NULL, NULL,
       raw_id, 'rest'
FROM (%1)
WHERE true
ORDER BY raw_id
ON CONFLICT(pipeline_id, change_time) DO UPDATE SET
    name = excluded.name, created_by = excluded.created_by, run_as = excluded.run_as, raw_id = excluded.raw_id
WHERE ledger_pipeline.source = 'rest'
)SQL";

// Slices are facts: folding min/max over any subset in any order gives the same run.
inline constexpr const char *upsertJobRuns = R"SQL(
INSERT INTO ledger_run (run_kind, run_id, parent_id, workspace_id, run_name, trigger_type, run_as,
                        start_time, end_time, duration_seconds, result_state, termination_code, compute_ids)
SELECT 'job_run', run_id, max(job_id), max(workspace_id), max(run_name), max(trigger_type), NULL,
       min(s), max(e), max(e) - min(s), max(result_state), max(termination_code), max(compute_ids)
FROM (SELECT run_id, job_id, workspace_id, run_name, trigger_type, result_state, termination_code,
             CASE WHEN json_valid(compute_ids) AND json_type(compute_ids) = 'array' THEN compute_ids END AS compute_ids,
             ll_epoch(period_start_time) AS s, ll_epoch(period_end_time) AS e
      FROM raw_lakeflow_job_run_timeline WHERE raw_id > :from)
WHERE run_id IS NOT NULL AND job_id IS NOT NULL AND s IS NOT NULL AND e IS NOT NULL
GROUP BY run_id
ON CONFLICT(run_kind, run_id) DO UPDATE SET
    start_time = min(start_time, excluded.start_time), end_time = max(end_time, excluded.end_time),
    duration_seconds = max(end_time, excluded.end_time) - min(start_time, excluded.start_time),
    result_state = coalesce(excluded.result_state, result_state),
    termination_code = coalesce(excluded.termination_code, termination_code),
    run_name = coalesce(excluded.run_name, run_name), trigger_type = coalesce(excluded.trigger_type, trigger_type),
    compute_ids = coalesce(excluded.compute_ids, compute_ids)
)SQL";

inline constexpr const char *upsertPipelineUpdates = R"SQL(
INSERT INTO ledger_run (run_kind, run_id, parent_id, workspace_id, run_name, trigger_type, run_as,
                        start_time, end_time, duration_seconds, result_state, termination_code)
SELECT 'pipeline_update', update_id, max(pipeline_id), max(workspace_id), max(update_type), max(trigger_type), max(run_as_user_name),
       min(s), max(e), max(e) - min(s), max(result_state), NULL
FROM (SELECT update_id, pipeline_id, workspace_id, update_type, trigger_type, run_as_user_name, result_state,
             ll_epoch(period_start_time) AS s, ll_epoch(period_end_time) AS e
      FROM raw_lakeflow_pipeline_update_timeline WHERE raw_id > :from)
WHERE update_id IS NOT NULL AND pipeline_id IS NOT NULL AND s IS NOT NULL AND e IS NOT NULL
GROUP BY update_id
ON CONFLICT(run_kind, run_id) DO UPDATE SET
    start_time = min(start_time, excluded.start_time), end_time = max(end_time, excluded.end_time),
    duration_seconds = max(end_time, excluded.end_time) - min(start_time, excluded.start_time),
    result_state = coalesce(excluded.result_state, result_state), run_as = coalesce(excluded.run_as, run_as)
)SQL";

// Queries on warehouses, for splitting shared warehouse hours by execution time. A statement
// re-extracted later (lookback, or while it was still running) replaces the earlier copy.
inline constexpr const char *upsertQueries = R"SQL(
INSERT INTO ledger_query (statement_id, workspace_id, warehouse_id, executed_by, start_time, end_time, status, query_tags, cluster_id)
SELECT statement_id, workspace_id,
       coalesce(CASE WHEN json_valid(compute) THEN CAST(compute ->> '$.warehouse_id' AS TEXT) END, ''),
       coalesce(executed_by, executed_as), ll_epoch(start_time), ll_epoch(end_time), execution_status,
       CASE WHEN json_valid(query_source) THEN query_source END,
       CASE WHEN json_valid(compute) THEN CAST(compute ->> '$.cluster_id' AS TEXT) END
FROM raw_query_history
WHERE raw_id > :from AND statement_id IS NOT NULL AND ll_epoch(start_time) IS NOT NULL AND ll_epoch(end_time) IS NOT NULL
ORDER BY raw_id
ON CONFLICT(statement_id) DO UPDATE SET
    workspace_id = excluded.workspace_id, warehouse_id = excluded.warehouse_id, executed_by = excluded.executed_by,
    start_time = excluded.start_time, end_time = excluded.end_time, status = excluded.status, query_tags = excluded.query_tags,
    cluster_id = excluded.cluster_id
)SQL";

// Current ownership relations, recomputed from the current entity rows (small tables).
inline constexpr const char *refreshOwnership = R"SQL(
DELETE FROM ledger_ownership;
INSERT OR IGNORE INTO ledger_ownership (object_type, object_id, relation, principal)
SELECT 'cluster', cluster_id, 'owner', owned_by FROM ledger_cluster_current WHERE owned_by IS NOT NULL
UNION ALL SELECT 'job', job_id, 'creator', creator_id FROM ledger_job_current WHERE creator_id IS NOT NULL
UNION ALL SELECT 'job', job_id, 'run_as', run_as FROM ledger_job_current WHERE run_as IS NOT NULL
UNION ALL SELECT 'pipeline', pipeline_id, 'creator', created_by FROM ledger_pipeline_current WHERE created_by IS NOT NULL
UNION ALL SELECT 'pipeline', pipeline_id, 'run_as', run_as FROM ledger_pipeline_current WHERE run_as IS NOT NULL;
INSERT OR IGNORE INTO ledger_principal (principal, principal_type)
SELECT principal, CASE WHEN principal LIKE '%@%' THEN 'user' ELSE 'service_principal' END FROM ledger_ownership;
)SQL";

inline constexpr const char *principalsFromLines = R"SQL(
INSERT OR IGNORE INTO ledger_principal (principal, principal_type)
SELECT p, CASE WHEN p LIKE '%@%' THEN 'user' ELSE 'service_principal' END
FROM (SELECT run_as AS p FROM ledger_usage_line WHERE line_id > :after AND run_as IS NOT NULL
      UNION SELECT owned_by FROM ledger_usage_line WHERE line_id > :after AND owned_by IS NOT NULL)
)SQL";

inline constexpr const char *workUnitsFromLines = R"SQL(
INSERT OR IGNORE INTO ledger_work_unit (work_unit_type, work_unit_id, workspace_id)
SELECT work_unit_type, work_unit_id, min(workspace_id) FROM ledger_usage_line
WHERE line_id > :after AND work_unit_id IS NOT NULL
GROUP BY work_unit_type, work_unit_id
)SQL";

// Names, owners and tags come from the current entity rows; recomputed whenever either side
// changes. Units whose values changed get their usage days queued for attribution (which
// reads all three), found through metrics_work_unit_daily's unit index rather than a scan of the
// line items; days whose metrics are still pending are queued too, since their lines may not be
// in metrics_work_unit_daily yet. Lines added in this run have their days queued already.
inline constexpr const char *refreshWorkUnits = R"SQL(
CREATE TEMP TABLE IF NOT EXISTS work_unit_next (
    work_unit_type TEXT NOT NULL, work_unit_id TEXT NOT NULL, name TEXT, owner TEXT, tags TEXT,
    changed INTEGER NOT NULL, PRIMARY KEY (work_unit_type, work_unit_id)) WITHOUT ROWID;
DELETE FROM temp.work_unit_next;
INSERT INTO temp.work_unit_next (work_unit_type, work_unit_id, name, owner, tags, changed)
SELECT work_unit_type, work_unit_id, n, o, t, (name IS NOT n OR owner IS NOT o OR tags IS NOT t)
FROM (SELECT w.work_unit_type, w.work_unit_id, w.name, w.owner, w.tags,
             CASE w.work_unit_type
                 WHEN 'job' THEN (SELECT name FROM ledger_job_current j WHERE j.job_id = w.work_unit_id)
                 WHEN 'cluster' THEN (SELECT cluster_name FROM ledger_cluster_current c WHERE c.cluster_id = w.work_unit_id)
                 WHEN 'warehouse' THEN (SELECT warehouse_name FROM ledger_warehouse_current h WHERE h.warehouse_id = w.work_unit_id)
                 WHEN 'pipeline' THEN (SELECT name FROM ledger_pipeline_current p WHERE p.pipeline_id = w.work_unit_id)
                 ELSE NULL END AS n,
             CASE w.work_unit_type
                 WHEN 'job' THEN (SELECT coalesce(run_as, creator_id) FROM ledger_job_current j WHERE j.job_id = w.work_unit_id)
                 WHEN 'cluster' THEN (SELECT owned_by FROM ledger_cluster_current c WHERE c.cluster_id = w.work_unit_id)
                 WHEN 'pipeline' THEN (SELECT coalesce(run_as, created_by) FROM ledger_pipeline_current p WHERE p.pipeline_id = w.work_unit_id)
                 ELSE NULL END AS o,
             CASE w.work_unit_type
                 WHEN 'job' THEN (SELECT tags FROM ledger_job_current j WHERE j.job_id = w.work_unit_id)
                 WHEN 'cluster' THEN (SELECT tags FROM ledger_cluster_current c WHERE c.cluster_id = w.work_unit_id)
                 WHEN 'warehouse' THEN (SELECT tags FROM ledger_warehouse_current h WHERE h.warehouse_id = w.work_unit_id)
                 WHEN 'pipeline' THEN (SELECT tags FROM ledger_pipeline_current p WHERE p.pipeline_id = w.work_unit_id)
                 ELSE NULL END AS t
      FROM ledger_work_unit w);
INSERT OR IGNORE INTO app_dirty_day (stage, day)
SELECT DISTINCT 'attribution', m.day
FROM temp.work_unit_next c
JOIN metrics_work_unit_daily m ON m.work_unit_type = c.work_unit_type AND m.work_unit_id = c.work_unit_id
WHERE c.changed;
INSERT OR IGNORE INTO app_dirty_day (stage, day)
SELECT DISTINCT 'attribution', day FROM app_dirty_day
WHERE stage IN ('metrics', 'workload_metrics') AND EXISTS (SELECT 1 FROM temp.work_unit_next WHERE changed);
UPDATE ledger_work_unit SET (name, owner, tags) = (
    SELECT n.name, n.owner, n.tags FROM temp.work_unit_next n
    WHERE n.work_unit_type = ledger_work_unit.work_unit_type AND n.work_unit_id = ledger_work_unit.work_unit_id)
WHERE (work_unit_type, work_unit_id) IN (SELECT work_unit_type, work_unit_id FROM temp.work_unit_next WHERE changed);
)SQL";

} // namespace ll::ledger::sql

-- Schema version 12: REST enrichment (jobs, clusters, SQL warehouses, pipelines lists) builds
-- ledger entities beside the system tables. A REST object is an observation of the entity's
-- state when it was listed: it becomes a history row whose change_time is its extraction time,
-- marked source = 'rest'. The current views keep "newest observation wins" (a system-table row
-- newer than the snapshot stays current; an older REST snapshot never overwrites it: it is its
-- own history row), and fill every field a snapshot lacks (workspace_id and a job's run_as are
-- never in the lists) from the entity's newest system-table row; tags are not filled: a
-- snapshot without tags says the entity has none (the pipelines list carries no tags at all,
-- so a pipeline's come from system.lakeflow.pipelines), and a listed entity is not deleted.

ALTER TABLE ledger_cluster ADD COLUMN source TEXT NOT NULL DEFAULT 'system';
ALTER TABLE ledger_warehouse ADD COLUMN source TEXT NOT NULL DEFAULT 'system';
ALTER TABLE ledger_job ADD COLUMN source TEXT NOT NULL DEFAULT 'system';
ALTER TABLE ledger_pipeline ADD COLUMN source TEXT NOT NULL DEFAULT 'system';

-- The previous snapshot of the same object, to keep only snapshots that differ from it.
CREATE INDEX raw_rest_object_by_object ON raw_rest_object (api, object_id, raw_id);

DROP VIEW ledger_cluster_current;
DROP VIEW ledger_warehouse_current;
DROP VIEW ledger_job_current;
DROP VIEW ledger_pipeline_current;

CREATE VIEW ledger_cluster_current AS
SELECT c.cluster_id, c.change_time, coalesce(c.workspace_id, s.workspace_id) AS workspace_id,
       coalesce(c.cluster_name, s.cluster_name) AS cluster_name, coalesce(c.owned_by, s.owned_by) AS owned_by,
       coalesce(c.cluster_source, s.cluster_source) AS cluster_source,
       coalesce(c.driver_node_type, s.driver_node_type) AS driver_node_type,
       coalesce(c.worker_node_type, s.worker_node_type) AS worker_node_type,
       coalesce(c.worker_count, s.worker_count) AS worker_count,
       coalesce(c.min_autoscale_workers, s.min_autoscale_workers) AS min_autoscale_workers,
       coalesce(c.max_autoscale_workers, s.max_autoscale_workers) AS max_autoscale_workers,
       coalesce(c.auto_termination_minutes, s.auto_termination_minutes) AS auto_termination_minutes,
       coalesce(c.dbr_version, s.dbr_version) AS dbr_version, c.tags,
       coalesce(c.create_time, s.create_time) AS create_time, c.delete_time, c.raw_id, c.source
FROM ledger_cluster c
LEFT JOIN ledger_cluster s ON c.source = 'rest' AND s.cluster_id = c.cluster_id AND s.source = 'system'
     AND s.change_time = (SELECT max(change_time) FROM ledger_cluster y WHERE y.cluster_id = c.cluster_id AND y.source = 'system')
WHERE c.change_time = (SELECT max(change_time) FROM ledger_cluster x WHERE x.cluster_id = c.cluster_id);

CREATE VIEW ledger_warehouse_current AS
SELECT w.warehouse_id, w.change_time, coalesce(w.workspace_id, s.workspace_id) AS workspace_id,
       coalesce(w.warehouse_name, s.warehouse_name) AS warehouse_name,
       coalesce(w.warehouse_type, s.warehouse_type) AS warehouse_type,
       coalesce(w.warehouse_size, s.warehouse_size) AS warehouse_size,
       coalesce(w.min_clusters, s.min_clusters) AS min_clusters,
       coalesce(w.max_clusters, s.max_clusters) AS max_clusters,
       coalesce(w.auto_stop_minutes, s.auto_stop_minutes) AS auto_stop_minutes, w.tags, w.delete_time, w.raw_id,
       w.source
FROM ledger_warehouse w
LEFT JOIN ledger_warehouse s ON w.source = 'rest' AND s.warehouse_id = w.warehouse_id AND s.source = 'system'
     AND s.change_time = (SELECT max(change_time) FROM ledger_warehouse y WHERE y.warehouse_id = w.warehouse_id AND y.source = 'system')
WHERE w.change_time = (SELECT max(change_time) FROM ledger_warehouse x WHERE x.warehouse_id = w.warehouse_id);

CREATE VIEW ledger_job_current AS
SELECT j.job_id, j.change_time, coalesce(j.workspace_id, s.workspace_id) AS workspace_id,
       coalesce(j.name, s.name) AS name, coalesce(j.creator_id, s.creator_id) AS creator_id,
       coalesce(j.run_as, s.run_as) AS run_as, j.tags, j.delete_time, j.raw_id, j.source
FROM ledger_job j
LEFT JOIN ledger_job s ON j.source = 'rest' AND s.job_id = j.job_id AND s.source = 'system'
     AND s.change_time = (SELECT max(change_time) FROM ledger_job y WHERE y.job_id = j.job_id AND y.source = 'system')
WHERE j.change_time = (SELECT max(change_time) FROM ledger_job x WHERE x.job_id = j.job_id);

CREATE VIEW ledger_pipeline_current AS
SELECT p.pipeline_id, p.change_time, coalesce(p.workspace_id, s.workspace_id) AS workspace_id,
       coalesce(p.pipeline_type, s.pipeline_type) AS pipeline_type, coalesce(p.name, s.name) AS name,
       coalesce(p.created_by, s.created_by) AS created_by, coalesce(p.run_as, s.run_as) AS run_as, coalesce(p.tags, s.tags) AS tags,
       p.delete_time, p.raw_id, p.source
FROM ledger_pipeline p
LEFT JOIN ledger_pipeline s ON p.source = 'rest' AND s.pipeline_id = p.pipeline_id AND s.source = 'system'
     AND s.change_time = (SELECT max(change_time) FROM ledger_pipeline y WHERE y.pipeline_id = p.pipeline_id AND y.source = 'system')
WHERE p.change_time = (SELECT max(change_time) FROM ledger_pipeline x WHERE x.pipeline_id = p.pipeline_id);

-- Workspace names: system.access.workspaces_latest's when it has one ('system'), else the
-- account workspaces API's latest ('rest'), recomputed at the end of every ledger run.
ALTER TABLE ledger_workspace ADD COLUMN name_source TEXT;
UPDATE ledger_workspace SET name_source = 'system' WHERE workspace_name IS NOT NULL;

-- Schema version 2: canonical entities with history, runs, principals and ownership, contract
-- prices, and contract cost beside list and effective list cost.

------------------------------------------------------------------------------------------------
-- Slowly changing entities: one row per change (history kept); "current" views pick the latest.
------------------------------------------------------------------------------------------------
CREATE TABLE ledger_cluster (
    cluster_id               TEXT NOT NULL,
    change_time              INTEGER NOT NULL,
    workspace_id             TEXT,
    cluster_name             TEXT,
    owned_by                 TEXT,
    cluster_source           TEXT,
    driver_node_type         TEXT,
    worker_node_type         TEXT,
    worker_count             INTEGER,
    min_autoscale_workers    INTEGER,
    max_autoscale_workers    INTEGER,
    auto_termination_minutes INTEGER,
    dbr_version              TEXT,
    tags                     TEXT,
    create_time              INTEGER,
    delete_time              INTEGER,
    raw_id                   INTEGER NOT NULL,
    PRIMARY KEY (cluster_id, change_time)
) WITHOUT ROWID;

CREATE TABLE ledger_warehouse (
    warehouse_id      TEXT NOT NULL,
    change_time       INTEGER NOT NULL,
    workspace_id      TEXT,
    warehouse_name    TEXT,
    warehouse_type    TEXT,
    warehouse_size    TEXT,
    min_clusters      INTEGER,
    max_clusters      INTEGER,
    auto_stop_minutes INTEGER,
    tags              TEXT,
    delete_time       INTEGER,
    raw_id            INTEGER NOT NULL,
    PRIMARY KEY (warehouse_id, change_time)
) WITHOUT ROWID;

CREATE TABLE ledger_job (
    job_id       TEXT NOT NULL,
    change_time  INTEGER NOT NULL,
    workspace_id TEXT,
    name         TEXT,
    creator_id   TEXT,
    run_as       TEXT,
    tags         TEXT,
    delete_time  INTEGER,
    raw_id       INTEGER NOT NULL,
    PRIMARY KEY (job_id, change_time)
) WITHOUT ROWID;

CREATE TABLE ledger_job_task (
    job_id          TEXT NOT NULL,
    task_key        TEXT NOT NULL,
    change_time     INTEGER NOT NULL,
    depends_on_keys TEXT,
    delete_time     INTEGER,
    raw_id          INTEGER NOT NULL,
    PRIMARY KEY (job_id, task_key, change_time)
) WITHOUT ROWID;

CREATE TABLE ledger_pipeline (
    pipeline_id   TEXT NOT NULL,
    change_time   INTEGER NOT NULL,
    workspace_id  TEXT,
    pipeline_type TEXT,
    name          TEXT,
    created_by    TEXT,
    run_as        TEXT,
    tags          TEXT,
    delete_time   INTEGER,
    raw_id        INTEGER NOT NULL,
    PRIMARY KEY (pipeline_id, change_time)
) WITHOUT ROWID;

CREATE VIEW ledger_cluster_current AS
SELECT c.* FROM ledger_cluster c
WHERE c.change_time = (SELECT max(change_time) FROM ledger_cluster x WHERE x.cluster_id = c.cluster_id);
CREATE VIEW ledger_warehouse_current AS
SELECT w.* FROM ledger_warehouse w
WHERE w.change_time = (SELECT max(change_time) FROM ledger_warehouse x WHERE x.warehouse_id = w.warehouse_id);
CREATE VIEW ledger_job_current AS
SELECT j.* FROM ledger_job j
WHERE j.change_time = (SELECT max(change_time) FROM ledger_job x WHERE x.job_id = j.job_id);
CREATE VIEW ledger_pipeline_current AS
SELECT p.* FROM ledger_pipeline p
WHERE p.change_time = (SELECT max(change_time) FROM ledger_pipeline x WHERE x.pipeline_id = p.pipeline_id);

------------------------------------------------------------------------------------------------
-- Runs: job runs and pipeline updates, assembled from their hourly slices.
------------------------------------------------------------------------------------------------
CREATE TABLE ledger_run (
    run_kind         TEXT NOT NULL CHECK (run_kind IN ('job_run', 'pipeline_update')),
    run_id           TEXT NOT NULL,
    parent_id        TEXT NOT NULL,   -- job_id or pipeline_id
    workspace_id     TEXT,
    run_name         TEXT,
    trigger_type     TEXT,
    run_as           TEXT,
    start_time       INTEGER NOT NULL,
    end_time         INTEGER NOT NULL,
    duration_seconds INTEGER NOT NULL,
    result_state     TEXT,            -- NULL while running
    termination_code TEXT,
    PRIMARY KEY (run_kind, run_id)
) WITHOUT ROWID;
CREATE INDEX ledger_run_parent ON ledger_run(parent_id);

------------------------------------------------------------------------------------------------
-- Principals and ownership
------------------------------------------------------------------------------------------------
CREATE TABLE ledger_principal (
    principal      TEXT PRIMARY KEY,   -- user e-mail or service principal application id
    principal_type TEXT NOT NULL CHECK (principal_type IN ('user', 'service_principal'))
) WITHOUT ROWID;

-- Who owns, created, or runs as each object (current relations).
CREATE TABLE ledger_ownership (
    object_type TEXT NOT NULL,   -- job, cluster, warehouse, pipeline
    object_id   TEXT NOT NULL,
    relation    TEXT NOT NULL CHECK (relation IN ('owner', 'creator', 'run_as')),
    principal   TEXT NOT NULL,
    PRIMARY KEY (object_type, object_id, relation)
) WITHOUT ROWID;

-- Whatever usage is really spent on: one row per work unit, named from the entities.
CREATE TABLE ledger_work_unit (
    work_unit_type TEXT NOT NULL,
    work_unit_id   TEXT NOT NULL,
    workspace_id   TEXT,
    name           TEXT,
    owner          TEXT,
    PRIMARY KEY (work_unit_type, work_unit_id)
) WITHOUT ROWID;

------------------------------------------------------------------------------------------------
-- Contract prices (analyst input, app state) and contract cost on line items and metrics.
------------------------------------------------------------------------------------------------
CREATE TABLE app_contract_price (
    contract_id INTEGER PRIMARY KEY,
    scope       TEXT NOT NULL CHECK (scope IN ('sku', 'family', 'all')),
    scope_key   TEXT NOT NULL,             -- SKU name, billing product family, or '*'
    kind        TEXT NOT NULL CHECK (kind IN ('price', 'discount')),
    value       TEXT NOT NULL,             -- unit price, or discount percent off list
    valid_from  TEXT NOT NULL,             -- YYYY-MM-DD, inclusive (UTC usage day)
    valid_to    TEXT,                      -- YYYY-MM-DD, inclusive; NULL = open
    UNIQUE (scope, scope_key, valid_from)
);

ALTER TABLE ledger_usage_line ADD COLUMN contract_cost_nanos INTEGER;
ALTER TABLE ledger_usage_line ADD COLUMN contract_id INTEGER;
ALTER TABLE metrics_daily_cost ADD COLUMN contract_cost_nanos INTEGER NOT NULL DEFAULT 0;
CREATE INDEX ledger_usage_line_batch ON ledger_usage_line(batch_id);
CREATE INDEX ledger_usage_line_job ON ledger_usage_line(job_id) WHERE job_id IS NOT NULL;
CREATE INDEX ledger_usage_line_corrections ON ledger_usage_line(batch_id, usage_day) WHERE record_type <> 'ORIGINAL';

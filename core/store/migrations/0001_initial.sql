-- LakeLedger store schema, version 1.
-- One SQLite file per Databricks account profile. Layers are table-name prefixes in one file
-- (raw_, ledger_, attr_, metrics_, insight_, app_) so one transaction spans layers atomically;
-- see docs/architecture.md for why not ATTACHed databases.

------------------------------------------------------------------------------------------------
-- App state
------------------------------------------------------------------------------------------------
CREATE TABLE app_setting (
    key   TEXT PRIMARY KEY,
    value TEXT
) WITHOUT ROWID;

-- A connection profile never holds a secret: secrets live in the OS keychain.
CREATE TABLE app_profile (
    profile_id   INTEGER PRIMARY KEY,
    name         TEXT NOT NULL UNIQUE,
    host         TEXT NOT NULL,
    warehouse_id TEXT,
    auth_type    TEXT NOT NULL CHECK (auth_type IN ('pat', 'oauth-m2m', 'demo')),
    client_id    TEXT,
    account_id   TEXT,
    created_at   INTEGER NOT NULL
);

CREATE TABLE app_pipeline_run (
    run_id      INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,              -- demo, sync, process, rebuild
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    status      TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled', 'interrupted')),
    error       TEXT
);

CREATE TABLE app_stage_run (
    stage_run_id INTEGER PRIMARY KEY,
    run_id       INTEGER NOT NULL REFERENCES app_pipeline_run(run_id),
    stage        TEXT NOT NULL,
    started_at   INTEGER NOT NULL,
    finished_at  INTEGER,
    rows_in      INTEGER NOT NULL DEFAULT 0,
    rows_out     INTEGER NOT NULL DEFAULT 0,
    status       TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled', 'interrupted')),
    error        TEXT
);
CREATE INDEX app_stage_run_stage ON app_stage_run(stage, stage_run_id);

-- How far each derived stage has consumed each raw table (by raw_id). Written in the same
-- transaction as the stage's output, so a killed stage resumes exactly where it committed.
CREATE TABLE app_stage_watermark (
    stage     TEXT NOT NULL,
    source    TEXT NOT NULL,
    raw_id    INTEGER NOT NULL,
    PRIMARY KEY (stage, source)
) WITHOUT ROWID;

-- Days whose inputs changed and that a downstream stage still has to recompute. A stage
-- consumes its rows and queues the next stage's in one transaction.
CREATE TABLE app_dirty_day (
    stage TEXT NOT NULL,
    day   TEXT NOT NULL,
    PRIMARY KEY (stage, day)
) WITHOUT ROWID;

-- Non-fatal problems are data: shown in Data Health, never silently skipped.
CREATE TABLE app_issue (
    issue_id   INTEGER PRIMARY KEY,
    at         INTEGER NOT NULL,
    severity   TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
    source     TEXT NOT NULL,
    message    TEXT NOT NULL,
    context    TEXT
);

-- LakeLedger's own audit trail of actions taken in the app.
CREATE TABLE app_audit_log (
    entry_id INTEGER PRIMARY KEY,
    at       INTEGER NOT NULL,
    actor    TEXT NOT NULL,
    action   TEXT NOT NULL,
    object   TEXT,
    before   TEXT,
    after    TEXT
);

------------------------------------------------------------------------------------------------
-- Raw layer: append-only copies of source records, every row with its batch and time.
-- Values are kept verbatim as the Statement API's JSON_ARRAY delivers them (text; complex
-- columns as JSON text), so a rebuild can re-derive everything and nothing is lost to parsing.
------------------------------------------------------------------------------------------------
CREATE TABLE raw_batch (
    batch_id    INTEGER PRIMARY KEY,
    source      TEXT NOT NULL,
    mode        TEXT NOT NULL CHECK (mode IN ('demo', 'direct', 'connector')),
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    status      TEXT NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled', 'interrupted', 'unavailable')),
    row_count   INTEGER NOT NULL DEFAULT 0,
    error       TEXT
);

-- Per-source extraction state and freshness. The watermark is written in the same transaction
-- as the rows it covers.
CREATE TABLE raw_source_state (
    source            TEXT PRIMARY KEY,
    watermark         TEXT,
    last_success_at   INTEGER,
    newest_event_time INTEGER,
    status            TEXT NOT NULL DEFAULT 'never' CHECK (status IN ('never', 'ok', 'failed', 'unavailable')),
    message           TEXT
) WITHOUT ROWID;

-- REST enrichment objects (jobs, clusters, warehouses, workspaces, pipelines) as JSON.
CREATE TABLE raw_rest_object (
    raw_id       INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES raw_batch(batch_id),
    extracted_at INTEGER NOT NULL,
    api          TEXT NOT NULL,
    object_id    TEXT NOT NULL,
    payload      TEXT NOT NULL
);
CREATE TRIGGER raw_rest_object_no_update BEFORE UPDATE ON raw_rest_object BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
CREATE TRIGGER raw_rest_object_no_delete BEFORE DELETE ON raw_rest_object BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;

CREATE TABLE raw_billing_usage (
    raw_id       INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES raw_batch(batch_id),
    extracted_at INTEGER NOT NULL,
    record_id TEXT,
    account_id TEXT,
    workspace_id TEXT,
    sku_name TEXT,
    cloud TEXT,
    usage_start_time TEXT,
    usage_end_time TEXT,
    usage_date TEXT,
    custom_tags TEXT,
    usage_unit TEXT,
    usage_quantity TEXT,
    usage_metadata TEXT,
    identity_metadata TEXT,
    record_type TEXT,
    ingestion_date TEXT,
    billing_origin_product TEXT,
    product_features TEXT,
    usage_type TEXT
);
CREATE TRIGGER raw_billing_usage_no_update BEFORE UPDATE ON raw_billing_usage BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
CREATE TRIGGER raw_billing_usage_no_delete BEFORE DELETE ON raw_billing_usage BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;

CREATE TABLE raw_billing_list_prices (
    raw_id       INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES raw_batch(batch_id),
    extracted_at INTEGER NOT NULL,
    price_start_time TEXT,
    price_end_time TEXT,
    account_id TEXT,
    sku_name TEXT,
    cloud TEXT,
    currency_code TEXT,
    usage_unit TEXT,
    pricing TEXT
);
CREATE TRIGGER raw_billing_list_prices_no_update BEFORE UPDATE ON raw_billing_list_prices BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
CREATE TRIGGER raw_billing_list_prices_no_delete BEFORE DELETE ON raw_billing_list_prices BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;

CREATE TABLE raw_access_workspaces_latest (
    raw_id       INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES raw_batch(batch_id),
    extracted_at INTEGER NOT NULL,
    account_id TEXT,
    workspace_id TEXT,
    workspace_name TEXT,
    workspace_url TEXT,
    create_time TEXT,
    status TEXT
);
CREATE TRIGGER raw_access_workspaces_latest_no_update BEFORE UPDATE ON raw_access_workspaces_latest BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
CREATE TRIGGER raw_access_workspaces_latest_no_delete BEFORE DELETE ON raw_access_workspaces_latest BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;

CREATE TABLE raw_compute_clusters (
    raw_id       INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES raw_batch(batch_id),
    extracted_at INTEGER NOT NULL,
    account_id TEXT,
    workspace_id TEXT,
    cluster_id TEXT,
    cluster_name TEXT,
    owned_by TEXT,
    create_time TEXT,
    delete_time TEXT,
    driver_node_type TEXT,
    worker_node_type TEXT,
    worker_count TEXT,
    min_autoscale_workers TEXT,
    max_autoscale_workers TEXT,
    auto_termination_minutes TEXT,
    enable_elastic_disk TEXT,
    tags TEXT,
    cluster_source TEXT,
    init_scripts TEXT,
    aws_attributes TEXT,
    azure_attributes TEXT,
    gcp_attributes TEXT,
    driver_instance_pool_id TEXT,
    worker_instance_pool_id TEXT,
    dbr_version TEXT,
    change_time TEXT,
    change_date TEXT,
    data_security_mode TEXT,
    policy_id TEXT
);
CREATE TRIGGER raw_compute_clusters_no_update BEFORE UPDATE ON raw_compute_clusters BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
CREATE TRIGGER raw_compute_clusters_no_delete BEFORE DELETE ON raw_compute_clusters BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;

CREATE TABLE raw_compute_node_timeline (
    raw_id       INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES raw_batch(batch_id),
    extracted_at INTEGER NOT NULL,
    account_id TEXT,
    workspace_id TEXT,
    cluster_id TEXT,
    instance_id TEXT,
    start_time TEXT,
    end_time TEXT,
    driver TEXT,
    cpu_user_percent TEXT,
    cpu_system_percent TEXT,
    cpu_wait_percent TEXT,
    mem_used_percent TEXT,
    mem_swap_percent TEXT,
    network_sent_bytes TEXT,
    network_received_bytes TEXT,
    disk_free_bytes_per_mount_point TEXT,
    node_type TEXT
);
CREATE TRIGGER raw_compute_node_timeline_no_update BEFORE UPDATE ON raw_compute_node_timeline BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
CREATE TRIGGER raw_compute_node_timeline_no_delete BEFORE DELETE ON raw_compute_node_timeline BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;

CREATE TABLE raw_compute_node_types (
    raw_id       INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES raw_batch(batch_id),
    extracted_at INTEGER NOT NULL,
    account_id TEXT,
    node_type TEXT,
    core_count TEXT,
    memory_mb TEXT,
    gpu_count TEXT
);
CREATE TRIGGER raw_compute_node_types_no_update BEFORE UPDATE ON raw_compute_node_types BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
CREATE TRIGGER raw_compute_node_types_no_delete BEFORE DELETE ON raw_compute_node_types BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;

CREATE TABLE raw_compute_warehouses (
    raw_id       INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES raw_batch(batch_id),
    extracted_at INTEGER NOT NULL,
    account_id TEXT,
    workspace_id TEXT,
    warehouse_id TEXT,
    warehouse_name TEXT,
    warehouse_type TEXT,
    warehouse_channel TEXT,
    warehouse_size TEXT,
    min_clusters TEXT,
    max_clusters TEXT,
    auto_stop_minutes TEXT,
    tags TEXT,
    change_time TEXT,
    delete_time TEXT
);
CREATE TRIGGER raw_compute_warehouses_no_update BEFORE UPDATE ON raw_compute_warehouses BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
CREATE TRIGGER raw_compute_warehouses_no_delete BEFORE DELETE ON raw_compute_warehouses BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;

CREATE TABLE raw_compute_warehouse_events (
    raw_id       INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES raw_batch(batch_id),
    extracted_at INTEGER NOT NULL,
    account_id TEXT,
    workspace_id TEXT,
    warehouse_id TEXT,
    event_type TEXT,
    cluster_count TEXT,
    event_time TEXT
);
CREATE TRIGGER raw_compute_warehouse_events_no_update BEFORE UPDATE ON raw_compute_warehouse_events BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
CREATE TRIGGER raw_compute_warehouse_events_no_delete BEFORE DELETE ON raw_compute_warehouse_events BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;

CREATE TABLE raw_lakeflow_jobs (
    raw_id       INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES raw_batch(batch_id),
    extracted_at INTEGER NOT NULL,
    account_id TEXT,
    workspace_id TEXT,
    job_id TEXT,
    name TEXT,
    description TEXT,
    creator_id TEXT,
    tags TEXT,
    change_time TEXT,
    delete_time TEXT,
    run_as TEXT,
    "trigger" TEXT
);
CREATE TRIGGER raw_lakeflow_jobs_no_update BEFORE UPDATE ON raw_lakeflow_jobs BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
CREATE TRIGGER raw_lakeflow_jobs_no_delete BEFORE DELETE ON raw_lakeflow_jobs BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;

CREATE TABLE raw_lakeflow_job_tasks (
    raw_id       INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES raw_batch(batch_id),
    extracted_at INTEGER NOT NULL,
    account_id TEXT,
    workspace_id TEXT,
    job_id TEXT,
    task_key TEXT,
    depends_on_keys TEXT,
    change_time TEXT,
    delete_time TEXT
);
CREATE TRIGGER raw_lakeflow_job_tasks_no_update BEFORE UPDATE ON raw_lakeflow_job_tasks BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
CREATE TRIGGER raw_lakeflow_job_tasks_no_delete BEFORE DELETE ON raw_lakeflow_job_tasks BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;

CREATE TABLE raw_lakeflow_job_run_timeline (
    raw_id       INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES raw_batch(batch_id),
    extracted_at INTEGER NOT NULL,
    account_id TEXT,
    workspace_id TEXT,
    job_id TEXT,
    run_id TEXT,
    period_start_time TEXT,
    period_end_time TEXT,
    trigger_type TEXT,
    run_type TEXT,
    run_name TEXT,
    compute_ids TEXT,
    result_state TEXT,
    termination_code TEXT,
    job_parameters TEXT
);
CREATE TRIGGER raw_lakeflow_job_run_timeline_no_update BEFORE UPDATE ON raw_lakeflow_job_run_timeline BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
CREATE TRIGGER raw_lakeflow_job_run_timeline_no_delete BEFORE DELETE ON raw_lakeflow_job_run_timeline BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;

CREATE TABLE raw_lakeflow_job_task_run_timeline (
    raw_id       INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES raw_batch(batch_id),
    extracted_at INTEGER NOT NULL,
    account_id TEXT,
    workspace_id TEXT,
    job_id TEXT,
    run_id TEXT,
    job_run_id TEXT,
    parent_run_id TEXT,
    task_key TEXT,
    period_start_time TEXT,
    period_end_time TEXT,
    compute_ids TEXT,
    result_state TEXT,
    termination_code TEXT
);
CREATE TRIGGER raw_lakeflow_job_task_run_timeline_no_update BEFORE UPDATE ON raw_lakeflow_job_task_run_timeline BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
CREATE TRIGGER raw_lakeflow_job_task_run_timeline_no_delete BEFORE DELETE ON raw_lakeflow_job_task_run_timeline BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;

CREATE TABLE raw_lakeflow_pipelines (
    raw_id       INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES raw_batch(batch_id),
    extracted_at INTEGER NOT NULL,
    account_id TEXT,
    workspace_id TEXT,
    pipeline_id TEXT,
    pipeline_type TEXT,
    name TEXT,
    created_by TEXT,
    run_as TEXT,
    tags TEXT,
    settings TEXT,
    change_time TEXT,
    delete_time TEXT
);
CREATE TRIGGER raw_lakeflow_pipelines_no_update BEFORE UPDATE ON raw_lakeflow_pipelines BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
CREATE TRIGGER raw_lakeflow_pipelines_no_delete BEFORE DELETE ON raw_lakeflow_pipelines BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;

CREATE TABLE raw_lakeflow_pipeline_update_timeline (
    raw_id       INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES raw_batch(batch_id),
    extracted_at INTEGER NOT NULL,
    account_id TEXT,
    workspace_id TEXT,
    pipeline_id TEXT,
    update_id TEXT,
    update_type TEXT,
    request_id TEXT,
    run_as_user_name TEXT,
    trigger_type TEXT,
    trigger_details TEXT,
    period_start_time TEXT,
    period_end_time TEXT,
    result_state TEXT,
    compute TEXT
);
CREATE TRIGGER raw_lakeflow_pipeline_update_timeline_no_update BEFORE UPDATE ON raw_lakeflow_pipeline_update_timeline BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
CREATE TRIGGER raw_lakeflow_pipeline_update_timeline_no_delete BEFORE DELETE ON raw_lakeflow_pipeline_update_timeline BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;

CREATE TABLE raw_query_history (
    raw_id       INTEGER PRIMARY KEY,
    batch_id     INTEGER NOT NULL REFERENCES raw_batch(batch_id),
    extracted_at INTEGER NOT NULL,
    account_id TEXT,
    workspace_id TEXT,
    statement_id TEXT,
    executed_by TEXT,
    executed_by_user_id TEXT,
    executed_as TEXT,
    executed_as_user_id TEXT,
    session_id TEXT,
    execution_status TEXT,
    compute TEXT,
    statement_type TEXT,
    error_message TEXT,
    client_application TEXT,
    client_driver TEXT,
    total_duration_ms TEXT,
    waiting_for_compute_duration_ms TEXT,
    waiting_at_capacity_duration_ms TEXT,
    execution_duration_ms TEXT,
    compilation_duration_ms TEXT,
    total_task_duration_ms TEXT,
    result_fetch_duration_ms TEXT,
    start_time TEXT,
    end_time TEXT,
    update_time TEXT,
    read_partitions TEXT,
    pruned_files TEXT,
    read_files TEXT,
    read_rows TEXT,
    produced_rows TEXT,
    read_bytes TEXT,
    read_io_cache_percent TEXT,
    from_result_cache TEXT,
    spilled_local_bytes TEXT,
    written_bytes TEXT,
    shuffle_read_bytes TEXT,
    query_source TEXT
);
CREATE TRIGGER raw_query_history_no_update BEFORE UPDATE ON raw_query_history BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
CREATE TRIGGER raw_query_history_no_delete BEFORE DELETE ON raw_query_history BEGIN SELECT RAISE(ABORT, 'raw tables are append-only'); END;
------------------------------------------------------------------------------------------------
-- Ledger layer: the canonical model, derived only from raw.
------------------------------------------------------------------------------------------------
CREATE TABLE ledger_workspace (
    workspace_id   TEXT PRIMARY KEY,
    workspace_name TEXT,
    workspace_url  TEXT,
    status         TEXT,
    create_time    INTEGER,
    last_seen_at   INTEGER
) WITHOUT ROWID;

-- One row per distinct price period; the latest extraction of a period wins (its end time is
-- filled in when Databricks closes it).
CREATE TABLE ledger_list_price (
    price_id          INTEGER PRIMARY KEY,
    sku_name          TEXT NOT NULL,
    cloud             TEXT NOT NULL,
    currency_code     TEXT NOT NULL,
    usage_unit        TEXT NOT NULL,
    price_start       INTEGER NOT NULL,
    price_end         INTEGER,
    list_price        TEXT,
    effective_price   TEXT,
    promotional_price TEXT,
    raw_id            INTEGER NOT NULL,
    UNIQUE (sku_name, cloud, currency_code, usage_unit, price_start)
);

-- One priced usage line item per billing record id (re-extracted duplicates count once).
-- Money and quantities are int64 nano-units; NULL cost means "unpriced", never zero.
CREATE TABLE ledger_usage_line (
    line_id                INTEGER PRIMARY KEY,
    record_id              TEXT NOT NULL UNIQUE,
    raw_id                 INTEGER NOT NULL,
    batch_id               INTEGER NOT NULL,
    workspace_id           TEXT NOT NULL,
    sku_name               TEXT NOT NULL,
    cloud                  TEXT NOT NULL,
    usage_unit             TEXT NOT NULL,
    usage_type             TEXT,
    billing_origin_product TEXT NOT NULL,
    record_type            TEXT NOT NULL,
    usage_start            INTEGER NOT NULL,
    usage_end              INTEGER NOT NULL,
    usage_day              TEXT NOT NULL,
    ingestion_date         TEXT,
    quantity               TEXT NOT NULL,
    quantity_nanos         INTEGER NOT NULL,
    currency_code          TEXT NOT NULL DEFAULT 'USD',
    price_id               INTEGER,
    list_cost_nanos        INTEGER,
    cost_nanos             INTEGER,
    work_unit_type         TEXT NOT NULL,
    work_unit_id           TEXT,
    job_id                 TEXT,
    job_run_id             TEXT,
    cluster_id             TEXT,
    warehouse_id           TEXT,
    pipeline_id            TEXT,
    endpoint_name          TEXT,
    notebook_id            TEXT,
    run_as                 TEXT,
    owned_by               TEXT,
    custom_tags            TEXT
);
CREATE INDEX ledger_usage_line_day ON ledger_usage_line(usage_day);
CREATE INDEX ledger_usage_line_price_key ON ledger_usage_line(sku_name, cloud, usage_unit);

------------------------------------------------------------------------------------------------
-- Attribution: who owns each line item, and why.
------------------------------------------------------------------------------------------------
CREATE TABLE attr_team (
    team_key     TEXT PRIMARY KEY,
    display_name TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE attr_project (
    project_key  TEXT PRIMARY KEY,
    display_name TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE attr_line (
    line_id    INTEGER PRIMARY KEY REFERENCES ledger_usage_line(line_id),
    usage_day  TEXT NOT NULL,
    team_key   TEXT NOT NULL DEFAULT '',   -- '' = unattributed
    project_key TEXT NOT NULL DEFAULT '',  -- '' = no project
    method     TEXT NOT NULL,              -- which rule or fallback step decided
    confidence TEXT NOT NULL CHECK (confidence IN ('exact', 'strong', 'estimated', 'unattributed'))
);
CREATE INDEX attr_line_day ON attr_line(usage_day);

------------------------------------------------------------------------------------------------
-- Metrics: pre-aggregated for views; recomputed per changed day.
------------------------------------------------------------------------------------------------
CREATE TABLE metrics_daily_cost (
    day                    TEXT NOT NULL,
    workspace_id           TEXT NOT NULL,
    sku_name               TEXT NOT NULL,
    billing_origin_product TEXT NOT NULL,
    team_key               TEXT NOT NULL,
    project_key            TEXT NOT NULL,
    currency_code          TEXT NOT NULL,
    cost_nanos             INTEGER NOT NULL,
    list_cost_nanos        INTEGER NOT NULL,
    quantity_nanos         INTEGER NOT NULL,
    unpriced_quantity_nanos INTEGER NOT NULL,
    line_count             INTEGER NOT NULL,
    PRIMARY KEY (day, workspace_id, sku_name, billing_origin_product, team_key, project_key, currency_code)
) WITHOUT ROWID;

------------------------------------------------------------------------------------------------
-- Insights
------------------------------------------------------------------------------------------------
CREATE TABLE insight_finding (
    finding_id   INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL,
    fingerprint  TEXT NOT NULL UNIQUE,
    workspace_id TEXT,
    scope_type   TEXT NOT NULL,
    scope_id     TEXT NOT NULL,
    title        TEXT NOT NULL,
    detail       TEXT NOT NULL,
    impact_nanos INTEGER NOT NULL,
    first_day    TEXT NOT NULL,
    last_day     TEXT NOT NULL,
    status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'dismissed', 'resolved'))
);

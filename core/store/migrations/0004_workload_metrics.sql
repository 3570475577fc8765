-- Schema version 4: workload and utilization metrics.
--
-- Utilization sources (node timeline, warehouse events) are first folded into ledger-level
-- tables by the workload_metrics stage's own fold step (watermarks under the stage name
-- 'ledger_utilization'), so metrics still read only the ledger. Statements come from
-- ledger_query, which LedgerStage builds (migration 5). They are kept apart from
-- LedgerStage because they are large, optional sources that only these metrics use.

------------------------------------------------------------------------------------------------
-- Ledger: utilization facts, de-duplicated by their source keys (latest extraction wins).
------------------------------------------------------------------------------------------------
-- One node sample (a minute in Databricks, an hour in the demo). Percentages are kept as exact
-- integer hundredths of a percent, so sums are integers and rebuild == incremental byte for byte.
CREATE TABLE ledger_node_sample (
    cluster_id    TEXT NOT NULL,
    instance_id   TEXT NOT NULL,
    start_time    INTEGER NOT NULL,
    end_time      INTEGER NOT NULL,
    workspace_id  TEXT,
    driver        INTEGER NOT NULL,
    cpu_centi     INTEGER NOT NULL,   -- (cpu_user + cpu_system) percent x 100
    mem_centi     INTEGER NOT NULL,   -- mem_used percent x 100
    usage_day     TEXT NOT NULL,      -- UTC day of start_time
    PRIMARY KEY (cluster_id, instance_id, start_time)
) WITHOUT ROWID;
CREATE INDEX ledger_node_sample_day ON ledger_node_sample(usage_day);

CREATE TABLE ledger_warehouse_event (
    warehouse_id  TEXT NOT NULL,
    event_time    INTEGER NOT NULL,
    event_type    TEXT NOT NULL,
    workspace_id  TEXT,
    cluster_count INTEGER NOT NULL,
    PRIMARY KEY (warehouse_id, event_time, event_type)
) WITHOUT ROWID;

CREATE INDEX ledger_run_start ON ledger_run(start_time);

-- Running intervals: from RUNNING (or a scale event) to the next event; STARTING, STOPPING and
-- STOPPED end running. An interval with no later event is open (is_open = 1) and counted up to
-- the newest event time of the table; open intervals are re-derived on every fold.
CREATE TABLE ledger_warehouse_interval (
    warehouse_id  TEXT NOT NULL,
    start_time    INTEGER NOT NULL,
    end_time      INTEGER NOT NULL,
    workspace_id  TEXT,
    cluster_count INTEGER NOT NULL,
    is_open       INTEGER NOT NULL,
    PRIMARY KEY (warehouse_id, start_time)
) WITHOUT ROWID;

-- Per-run cost needs the lines of one run without a scan.
CREATE INDEX ledger_usage_line_job_run ON ledger_usage_line(job_run_id) WHERE job_run_id IS NOT NULL;

------------------------------------------------------------------------------------------------
-- Metrics: recomputed per changed day (run rows: per touched run). Averages are derived at read
-- time from the integer sums kept here.
------------------------------------------------------------------------------------------------
CREATE TABLE metrics_work_unit_daily (
    day                     TEXT NOT NULL,
    work_unit_type          TEXT NOT NULL,
    work_unit_id            TEXT NOT NULL,   -- '' when the line names no id
    workspace_id            TEXT NOT NULL,
    currency_code           TEXT NOT NULL,
    cost_nanos              INTEGER NOT NULL,
    list_cost_nanos         INTEGER NOT NULL,
    contract_cost_nanos     INTEGER NOT NULL,
    quantity_nanos          INTEGER NOT NULL,
    unpriced_quantity_nanos INTEGER NOT NULL,
    line_count              INTEGER NOT NULL,
    PRIMARY KEY (day, work_unit_type, work_unit_id, workspace_id, currency_code)
) WITHOUT ROWID;
CREATE INDEX metrics_work_unit_daily_unit ON metrics_work_unit_daily(work_unit_type, work_unit_id);

-- One row per job run or pipeline update: its cost over all its lines (any day), its result
-- and duration from ledger_run. start_day is the run's start (or first usage) day.
CREATE TABLE metrics_run (
    run_kind            TEXT NOT NULL,
    run_id              TEXT NOT NULL,
    parent_id           TEXT NOT NULL,
    workspace_id        TEXT NOT NULL,
    start_day           TEXT NOT NULL,
    result_state        TEXT,
    failed              INTEGER NOT NULL,
    duration_seconds    INTEGER,
    cost_nanos          INTEGER NOT NULL,
    list_cost_nanos     INTEGER NOT NULL,
    line_count          INTEGER NOT NULL,
    PRIMARY KEY (run_kind, run_id)
) WITHOUT ROWID;
CREATE INDEX metrics_run_day ON metrics_run(start_day);
CREATE INDEX metrics_run_parent ON metrics_run(parent_id);

-- Runs per job / pipeline per start day.
CREATE TABLE metrics_run_daily (
    day                   TEXT NOT NULL,
    run_kind              TEXT NOT NULL,
    parent_id             TEXT NOT NULL,
    workspace_id          TEXT NOT NULL,
    runs                  INTEGER NOT NULL,
    succeeded_runs        INTEGER NOT NULL,
    failed_runs           INTEGER NOT NULL,
    duration_seconds      INTEGER NOT NULL,
    max_duration_seconds  INTEGER NOT NULL,
    run_cost_nanos        INTEGER NOT NULL,
    failed_run_cost_nanos INTEGER NOT NULL,
    PRIMARY KEY (day, run_kind, parent_id, workspace_id)
) WITHOUT ROWID;

CREATE TABLE metrics_cluster_utilization_daily (
    day              TEXT NOT NULL,
    cluster_id       TEXT NOT NULL,
    workspace_id     TEXT NOT NULL,
    node_seconds     INTEGER NOT NULL,
    cpu_centi_seconds INTEGER NOT NULL,  -- sum of cpu_centi x sample seconds
    mem_centi_seconds INTEGER NOT NULL,
    sample_count     INTEGER NOT NULL,
    PRIMARY KEY (day, cluster_id, workspace_id)
) WITHOUT ROWID;

CREATE TABLE metrics_warehouse_utilization_daily (
    day                  TEXT NOT NULL,
    warehouse_id         TEXT NOT NULL,
    workspace_id         TEXT NOT NULL,
    running_seconds      INTEGER NOT NULL,  -- running intervals clipped to the day
    cluster_seconds      INTEGER NOT NULL,  -- running seconds x cluster_count
    busy_seconds         INTEGER NOT NULL,  -- union of query [start, end] clipped to the day
    busy_running_seconds INTEGER NOT NULL,  -- busy time inside running intervals
    query_count          INTEGER NOT NULL,  -- queries that started that day
    PRIMARY KEY (day, warehouse_id, workspace_id)
) WITHOUT ROWID;

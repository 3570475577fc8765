-- Data Health coverage map: what each workspace's data can be trusted for. Both tables are
-- maintained by the metrics stage (core/metrics/coveragemetrics.cpp) and read by
-- core/reports/coverage.cpp, so the view never scans raw or ledger tables.

-- Per usage day and workspace: cost and the part of it with no resource, no owner, no team.
-- Recomputed with the metrics stage's dirty days.
CREATE TABLE metrics_workspace_coverage_daily (
    day                     TEXT NOT NULL,
    workspace_id            TEXT NOT NULL,
    cloud                   TEXT NOT NULL,
    cost_nanos              INTEGER NOT NULL,
    no_resource_cost_nanos  INTEGER NOT NULL,
    no_owner_cost_nanos     INTEGER NOT NULL,
    unattributed_cost_nanos INTEGER NOT NULL,
    line_count              INTEGER NOT NULL,
    PRIMARY KEY (day, workspace_id, cloud)
) WITHOUT ROWID;

-- Per source table and workspace: raw rows extracted (re-reads included), newest event time
-- (epoch seconds) and, for billing usage, the newest ingestion_date. Folded incrementally from
-- raw above a watermark (app_stage_watermark, stage 'coverage').
CREATE TABLE metrics_source_coverage (
    source                TEXT NOT NULL,
    workspace_id          TEXT NOT NULL,
    row_count             INTEGER NOT NULL,
    newest_event_time     INTEGER,
    newest_ingestion_date TEXT,
    PRIMARY KEY (source, workspace_id)
) WITHOUT ROWID;

-- Region of each workspace as the account workspaces API (REST enrichment) last reported it.
CREATE TABLE metrics_workspace_region (
    workspace_id TEXT PRIMARY KEY,
    region       TEXT
) WITHOUT ROWID;

-- A store upgraded from an earlier schema has ledger days whose coverage was never computed:
-- queue them for the metrics stage, which recomputes whole days (idempotently) on the next run.
INSERT OR IGNORE INTO app_dirty_day (stage, day) SELECT DISTINCT 'metrics', usage_day FROM ledger_usage_line;

-- Schema version 5: the attribution engine. Configuration (hierarchy, projects, shared buckets,
-- identity mapping, ordered rules) is app state: analyst decisions, audit-logged. Allocations
-- are derived: one or more rows per line item whose costs add up exactly to the line's.

CREATE TABLE app_org_node (
    node_key     TEXT PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('org_unit', 'department', 'team')),
    display_name TEXT NOT NULL,
    parent_key   TEXT REFERENCES app_org_node(node_key)
) WITHOUT ROWID;

CREATE TABLE app_project (
    project_key  TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    team_key     TEXT              -- owning team, or NULL for a stand-alone project
) WITHOUT ROWID;

-- A shared bucket collects cost that belongs to many teams and redistributes it.
CREATE TABLE app_bucket (
    bucket_key   TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    policy       TEXT NOT NULL CHECK (policy IN ('even', 'proportional', 'fixed', 'none')),
    fixed_shares TEXT              -- JSON object team_key -> percent, for 'fixed'
) WITHOUT ROWID;

-- Identity mapping: a principal's team (run-as users and service principals).
CREATE TABLE app_identity_map (
    principal TEXT PRIMARY KEY,
    team_key  TEXT NOT NULL
) WITHOUT ROWID;

-- Ordered rules, first match wins; the JSON is the rule exactly as exported.
CREATE TABLE app_rule (
    rule_id  INTEGER PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    name     TEXT NOT NULL,
    enabled  INTEGER NOT NULL DEFAULT 1,
    spec     TEXT NOT NULL
);

-- Queries per statement, for splitting shared warehouses by execution time.
CREATE TABLE ledger_query (
    statement_id  TEXT PRIMARY KEY,
    workspace_id  TEXT,
    warehouse_id  TEXT,
    executed_by   TEXT,
    start_time    INTEGER NOT NULL,
    end_time      INTEGER NOT NULL,
    status        TEXT,
    query_tags    TEXT
) WITHOUT ROWID;
CREATE INDEX ledger_query_warehouse ON ledger_query(warehouse_id, start_time);
ALTER TABLE ledger_query ADD COLUMN cluster_id TEXT;
CREATE INDEX ledger_query_cluster ON ledger_query(cluster_id, start_time) WHERE cluster_id IS NOT NULL;
-- The compute a job run used (JSON array of cluster ids): splits shared all-purpose clusters.
ALTER TABLE ledger_run ADD COLUMN compute_ids TEXT;

ALTER TABLE ledger_usage_line ADD COLUMN notebook_path TEXT;
ALTER TABLE attr_line ADD COLUMN rule_id INTEGER;

-- Cost allocations at the line item's hour. kind: direct (to a team and/or project),
-- bucket (into a shared bucket), idle (shared compute with nothing running), unattributed.
-- team_key '' = none; bucket_key '' = none. Costs of a line's rows add up to the line's.
CREATE TABLE attr_allocation (
    line_id             INTEGER NOT NULL,
    seq                 INTEGER NOT NULL,
    usage_day           TEXT NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('direct', 'bucket', 'idle', 'unattributed')),
    team_key            TEXT NOT NULL DEFAULT '',
    project_key         TEXT NOT NULL DEFAULT '',
    bucket_key          TEXT NOT NULL DEFAULT '',
    principal           TEXT,
    method              TEXT NOT NULL,
    confidence          TEXT NOT NULL CHECK (confidence IN ('exact', 'strong', 'estimated', 'unattributed')),
    rule_id             INTEGER,
    cost_nanos          INTEGER NOT NULL,
    list_cost_nanos     INTEGER NOT NULL,
    contract_cost_nanos INTEGER NOT NULL,
    quantity_nanos      INTEGER NOT NULL,
    PRIMARY KEY (line_id, seq)
) WITHOUT ROWID;
CREATE INDEX attr_allocation_day ON attr_allocation(usage_day);

-- Cost after shared buckets are redistributed to teams, per day.
CREATE TABLE attr_redistribution (
    usage_day           TEXT NOT NULL,
    workspace_id        TEXT NOT NULL,
    bucket_key          TEXT NOT NULL,
    team_key            TEXT NOT NULL,  -- '' = not distributable (no measure): stays visible
    cost_nanos          INTEGER NOT NULL,
    list_cost_nanos     INTEGER NOT NULL,
    contract_cost_nanos INTEGER NOT NULL,
    PRIMARY KEY (usage_day, workspace_id, bucket_key, team_key)
) WITHOUT ROWID;

-- Metrics by attribution, direct and after sharing. team_key '' = unattributed.
CREATE TABLE metrics_daily_attribution (
    day                 TEXT NOT NULL,
    workspace_id        TEXT NOT NULL,
    after_sharing       INTEGER NOT NULL CHECK (after_sharing IN (0, 1)),
    kind                TEXT NOT NULL,
    team_key            TEXT NOT NULL,
    project_key         TEXT NOT NULL,
    bucket_key          TEXT NOT NULL,
    confidence          TEXT NOT NULL,
    cost_nanos          INTEGER NOT NULL,
    list_cost_nanos     INTEGER NOT NULL,
    contract_cost_nanos INTEGER NOT NULL,
    PRIMARY KEY (day, workspace_id, after_sharing, kind, team_key, project_key, bucket_key, confidence)
) WITHOUT ROWID;

INSERT OR IGNORE INTO app_setting (key, value) VALUES ('attribution.idle_policy', 'owner');
INSERT OR IGNORE INTO app_setting (key, value) VALUES ('attribution.version', '0');

-- Data Health counts unpriced line items on every refresh: keep that an index lookup.
CREATE INDEX ledger_usage_line_unpriced ON ledger_usage_line(usage_day) WHERE cost_nanos IS NULL;

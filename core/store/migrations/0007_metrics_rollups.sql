-- Small per-day rollups of the metrics cubes for the views. metrics_daily_cost has one row per
-- day x workspace x SKU x product x team x project x currency, so reading a month of it grows
-- with the account; these keep one or two axes per day. The metrics stage rewrites them for its
-- work days from metrics_daily_cost / metrics_daily_attribution (same sums, so the figures are
-- identical). Column names follow the cubes so readers only swap the table name.

-- Overview totals, daily chart by product, Data Health totals, account trend.
CREATE TABLE metrics_daily_product (
    day                     TEXT NOT NULL,
    billing_origin_product  TEXT NOT NULL,
    cost_nanos              INTEGER NOT NULL,
    unattributed_cost_nanos INTEGER NOT NULL,  -- team_key = ''
    unpriced_quantity_nanos INTEGER NOT NULL,
    line_count              INTEGER NOT NULL,
    PRIMARY KEY (day, billing_origin_product)
) WITHOUT ROWID;

-- Top teams (Overview).
CREATE TABLE metrics_daily_team (
    day        TEXT NOT NULL,
    team_key   TEXT NOT NULL,
    cost_nanos INTEGER NOT NULL,
    PRIMARY KEY (day, team_key)
) WITHOUT ROWID;

-- Top workspaces (Overview), trend by workspace, cost reports by day/month/workspace only.
CREATE TABLE metrics_daily_workspace (
    day                     TEXT NOT NULL,
    workspace_id            TEXT NOT NULL,
    cost_nanos              INTEGER NOT NULL,
    list_cost_nanos         INTEGER NOT NULL,
    quantity_nanos          INTEGER NOT NULL,
    unpriced_quantity_nanos INTEGER NOT NULL,
    contract_cost_nanos     INTEGER NOT NULL,
    PRIMARY KEY (day, workspace_id)
) WITHOUT ROWID;

-- Cost reports whose dimensions are only day/month/team/project.
CREATE TABLE metrics_daily_team_project (
    day                     TEXT NOT NULL,
    team_key                TEXT NOT NULL,
    project_key             TEXT NOT NULL,
    cost_nanos              INTEGER NOT NULL,
    list_cost_nanos         INTEGER NOT NULL,
    quantity_nanos          INTEGER NOT NULL,
    unpriced_quantity_nanos INTEGER NOT NULL,
    contract_cost_nanos     INTEGER NOT NULL,
    PRIMARY KEY (day, team_key, project_key)
) WITHOUT ROWID;

-- metrics_daily_attribution without the workspace: what the attribution report groups by.
CREATE TABLE metrics_daily_owner (
    day                 TEXT NOT NULL,
    after_sharing       INTEGER NOT NULL,
    kind                TEXT NOT NULL,
    team_key            TEXT NOT NULL,
    project_key         TEXT NOT NULL,
    bucket_key          TEXT NOT NULL,
    confidence          TEXT NOT NULL,
    cost_nanos          INTEGER NOT NULL,
    list_cost_nanos     INTEGER NOT NULL,
    contract_cost_nanos INTEGER NOT NULL,
    PRIMARY KEY (after_sharing, day, kind, team_key, project_key, bucket_key, confidence)
) WITHOUT ROWID;

-- The longest statement and job run bound how far back activity overlapping a day can start, so
-- the shared-compute split reads a window of ledger_query / ledger_run instead of all history;
-- max() of an indexed expression is one index probe.
CREATE INDEX ledger_query_duration ON ledger_query(end_time - start_time);
CREATE INDEX ledger_run_duration ON ledger_run(end_time - start_time);

-- Stores written before this version: fill the rollups from the cubes once.
INSERT INTO metrics_daily_product
SELECT day, billing_origin_product, sum(cost_nanos), sum(CASE WHEN team_key = '' THEN cost_nanos ELSE 0 END),
       sum(unpriced_quantity_nanos), sum(line_count)
FROM metrics_daily_cost GROUP BY 1, 2;
INSERT INTO metrics_daily_team SELECT day, team_key, sum(cost_nanos) FROM metrics_daily_cost GROUP BY 1, 2;
INSERT INTO metrics_daily_workspace
SELECT day, workspace_id, sum(cost_nanos), sum(list_cost_nanos), sum(quantity_nanos), sum(unpriced_quantity_nanos),
       sum(contract_cost_nanos)
FROM metrics_daily_cost GROUP BY 1, 2;
INSERT INTO metrics_daily_team_project
SELECT day, team_key, project_key, sum(cost_nanos), sum(list_cost_nanos), sum(quantity_nanos),
       sum(unpriced_quantity_nanos), sum(contract_cost_nanos)
FROM metrics_daily_cost GROUP BY 1, 2, 3;
INSERT INTO metrics_daily_owner
SELECT day, after_sharing, kind, team_key, project_key, bucket_key, confidence, sum(cost_nanos), sum(list_cost_nanos),
       sum(contract_cost_nanos)
FROM metrics_daily_attribution GROUP BY 1, 2, 3, 4, 5, 6, 7;

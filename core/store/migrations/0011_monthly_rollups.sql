-- Monthly rollups for whole-history month reports and a covering corrections index.
-- (Split from 0007 after 0007 had reached main: a store at 7 or later never re-runs it.)

-- Whole-history reports by month (cost by month x team x project, attribution by month) read
-- these: one row per month and key. `day` holds the month's first day so readers' month
-- expression (substr(day, 1, 7)) is unchanged; used only for unbounded, month-only queries.
CREATE TABLE metrics_monthly_team_project (
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

CREATE TABLE metrics_monthly_owner (
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

-- Data Health lists corrections per batch and day: carrying the record type and cost in the
-- (partial, corrections-only) index answers it from the index instead of one table read per line.
DROP INDEX ledger_usage_line_corrections;
CREATE INDEX ledger_usage_line_corrections ON ledger_usage_line(batch_id, usage_day, record_type, cost_nanos)
    WHERE record_type <> 'ORIGINAL';

-- Stores written before this version: fill the monthly rollups from the daily ones once.
INSERT INTO metrics_monthly_team_project
SELECT substr(day, 1, 7) || '-01', team_key, project_key, sum(cost_nanos), sum(list_cost_nanos), sum(quantity_nanos),
       sum(unpriced_quantity_nanos), sum(contract_cost_nanos)
FROM metrics_daily_team_project GROUP BY 1, 2, 3;
INSERT INTO metrics_monthly_owner
SELECT substr(day, 1, 7) || '-01', after_sharing, kind, team_key, project_key, bucket_key, confidence, sum(cost_nanos),
       sum(list_cost_nanos), sum(contract_cost_nanos)
FROM metrics_daily_owner GROUP BY 1, 2, 3, 4, 5, 6, 7;

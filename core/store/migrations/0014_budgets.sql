-- Schema version 14: monthly budgets. Budgets are analyst configuration (app_ prefix): a rebuild
-- clears the derived layers (ledger_, attr_, metrics_, insight_) and must leave them alone.
-- 0013 (insights) was numbered at the same time: it must reach main before this one, because a
-- store already at 14 never runs a lower number.

-- One row per scope and effective-from month. The budget of a month is the row with the latest
-- effective_from not after it; effective_from '' = from the beginning. Amounts are exact nano-units
-- in the account's currency (LakeLedger never converts currencies).
CREATE TABLE app_budget (
    scope_type     TEXT NOT NULL CHECK (scope_type IN ('workspace', 'org_unit', 'department', 'team', 'project')),
    scope_key      TEXT NOT NULL CHECK (scope_key <> ''),
    effective_from TEXT NOT NULL DEFAULT '' CHECK (effective_from = '' OR effective_from GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    amount_nanos   INTEGER NOT NULL CHECK (amount_nanos > 0),
    currency       TEXT NOT NULL,
    PRIMARY KEY (scope_type, scope_key, effective_from)
) WITHOUT ROWID;

-- Status thresholds, percent of the budget reached by the month-end forecast.
INSERT OR IGNORE INTO app_setting (key, value) VALUES ('budgets.amber_percent', '80');
INSERT OR IGNORE INTO app_setting (key, value) VALUES ('budgets.red_percent', '100');

#pragma once

// The ledger stage's SQL, kept apart from the control flow so it reads as one reviewed unit.
// All parameters are bound; no value is ever spliced into these strings.

#include "listpricesql.h"

namespace ll::ledger::sql {

inline constexpr const char *upsertWorkspaces = R"SQL(
INSERT INTO ledger_workspace (workspace_id, workspace_name, workspace_url, status, create_time, last_seen_at, name_source)
SELECT workspace_id, workspace_name, workspace_url, status, ll_epoch(create_time), extracted_at,
       CASE WHEN workspace_name IS NOT NULL THEN 'system' END
FROM raw_access_workspaces_latest
WHERE raw_id > :from AND workspace_id IS NOT NULL
ORDER BY raw_id
ON CONFLICT(workspace_id) DO UPDATE SET
    workspace_name = coalesce(excluded.workspace_name, workspace_name),
    name_source = CASE WHEN excluded.workspace_name IS NOT NULL THEN 'system' ELSE name_source END,
    workspace_url = coalesce(excluded.workspace_url, workspace_url),
    status = excluded.status,
    create_time = coalesce(excluded.create_time, create_time),
    last_seen_at = excluded.last_seen_at
)SQL";

// A workspace the system table never named takes the account workspaces API's latest name.
// Recomputed whole at the end of each ledger run (the list is small), so the result depends on
// raw alone, not on which run brought which row.
inline constexpr const char *workspaceNamesFromRest = R"SQL(
UPDATE ledger_workspace SET (workspace_name, name_source) = (
    SELECT r.payload ->> '$.workspace_name', 'rest' FROM raw_rest_object r
    WHERE r.api = 'workspaces' AND r.object_id = ledger_workspace.workspace_id AND json_valid(r.payload)
      AND r.payload ->> '$.workspace_name' IS NOT NULL
    ORDER BY r.raw_id DESC LIMIT 1)
WHERE (name_source IS NULL OR name_source = 'rest')
  AND EXISTS (SELECT 1 FROM raw_rest_object r WHERE r.api = 'workspaces' AND r.object_id = ledger_workspace.workspace_id
              AND json_valid(r.payload) AND r.payload ->> '$.workspace_name' IS NOT NULL)
)SQL";

// Usage names workspaces that workspaces_latest may not list (cancelled, or no access to the
// access schema): they still get a ledger row so every line item has its workspace.
inline constexpr const char *workspacesFromUsage = R"SQL(
INSERT OR IGNORE INTO ledger_workspace (workspace_id)
SELECT DISTINCT workspace_id FROM ledger_usage_line WHERE line_id > :after
)SQL";

// Price rows normalised once; decimals are taken as the exact JSON number text.
inline constexpr const char *createPriceWork = R"SQL(
CREATE TEMP TABLE IF NOT EXISTS price_work (
    raw_id INTEGER PRIMARY KEY, sku_name TEXT, cloud TEXT, currency_code TEXT, usage_unit TEXT,
    price_start INTEGER, price_end INTEGER, list_price TEXT, effective_price TEXT, promotional_price TEXT);
DELETE FROM temp.price_work;
CREATE TEMP TABLE IF NOT EXISTS changed_price_key (
    sku_name TEXT, cloud TEXT, usage_unit TEXT, PRIMARY KEY (sku_name, cloud, usage_unit)) WITHOUT ROWID;
DELETE FROM temp.changed_price_key;
)SQL";

inline constexpr const char *fillPriceWork = R"SQL(
INSERT INTO temp.price_work
SELECT raw_id, sku_name, cloud, coalesce(currency_code, 'USD'), usage_unit,
       ll_epoch(price_start_time), ll_epoch(price_end_time), list_price,
       coalesce(effective_price, list_price), promotional_price
FROM (SELECT raw_id, sku_name, cloud, currency_code, usage_unit, price_start_time, price_end_time,
             nullif(trim(pricing -> '$.default', '"'), 'null') AS list_price,
             nullif(trim(pricing -> '$.effective_list.default', '"'), 'null') AS effective_price,
             nullif(trim(pricing -> '$.promotional.default', '"'), 'null') AS promotional_price
      FROM raw_billing_list_prices
      WHERE raw_id > :from AND json_valid(pricing))
WHERE sku_name IS NOT NULL AND cloud IS NOT NULL AND usage_unit IS NOT NULL
  AND ll_epoch(price_start_time) IS NOT NULL AND ll_nanos(list_price) IS NOT NULL
)SQL";

inline constexpr const char *rejectedPrices = R"SQL(
INSERT INTO app_issue (at, severity, source, message, context)
SELECT :now, 'warning', 'billing_list_prices',
       'A list price row could not be read and was not used (missing SKU, unit, start time or price)',
       'raw_id=' || raw_id || ' sku=' || coalesce(sku_name, '?')
FROM raw_billing_list_prices r
WHERE r.raw_id > :from AND r.raw_id NOT IN (SELECT raw_id FROM temp.price_work)
)SQL";

// Only periods that are new or really differ change prices: a re-extracted identical price
// table re-prices nothing.
inline constexpr const char *changedPriceKeys = R"SQL(
INSERT OR IGNORE INTO temp.changed_price_key (sku_name, cloud, usage_unit)
SELECT w.sku_name, w.cloud, w.usage_unit
FROM temp.price_work w
LEFT JOIN ledger_list_price p
  ON p.sku_name = w.sku_name AND p.cloud = w.cloud AND p.currency_code = w.currency_code
 AND p.usage_unit = w.usage_unit AND p.price_start = w.price_start
WHERE p.price_id IS NULL OR p.price_end IS NOT w.price_end OR p.list_price IS NOT w.list_price
   OR p.effective_price IS NOT w.effective_price
)SQL";

inline constexpr const char *upsertPrices = R"SQL(
INSERT INTO ledger_list_price (sku_name, cloud, currency_code, usage_unit, price_start, price_end,
                               list_price, effective_price, promotional_price, raw_id)
SELECT sku_name, cloud, currency_code, usage_unit, price_start, price_end,
       list_price, effective_price, promotional_price, raw_id
FROM temp.price_work WHERE true
ORDER BY raw_id
ON CONFLICT(sku_name, cloud, currency_code, usage_unit, price_start) DO UPDATE SET
    price_end = excluded.price_end, list_price = excluded.list_price,
    effective_price = excluded.effective_price, promotional_price = excluded.promotional_price,
    raw_id = excluded.raw_id
)SQL";

inline constexpr const char *maxRawId = "SELECT coalesce(max(raw_id), 0) FROM %1";

inline constexpr const char *rejectedUsage = R"SQL(
INSERT INTO app_issue (at, severity, source, message, context)
SELECT :now, 'warning', 'billing_usage',
       'A billing record could not be read and is not in the ledger: ' ||
       CASE WHEN record_id IS NULL THEN 'no record_id'
            WHEN workspace_id IS NULL THEN 'no workspace_id'
            WHEN sku_name IS NULL THEN 'no sku_name'
            WHEN ll_epoch(usage_start_time) IS NULL THEN 'unreadable usage_start_time'
            WHEN ll_epoch(usage_end_time) IS NULL THEN 'unreadable usage_end_time'
            ELSE 'unreadable usage_quantity' END,
       'raw_id=' || raw_id || ' record_id=' || coalesce(record_id, '?')
FROM raw_billing_usage
WHERE raw_id > :from AND raw_id <= :to
  AND (record_id IS NULL OR workspace_id IS NULL OR sku_name IS NULL
       OR ll_epoch(usage_start_time) IS NULL OR ll_epoch(usage_end_time) IS NULL
       OR ll_nanos(usage_quantity) IS NULL)
)SQL";

// Work unit: what the usage was really spent on, from the most specific id present.
inline constexpr const char *insertUsageLines = R"SQL(
INSERT INTO ledger_usage_line (
    record_id, raw_id, batch_id, workspace_id, sku_name, cloud, usage_unit, usage_type,
    billing_origin_product, record_type, usage_start, usage_end, usage_day, ingestion_date,
    quantity, quantity_nanos, work_unit_type, work_unit_id, job_id, job_run_id, cluster_id,
    warehouse_id, pipeline_id, endpoint_name, notebook_id, run_as, owned_by, custom_tags, notebook_path, dlt_update_id)
SELECT record_id, raw_id, batch_id, workspace_id, sku_name, coalesce(cloud, ''), coalesce(usage_unit, 'DBU'), usage_type,
       coalesce(billing_origin_product, 'UNKNOWN'), coalesce(record_type, 'ORIGINAL'), start_epoch, end_epoch,
       date(start_epoch, 'unixepoch'), ingestion_date, trim(usage_quantity), ll_nanos(usage_quantity),
       CASE WHEN job_id IS NOT NULL THEN 'job'
            WHEN pipeline_id IS NOT NULL THEN 'pipeline'
            WHEN warehouse_id IS NOT NULL THEN 'warehouse'
            WHEN endpoint_name IS NOT NULL THEN 'serving_endpoint'
            WHEN cluster_id IS NOT NULL THEN 'cluster'
            WHEN notebook_id IS NOT NULL THEN 'notebook'
            WHEN app_id IS NOT NULL THEN 'app'
            ELSE 'other' END,
       coalesce(job_id, pipeline_id, warehouse_id, endpoint_name, cluster_id, notebook_id, app_id),
       job_id, job_run_id, cluster_id, warehouse_id, pipeline_id, endpoint_name, notebook_id,
       run_as, owned_by, tags, notebook_path, dlt_update_id
FROM (
    SELECT raw_id, batch_id, record_id, workspace_id, sku_name, cloud, usage_unit, usage_type,
           billing_origin_product, record_type, ingestion_date, usage_quantity,
           ll_epoch(usage_start_time) AS start_epoch, ll_epoch(usage_end_time) AS end_epoch,
           CAST(md ->> '$.job_id' AS TEXT) AS job_id,
           CAST(md ->> '$.job_run_id' AS TEXT) AS job_run_id,
           CAST(md ->> '$.cluster_id' AS TEXT) AS cluster_id,
           CAST(md ->> '$.warehouse_id' AS TEXT) AS warehouse_id,
           CAST(md ->> '$.dlt_pipeline_id' AS TEXT) AS pipeline_id,
           CAST(coalesce(md ->> '$.endpoint_name', md ->> '$.endpoint_id') AS TEXT) AS endpoint_name,
           CAST(md ->> '$.notebook_id' AS TEXT) AS notebook_id,
           CAST(md ->> '$.app_id' AS TEXT) AS app_id,
           CAST(md ->> '$.notebook_path' AS TEXT) AS notebook_path,
           CAST(md ->> '$.dlt_update_id' AS TEXT) AS dlt_update_id,
           CAST(im ->> '$.run_as' AS TEXT) AS run_as,
           CAST(im ->> '$.owned_by' AS TEXT) AS owned_by,
           CASE WHEN json_valid(custom_tags) AND json_type(custom_tags) = 'object' THEN json(custom_tags) END AS tags
    FROM (SELECT r.*,
                 CASE WHEN json_valid(r.usage_metadata) THEN r.usage_metadata END AS md,
                 CASE WHEN json_valid(r.identity_metadata) THEN r.identity_metadata END AS im
          FROM raw_billing_usage r
          WHERE r.raw_id > :from AND r.raw_id <= :to)
)
WHERE record_id IS NOT NULL AND workspace_id IS NOT NULL AND sku_name IS NOT NULL
  AND start_epoch IS NOT NULL AND end_epoch IS NOT NULL AND ll_nanos(usage_quantity) IS NOT NULL
ORDER BY raw_id
ON CONFLICT(record_id) DO NOTHING
)SQL";

// Exact pricing: the period of the same SKU, cloud, currency and unit that contains the usage
// start. No period = unpriced (NULL costs), never zero.
inline const QByteArray priceLine = "UPDATE ledger_usage_line SET (price_id, list_cost_nanos, cost_nanos) = ("
    + listPriceOf("p.price_id, ll_cost(ledger_usage_line.quantity, p.list_price), ll_cost(ledger_usage_line.quantity, p.effective_price)",
        "ledger_usage_line")
    + ")";

inline const QByteArray priceLinesAfterText = priceLine + " WHERE line_id > :after";
// As C text for the stage's table of statements; points into the array above, which is defined
// before it in every translation unit and so initialised first.
inline const char *const priceLinesAfter = priceLinesAfterText.constData();

inline const QByteArray priceLinesOfChangedKeys =
    priceLine + " WHERE (sku_name, cloud, usage_unit) IN (SELECT sku_name, cloud, usage_unit FROM temp.changed_price_key)";

inline constexpr const char *dirtyDaysOfChangedKeys = R"SQL(
INSERT OR IGNORE INTO app_dirty_day (stage, day)
SELECT DISTINCT 'attribution', usage_day FROM ledger_usage_line
WHERE (sku_name, cloud, usage_unit) IN (SELECT sku_name, cloud, usage_unit FROM temp.changed_price_key)
)SQL";

inline constexpr const char *dirtyDaysAfter = R"SQL(
INSERT OR IGNORE INTO app_dirty_day (stage, day)
SELECT DISTINCT 'attribution', usage_day FROM ledger_usage_line WHERE line_id > :after
)SQL";

// Contract cost: the most specific contract entry valid on the usage day (sku, then family =
// billing product, then all); a unit price prices the quantity, a discount applies to the list
// cost. Lines no contract covers carry their effective list cost, so totals stay comparable.
inline constexpr const char *contractCost = R"SQL(
UPDATE ledger_usage_line SET (contract_id, contract_cost_nanos) = (
    SELECT c.contract_id,
           CASE c.kind WHEN 'price' THEN ll_cost(ledger_usage_line.quantity, c.value)
                       ELSE ll_discount(ledger_usage_line.list_cost_nanos, c.value) END
    FROM app_contract_price c
    WHERE ledger_usage_line.usage_day >= c.valid_from
      AND (c.valid_to IS NULL OR ledger_usage_line.usage_day <= c.valid_to)
      AND ((c.scope = 'sku' AND c.scope_key = ledger_usage_line.sku_name)
           OR (c.scope = 'family' AND c.scope_key = ledger_usage_line.billing_origin_product)
           OR c.scope = 'all')
    ORDER BY CASE c.scope WHEN 'sku' THEN 0 WHEN 'family' THEN 1 ELSE 2 END
    LIMIT 1)
WHERE %1
)SQL";

inline constexpr const char *contractFallback =
    "UPDATE ledger_usage_line SET contract_cost_nanos = cost_nanos WHERE contract_id IS NULL AND (%1)";

// Line sets the contract statements apply to (fixed fragments, never user input).
inline constexpr const char *linesAfter = "line_id > :after";
inline constexpr const char *linesOfChangedKeys =
    "(sku_name, cloud, usage_unit) IN (SELECT sku_name, cloud, usage_unit FROM temp.changed_price_key)";
inline constexpr const char *allLines = "1";

inline constexpr const char *dirtyAllDays =
    "INSERT OR IGNORE INTO app_dirty_day (stage, day) SELECT DISTINCT 'attribution', usage_day FROM ledger_usage_line";

} // namespace ll::ledger::sql

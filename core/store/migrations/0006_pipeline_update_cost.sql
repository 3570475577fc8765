-- Pipeline-update cost: billing usage names the Lakeflow Declarative Pipelines update in
-- usage_metadata.dlt_update_id, so each update's cost is the sum of its lines (as a job run's is
-- the sum of the lines naming its job_run_id).
ALTER TABLE ledger_usage_line ADD COLUMN dlt_update_id TEXT;

-- Stores written before this version: fill the column from the raw record each line came from
-- (raw is the source of truth; the line keeps its raw_id), then queue every usage day for the
-- workload metrics so existing updates get their cost on the next processing run.
UPDATE ledger_usage_line SET dlt_update_id = (
    SELECT CAST(r.usage_metadata ->> '$.dlt_update_id' AS TEXT)
    FROM raw_billing_usage r
    WHERE r.raw_id = ledger_usage_line.raw_id AND json_valid(r.usage_metadata))
WHERE pipeline_id IS NOT NULL;

CREATE INDEX ledger_usage_line_dlt_update ON ledger_usage_line(dlt_update_id) WHERE dlt_update_id IS NOT NULL;

INSERT OR IGNORE INTO app_dirty_day (stage, day)
SELECT DISTINCT 'workload_metrics', usage_day FROM ledger_usage_line WHERE dlt_update_id IS NOT NULL;

-- Tamper-evident audit log (docs/audit.md). Each entry gets an outcome and joins a hash chain:
-- entry_hash = ll_sha256_fields('lakeledger-audit/1', entry_id, at, actor, action, object,
-- before, after, outcome, prev_hash), prev_hash = the previous entry's entry_hash (64 zeros for
-- the first). ll_sha256_fields is LakeLedger's SQL function (store/sqlfunctions.cpp), so this
-- migration chains the existing entries itself, once, in its own transaction.

-- ok | failed | cancelled: whether the action recorded took effect.
ALTER TABLE app_audit_log ADD COLUMN outcome TEXT NOT NULL DEFAULT 'ok' CHECK (outcome IN ('ok', 'failed', 'cancelled'));
ALTER TABLE app_audit_log ADD COLUMN prev_hash TEXT;
ALTER TABLE app_audit_log ADD COLUMN entry_hash TEXT;

-- Entries written before this schema: pipeline jobs kept their run status in `after`.
UPDATE app_audit_log SET outcome = 'failed'
WHERE action IN ('demo', 'sync', 'import', 'process', 'rebuild', 'attribution') AND after IN ('failed', 'interrupted');
UPDATE app_audit_log SET outcome = 'cancelled'
WHERE action IN ('demo', 'sync', 'import', 'process', 'rebuild', 'attribution') AND after = 'cancelled';

-- Chain the existing entries in entry_id order. The next entry is found through the primary
-- key, so this stays linear in the number of entries.
WITH RECURSIVE chain(entry_id, prev_hash, entry_hash) AS (
    SELECT a.entry_id, '0000000000000000000000000000000000000000000000000000000000000000',
           ll_sha256_fields('lakeledger-audit/1', a.entry_id, a.at, a.actor, a.action, a.object, a.before, a.after, a.outcome,
                            '0000000000000000000000000000000000000000000000000000000000000000')
    FROM app_audit_log a
    WHERE a.entry_id = (SELECT min(entry_id) FROM app_audit_log)
    UNION ALL
    SELECT a.entry_id, c.entry_hash,
           ll_sha256_fields('lakeledger-audit/1', a.entry_id, a.at, a.actor, a.action, a.object, a.before, a.after, a.outcome,
                            c.entry_hash)
    FROM chain c
    JOIN app_audit_log a ON a.entry_id = (SELECT min(entry_id) FROM app_audit_log WHERE entry_id > c.entry_id)
)
UPDATE app_audit_log SET prev_hash = chain.prev_hash, entry_hash = chain.entry_hash
FROM chain WHERE chain.entry_id = app_audit_log.entry_id;

-- Two entries naming the same predecessor would fork the chain: refused outright.
CREATE UNIQUE INDEX app_audit_log_prev_hash ON app_audit_log (prev_hash);

-- Append-only. These stop accidents and casual edits; `audit verify` does not rely on them
-- (whoever can write the file can drop them), it recomputes the chain.
CREATE TRIGGER app_audit_log_no_update BEFORE UPDATE ON app_audit_log
BEGIN
    SELECT RAISE(ABORT, 'app_audit_log is append-only: entries cannot be changed');
END;
CREATE TRIGGER app_audit_log_no_delete BEFORE DELETE ON app_audit_log
BEGIN
    SELECT RAISE(ABORT, 'app_audit_log is append-only: entries cannot be deleted');
END;
CREATE TRIGGER app_audit_log_sealed BEFORE INSERT ON app_audit_log
WHEN NEW.prev_hash IS NULL OR NEW.entry_hash IS NULL
BEGIN
    SELECT RAISE(ABORT, 'app_audit_log entries are written by LakeLedger with their chain hash');
END;

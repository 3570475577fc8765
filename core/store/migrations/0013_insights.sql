-- Schema version 13: the insight model. Every finding carries its scope's name, a severity, the
-- estimated monthly saving with the formula and prices it came from, its evidence figures
-- (JSON) and a day series, and a review lifecycle:
--   new -> acknowledged -> resolved | dismissed
-- 'resolved' is set by the insights stage when the condition stopped holding (and lifted back
-- to 'new' when it holds again); 'acknowledged' and 'dismissed' are the analyst's, with the
-- actor, the reason and the time. A dismissed finding stays dismissed unless its saving grows
-- past the documented factor over the saving it had when dismissed (docs/insights.md).
-- Findings are updated in place by fingerprint (type + scope), never deleted by a rebuild, so
-- finding ids and the analyst's decisions survive recomputation.
CREATE TABLE insight_finding_v13 (
    finding_id             INTEGER PRIMARY KEY,
    kind                   TEXT NOT NULL,
    fingerprint            TEXT NOT NULL UNIQUE,
    workspace_id           TEXT,
    scope_type             TEXT NOT NULL CHECK (scope_type IN ('account', 'workspace', 'team', 'project', 'job', 'pipeline',
                                                               'cluster', 'warehouse', 'principal')),
    scope_id               TEXT NOT NULL,
    scope_name             TEXT NOT NULL DEFAULT '',
    severity               TEXT NOT NULL DEFAULT 'info' CHECK (severity IN ('info', 'low', 'medium', 'high')),
    title                  TEXT NOT NULL,
    detail                 TEXT NOT NULL,
    impact_nanos           INTEGER NOT NULL,            -- estimated monthly saving (0: none to estimate)
    currency_code          TEXT NOT NULL DEFAULT 'USD',
    savings_formula        TEXT NOT NULL DEFAULT '',
    evidence               TEXT NOT NULL DEFAULT '{}',  -- JSON object: the figures the finding came from
    line_filter            TEXT NOT NULL DEFAULT '{}',  -- JSON object: which ledger lines are its evidence
    first_day              TEXT NOT NULL,
    last_day               TEXT NOT NULL,
    status                 TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'acknowledged', 'resolved', 'dismissed')),
    status_actor           TEXT,
    status_reason          TEXT,
    status_changed_at      INTEGER,
    dismissed_impact_nanos INTEGER
);
INSERT INTO insight_finding_v13 (finding_id, kind, fingerprint, workspace_id, scope_type, scope_id, title, detail,
                                 impact_nanos, first_day, last_day, status)
SELECT finding_id, kind, fingerprint, workspace_id, scope_type, scope_id, title, detail, impact_nanos, first_day, last_day,
       CASE status WHEN 'open' THEN 'new' ELSE status END
FROM insight_finding;
UPDATE insight_finding_v13 SET dismissed_impact_nanos = impact_nanos WHERE status = 'dismissed';
-- Fingerprints become type/scope type/workspace/scope id (insights/finding.h).
UPDATE insight_finding_v13 SET fingerprint = kind || '/' || scope_type || '/' || coalesce(workspace_id, '') || '/' || scope_id,
                               scope_name = scope_id;
DROP TABLE insight_finding;
ALTER TABLE insight_finding_v13 RENAME TO insight_finding;
CREATE INDEX insight_finding_kind ON insight_finding(kind, status);

-- The day series behind a finding (its chart): the figure and, where the detector has one,
-- its baseline. Rewritten with the finding on every run.
CREATE TABLE insight_evidence_day (
    fingerprint    TEXT NOT NULL,
    day            TEXT NOT NULL,
    value_nanos    INTEGER NOT NULL,
    baseline_nanos INTEGER,
    PRIMARY KEY (fingerprint, day)
) WITHOUT ROWID;

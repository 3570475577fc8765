-- Schema version 16: action plans (issue 12). A plan is the analyst's decision about one insight:
-- the exact REST changes that act on it, reviewed, approved (or rejected) and applied. Like the
-- budgets (app_) these are decisions, not derived data: the action_ prefix is outside the
-- derived layers a rebuild clears (ledger_, attr_, metrics_, insight_), so a rebuild keeps every
-- plan, its approval and its step outcomes. No foreign key to insight_finding: plans outlive any
-- reshaping of that table, and they keep the finding's fingerprint to say what they were about.
-- 0015 (the tamper-evident audit log) was numbered at the same time: it must reach main before
-- this one, because a store already at 16 never runs a lower number.

CREATE TABLE action_plan (
    plan_id                 INTEGER PRIMARY KEY,
    finding_id              INTEGER NOT NULL,
    insight_kind            TEXT NOT NULL,
    fingerprint             TEXT NOT NULL,
    status                  TEXT NOT NULL DEFAULT 'pending'
                            CHECK (status IN ('pending', 'approved', 'rejected', 'applied', 'failed', 'partially_applied', 'superseded')),
    target_type             TEXT NOT NULL CHECK (target_type IN ('cluster', 'warehouse', 'job')),
    target_id               TEXT NOT NULL,
    target_name             TEXT NOT NULL DEFAULT '',
    workspace_id            TEXT NOT NULL DEFAULT '',
    estimated_monthly_nanos INTEGER NOT NULL DEFAULT 0,
    currency_code           TEXT NOT NULL DEFAULT 'USD',
    risk                    TEXT NOT NULL DEFAULT '',
    owner                   TEXT NOT NULL DEFAULT '',
    title                   TEXT NOT NULL,
    steps_sha256            TEXT NOT NULL,  -- over the canonical step text (plansteptext)
    created_at              INTEGER NOT NULL,
    updated_at              INTEGER NOT NULL,
    status_reason           TEXT NOT NULL DEFAULT '', -- why it is in its status (stale, superseded, ...)
    approved_by             TEXT,
    approved_at             INTEGER,
    approved_steps_sha256   TEXT,           -- what was approved: apply refuses when it differs
    approved_steps_text     TEXT,
    approval_comment        TEXT,
    rejected_by             TEXT,
    rejected_at             INTEGER,
    rejected_comment        TEXT,
    applied_by              TEXT,
    applied_at              INTEGER,
    -- The window the realised saving is measured against (usage days, inclusive), fixed at apply.
    baseline_from           TEXT,
    baseline_to             TEXT,
    line_filter             TEXT NOT NULL DEFAULT '{}'
);
-- One live (pending or approved) plan per finding.
CREATE UNIQUE INDEX action_plan_live ON action_plan(finding_id) WHERE status IN ('pending', 'approved');
CREATE INDEX action_plan_finding ON action_plan(finding_id, plan_id);

CREATE TABLE action_plan_step (
    plan_id          INTEGER NOT NULL REFERENCES action_plan(plan_id) ON DELETE CASCADE,
    ordinal          INTEGER NOT NULL CHECK (ordinal >= 1),
    kind             TEXT NOT NULL CHECK (kind IN ('cluster_update', 'cluster_terminate', 'warehouse_edit', 'run_cancel', 'job_cluster_move')),
    api_method       TEXT NOT NULL,
    api_path         TEXT NOT NULL,
    request_body     TEXT NOT NULL DEFAULT '{}',  -- JSON object sent as is
    before_state     TEXT NOT NULL DEFAULT '{}',  -- JSON object: the fields as the plan expects them now
    after_state      TEXT NOT NULL DEFAULT '{}',  -- JSON object: the same fields after the step
    description      TEXT NOT NULL,
    outcome          TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'applied', 'failed', 'skipped')),
    response_status  INTEGER,
    response_excerpt TEXT,                        -- scrubbed of secrets, at most a few hundred characters
    applied_at       INTEGER,
    PRIMARY KEY (plan_id, ordinal)
) WITHOUT ROWID;

#pragma once

// The attribution engine's set-based SQL. Temp tables live for one group of days.

namespace ll::attribution::sql {

// Current tags of the work units the days' line items name (buildWork only looks these up; job
// clusters alone grow with every run, so reading all of them made each group cost the history),
// with their team and project tag read once per work unit rather than once per line item.
inline constexpr const char *workUnitTags = R"SQL(
CREATE TEMP TABLE IF NOT EXISTS wu_seen (work_unit_type TEXT, work_unit_id TEXT, PRIMARY KEY (work_unit_type, work_unit_id)) WITHOUT ROWID;
DELETE FROM temp.wu_seen;
INSERT OR IGNORE INTO temp.wu_seen (work_unit_type, work_unit_id)
SELECT work_unit_type, work_unit_id FROM ledger_usage_line WHERE usage_day IN (SELECT day FROM temp.work_day) AND work_unit_id IS NOT NULL;
CREATE TEMP TABLE IF NOT EXISTS wu_tags (work_unit_type TEXT, work_unit_id TEXT, tags TEXT, team TEXT, project TEXT,
                                         PRIMARY KEY (work_unit_type, work_unit_id)) WITHOUT ROWID;
DELETE FROM temp.wu_tags;
INSERT OR IGNORE INTO temp.wu_tags (work_unit_type, work_unit_id, tags) SELECT 'job', job_id, tags FROM ledger_job_current
WHERE tags IS NOT NULL AND job_id IN (SELECT work_unit_id FROM temp.wu_seen WHERE work_unit_type = 'job');
INSERT OR IGNORE INTO temp.wu_tags (work_unit_type, work_unit_id, tags) SELECT 'cluster', cluster_id, tags FROM ledger_cluster_current
WHERE tags IS NOT NULL AND cluster_id IN (SELECT work_unit_id FROM temp.wu_seen WHERE work_unit_type = 'cluster');
INSERT OR IGNORE INTO temp.wu_tags (work_unit_type, work_unit_id, tags) SELECT 'warehouse', warehouse_id, tags FROM ledger_warehouse_current
WHERE tags IS NOT NULL AND warehouse_id IN (SELECT work_unit_id FROM temp.wu_seen WHERE work_unit_type = 'warehouse');
INSERT OR IGNORE INTO temp.wu_tags (work_unit_type, work_unit_id, tags) SELECT 'pipeline', pipeline_id, tags FROM ledger_pipeline_current
WHERE tags IS NOT NULL AND pipeline_id IN (SELECT work_unit_id FROM temp.wu_seen WHERE work_unit_type = 'pipeline');
UPDATE temp.wu_tags SET
    team = (SELECT trim(j.value) FROM json_each(tags) j WHERE lower(j.key) = 'team' AND j.type = 'text' AND trim(j.value) <> '' ORDER BY j.key LIMIT 1),
    project = (SELECT trim(j.value) FROM json_each(tags) j WHERE lower(j.key) = 'project' AND j.type = 'text' AND trim(j.value) <> '' ORDER BY j.key LIMIT 1);
)SQL";

// One row per line item of the days being attributed, with everything rules can match on.
// Tag lookups are case-insensitive on the key; of several spellings the lowest key wins so the
// result never depends on processing order.
inline constexpr const char *buildWork = R"SQL(
CREATE TEMP TABLE IF NOT EXISTS attr_work (
    line_id INTEGER PRIMARY KEY, usage_day TEXT, usage_start INTEGER, usage_end INTEGER, workspace_id TEXT,
    work_unit_type TEXT, work_unit_id TEXT, wu_name TEXT, notebook_path TEXT, principal TEXT, owner TEXT,
    job_id TEXT, pipeline_id TEXT, warehouse_id TEXT, cluster_id TEXT, endpoint_name TEXT, tags TEXT, wu_tags TEXT,
    tag_team TEXT, tag_project TEXT, wu_team TEXT, wu_project TEXT,
    cost INTEGER, list_cost INTEGER, contract_cost INTEGER, quantity INTEGER);
DELETE FROM temp.attr_work;
INSERT INTO temp.attr_work
SELECT l.line_id, l.usage_day, l.usage_start, l.usage_end, l.workspace_id, l.work_unit_type, l.work_unit_id, w.name,
       l.notebook_path, l.run_as, coalesce(l.owned_by, w.owner), l.job_id, l.pipeline_id, l.warehouse_id, l.cluster_id,
       l.endpoint_name, l.custom_tags, t.tags,
       (SELECT trim(j.value) FROM json_each(l.custom_tags) j WHERE lower(j.key) = 'team' AND j.type = 'text' AND trim(j.value) <> '' ORDER BY j.key LIMIT 1),
       (SELECT trim(j.value) FROM json_each(l.custom_tags) j WHERE lower(j.key) = 'project' AND j.type = 'text' AND trim(j.value) <> '' ORDER BY j.key LIMIT 1),
       t.team, t.project,
       coalesce(l.cost_nanos, 0), coalesce(l.list_cost_nanos, 0), coalesce(l.contract_cost_nanos, 0), l.quantity_nanos
FROM ledger_usage_line l
LEFT JOIN ledger_work_unit w ON w.work_unit_type = l.work_unit_type AND w.work_unit_id = l.work_unit_id
LEFT JOIN temp.wu_tags t ON t.work_unit_type = l.work_unit_type AND t.work_unit_id = l.work_unit_id
WHERE l.usage_day IN (SELECT day FROM temp.work_day);

CREATE TEMP TABLE IF NOT EXISTS attr_decision (
    line_id INTEGER PRIMARY KEY, rule_id INTEGER, method TEXT, confidence TEXT, mode TEXT,
    team TEXT, team_display TEXT, project TEXT, bucket TEXT, splits TEXT);
DELETE FROM temp.attr_decision;
)SQL";

// A rule's decision; the predicate is appended by the rule compiler. First match wins.
inline constexpr const char *ruleDecision = R"SQL(
INSERT OR IGNORE INTO temp.attr_decision (line_id, rule_id, method, confidence, mode, team, team_display, project, bucket, splits)
SELECT w.line_id, :rule_id, :method, :confidence, :mode, :team, :team, :project, :bucket, :splits
FROM temp.attr_work w WHERE )SQL";

// The fallback waterfall for lines no rule matched.
inline constexpr const char *waterfall = R"SQL(
INSERT OR IGNORE INTO temp.attr_decision (line_id, method, confidence, mode, team, team_display)
SELECT line_id, 'tag:team', 'strong', 'direct', lower(tag_team), tag_team FROM temp.attr_work WHERE tag_team IS NOT NULL;
INSERT OR IGNORE INTO temp.attr_decision (line_id, method, confidence, mode, team, team_display)
SELECT line_id, 'workunit_tag:team', 'strong', 'direct', lower(wu_team), wu_team FROM temp.attr_work WHERE wu_team IS NOT NULL;
INSERT OR IGNORE INTO temp.attr_decision (line_id, method, confidence, mode, team)
SELECT w.line_id, 'identity:run_as', 'strong', 'direct', m.team_key FROM temp.attr_work w JOIN app_identity_map m ON m.principal = w.principal;
INSERT OR IGNORE INTO temp.attr_decision (line_id, method, confidence, mode, team)
SELECT w.line_id, 'owner', 'estimated', 'direct', m.team_key FROM temp.attr_work w JOIN app_identity_map m ON m.principal = w.owner;
INSERT OR IGNORE INTO temp.attr_decision (line_id, method, confidence, mode)
SELECT line_id, 'unattributed', 'unattributed', 'none' FROM temp.attr_work;

-- Teams and projects are created on first sight; display names are the lowest spelling seen,
-- a pure function of the data rather than of processing order.
INSERT INTO attr_team (team_key, display_name)
SELECT team, min(coalesce(team_display, team)) FROM temp.attr_decision WHERE team IS NOT NULL AND team <> '' GROUP BY team
ON CONFLICT(team_key) DO UPDATE SET display_name = min(display_name, excluded.display_name);
INSERT INTO attr_project (project_key, display_name)
SELECT lower(p), min(p) FROM (SELECT tag_project AS p FROM temp.attr_work UNION ALL SELECT wu_project FROM temp.attr_work)
WHERE p IS NOT NULL GROUP BY lower(p)
ON CONFLICT(project_key) DO UPDATE SET display_name = min(display_name, excluded.display_name);
)SQL";

inline constexpr const char *clearDays = R"SQL(
DELETE FROM attr_line WHERE usage_day IN (SELECT day FROM temp.work_day);
DELETE FROM attr_allocation WHERE usage_day IN (SELECT day FROM temp.work_day);
DELETE FROM attr_redistribution WHERE usage_day IN (SELECT day FROM temp.work_day);
)SQL";

// Lines with one target and the whole amount (apportioning by the single weight 1 is the
// identity), written set-based: the C++ path cost a row round trip per line and most lines are
// these. Mirrors Allocator::allocate for 'direct', 'shared' and every other mode ('none', or a
// rule without a known mode): same kind, keys, method, confidence and measures.
inline constexpr const char *insertSingleTargetAllocations = R"SQL(
INSERT INTO attr_allocation (line_id, seq, usage_day, kind, team_key, project_key, bucket_key, principal, method, confidence,
                             rule_id, cost_nanos, list_cost_nanos, contract_cost_nanos, quantity_nanos)
SELECT line_id, 0, usage_day,
       CASE mode WHEN 'direct' THEN CASE WHEN team = '' AND project = '' THEN 'unattributed' ELSE 'direct' END
                 WHEN 'shared' THEN 'bucket' ELSE 'unattributed' END,
       CASE WHEN mode = 'direct' THEN team ELSE '' END, project, CASE WHEN mode = 'shared' THEN bucket ELSE '' END,
       NULL, method, confidence, rule_id, cost, list_cost, contract_cost, quantity
FROM (SELECT d.line_id, w.usage_day, d.mode, coalesce(d.team, '') AS team,
             coalesce(d.project, lower(w.tag_project), lower(w.wu_project), '') AS project, coalesce(d.bucket, '') AS bucket,
             d.method, d.confidence, d.rule_id, w.cost, w.list_cost, w.contract_cost, w.quantity
      FROM temp.attr_decision d JOIN temp.attr_work w ON w.line_id = d.line_id
      WHERE coalesce(d.mode, '') NOT IN ('split', 'usage', 'proportional'))
)SQL";

// What the allocator streams: the decisions with several targets, with their line's measures,
// in line order.
inline constexpr const char *decisions = R"SQL(
SELECT d.line_id, d.rule_id, d.method, d.confidence, d.mode, coalesce(d.team, ''),
       coalesce(d.project, lower(w.tag_project), lower(w.wu_project), ''), coalesce(d.bucket, ''), coalesce(d.splits, ''),
       w.usage_day, w.usage_start, w.usage_end, coalesce(w.warehouse_id, ''), coalesce(w.owner, ''),
       w.cost, w.list_cost, w.contract_cost, w.quantity, w.workspace_id, coalesce(w.cluster_id, '')
FROM temp.attr_decision d JOIN temp.attr_work w ON w.line_id = d.line_id
WHERE d.mode IN ('split', 'usage', 'proportional')
ORDER BY d.line_id
)SQL";

inline constexpr const char *insertAllocation = R"SQL(
INSERT INTO attr_allocation (line_id, seq, usage_day, kind, team_key, project_key, bucket_key, principal, method, confidence,
                             rule_id, cost_nanos, list_cost_nanos, contract_cost_nanos, quantity_nanos)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
)SQL";

inline constexpr const char *insertLineSummary = R"SQL(
INSERT INTO attr_line (line_id, usage_day, team_key, project_key, method, confidence, rule_id)
SELECT d.line_id, w.usage_day,
       CASE WHEN d.mode = 'direct' THEN coalesce(d.team, '') ELSE '' END,
       coalesce(d.project, lower(w.tag_project), lower(w.wu_project), ''), d.method, d.confidence, d.rule_id
FROM temp.attr_decision d JOIN temp.attr_work w ON w.line_id = d.line_id
ORDER BY d.line_id
)SQL";

// Shared amounts per day, workspace and bucket: bucket rows and idle rows sent to a bucket.
inline constexpr const char *bucketTotals = R"SQL(
SELECT a.usage_day, l.workspace_id, a.bucket_key, b.policy, coalesce(b.fixed_shares, '{}'),
       sum(a.cost_nanos), sum(a.list_cost_nanos), sum(a.contract_cost_nanos)
FROM attr_allocation a
JOIN ledger_usage_line l ON l.line_id = a.line_id
LEFT JOIN app_bucket b ON b.bucket_key = a.bucket_key
WHERE a.usage_day IN (SELECT day FROM temp.work_day) AND a.bucket_key <> ''
GROUP BY a.usage_day, l.workspace_id, a.bucket_key
ORDER BY a.usage_day, l.workspace_id, a.bucket_key
)SQL";

// The measure for proportional sharing: each team's direct cost that day (whole account).
inline constexpr const char *directTeamCost = R"SQL(
SELECT usage_day, team_key, sum(cost_nanos) FROM attr_allocation
WHERE usage_day IN (SELECT day FROM temp.work_day) AND kind = 'direct' AND team_key <> ''
GROUP BY usage_day, team_key ORDER BY usage_day, team_key
)SQL";

} // namespace ll::attribution::sql

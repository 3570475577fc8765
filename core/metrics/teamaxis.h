#pragma once

// The team axis of metrics_daily_cost (and of reports built like it) encodes the allocation kinds
// that are not a team: '' = unattributed, '~idle' = idle shared compute, '~bucket:<key>' = a
// shared bucket before redistribution. Writers and readers share these expressions so the
// encoding cannot drift apart: no other file spells '~idle' or '~bucket:'.

// Over a team key `m.team_key`: is it one of the kinds above rather than a team, and the label
// reports show for such a key. Macros (string literals) so that constant tables of SQL
// expressions can splice them in at compile time (reports/costreport.cpp does).
#define LL_TEAM_KEY_IS_NOT_A_TEAM "(m.team_key = '' OR m.team_key LIKE '~%')"
#define LL_NON_TEAM_LABEL                                                                                                                  \
    "(CASE WHEN m.team_key = '' THEN 'unattributed' WHEN m.team_key = '~idle' THEN 'idle' ELSE 'shared:' || substr(m.team_key, 9) END)"

namespace ll::metrics {

// An attr_allocation row `a` (LEFT JOINed: no row = not yet attributed) -> team key.
inline constexpr const char *kAllocationTeamKey =
    "CASE WHEN a.line_id IS NULL OR a.kind = 'unattributed' THEN '' WHEN a.kind = 'idle' THEN '~idle' "
    "WHEN a.kind = 'bucket' THEN '~bucket:' || a.bucket_key ELSE a.team_key END";

// A team key `m.team_key` -> the label reports show (hierarchy name, else the tag's spelling).
inline constexpr const char *kTeamLabel =
    "CASE WHEN m.team_key = '' THEN 'unattributed' WHEN m.team_key = '~idle' THEN 'idle' "
    "WHEN m.team_key LIKE '~bucket:%' THEN 'shared:' || substr(m.team_key, 9) "
    "ELSE coalesce((SELECT o.display_name FROM app_org_node o WHERE o.node_key = m.team_key), "
    "(SELECT t.display_name FROM attr_team t WHERE t.team_key = m.team_key), m.team_key) END";

} // namespace ll::metrics

#include "attributionstage.h"

namespace ll::attribution {
namespace {

// Tag values are matched case-insensitively on the key; of several spellings of the key on one
// resource ("team" and "Team"), the lowest in binary order wins so the choice never depends on
// processing order.
constexpr const char *kCollect = R"SQL(
CREATE TEMP TABLE IF NOT EXISTS attr_work (
    line_id INTEGER PRIMARY KEY, usage_day TEXT, team TEXT, project TEXT);
DELETE FROM temp.attr_work;
INSERT INTO temp.attr_work (line_id, usage_day, team, project)
SELECT l.line_id, l.usage_day,
       (SELECT nullif(trim(j.value), '') FROM json_each(l.custom_tags) j
         WHERE lower(j.key) = 'team' AND j.type = 'text' ORDER BY j.key LIMIT 1),
       (SELECT nullif(trim(j.value), '') FROM json_each(l.custom_tags) j
         WHERE lower(j.key) = 'project' AND j.type = 'text' ORDER BY j.key LIMIT 1)
FROM ledger_usage_line l
WHERE l.usage_day IN (SELECT day FROM temp.work_day);

DELETE FROM attr_line WHERE usage_day IN (SELECT day FROM temp.work_day);

-- Display names are a pure function of the spellings seen (the lowest), never of the order.
INSERT INTO attr_team (team_key, display_name)
SELECT lower(team), min(team) FROM temp.attr_work WHERE team IS NOT NULL GROUP BY lower(team)
ON CONFLICT(team_key) DO UPDATE SET display_name = min(display_name, excluded.display_name);
INSERT INTO attr_project (project_key, display_name)
SELECT lower(project), min(project) FROM temp.attr_work WHERE project IS NOT NULL GROUP BY lower(project)
ON CONFLICT(project_key) DO UPDATE SET display_name = min(display_name, excluded.display_name);

INSERT INTO attr_line (line_id, usage_day, team_key, project_key, method, confidence)
SELECT line_id, usage_day, coalesce(lower(team), ''), coalesce(lower(project), ''),
       CASE WHEN team IS NOT NULL THEN 'tag:team' ELSE 'unattributed' END,
       CASE WHEN team IS NOT NULL THEN 'strong' ELSE 'unattributed' END
FROM temp.attr_work ORDER BY line_id;
)SQL";

} // namespace

Result<std::int64_t> AttributionStage::processWorkDays(pipeline::StageContext &context)
{
    if (auto s = context.db.exec(kCollect); !s)
        return s.error();
    auto n = context.db.queryInt("SELECT count(*) FROM temp.attr_work");
    if (!n)
        return n.error();
    return n->value_or(0);
}

} // namespace ll::attribution

#include "coveragemetrics.h"

#include "pipeline/progressstate.h"
#include "raw/sourcecatalog.h"

#include <algorithm>
#include <functional>

namespace ll::metrics {
namespace {

// Definitions (documented for readers in reports/coverage.h):
//  no resource  = the usage record names no job, pipeline, warehouse, serving endpoint, cluster,
//                 notebook or app (ledger work_unit_id NULL);
//  no owner     = no principal is known: identity_metadata has neither run_as nor owned_by and the
//                 work unit has no owner in the ledger entities;
//  unattributed = the attribution left the cost without a team (kind 'unattributed', a project-
//                 only direct allocation, or the line has no allocation yet): the same cost as
//                 metrics_daily_cost team_key '' (kAllocationTeamKey).
// Cost is the line's effective cost; unpriced lines add 0 (and their line to line_count).
constexpr const char *kCoverageDays = R"SQL(
DELETE FROM metrics_workspace_coverage_daily WHERE day IN (SELECT day FROM temp.work_day);
INSERT INTO metrics_workspace_coverage_daily (day, workspace_id, cloud, cost_nanos, no_resource_cost_nanos,
                                              no_owner_cost_nanos, unattributed_cost_nanos, line_count)
SELECT l.usage_day, l.workspace_id, l.cloud,
       sum(coalesce(l.cost_nanos, 0)),
       sum(CASE WHEN l.work_unit_id IS NULL THEN coalesce(l.cost_nanos, 0) ELSE 0 END),
       sum(CASE WHEN coalesce(nullif(l.run_as, ''), nullif(l.owned_by, ''), nullif(w.owner, '')) IS NULL
                THEN coalesce(l.cost_nanos, 0) ELSE 0 END),
       -- one primary-key seek per line; no allocation rows -> sum() is NULL -> the whole line
       sum(coalesce((SELECT sum(CASE WHEN a.kind = 'unattributed' OR (a.kind NOT IN ('idle', 'bucket') AND a.team_key = '') THEN a.cost_nanos ELSE 0 END)
                     FROM attr_allocation a WHERE a.line_id = l.line_id), coalesce(l.cost_nanos, 0))),
       count(*)
FROM ledger_usage_line l
LEFT JOIN ledger_work_unit w ON w.work_unit_type = l.work_unit_type AND w.work_unit_id = l.work_unit_id
WHERE l.usage_day IN (SELECT day FROM temp.work_day)
GROUP BY 1, 2, 3
)SQL";

constexpr std::int64_t kRawRowsPerTransaction = 250000;
const QString kStage = QStringLiteral("coverage");

// Folds raw_id in (from, to] of one source; `select` yields (workspace_id, rows, newest event,
// newest ingestion date) grouped by workspace.
Status foldRange(store::Database &db, const QString &source, const QByteArray &select, std::int64_t from, std::int64_t to)
{
    auto stmt = db.prepare("INSERT INTO metrics_source_coverage (source, workspace_id, row_count, newest_event_time, newest_ingestion_date) "
                           "SELECT :source, ws, n, newest, ingested FROM (" + select + ") WHERE true "
                           "ON CONFLICT(source, workspace_id) DO UPDATE SET row_count = row_count + excluded.row_count, "
                           "newest_event_time = CASE WHEN excluded.newest_event_time IS NULL OR newest_event_time >= excluded.newest_event_time "
                           "  THEN newest_event_time ELSE excluded.newest_event_time END, "
                           "newest_ingestion_date = CASE WHEN excluded.newest_ingestion_date IS NULL OR newest_ingestion_date >= excluded.newest_ingestion_date "
                           "  THEN newest_ingestion_date ELSE excluded.newest_ingestion_date END");
    if (!stmt)
        return stmt.error();
    stmt->bind(":source", source);
    stmt->bind(":from", from);
    stmt->bind(":to", to);
    return stmt->run();
}

Status foldRegions(store::Database &db, std::int64_t from, std::int64_t to)
{
    // The account API names the region aws_region (AWS) or location (Azure, GCP).
    auto stmt = db.prepare("INSERT INTO metrics_workspace_region (workspace_id, region) "
                           "SELECT object_id, CAST(coalesce(payload ->> '$.aws_region', payload ->> '$.location', payload ->> '$.region') AS TEXT) "
                           "FROM raw_rest_object WHERE raw_id > :from AND raw_id <= :to AND api = 'workspaces' AND json_valid(payload) "
                           "ORDER BY raw_id "
                           "ON CONFLICT(workspace_id) DO UPDATE SET region = coalesce(excluded.region, region)");
    if (!stmt)
        return stmt.error();
    stmt->bind(":from", from);
    stmt->bind(":to", to);
    return stmt->run();
}

// Folds one raw table (or the REST objects) in bounded transactions above its watermark.
Status foldTable(pipeline::StageContext &context, const QString &watermarkKey, const QByteArray &rawTable,
                 const std::function<Status(std::int64_t, std::int64_t, bool)> &fold)
{
    store::Database &db = context.db;
    auto newest = db.queryInt("SELECT coalesce(max(raw_id), 0) FROM " + rawTable);
    if (!newest)
        return newest.error();
    auto mark = pipeline::ProgressState::watermark(db, kStage, watermarkKey);
    if (!mark)
        return mark.error();
    std::int64_t from = *mark;
    bool first = from == 0;
    const std::int64_t last = newest->value_or(0);
    while (from < last || first) {
        if (context.cancel.isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("coverage cancelled"));
        const std::int64_t to = std::min(last, from + kRawRowsPerTransaction);
        store::Transaction tx(db);
        if (!tx.begun())
            return tx.begun();
        if (auto s = fold(from, to, first); !s)
            return s;
        if (auto s = pipeline::ProgressState::setWatermark(db, kStage, watermarkKey, to); !s)
            return s;
        if (auto s = tx.commit(); !s)
            return s;
        from = to;
        first = false;
    }
    return {};
}

} // namespace

Result<std::int64_t> updateWorkspaceCoverageDays(store::Database &db)
{
    if (auto s = db.exec(kCoverageDays); !s)
        return s.error();
    return db.changes();
}

Status foldSourceCoverage(pipeline::StageContext &context)
{
    for (const raw::SourceSpec &spec : raw::SourceCatalog::systemTables()) {
        if (!spec.columns.contains("workspace_id"))
            continue;
        const QByteArray event = spec.eventTimeColumn.isEmpty() ? QByteArray("NULL") : "max(ll_epoch(" + spec.eventTimeColumn + "))";
        const QByteArray ingested = spec.columns.contains("ingestion_date") ? QByteArray("max(ingestion_date)") : QByteArray("NULL");
        const QByteArray select = "SELECT CAST(workspace_id AS TEXT) AS ws, count(*) AS n, " + event + " AS newest, " + ingested
                                  + " AS ingested FROM " + spec.rawTable
                                  + " WHERE raw_id > :from AND raw_id <= :to AND workspace_id IS NOT NULL GROUP BY 1";
        const Status s = foldTable(context, spec.id, spec.rawTable, [&](std::int64_t from, std::int64_t to, bool first) -> Status {
            if (first) {
                auto clear = context.db.prepare("DELETE FROM metrics_source_coverage WHERE source = ?");
                if (!clear)
                    return clear.error();
                clear->bind(1, spec.id);
                if (auto r = clear->run(); !r)
                    return r;
            }
            return foldRange(context.db, spec.id, select, from, to);
        });
        if (!s)
            return s;
    }
    return foldTable(context, QStringLiteral("rest_workspaces"), "raw_rest_object", [&](std::int64_t from, std::int64_t to, bool first) -> Status {
        if (first) {
            if (auto s = context.db.exec("DELETE FROM metrics_workspace_region"); !s)
                return s;
        }
        return foldRegions(context.db, from, to);
    });
}

} // namespace ll::metrics

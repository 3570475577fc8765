#include "coverage.h"

#include "quality.h"
#include "rowvalues.h"

#include "raw/sourcecatalog.h"
#include "raw/sourcestate.h"
#include "raw/sourcestatus.h"

#include <QHash>

#include <algorithm>

namespace ll::reports {
namespace {

struct SourceState {
    raw::SourceStatus status = raw::SourceStatus::Never;
};

struct Cell {
    std::int64_t rows = 0;
    QDateTime newestEvent;
    QDate newestIngestion;
};

CoverageState stateOf(const QString &sourceId, raw::SourceStatus status, const Cell &cell, std::int64_t staleLimit)
{
    switch (status) {
    case raw::SourceStatus::Unavailable: return CoverageState::Unavailable;
    case raw::SourceStatus::Failed: return CoverageState::Failed;
    case raw::SourceStatus::Never: return CoverageState::Never;
    case raw::SourceStatus::Ok: break;
    }
    if (cell.rows == 0)
        return CoverageState::NoRows;
    if (expectsRecentEvents(sourceId) && (!cell.newestEvent.isValid() || cell.newestEvent.toSecsSinceEpoch() < staleLimit))
        return CoverageState::Stale;
    return CoverageState::Ok;
}

} // namespace

QString coverageStateName(CoverageState state)
{
    switch (state) {
    case CoverageState::Ok: return QStringLiteral("ok");
    case CoverageState::Stale: return QStringLiteral("stale");
    case CoverageState::NoRows: return QStringLiteral("no_rows");
    case CoverageState::Failed: return QStringLiteral("failed");
    case CoverageState::Unavailable: return QStringLiteral("unavailable");
    case CoverageState::Never: return QStringLiteral("never");
    }
    return {};
}

bool expectsRecentEvents(const QString &sourceId)
{
    static const QStringList activity = {
        QStringLiteral("billing_usage"),          QStringLiteral("compute_node_timeline"),
        QStringLiteral("compute_warehouse_events"), QStringLiteral("lakeflow_job_run_timeline"),
        QStringLiteral("lakeflow_job_task_run_timeline"), QStringLiteral("lakeflow_pipeline_update_timeline"),
        QStringLiteral("query_history"),
    };
    return activity.contains(sourceId);
}

int WorkspaceCoverage::readableSources() const
{
    return static_cast<int>(std::count_if(sources.cbegin(), sources.cend(), [](const SourceCoverage &s) { return s.readable; }));
}

Result<CoverageSnapshot> loadCoverage(store::Database &db, const CoverageQuery &query)
{
    CoverageSnapshot snap;
    QHash<QString, SourceState> states;
    for (const raw::SourceSpec &spec : raw::SourceCatalog::systemTables()) {
        if (spec.columns.contains("workspace_id"))
            snap.tables.append({spec.id, spec.systemTable});
    }
    {
        auto read = raw::loadSourceStates(db);
        if (!read)
            return read.error();
        for (const raw::SourceState &state : std::as_const(*read))
            states[state.source].status = state.status;
    }

    QHash<QString, WorkspaceCoverage> byId;
    const auto workspace = [&](const QString &id) -> WorkspaceCoverage & {
        auto it = byId.find(id);
        if (it == byId.end()) {
            it = byId.insert(id, {});
            it->workspaceId = id;
        }
        return *it;
    };
    {
        auto stmt = db.prepare("SELECT w.workspace_id, coalesce(w.workspace_name, ''), coalesce(r.region, '') FROM ledger_workspace w "
                               "LEFT JOIN metrics_workspace_region r ON r.workspace_id = w.workspace_id");
        if (!stmt)
            return stmt.error();
        const Status read = stmt->forEachRow([&](const store::Statement &row) {
            WorkspaceCoverage &w = workspace(row.text(0));
            w.name = row.text(1);
            w.region = row.text(2);
        });
        if (!read)
            return read.error();
    }
    {
        // max(cloud): a workspace lives in one cloud; the max only makes the pick deterministic.
        auto stmt = db.prepare("SELECT workspace_id, max(cloud), sum(cost_nanos), sum(no_resource_cost_nanos), sum(no_owner_cost_nanos), "
                               "sum(unattributed_cost_nanos), sum(line_count) FROM metrics_workspace_coverage_daily "
                               "WHERE (:from IS NULL OR day >= :from) AND (:to IS NULL OR day <= :to) GROUP BY workspace_id");
        if (!stmt)
            return stmt.error();
        stmt->bind(":from", query.from.isValid() ? query.from.toString(Qt::ISODate) : QString());
        stmt->bind(":to", query.to.isValid() ? query.to.toString(Qt::ISODate) : QString());
        const Status read = stmt->forEachRow([&](const store::Statement &row) {
            WorkspaceCoverage &w = workspace(row.text(0));
            w.cloud = row.text(1);
            w.costNanos = row.int64(2);
            w.noResourceCostNanos = row.int64(3);
            w.noOwnerCostNanos = row.int64(4);
            w.unattributedCostNanos = row.int64(5);
            w.lineCount = row.int64(6);
        });
        if (!read)
            return read.error();
    }
    QHash<QString, QHash<QString, Cell>> cells; // workspace -> source -> cell
    {
        auto stmt = db.prepare("SELECT workspace_id, source, row_count, newest_event_time, coalesce(newest_ingestion_date, '') "
                               "FROM metrics_source_coverage");
        if (!stmt)
            return stmt.error();
        const Status read = stmt->forEachRow([&](const store::Statement &row) {
            (void)workspace(row.text(0));
            cells[row.text(0)][row.text(1)] = {row.int64(2), utcFromEpoch(row, 3), QDate::fromString(row.text(4), Qt::ISODate)};
        });
        if (!read)
            return read.error();
    }

    const QDateTime now = query.now.isValid() ? query.now : QDateTime::currentDateTimeUtc();
    const std::int64_t staleLimit = now.toSecsSinceEpoch() - query.staleAfterSeconds;
    for (auto it = byId.begin(); it != byId.end(); ++it) {
        WorkspaceCoverage &w = *it;
        w.noResourceBasisPoints = shareBasisPoints(w.noResourceCostNanos, w.costNanos);
        w.noOwnerBasisPoints = shareBasisPoints(w.noOwnerCostNanos, w.costNanos);
        w.unattributedBasisPoints = shareBasisPoints(w.unattributedCostNanos, w.costNanos);
        const QHash<QString, Cell> &mine = cells.value(w.workspaceId);
        for (const CoverageTable &t : snap.tables) {
            SourceCoverage s;
            s.source = t.source;
            s.systemTable = t.systemTable;
            const raw::SourceStatus status = states.value(t.source).status;
            s.sourceStatus = toText(status);
            const Cell cell = mine.value(t.source);
            s.rows = cell.rows;
            s.newestEventTime = cell.newestEvent;
            s.newestIngestionDate = cell.newestIngestion;
            s.readable = status == raw::SourceStatus::Ok;
            s.state = stateOf(t.source, status, cell, staleLimit);
            w.sources.append(s);
        }
        snap.workspaces.append(w);
    }
    std::sort(snap.workspaces.begin(), snap.workspaces.end(), [](const WorkspaceCoverage &a, const WorkspaceCoverage &b) {
        return a.costNanos != b.costNanos ? a.costNanos > b.costNanos : a.workspaceId < b.workspaceId;
    });
    {
        struct EntityTable {
            const char *type, *systemTable, *sql;
        };
        static constexpr EntityTable kEntities[] = {
            {"job", "system.lakeflow.jobs",
                "SELECT count(*), coalesce(sum(source = 'system'), 0), coalesce(sum(source = 'rest'), 0), "
                "coalesce(sum(source = 'rest' AND NOT EXISTS (SELECT 1 FROM ledger_job s WHERE s.job_id = c.job_id AND s.source = 'system')), 0) "
                "FROM ledger_job_current c"},
            {"pipeline", "system.lakeflow.pipelines",
                "SELECT count(*), coalesce(sum(source = 'system'), 0), coalesce(sum(source = 'rest'), 0), "
                "coalesce(sum(source = 'rest' AND NOT EXISTS (SELECT 1 FROM ledger_pipeline s WHERE s.pipeline_id = c.pipeline_id "
                "AND s.source = 'system')), 0) FROM ledger_pipeline_current c"},
            {"cluster", "system.compute.clusters",
                "SELECT count(*), coalesce(sum(source = 'system'), 0), coalesce(sum(source = 'rest'), 0), "
                "coalesce(sum(source = 'rest' AND NOT EXISTS (SELECT 1 FROM ledger_cluster s WHERE s.cluster_id = c.cluster_id "
                "AND s.source = 'system')), 0) FROM ledger_cluster_current c"},
            {"warehouse", "system.compute.warehouses",
                "SELECT count(*), coalesce(sum(source = 'system'), 0), coalesce(sum(source = 'rest'), 0), "
                "coalesce(sum(source = 'rest' AND NOT EXISTS (SELECT 1 FROM ledger_warehouse s WHERE s.warehouse_id = c.warehouse_id "
                "AND s.source = 'system')), 0) FROM ledger_warehouse_current c"},
        };
        for (const EntityTable &t : kEntities) {
            auto stmt = db.prepare(t.sql);
            if (!stmt)
                return stmt.error();
            auto row = stmt->step();
            if (!row)
                return row.error();
            EntitySourceCount count;
            count.type = QString::fromLatin1(t.type);
            count.systemTable = QString::fromLatin1(t.systemTable);
            if (*row) {
                count.entities = stmt->int64(0);
                count.currentFromSystem = stmt->int64(1);
                count.currentFromRest = stmt->int64(2);
                count.restOnly = stmt->int64(3);
            }
            snap.entitySources.append(count);
        }
    }
    return snap;
}

} // namespace ll::reports

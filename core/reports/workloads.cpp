#include "workloads.h"

#include "entitynames.h"

#include <QHash>

#include <algorithm>
#include <map>
#include <vector>

namespace ll::reports {
namespace {

struct GroupingInfo {
    WorkloadGrouping grouping;
    const char *name;
    const char *type; // work_unit_type filter; nullptr = all
};

constexpr GroupingInfo kGroupings[] = {
    {WorkloadGrouping::WorkUnit, "work_unit", nullptr},
    {WorkloadGrouping::Job, "job", "job"},
    {WorkloadGrouping::Pipeline, "pipeline", "pipeline"},
    {WorkloadGrouping::Warehouse, "warehouse", "warehouse"},
    {WorkloadGrouping::Cluster, "cluster", "cluster"},
};

// The workloads view sums metrics_work_unit_daily and metrics_run_daily over the range per work
// unit. The rows are read in key order (day first: an index range on the dates) and summed here
// in a hash: SQLite's GROUP BY sorted every row of the range (~4 us a row, 61 ms at 600 jobs x 30
// days), the hash is linear. Sums, min(workspace_id) (byte order = SQLite's BINARY collation)
// and the order (cost descending, then type and id by bytes) are the SQL's, exactly.
constexpr const char *kWorkUnitDays = R"SQL(
SELECT work_unit_type, work_unit_id, workspace_id, cost_nanos, list_cost_nanos, quantity_nanos, line_count,
       unpriced_quantity_nanos
FROM metrics_work_unit_daily
WHERE day >= coalesce(:from, '') AND day <= coalesce(:to, '9999-12-31') AND (:type IS NULL OR work_unit_type = :type)
)SQL";

constexpr const char *kRunDays = R"SQL(
SELECT CASE run_kind WHEN 'job_run' THEN 'job' ELSE 'pipeline' END, parent_id, runs, succeeded_runs, failed_runs,
       duration_seconds, failed_run_cost_nanos
FROM metrics_run_daily
WHERE day >= coalesce(:from, '') AND day <= coalesce(:to, '9999-12-31')
)SQL";

// The current state's source and whether any system-table row exists, per entity table.
struct EntityTable {
    const char *type;
    const char *sql;
};
constexpr EntityTable kEntitySources[] = {
    {"job",
        "SELECT (SELECT source FROM ledger_job_current WHERE job_id = ?1), "
        "EXISTS (SELECT 1 FROM ledger_job WHERE job_id = ?1 AND source = 'system')"},
    {"pipeline",
        "SELECT (SELECT source FROM ledger_pipeline_current WHERE pipeline_id = ?1), "
        "EXISTS (SELECT 1 FROM ledger_pipeline WHERE pipeline_id = ?1 AND source = 'system')"},
    {"cluster",
        "SELECT (SELECT source FROM ledger_cluster_current WHERE cluster_id = ?1), "
        "EXISTS (SELECT 1 FROM ledger_cluster WHERE cluster_id = ?1 AND source = 'system')"},
    {"warehouse",
        "SELECT (SELECT source FROM ledger_warehouse_current WHERE warehouse_id = ?1), "
        "EXISTS (SELECT 1 FROM ledger_warehouse WHERE warehouse_id = ?1 AND source = 'system')"},
};

// Reads entity sources with one prepared statement per entity table.
class EntitySourceReader {
public:
    explicit EntitySourceReader(store::Database &db) : m_db(db) { }

    Result<EntitySource> read(const QString &type, const QString &id)
    {
        const EntityTable *table = nullptr;
        for (const auto &t : kEntitySources) {
            if (type == QLatin1String(t.type))
                table = &t;
        }
        if (!table || id.isEmpty())
            return EntitySource::None;
        auto it = m_statements.find(type);
        if (it == m_statements.end()) {
            auto stmt = m_db.prepare(table->sql);
            if (!stmt)
                return stmt.error();
            it = m_statements.emplace(type, std::move(*stmt)).first;
        }
        store::Statement &stmt = it->second;
        stmt.reset();
        stmt.bind(1, id);
        auto found = stmt.step();
        if (!found)
            return found.error();
        if (!*found || stmt.isNull(0))
            return EntitySource::None;
        if (stmt.text(0) == QLatin1String("system"))
            return EntitySource::System;
        return stmt.int64(1) != 0 ? EntitySource::Rest : EntitySource::RestOnly;
    }

private:
    store::Database &m_db;
    std::map<QString, store::Statement> m_statements;
};

struct UnitKey {
    QByteArray type;
    QByteArray id;
    bool operator==(const UnitKey &o) const { return type == o.type && id == o.id; }
};

size_t qHash(const UnitKey &k, size_t seed = 0)
{
    return qHashMulti(seed, k.type, k.id);
}

struct UnitSums {
    QByteArray workspace; // min
    bool seen = false;
    std::int64_t cost = 0, listCost = 0, quantity = 0, unpriced = 0, lines = 0;
    std::int64_t runs = 0, succeeded = 0, failed = 0, seconds = 0, failedCost = 0;
};

constexpr const char *kClusters = R"SQL(
SELECT m.cluster_id, min(m.workspace_id), coalesce(max(c.cluster_name), ''), sum(m.node_seconds),
       sum(m.cpu_centi_seconds), sum(m.mem_centi_seconds)
FROM metrics_cluster_utilization_daily m
LEFT JOIN ledger_cluster_current c ON c.cluster_id = m.cluster_id
WHERE m.day >= coalesce(:from, '') AND m.day <= coalesce(:to, '9999-12-31')
GROUP BY m.cluster_id ORDER BY m.cluster_id
)SQL";

constexpr const char *kWarehouses = R"SQL(
SELECT m.warehouse_id, min(m.workspace_id), coalesce(max(w.warehouse_name), ''), sum(m.running_seconds),
       sum(m.cluster_seconds), sum(m.busy_seconds), sum(m.busy_running_seconds), sum(m.query_count)
FROM metrics_warehouse_utilization_daily m
LEFT JOIN ledger_warehouse_current w ON w.warehouse_id = m.warehouse_id
WHERE m.day >= coalesce(:from, '') AND m.day <= coalesce(:to, '9999-12-31')
GROUP BY m.warehouse_id ORDER BY m.warehouse_id
)SQL";

void bindRange(store::Statement &stmt, const QDate &from, const QDate &to)
{
    stmt.bind(":from", from.isValid() ? from.toString(Qt::ISODate) : QString());
    stmt.bind(":to", to.isValid() ? to.toString(Qt::ISODate) : QString());
}

// Integer average rounded half up; nullopt when there is no weight.
std::optional<std::int64_t> weightedAverage(std::int64_t sum, std::int64_t weight)
{
    if (weight <= 0)
        return std::nullopt;
    return (sum + weight / 2) / weight;
}

} // namespace

QString entitySystemTable(const QString &type)
{
    if (type == QLatin1String("job"))
        return QStringLiteral("system.lakeflow.jobs");
    if (type == QLatin1String("pipeline"))
        return QStringLiteral("system.lakeflow.pipelines");
    if (type == QLatin1String("cluster"))
        return QStringLiteral("system.compute.clusters");
    if (type == QLatin1String("warehouse"))
        return QStringLiteral("system.compute.warehouses");
    return {};
}

QStringList workloadGroupingNames()
{
    QStringList names;
    for (const auto &g : kGroupings)
        names.append(QString::fromLatin1(g.name));
    return names;
}

Result<WorkloadGrouping> parseWorkloadGrouping(const QString &name)
{
    for (const auto &g : kGroupings) {
        if (name.trimmed().toLower() == QLatin1String(g.name))
            return g.grouping;
    }
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("Unknown grouping '%1'; choose from %2").arg(name, workloadGroupingNames().join(QStringLiteral(", "))));
}

Result<QList<WorkloadRow>> queryWorkloads(store::Database &db, const WorkloadQuery &query)
{
    if (query.from.isValid() && query.to.isValid() && query.from > query.to)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The start date is after the end date"));
    const char *type = nullptr;
    for (const auto &g : kGroupings) {
        if (g.grouping == query.by)
            type = g.type;
    }
    auto days = db.prepare(kWorkUnitDays);
    if (!days)
        return days.error();
    bindRange(*days, query.from, query.to);
    days->bind(":type", type ? QString::fromLatin1(type) : QString());
    QHash<UnitKey, UnitSums> units;
    const Status daysRead = days->forEachRow([&](const store::Statement &row) {
        // Look up without copying the key (fromRawData); copy it only for a new unit.
        const QByteArrayView t = row.view(0), id = row.view(1);
        auto it = units.find(UnitKey{QByteArray::fromRawData(t.data(), t.size()), QByteArray::fromRawData(id.data(), id.size())});
        if (it == units.end())
            it = units.insert(UnitKey{t.toByteArray(), id.toByteArray()}, UnitSums{});
        UnitSums &u = *it;
        const QByteArrayView ws = row.view(2);
        if (!u.seen || ws < QByteArrayView(u.workspace))
            u.workspace = ws.toByteArray();
        u.seen = true;
        u.cost += row.int64(3);
        u.listCost += row.int64(4);
        u.quantity += row.int64(5);
        u.lines += row.int64(6);
        u.unpriced += row.int64(7);
    });
    if (!daysRead)
        return daysRead.error();
    // Runs only belong to jobs and pipelines.
    if (!units.isEmpty() && (!type || qstrcmp(type, "job") == 0 || qstrcmp(type, "pipeline") == 0)) {
        auto runs = db.prepare(kRunDays);
        if (!runs)
            return runs.error();
        bindRange(*runs, query.from, query.to);
        const Status runsRead = runs->forEachRow([&](const store::Statement &row) {
            const QByteArrayView t = row.view(0), id = row.view(1);
            const auto it = units.find(UnitKey{QByteArray::fromRawData(t.data(), t.size()), QByteArray::fromRawData(id.data(), id.size())});
            if (it == units.end())
                return;
            it->runs += row.int64(2);
            it->succeeded += row.int64(3);
            it->failed += row.int64(4);
            it->seconds += row.int64(5);
            it->failedCost += row.int64(6);
        });
        if (!runsRead)
            return runsRead.error();
    }
    std::vector<std::pair<const UnitKey *, const UnitSums *>> order;
    order.reserve(static_cast<std::size_t>(units.size()));
    for (auto it = units.cbegin(); it != units.cend(); ++it)
        order.emplace_back(&it.key(), &it.value());
    std::sort(order.begin(), order.end(), [](const auto &a, const auto &b) {
        if (a.second->cost != b.second->cost)
            return a.second->cost > b.second->cost;
        if (a.first->type != b.first->type)
            return a.first->type < b.first->type;
        return a.first->id < b.first->id;
    });
    EntitySourceReader sources(db);
    EntityNames names(db);
    QList<WorkloadRow> rows;
    rows.reserve(static_cast<qsizetype>(order.size()));
    for (const auto &[key, sums] : order) {
        WorkloadRow r;
        r.workUnitType = QString::fromUtf8(key->type);
        r.workUnitId = QString::fromUtf8(key->id);
        r.workspaceId = QString::fromUtf8(sums->workspace);
        if (Status named = fillWorkUnitNames(names, r.workUnitType, r.workUnitId, r.workspaceId, r.name, r.workspaceName); !named)
            return named.error();
        auto source = sources.read(r.workUnitType, r.workUnitId);
        if (!source)
            return source.error();
        r.source = *source;
        r.costNanos = sums->cost;
        r.listCostNanos = sums->listCost;
        r.quantityNanos = sums->quantity;
        r.unpricedQuantityNanos = sums->unpriced;
        r.lineCount = sums->lines;
        r.runs = sums->runs;
        r.succeededRuns = sums->succeeded;
        r.failedRuns = sums->failed;
        r.runDurationSeconds = sums->seconds;
        r.failedRunCostNanos = sums->failedCost;
        rows.append(r);
    }
    return rows;
}

Result<RunList> queryRuns(store::Database &db, const QString &parentId, const QDate &from, const QDate &to, int limit)
{
    const QByteArray where = " FROM metrics_run WHERE parent_id = :parent AND start_day >= :from AND start_day <= :to";
    const auto bindAll = [&](store::Statement &stmt) {
        stmt.bind(":parent", parentId);
        stmt.bind(":from", from.isValid() ? from.toString(Qt::ISODate) : QStringLiteral(""));
        stmt.bind(":to", to.isValid() ? to.toString(Qt::ISODate) : QStringLiteral("9999-12-31"));
    };
    RunList list;
    auto counts = db.prepare("SELECT count(*), coalesce(sum(failed <> 0), 0)" + where);
    if (!counts)
        return counts.error();
    bindAll(*counts);
    if (auto row = counts->step(); !row)
        return row.error();
    list.totalRuns = counts->int64(0);
    list.failedRuns = counts->int64(1);
    auto stmt = db.prepare("SELECT run_kind, run_id, parent_id, workspace_id, start_day, result_state, failed, duration_seconds, cost_nanos"
        + where + " ORDER BY start_day DESC, run_id DESC LIMIT :limit");
    if (!stmt)
        return stmt.error();
    bindAll(*stmt);
    stmt->bind(":limit", limit);
    const Status stmtRead = stmt->forEachRow([&](const store::Statement &row) {
        RunRow r;
        r.runKind = row.text(0);
        r.runId = row.text(1);
        r.parentId = row.text(2);
        r.workspaceId = row.text(3);
        r.startDay = QDate::fromString(row.text(4), Qt::ISODate);
        r.resultState = row.text(5);
        r.failed = row.int64(6) != 0;
        r.durationSeconds = row.optInt(7);
        r.costNanos = row.int64(8);
        list.rows.append(r);
    });
    if (!stmtRead)
        return stmtRead.error();
    return list;
}

Result<QList<UtilizationRow>> queryUtilization(store::Database &db, const QDate &from, const QDate &to)
{
    QList<UtilizationRow> rows;
    EntitySourceReader sources(db);
    auto clusters = db.prepare(kClusters);
    if (!clusters)
        return clusters.error();
    bindRange(*clusters, from, to);
    const Status clustersRead = clusters->forEachRow([&](const store::Statement &row) {
        UtilizationRow r;
        r.kind = QStringLiteral("cluster");
        r.id = row.text(0);
        r.workspaceId = row.text(1);
        r.name = row.text(2);
        r.nodeSeconds = row.int64(3);
        r.avgCpuCentiPercent = weightedAverage(row.int64(4), r.nodeSeconds);
        r.avgMemCentiPercent = weightedAverage(row.int64(5), r.nodeSeconds);
        rows.append(r);
    });
    if (!clustersRead)
        return clustersRead.error();
    auto warehouses = db.prepare(kWarehouses);
    if (!warehouses)
        return warehouses.error();
    bindRange(*warehouses, from, to);
    const Status warehousesRead = warehouses->forEachRow([&](const store::Statement &row) {
        UtilizationRow r;
        r.kind = QStringLiteral("warehouse");
        r.id = row.text(0);
        r.workspaceId = row.text(1);
        r.name = row.text(2);
        r.runningSeconds = row.int64(3);
        r.clusterSeconds = row.int64(4);
        r.busySeconds = row.int64(5);
        r.busyRunningSeconds = row.int64(6);
        r.queries = row.int64(7);
        r.idleRunningSeconds = r.runningSeconds - r.busyRunningSeconds;
        r.busyShareBasisPoints = weightedAverage(r.busyRunningSeconds * 10000, r.runningSeconds);
        rows.append(r);
    });
    if (!warehousesRead)
        return warehousesRead.error();
    // After the reads: one statement runs at a time on the connection's rows.
    EntityNames names(db);
    for (UtilizationRow &r : rows) {
        if (Status named = fillWorkUnitNames(names, r.kind, r.id, r.workspaceId, r.name, r.workspaceName); !named)
            return named.error();
        auto source = sources.read(r.kind, r.id);
        if (!source)
            return source.error();
        r.source = *source;
    }
    return rows;
}

} // namespace ll::reports

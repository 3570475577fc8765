#include "workloads.h"

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

constexpr const char *kWorkloads = R"SQL(
WITH cost AS (
    SELECT work_unit_type AS t, work_unit_id AS id, min(workspace_id) AS ws, sum(cost_nanos) AS cost,
           sum(list_cost_nanos) AS list_cost, sum(quantity_nanos) AS qty, sum(line_count) AS lines
    FROM metrics_work_unit_daily
    WHERE day >= coalesce(:from, '') AND day <= coalesce(:to, '9999-12-31') AND (:type IS NULL OR work_unit_type = :type)
    GROUP BY 1, 2),
runs AS (
    SELECT CASE run_kind WHEN 'job_run' THEN 'job' ELSE 'pipeline' END AS t, parent_id AS id, sum(runs) AS runs,
           sum(succeeded_runs) AS ok, sum(failed_runs) AS failed, sum(duration_seconds) AS secs,
           sum(failed_run_cost_nanos) AS failed_cost
    FROM metrics_run_daily
    WHERE day >= coalesce(:from, '') AND day <= coalesce(:to, '9999-12-31')
    GROUP BY 1, 2)
SELECT c.t, c.id, c.ws, coalesce(u.name, ''), c.cost, c.list_cost, c.qty, c.lines,
       coalesce(r.runs, 0), coalesce(r.ok, 0), coalesce(r.failed, 0), coalesce(r.secs, 0), coalesce(r.failed_cost, 0)
FROM cost c
LEFT JOIN runs r ON r.t = c.t AND r.id = c.id
LEFT JOIN ledger_work_unit u ON u.work_unit_type = c.t AND u.work_unit_id = c.id
ORDER BY c.cost DESC, c.t, c.id
)SQL";

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
    auto stmt = db.prepare(kWorkloads);
    if (!stmt)
        return stmt.error();
    bindRange(*stmt, query.from, query.to);
    const char *type = nullptr;
    for (const auto &g : kGroupings) {
        if (g.grouping == query.by)
            type = g.type;
    }
    stmt->bind(":type", type ? QString::fromLatin1(type) : QString());
    QList<WorkloadRow> rows;
    for (;;) {
        auto more = stmt->step();
        if (!more)
            return more.error();
        if (!*more)
            break;
        WorkloadRow r;
        r.workUnitType = stmt->text(0);
        r.workUnitId = stmt->text(1);
        r.workspaceId = stmt->text(2);
        r.name = stmt->text(3);
        r.costNanos = stmt->int64(4);
        r.listCostNanos = stmt->int64(5);
        r.quantityNanos = stmt->int64(6);
        r.lineCount = stmt->int64(7);
        r.runs = stmt->int64(8);
        r.succeededRuns = stmt->int64(9);
        r.failedRuns = stmt->int64(10);
        r.runDurationSeconds = stmt->int64(11);
        r.failedRunCostNanos = stmt->int64(12);
        rows.append(r);
    }
    return rows;
}

Result<QList<RunRow>> queryRuns(store::Database &db, const QString &parentId, int limit)
{
    auto stmt = db.prepare("SELECT run_kind, run_id, parent_id, workspace_id, start_day, result_state, failed, duration_seconds, cost_nanos "
                           "FROM metrics_run WHERE parent_id = ? ORDER BY start_day DESC, run_id DESC LIMIT ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, parentId);
    stmt->bind(2, limit);
    QList<RunRow> rows;
    for (;;) {
        auto more = stmt->step();
        if (!more)
            return more.error();
        if (!*more)
            break;
        RunRow r;
        r.runKind = stmt->text(0);
        r.runId = stmt->text(1);
        r.parentId = stmt->text(2);
        r.workspaceId = stmt->text(3);
        r.startDay = QDate::fromString(stmt->text(4), Qt::ISODate);
        r.resultState = stmt->text(5);
        r.failed = stmt->int64(6) != 0;
        r.durationSeconds = stmt->optInt(7);
        r.costNanos = stmt->int64(8);
        rows.append(r);
    }
    return rows;
}

Result<QList<UtilizationRow>> queryUtilization(store::Database &db, const QDate &from, const QDate &to)
{
    QList<UtilizationRow> rows;
    auto clusters = db.prepare(kClusters);
    if (!clusters)
        return clusters.error();
    bindRange(*clusters, from, to);
    for (;;) {
        auto more = clusters->step();
        if (!more)
            return more.error();
        if (!*more)
            break;
        UtilizationRow r;
        r.kind = QStringLiteral("cluster");
        r.id = clusters->text(0);
        r.workspaceId = clusters->text(1);
        r.name = clusters->text(2);
        r.nodeSeconds = clusters->int64(3);
        r.avgCpuCentiPercent = weightedAverage(clusters->int64(4), r.nodeSeconds);
        r.avgMemCentiPercent = weightedAverage(clusters->int64(5), r.nodeSeconds);
        rows.append(r);
    }
    auto warehouses = db.prepare(kWarehouses);
    if (!warehouses)
        return warehouses.error();
    bindRange(*warehouses, from, to);
    for (;;) {
        auto more = warehouses->step();
        if (!more)
            return more.error();
        if (!*more)
            break;
        UtilizationRow r;
        r.kind = QStringLiteral("warehouse");
        r.id = warehouses->text(0);
        r.workspaceId = warehouses->text(1);
        r.name = warehouses->text(2);
        r.runningSeconds = warehouses->int64(3);
        r.clusterSeconds = warehouses->int64(4);
        r.busySeconds = warehouses->int64(5);
        r.busyRunningSeconds = warehouses->int64(6);
        r.queries = warehouses->int64(7);
        r.idleRunningSeconds = r.runningSeconds - r.busyRunningSeconds;
        r.busyShareBasisPoints = weightedAverage(r.busyRunningSeconds * 10000, r.runningSeconds);
        rows.append(r);
    }
    return rows;
}

} // namespace ll::reports

#include "oversizedcompute.h"

#include "clusterhours.h"
#include "reports/entitynames.h"

#include <QMap>

#include <algorithm>
#include <cmath>
#include <vector>

namespace ll::insights {
namespace {

const QString kKind = QStringLiteral("oversized_compute");

// Nearest-rank 95th percentile.
double p95(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(0.95 * static_cast<double>(values.size())));
    return values[std::max<std::size_t>(rank, 1) - 1];
}

Status clusterFindings(const DetectorContext &context, const DayWindow &window, QList<Finding> &findings)
{
    const Thresholds &t = context.thresholds;
    const double cpuLimit = t.value(kKind, QStringLiteral("cpu_p95_pct"));
    const double memLimit = t.value(kKind, QStringLiteral("mem_p95_pct"));
    const int minBusy = static_cast<int>(t.value(kKind, QStringLiteral("min_busy_hours")));
    const std::int64_t minSaving = t.nanos(kKind, QStringLiteral("min_savings_usd"));
    auto clusters = loadAllPurposeClusterHours(context.db, window, IdleRule::fromThresholds(t));
    if (!clusters)
        return clusters.error();
    for (const ClusterHours &c : *clusters) {
        std::vector<double> cpu, mem;
        std::int64_t busyCost = 0;
        QMap<QDate, EvidenceDay> days;
        for (const ClusterHour &h : c.hours) {
            if (!h.sampled || h.idle)
                continue; // idle hours are idle_cluster's; unsampled hours say nothing about size
            cpu.push_back(h.cpuPct);
            mem.push_back(h.memPct);
            busyCost += h.costNanos;
            EvidenceDay &d = days[h.day()];
            d.day = h.day();
            d.valueNanos += h.costNanos;
        }
        if (static_cast<int>(cpu.size()) < minBusy)
            continue;
        const double cpu95 = p95(cpu), mem95 = p95(mem);
        if (cpu95 >= cpuLimit || mem95 >= memLimit)
            continue;
        // A resize that brings the p95 up to the thresholds keeps max(cpu95/cpuLimit, mem95/memLimit)
        // of the capacity; the rest of the busy hours' cost is the saving. Basis points keep it exact.
        // (less a hair, so 40 / 50 is 8000 bp and not 8001 by rounding).
        const std::int64_t keptBp = static_cast<std::int64_t>(std::ceil(std::max(cpu95 / cpuLimit, mem95 / memLimit) * 10000.0 - 1e-6));
        const std::int64_t cutBp = 10000 - std::min<std::int64_t>(keptBp, 10000);
        const std::int64_t cut = static_cast<std::int64_t>(static_cast<Int128>(busyCost) * cutBp / 10000);
        const std::int64_t monthly = perMonth(cut, window.days());
        if (monthly < minSaving || monthly <= 0)
            continue;
        for (EvidenceDay &d : days)
            d.baselineNanos = d.valueNanos - static_cast<std::int64_t>(static_cast<Int128>(d.valueNanos) * cutBp / 10000);
        const QString cpuText = QString::number(cpu95, 'f', 1), memText = QString::number(mem95, 'f', 1);
        const QString cutText = QString::number(static_cast<double>(cutBp) / 100.0, 'f', 2);
        Finding f;
        f.kind = kKind;
        f.scopeType = ScopeType::Cluster;
        f.scopeId = c.clusterId;
        f.scopeName = c.scopeName();
        f.workspaceId = c.workspaceId;
        f.severity = severityForMonthlySaving(monthly);
        f.title = QStringLiteral("%1 uses at most %2% CPU and %3% memory").arg(c.label(), cpuText, memText);
        f.detail = QStringLiteral("In its %1 busy hour(s) between %2 and %3, all-purpose cluster %4 (%5) in workspace %6 reached "
                                  "%7% CPU and %8% memory at the 95th percentile (thresholds %9% and %10%). A smaller node type or "
                                  "fewer workers that bring the 95th percentile up to the thresholds would cut %11% of those "
                                  "hours' %12.")
                       .arg(QString::number(cpu.size()), window.firstText(), window.lastText(), c.label(), c.clusterId, c.workspaceLabel(),
                           cpuText, memText, QString::number(cpuLimit))
                       .arg(QString::number(memLimit), cutText, usd(busyCost));
        f.monthlySavingsNanos = monthly;
        f.savingsFormula = QStringLiteral("busy-hour cost x (1 - max(p95 CPU / %1%, p95 memory / %2%)) over the %3 days %4..%5, x 30 / %3: "
                                          "%6 x (1 - max(%7 / %1, %8 / %2)) = %6 x %9% = %10; x 30 / %3 = %11")
                               .arg(QString::number(cpuLimit), QString::number(memLimit), QString::number(window.days()),
                                   window.firstText(), window.lastText(), usd(busyCost), cpuText, memText, cutText)
                               .arg(usd(cut), usd(monthly));
        f.firstDay = days.firstKey();
        f.lastDay = days.lastKey();
        f.evidence = QJsonObject{{QStringLiteral("cluster_id"), c.clusterId}, {QStringLiteral("busy_hours"), static_cast<int>(cpu.size())},
            {QStringLiteral("cpu_p95_pct"), cpuText}, {QStringLiteral("mem_p95_pct"), memText},
            {QStringLiteral("busy_cost"), formatNanos(busyCost, 2)}, {QStringLiteral("cut_share_pct"), cutText},
            {QStringLiteral("cut_in_window"), formatNanos(cut, 2)},
            {QStringLiteral("window"), window.firstText() + QStringLiteral("..") + window.lastText()}};
        f.series = days.values();
        f.lineFilter = QJsonObject{{QStringLiteral("workspace_id"), c.workspaceId}, {QStringLiteral("cluster_id"), c.clusterId},
            {QStringLiteral("from"), window.firstText()}, {QStringLiteral("to"), window.lastText()}};
        findings.append(f);
    }
    return {};
}

// Per warehouse with room to scale: running and cluster seconds per day, and whether any day
// ran more than the minimum (cluster_seconds > running_seconds x min_clusters; counts never
// fall below the minimum while running, so equality means it never scaled out).
const QByteArray kWarehouses = R"SQL(
SELECT w.warehouse_id, coalesce(w.workspace_id, m.workspace_id), w.warehouse_name, w.warehouse_size, w.min_clusters, w.max_clusters,
       m.day, m.running_seconds, m.cluster_seconds,
       (SELECT s.workspace_name FROM ledger_workspace s WHERE s.workspace_id = coalesce(w.workspace_id, m.workspace_id)),
       (SELECT sum(l.cost_nanos) FROM ledger_usage_line l WHERE l.usage_day = m.day AND l.warehouse_id = w.warehouse_id)
FROM ledger_warehouse_current w
JOIN metrics_warehouse_utilization_daily m ON m.warehouse_id = w.warehouse_id
WHERE w.delete_time IS NULL AND w.max_clusters > coalesce(w.min_clusters, 1) AND m.day BETWEEN :first AND :last
ORDER BY w.warehouse_id, m.day
)SQL";

struct WarehouseWindow {
    QString id, workspace, name, size, workspaceName;
    int minClusters = 1, maxClusters = 1;
    std::int64_t running = 0, cost = 0;
    bool scaled = false;
    QList<EvidenceDay> series;
};

Status warehouseFindings(const DetectorContext &context, const DayWindow &window, QList<Finding> &findings)
{
    const double minRunningHours = context.thresholds.value(kKind, QStringLiteral("warehouse_min_running_hours"));
    auto stmt = context.db.prepare(kWarehouses);
    if (!stmt)
        return stmt.error();
    stmt->bind(":first", window.firstText());
    stmt->bind(":last", window.lastText());
    QList<WarehouseWindow> warehouses;
    const Status read = stmt->forEachRow([&](const store::Statement &row) {
        if (warehouses.isEmpty() || warehouses.last().id != row.text(0)) {
            WarehouseWindow w;
            w.id = row.text(0);
            w.workspace = row.text(1);
            w.name = row.text(2);
            w.size = row.text(3);
            w.minClusters = row.isNull(4) ? 1 : static_cast<int>(row.int64(4));
            w.maxClusters = static_cast<int>(row.int64(5));
            w.workspaceName = row.text(9);
            warehouses.append(w);
        }
        WarehouseWindow &w = warehouses.last();
        const std::int64_t running = row.int64(7);
        w.running += running;
        w.scaled = w.scaled || row.int64(8) > running * w.minClusters;
        const std::int64_t cost = row.isNull(10) ? 0 : row.int64(10);
        w.cost += cost;
        w.series.append({QDate::fromString(row.text(6), Qt::ISODate), cost, std::nullopt});
    });
    if (!read)
        return read.error();
    for (const WarehouseWindow &w : warehouses) {
        if (w.scaled || static_cast<double>(w.running) < minRunningHours * 3600.0)
            continue;
        const QString label = w.name.isEmpty() ? QStringLiteral("Warehouse %1").arg(w.id) : w.name;
        const QString hours = QString::number(static_cast<double>(w.running) / 3600.0, 'f', 1);
        Finding f;
        f.kind = kKind;
        f.scopeType = ScopeType::Warehouse;
        f.scopeId = w.id;
        f.scopeName = w.name.isEmpty() ? reports::EntityNames::unknownReason(QStringLiteral("warehouse")) : w.name;
        f.workspaceId = w.workspace;
        f.severity = Severity::Info;
        f.title = QStringLiteral("%1 never scaled past %2 of its %3 clusters")
                      .arg(label, QString::number(w.minClusters), QString::number(w.maxClusters));
        f.detail = QStringLiteral("SQL warehouse %1 (%2, size %3) in workspace %4 ran %5 hour(s) between %6 and %7 (cost %8) and "
                                  "never used more than its minimum of %9 cluster(s), although it may scale to %10. An unused "
                                  "ceiling is not billed, so there is no saving to claim; lower max_clusters to bound the "
                                  "worst case, and if its queries are fast consider a smaller size.")
                       .arg(label, w.id, w.size.isEmpty() ? QStringLiteral("unknown") : w.size,
                           w.workspaceName.isEmpty() ? w.workspace : w.workspaceName, hours, window.firstText(), window.lastText(),
                           usd(w.cost), QString::number(w.minClusters))
                       .arg(QString::number(w.maxClusters));
        f.monthlySavingsNanos = 0;
        f.savingsFormula = QStringLiteral("none: Databricks bills only the clusters that run, and this warehouse ran its minimum of %1 "
                                          "throughout %2..%3")
                               .arg(QString::number(w.minClusters), window.firstText(), window.lastText());
        f.firstDay = w.series.first().day;
        f.lastDay = w.series.last().day;
        f.evidence = QJsonObject{{QStringLiteral("warehouse_id"), w.id}, {QStringLiteral("warehouse_size"), w.size},
            {QStringLiteral("min_clusters"), w.minClusters}, {QStringLiteral("max_clusters"), w.maxClusters},
            {QStringLiteral("running_hours"), hours}, {QStringLiteral("cost"), formatNanos(w.cost, 2)},
            {QStringLiteral("window"), window.firstText() + QStringLiteral("..") + window.lastText()}};
        f.series = w.series;
        f.lineFilter = QJsonObject{{QStringLiteral("workspace_id"), w.workspace}, {QStringLiteral("warehouse_id"), w.id},
            {QStringLiteral("from"), window.firstText()}, {QStringLiteral("to"), window.lastText()}};
        findings.append(f);
    }
    return {};
}

} // namespace

Result<QList<Finding>> OversizedComputeDetector::detect(const DetectorContext &context)
{
    const DayWindow window = trailingWindow(context, static_cast<int>(context.thresholds.value(kKind, QStringLiteral("window_days"))));
    QList<Finding> findings;
    if (Status s = clusterFindings(context, window, findings); !s)
        return s.error();
    if (Status s = warehouseFindings(context, window, findings); !s)
        return s.error();
    return findings;
}

} // namespace ll::insights

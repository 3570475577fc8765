#include "idlewarehouse.h"

#include "detectorlabels.h"

#include <QMap>

#include <cmath>

namespace ll::insights {
namespace {

const QString kKind = QStringLiteral("idle_warehouse");

// Per warehouse and day: running and busy seconds, and the warehouse's cost that day (its
// billing lines: work_unit_type 'warehouse'). A day with cost but no running data is left out of
// both sides, so the idle share is that of the days the warehouse events cover.
const QByteArray kDaily = R"SQL(
SELECT u.workspace_id, u.warehouse_id, u.day, u.running_seconds, u.busy_running_seconds, u.query_count,
       coalesce((SELECT sum(m.cost_nanos) FROM metrics_work_unit_daily m
                 WHERE m.work_unit_type = 'warehouse' AND m.work_unit_id = u.warehouse_id
                   AND m.workspace_id = u.workspace_id AND m.day = u.day), 0),
       (SELECT w.auto_stop_minutes FROM ledger_warehouse_current w WHERE w.warehouse_id = u.warehouse_id),
       (SELECT w.warehouse_type FROM ledger_warehouse_current w WHERE w.warehouse_id = u.warehouse_id)
FROM metrics_warehouse_utilization_daily u
WHERE u.day BETWEEN :first AND :last AND u.running_seconds > 0
ORDER BY u.workspace_id, u.warehouse_id, u.day
)SQL";

struct Warehouse {
    QString workspace, warehouse, type;
    std::optional<std::int64_t> autoStop;
    std::int64_t running = 0, busy = 0, queries = 0, cost = 0;
    QList<EvidenceDay> series;
};

// Idle hours per day of the window (docs/insights.md).
Severity severityForIdleHours(double hoursPerDay)
{
    if (hoursPerDay >= 12)
        return Severity::High;
    if (hoursPerDay >= 4)
        return Severity::Medium;
    if (hoursPerDay >= 1)
        return Severity::Low;
    return Severity::Info;
}

std::int64_t share(std::int64_t nanos, std::int64_t part, std::int64_t whole)
{
    return whole > 0 ? static_cast<std::int64_t>(static_cast<Int128>(nanos) * part / whole) : 0;
}

} // namespace

Result<QList<Finding>> IdleWarehouseDetector::detect(const DetectorContext &context)
{
    const Thresholds &t = context.thresholds;
    const DayWindow window = trailingWindow(context, static_cast<int>(t.value(kKind, QStringLiteral("window_days"))));
    const double minIdleShare = t.value(kKind, QStringLiteral("min_idle_pct")) / 100.0;
    const double minIdleHours = t.value(kKind, QStringLiteral("min_idle_hours_per_day"));
    const std::int64_t minSaving = t.nanos(kKind, QStringLiteral("min_savings_usd"));
    auto stmt = context.db.prepare(kDaily);
    if (!stmt)
        return stmt.error();
    stmt->bind(":first", window.firstText());
    stmt->bind(":last", window.lastText());
    QList<Warehouse> warehouses;
    const Status read = stmt->forEachRow([&](const store::Statement &row) {
        if (warehouses.isEmpty() || warehouses.last().workspace != row.text(0) || warehouses.last().warehouse != row.text(1)) {
            Warehouse w;
            w.workspace = row.text(0);
            w.warehouse = row.text(1);
            w.autoStop = row.optInt(7);
            w.type = row.text(8);
            warehouses.append(w);
        }
        Warehouse &w = warehouses.last();
        const std::int64_t running = row.int64(3);
        const std::int64_t busy = std::min(row.int64(4), running);
        const std::int64_t cost = row.int64(6);
        w.running += running;
        w.busy += busy;
        w.queries += row.int64(5);
        w.cost += cost;
        w.series.append({QDate::fromString(row.text(2), Qt::ISODate), share(cost, running - busy, running), std::nullopt});
    });
    if (!read)
        return read.error();

    reports::EntityNames names(context.db);
    QList<Finding> findings;
    for (const Warehouse &w : warehouses) {
        const std::int64_t idle = w.running - w.busy;
        const double idleShare = static_cast<double>(idle) / static_cast<double>(w.running);
        const double idleHoursPerDay = static_cast<double>(idle) / 3600.0 / window.days();
        const std::int64_t idleCost = share(w.cost, idle, w.running);
        const std::int64_t monthly = perMonth(idleCost, window.days());
        if (idleShare < minIdleShare || idleHoursPerDay < minIdleHours || monthly < minSaving)
            continue;
        auto nameFound = scopeLabel(names, QStringLiteral("warehouse"), w.warehouse, QStringLiteral("Warehouse"));
        if (!nameFound)
            return nameFound.error();
        const ScopeLabel name = *nameFound;
        Finding f;
        f.kind = kKind;
        f.scopeType = ScopeType::Warehouse;
        f.scopeId = w.warehouse;
        f.scopeName = name.name;
        f.workspaceId = w.workspace;
        f.severity = severityForIdleHours(idleHoursPerDay);
        const QString hours = QString::number(idleHoursPerDay, 'f', 1);
        const QString pct = QString::number(idleShare * 100.0, 'f', 0);
        f.title = QStringLiteral("%1 idles %2 h a day").arg(name.label, hours);
        f.detail = QStringLiteral("SQL warehouse %1 (%2) ran %3 h between %4 and %5 but ran queries for only %6 h: %7% of its running time "
                                  "(%8 h a day) had no query. At its cost of %9 over those days, the idle time cost %10. "
                                  "Shorten its auto-stop or consolidate its users onto a busier warehouse.")
                       .arg(name.label, w.warehouse, QString::number(static_cast<double>(w.running) / 3600.0, 'f', 1), window.firstText(),
                           window.lastText(), QString::number(static_cast<double>(w.busy) / 3600.0, 'f', 1), pct, hours, usd(w.cost))
                       .arg(usd(idleCost));
        f.monthlySavingsNanos = monthly;
        f.savingsFormula = QStringLiteral("warehouse cost x idle share of running time, over the %1 days %2..%3, x 30 / %1: "
                                          "%4 x (%5 s - %6 s) / %5 s x 30 / %1 = %7")
                               .arg(QString::number(window.days()), window.firstText(), window.lastText(), usd(w.cost),
                                   QString::number(w.running), QString::number(w.busy), usd(monthly));
        f.firstDay = w.series.first().day;
        f.lastDay = w.series.last().day;
        f.evidence = QJsonObject{{QStringLiteral("warehouse_id"), w.warehouse}, {QStringLiteral("workspace_id"), w.workspace},
            {QStringLiteral("warehouse_type"), w.type},
            {QStringLiteral("auto_stop_minutes"), w.autoStop ? QJsonValue(static_cast<qint64>(*w.autoStop)) : QJsonValue()},
            {QStringLiteral("running_seconds"), static_cast<qint64>(w.running)},
            {QStringLiteral("busy_running_seconds"), static_cast<qint64>(w.busy)},
            {QStringLiteral("idle_seconds"), static_cast<qint64>(idle)},
            {QStringLiteral("idle_pct"), std::round(idleShare * 1000.0) / 10.0},
            {QStringLiteral("idle_hours_per_day"), std::round(idleHoursPerDay * 10.0) / 10.0},
            {QStringLiteral("queries"), static_cast<qint64>(w.queries)}, {QStringLiteral("warehouse_cost"), formatNanos(w.cost, 2)},
            {QStringLiteral("idle_cost"), formatNanos(idleCost, 2)},
            {QStringLiteral("window"), window.firstText() + QStringLiteral("..") + window.lastText()}};
        f.series = w.series;
        f.lineFilter = QJsonObject{{QStringLiteral("workspace_id"), w.workspace}, {QStringLiteral("warehouse_id"), w.warehouse},
            {QStringLiteral("from"), window.firstText()}, {QStringLiteral("to"), window.lastText()}};
        findings.append(f);
    }
    return findings;
}

} // namespace ll::insights

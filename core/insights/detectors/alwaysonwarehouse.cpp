#include "alwaysonwarehouse.h"

#include "detectorlabels.h"

#include <QDateTime>
#include <QTimeZone>

#include <algorithm>
#include <utility>
#include <vector>

namespace ll::insights {
namespace {

const QString kKind = QStringLiteral("always_on_warehouse");

const QByteArray kCandidates = R"SQL(
SELECT w.warehouse_id, w.workspace_id, w.warehouse_type, w.auto_stop_minutes
FROM ledger_warehouse_current w
WHERE w.delete_time IS NULL AND w.auto_stop_minutes IS NOT NULL AND (w.auto_stop_minutes = 0 OR w.auto_stop_minutes > :max)
ORDER BY w.workspace_id, w.warehouse_id
)SQL";

struct Candidate {
    QString warehouse, workspace, type;
    std::int64_t autoStop = 0;
};

using Span = std::pair<std::int64_t, std::int64_t>; // [start, end) in epoch seconds

std::int64_t dayStart(const QDate &day) { return QDateTime(day, QTime(0, 0), QTimeZone::utc()).toSecsSinceEpoch(); }

Result<std::vector<Span>> readSpans(
    store::Database &db, const QByteArray &sql, const QString &warehouse, std::int64_t from, std::int64_t to)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(":wh", warehouse);
    stmt->bind(":from", from);
    stmt->bind(":to", to);
    std::vector<Span> spans;
    const Status read = stmt->forEachRow([&](const store::Statement &row) {
        const std::int64_t s = std::max(row.int64(0), from);
        const std::int64_t e = std::min(row.int64(1), to);
        if (e > s)
            spans.emplace_back(s, e);
    });
    if (!read)
        return read.error();
    return spans;
}

struct Replay {
    std::int64_t runningSeconds = 0;
    std::int64_t cutSeconds = 0; // idle seconds a `target` auto-stop would have stopped
    std::int64_t stops = 0;      // idle gaps longer than the target
};

// Within each running interval, every idle stretch after the first query (between queries, and
// from the last query to the stop) longer than `target` would have been cut to `target`. The
// stretch before the first query is the start-up the query waited for; an interval without any
// query idles from its start.
Replay replay(const std::vector<Span> &running, const std::vector<Span> &queries, std::int64_t target)
{
    Replay r;
    std::size_t q = 0;
    for (const Span &interval : running) {
        r.runningSeconds += interval.second - interval.first;
        while (q < queries.size() && queries[q].second <= interval.first)
            ++q;
        std::int64_t idleFrom = -1; // end of the busy time so far; -1 before the first query
        for (std::size_t i = q; i < queries.size() && queries[i].first < interval.second; ++i) {
            const std::int64_t s = std::max(queries[i].first, interval.first);
            const std::int64_t e = std::min(queries[i].second, interval.second);
            if (idleFrom >= 0 && s - idleFrom > target) {
                r.cutSeconds += s - idleFrom - target;
                ++r.stops;
            }
            idleFrom = std::max(idleFrom, e);
        }
        if (idleFrom < 0)
            idleFrom = interval.first;
        if (interval.second - idleFrom > target) {
            r.cutSeconds += interval.second - idleFrom - target;
            ++r.stops;
        }
    }
    return r;
}

} // namespace

Result<QList<Finding>> AlwaysOnWarehouseDetector::detect(const DetectorContext &context)
{
    const Thresholds &t = context.thresholds;
    const DayWindow window = trailingWindow(context, static_cast<int>(t.value(kKind, QStringLiteral("window_days"))));
    const auto maxAutoStop = static_cast<std::int64_t>(t.value(kKind, QStringLiteral("max_auto_stop_minutes")));
    const auto target = static_cast<std::int64_t>(t.value(kKind, QStringLiteral("target_auto_stop_minutes")));
    const std::int64_t minSaving = t.nanos(kKind, QStringLiteral("min_savings_usd"));
    auto stmt = context.db.prepare(kCandidates);
    if (!stmt)
        return stmt.error();
    stmt->bind(":max", maxAutoStop);
    QList<Candidate> candidates;
    const Status read = stmt->forEachRow([&](const store::Statement &row) {
        candidates.append(Candidate{row.text(0), row.text(1), row.text(2), row.int64(3)});
    });
    if (!read)
        return read.error();

    const std::int64_t from = dayStart(window.first);
    const std::int64_t to = dayStart(window.last.addDays(1));
    reports::EntityNames names(context.db);
    QList<Finding> findings;
    for (const Candidate &c : candidates) {
        // A target at or above the current setting cuts nothing.
        if (c.autoStop != 0 && c.autoStop <= target)
            continue;
        auto running = readSpans(context.db,
            "SELECT start_time, end_time FROM ledger_warehouse_interval WHERE warehouse_id = :wh AND end_time > :from AND start_time < :to "
            "ORDER BY start_time",
            c.warehouse, from, to);
        if (!running)
            return running.error();
        auto queries = readSpans(context.db,
            "SELECT start_time, end_time FROM ledger_query WHERE warehouse_id = :wh AND end_time > :from AND start_time < :to "
            "ORDER BY start_time, end_time",
            c.warehouse, from, to);
        if (!queries)
            return queries.error();
        auto cost =
            context.db.prepare("SELECT coalesce(sum(cost_nanos), 0) FROM metrics_work_unit_daily WHERE work_unit_type = 'warehouse' "
                               "AND work_unit_id = :wh AND day BETWEEN :first AND :last");
        if (!cost)
            return cost.error();
        cost->bind(":wh", c.warehouse);
        cost->bind(":first", window.firstText());
        cost->bind(":last", window.lastText());
        auto costRow = cost->step();
        if (!costRow)
            return costRow.error();
        const std::int64_t windowCost = *costRow ? cost->int64(0) : 0;

        const Replay r = replay(*running, *queries, target * 60);
        const std::int64_t cutCost =
            r.runningSeconds > 0 ? static_cast<std::int64_t>(static_cast<Int128>(windowCost) * r.cutSeconds / r.runningSeconds) : 0;
        const std::int64_t monthly = perMonth(cutCost, window.days());
        // Disabled auto-stop is a standing risk even in a quiet month; a long one only matters by its dollars.
        if (monthly < minSaving && c.autoStop != 0)
            continue;
        auto nameFound = scopeLabel(names, QStringLiteral("warehouse"), c.warehouse, QStringLiteral("Warehouse"));
        if (!nameFound)
            return nameFound.error();
        const ScopeLabel name = *nameFound;
        const QString setting = c.autoStop == 0 ? QStringLiteral("disabled") : QStringLiteral("%1 minutes").arg(c.autoStop);
        Finding f;
        f.kind = kKind;
        f.scopeType = ScopeType::Warehouse;
        f.scopeId = c.warehouse;
        f.scopeName = name.name;
        f.workspaceId = c.workspace;
        f.severity = severityForMonthlySaving(monthly);
        if (c.autoStop == 0 && f.severity < Severity::Low)
            f.severity = Severity::Low;
        f.title = c.autoStop == 0 ? QStringLiteral("%1 never stops by itself").arg(name.label)
                                  : QStringLiteral("%1 waits %2 minutes before stopping").arg(name.label, QString::number(c.autoStop));
        f.detail = QStringLiteral("SQL warehouse %1 (%2, %3) has auto-stop %4. Replaying its %5 h of running time between %6 and %7 "
                                  "against its queries, an auto-stop of %8 minutes would have stopped it %9 time(s) and cut %10 h "
                                  "of idle running, %11 at its cost per running hour. Set auto-stop to %8 minutes.")
                       .arg(name.label, c.warehouse, c.type.isEmpty() ? QStringLiteral("type unknown") : c.type, setting,
                           QString::number(static_cast<double>(r.runningSeconds) / 3600.0, 'f', 1), window.firstText(), window.lastText(),
                           QString::number(target), QString::number(r.stops))
                       .arg(QString::number(static_cast<double>(r.cutSeconds) / 3600.0, 'f', 1), usd(cutCost));
        f.monthlySavingsNanos = monthly;
        f.savingsFormula =
            QStringLiteral("warehouse cost x (idle seconds beyond a %1-minute auto-stop / running seconds), over the %2 days "
                           "%3..%4, x 30 / %2: %5 x %6 s / %7 s x 30 / %2 = %8")
                .arg(QString::number(target), QString::number(window.days()), window.firstText(), window.lastText(), usd(windowCost),
                    QString::number(r.cutSeconds), QString::number(r.runningSeconds), usd(monthly));
        f.firstDay = window.first;
        f.lastDay = window.last;
        f.evidence = QJsonObject{{QStringLiteral("warehouse_id"), c.warehouse}, {QStringLiteral("workspace_id"), c.workspace},
            {QStringLiteral("warehouse_type"), c.type}, {QStringLiteral("auto_stop_minutes"), static_cast<qint64>(c.autoStop)},
            {QStringLiteral("target_auto_stop_minutes"), static_cast<qint64>(target)},
            {QStringLiteral("running_seconds"), static_cast<qint64>(r.runningSeconds)},
            {QStringLiteral("cut_idle_seconds"), static_cast<qint64>(r.cutSeconds)},
            {QStringLiteral("stops_with_target"), static_cast<qint64>(r.stops)},
            {QStringLiteral("queries"), static_cast<qint64>(queries->size())},
            {QStringLiteral("warehouse_cost"), formatNanos(windowCost, 2)}, {QStringLiteral("cut_cost"), formatNanos(cutCost, 2)},
            {QStringLiteral("window"), window.firstText() + QStringLiteral("..") + window.lastText()}};
        f.lineFilter = QJsonObject{{QStringLiteral("workspace_id"), c.workspace}, {QStringLiteral("warehouse_id"), c.warehouse},
            {QStringLiteral("from"), window.firstText()}, {QStringLiteral("to"), window.lastText()}};
        findings.append(f);
    }
    return findings;
}

} // namespace ll::insights

#include "overview.h"

#include "entitynames.h"
#include "rowvalues.h"
#include "storecurrency.h"

#include "insights/insightstatus.h"
#include "metrics/teamaxis.h"

#include <QHash>
#include <QPair>

#include <algorithm>
#include <vector>

namespace ll::reports {
namespace {

// Reads the per-day product rollup (migration 0007): a few rows per day, whatever the account size.
Result<std::int64_t> sumCost(store::Database &db, const QByteArray &column, const QDate &from, const QDate &to)
{
    auto stmt = db.prepare("SELECT coalesce(sum(" + column + "), 0) FROM metrics_daily_product WHERE day >= ? AND day <= ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, isoDay(from));
    stmt->bind(2, isoDay(to));
    auto row = stmt->step();
    if (!row)
        return row.error();
    return stmt->int64(0);
}

// `unpriced`: the table's unpriced quantity expression, or "0" for a table that has none.
Result<QList<NamedCost>> topBy(store::Database &db, const QByteArray &table, const QByteArray &keyExpr, const QByteArray &labelExpr,
    const QByteArray &joins, const QDate &from, const QDate &to, int limit, const QByteArray &where = {}, const QByteArray &unpriced = "0")
{
    auto stmt = db.prepare("SELECT " + keyExpr + ", " + labelExpr + ", sum(m.cost_nanos) AS c, sum(" + unpriced + ") FROM " + table + " m "
        + joins + " WHERE m.day >= ? AND m.day <= ?" + where + " GROUP BY 1 ORDER BY c DESC, 1 LIMIT ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, isoDay(from));
    stmt->bind(2, isoDay(to));
    stmt->bind(3, limit);
    QList<NamedCost> list;
    const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
        list.append({row.text(0), row.text(1), row.int64(2), row.int64(3)});
    });
    if (!rowsRead)
        return rowsRead.error();
    return list;
}

// The cost of the non-team owners matching `condition` (over m.team_key, fixed text) in [from, to].
Result<std::int64_t> sumTeamKeys(store::Database &db, const QByteArray &condition, const QDate &from, const QDate &to)
{
    auto stmt =
        db.prepare("SELECT coalesce(sum(m.cost_nanos), 0) FROM metrics_daily_team m WHERE m.day >= ? AND m.day <= ? AND " + condition);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, isoDay(from));
    stmt->bind(2, isoDay(to));
    auto row = stmt->step();
    if (!row)
        return row.error();
    return stmt->int64(0);
}

// Jobs, pipelines, warehouses and clusters by cost in [from, to]; names joined after the limit.
// Sums the range's rows per work unit in a hash and keeps the top `limit`: SQLite's GROUP BY
// sorts every row of the month first, which grows with the number of work units (the same
// reason queryWorkloads aggregates in C++). Same figures and order as
// "GROUP BY type, id ORDER BY sum(cost) DESC, type, id", workspace = min(workspace_id).
Result<QList<WorkloadRow>> topWorkloads(store::Database &db, const QDate &from, const QDate &to, int limit)
{
    auto stmt =
        db.prepare("SELECT work_unit_type, work_unit_id, workspace_id, cost_nanos, unpriced_quantity_nanos FROM metrics_work_unit_daily"
                   " WHERE day >= ? AND day <= ?"
                   // '+' keeps the planner on the day range: the unit index would read every day of these types.
                   " AND +work_unit_type IN ('job', 'pipeline', 'warehouse', 'cluster') AND work_unit_id <> ''");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, isoDay(from));
    stmt->bind(2, isoDay(to));
    struct Sums {
        QByteArray workspace;
        std::int64_t cost = 0;
        std::int64_t unpriced = 0; // ranked by cost only: unpriced usage has no price to rank by
    };
    QHash<QPair<QByteArray, QByteArray>, Sums> units;
    for (;;) {
        auto more = stmt->step();
        if (!more)
            return more.error();
        if (!*more)
            break;
        const QByteArrayView t = stmt->view(0), id = stmt->view(1), ws = stmt->view(2);
        auto it = units.find({QByteArray::fromRawData(t.data(), t.size()), QByteArray::fromRawData(id.data(), id.size())});
        if (it == units.end())
            it = units.insert({t.toByteArray(), id.toByteArray()}, Sums{ws.toByteArray(), 0, 0});
        else if (ws < QByteArrayView(it->workspace))
            it->workspace = ws.toByteArray();
        it->cost += stmt->int64(3);
        it->unpriced += stmt->int64(4);
    }
    using Entry = std::pair<const QPair<QByteArray, QByteArray> *, const Sums *>;
    std::vector<Entry> order;
    order.reserve(static_cast<std::size_t>(units.size()));
    for (auto it = units.cbegin(); it != units.cend(); ++it)
        order.emplace_back(&it.key(), &it.value());
    const auto top = order.begin() + std::min<std::ptrdiff_t>(limit, static_cast<std::ptrdiff_t>(order.size()));
    std::partial_sort(order.begin(), top, order.end(), [](const Entry &a, const Entry &b) {
        if (a.second->cost != b.second->cost)
            return a.second->cost > b.second->cost;
        return *a.first < *b.first; // type, then id, bytewise as SQLite's BINARY collation
    });
    EntityNames names(db);
    QList<WorkloadRow> list;
    for (auto it = order.begin(); it != top; ++it) {
        WorkloadRow w;
        w.workUnitType = QString::fromUtf8(it->first->first);
        w.workUnitId = QString::fromUtf8(it->first->second);
        w.workspaceId = QString::fromUtf8(it->second->workspace);
        w.costNanos = it->second->cost;
        w.unpricedQuantityNanos = it->second->unpriced;
        if (Status named = fillWorkUnitNames(names, w.workUnitType, w.workUnitId, w.workspaceId, w.name, w.workspaceName); !named)
            return named.error();
        list.append(w);
    }
    return list;
}

// This month's forecast by trend.h's method (analyseScope), with its backtest over the six
// complete months before: enough to judge the method, and a bounded read on a large account.
constexpr int kForecastBacktestMonths = 6;

Status addForecast(store::Database &db, OverviewSnapshot &snap)
{
    const QDate monthStart(snap.today.year(), snap.today.month(), 1);
    auto stmt = db.prepare("SELECT day, sum(cost_nanos) FROM metrics_daily_product WHERE day >= ? AND day <= ? GROUP BY 1 ORDER BY 1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, isoDay(monthStart.addMonths(-kForecastBacktestMonths)));
    stmt->bind(2, isoDay(snap.today));
    QList<DailyCostPoint> series;
    const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
        series.append({QDate::fromString(row.text(0), Qt::ISODate), row.int64(1)});
    });
    if (!rowsRead)
        return rowsRead;
    const ScopeTrend trend = analyseScope(QStringLiteral("account"), series);
    if (trend.current && trend.current->madeOn >= monthStart)
        snap.forecast = trend.current;
    snap.forecastMeanAbsolutePercentError = trend.meanAbsolutePercentError;
    snap.forecastBacktestMonths = static_cast<int>(std::count_if(
        trend.backtest.cbegin(), trend.backtest.cend(), [](const MonthForecast &f) { return f.absolutePercentError.has_value(); }));
    return {};
}

} // namespace

Result<OverviewSnapshot> loadOverview(store::Database &db, const QDate &today, const QDateTime &now)
{
    OverviewSnapshot snap;
    snap.today = today;
    {
        auto currency = storeCurrency(db);
        if (!currency)
            return currency.error();
        snap.currency = std::move(currency).value();
    }
    {
        auto freshness = loadFreshness(db, now.isValid() ? now : QDateTime(today, QTime(23, 59, 59), Qt::UTC));
        if (!freshness)
            return freshness.error();
        snap.freshness = std::move(freshness).value();
    }
    {
        auto last = db.prepare("SELECT max(day) FROM metrics_daily_product");
        if (!last)
            return last.error();
        auto row = last->step();
        if (!row)
            return row.error();
        if (last->isNull(0))
            return snap;
        snap.dataThrough = QDate::fromString(last->text(0), Qt::ISODate);
    }
    const QDate monthStart(today.year(), today.month(), 1);
    const QDate prevStart = monthStart.addMonths(-1);
    const QDate prevEnd = monthStart.addDays(-1);
    // Same span of the previous month, clamped to its length (March 31 compares with Feb 28).
    const QDate prevSame = std::min(prevStart.addDays(today.day() - 1), prevEnd);

    auto mtd = sumCost(db, "cost_nanos", monthStart, today);
    auto same = sumCost(db, "cost_nanos", prevStart, prevSame);
    auto prevTotal = sumCost(db, "cost_nanos", prevStart, prevEnd);
    auto unattributed = sumCost(db, "unattributed_cost_nanos", monthStart, today);
    if (!mtd || !same || !prevTotal || !unattributed)
        return !mtd ? mtd.error() : !same ? same.error() : !prevTotal ? prevTotal.error() : unattributed.error();
    snap.monthToDateNanos = *mtd;
    snap.lastMonthSamePeriodNanos = *same;
    snap.lastMonthTotalNanos = *prevTotal;
    snap.unattributedMonthToDateNanos = *unattributed;

    {
        auto stmt = db.prepare("SELECT coalesce(sum(unpriced_quantity_nanos), 0) FROM metrics_daily_product WHERE day >= ? AND day <= ?");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, isoDay(monthStart));
        stmt->bind(2, isoDay(today));
        if (auto row = stmt->step(); !row)
            return row.error();
        snap.unpricedQuantityMonthToDateNanos = stmt->int64(0);
    }
    {
        auto stmt = db.prepare("SELECT day, billing_origin_product, sum(cost_nanos) FROM metrics_daily_product "
                               "WHERE day > ? AND day <= ? GROUP BY 1, 2 ORDER BY 1, 2");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, isoDay(snap.dataThrough.addDays(-60)));
        stmt->bind(2, isoDay(snap.dataThrough));
        const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
            snap.daily.append({QDate::fromString(row.text(0), Qt::ISODate), row.text(1), row.int64(2)});
        });
        if (!rowsRead)
            return rowsRead.error();
    }
    // Idle, shared buckets and unattributed are not teams: their own figures, never a "team" row.
    auto teams =
        topBy(db, "metrics_daily_team", "m.team_key", metrics::kTeamLabel, {}, monthStart, today, 8, " AND NOT " LL_TEAM_KEY_IS_NOT_A_TEAM);
    auto idle = sumTeamKeys(db, "m.team_key = '~idle'", monthStart, today);
    auto shared = sumTeamKeys(db, "m.team_key LIKE '~bucket:%'", monthStart, today);
    auto workspaces = topBy(db, "metrics_daily_workspace", "m.workspace_id", "coalesce(w.workspace_name, m.workspace_id)",
        "LEFT JOIN ledger_workspace w ON w.workspace_id = m.workspace_id", monthStart, today, 8, {}, "m.unpriced_quantity_nanos");
    if (!idle || !shared)
        return !idle ? idle.error() : shared.error();
    snap.idleMonthToDateNanos = *idle;
    snap.sharedMonthToDateNanos = *shared;
    if (!teams || !workspaces)
        return !teams ? teams.error() : workspaces.error();
    snap.topTeams = *teams;
    snap.topWorkspaces = *workspaces;
    {
        // A workspace without a known name says why, never its bare id.
        EntityNames names(db);
        for (NamedCost &w : snap.topWorkspaces) {
            auto label = names.workspace(w.key);
            if (!label)
                return label.error();
            w.label = std::move(label).value();
        }
    }
    auto projects = topBy(db, "metrics_daily_team_project", "m.project_key",
        "coalesce((SELECT p.display_name FROM app_project p WHERE p.project_key = m.project_key), "
        "(SELECT p.display_name FROM attr_project p WHERE p.project_key = m.project_key), m.project_key)",
        {}, monthStart, today, 8, " AND m.project_key <> ''");
    auto workloads = topWorkloads(db, monthStart, today, 8);
    if (!projects || !workloads)
        return !projects ? projects.error() : workloads.error();
    snap.topProjects = *projects;
    snap.topWorkloads = *workloads;
    if (Status s = addForecast(db, snap); !s)
        return s.error();
    InsightFilter active;
    active.activeOnly = true;
    auto insights = loadInsights(db, active);
    if (!insights)
        return insights.error();
    // The Overview ranks by what acting would save; the Insights view ranks by severity first.
    QList<InsightSummary> bySaving = *insights;
    std::stable_sort(
        bySaving.begin(), bySaving.end(), [](const InsightSummary &a, const InsightSummary &b) { return a.impactNanos > b.impactNanos; });
    snap.topInsights = bySaving.mid(0, 5);
    return snap;
}

} // namespace ll::reports

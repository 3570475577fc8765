#include "snapshots.h"

#include "storecurrency.h"

#include "extract/restenrichment.h"
#include "raw/sourcecatalog.h"

#include <QHash>
#include <QPair>

#include <algorithm>
#include <vector>

namespace ll::reports {
namespace {

QString iso(const QDate &d) { return d.toString(Qt::ISODate); }

QDateTime fromEpoch(const store::Statement &s, int col)
{
    return s.isNull(col) ? QDateTime() : QDateTime::fromSecsSinceEpoch(s.int64(col), Qt::UTC);
}

// Reads the per-day product rollup (migration 0007): a few rows per day, whatever the account size.
Result<std::int64_t> sumCost(store::Database &db, const QByteArray &column, const QDate &from, const QDate &to)
{
    auto stmt = db.prepare("SELECT coalesce(sum(" + column + "), 0) FROM metrics_daily_product WHERE day >= ? AND day <= ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, iso(from));
    stmt->bind(2, iso(to));
    auto row = stmt->step();
    if (!row)
        return row.error();
    return stmt->int64(0);
}

Result<QList<NamedCost>> topBy(store::Database &db, const QByteArray &table, const QByteArray &keyExpr, const QByteArray &labelExpr,
                               const QByteArray &joins, const QDate &from, const QDate &to, int limit, const QByteArray &where = {})
{
    auto stmt = db.prepare("SELECT " + keyExpr + ", " + labelExpr + ", sum(m.cost_nanos) AS c FROM " + table + " m " + joins +
                           " WHERE m.day >= ? AND m.day <= ?" + where + " GROUP BY 1 ORDER BY c DESC, 1 LIMIT ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, iso(from));
    stmt->bind(2, iso(to));
    stmt->bind(3, limit);
    QList<NamedCost> list;
    const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
        list.append({row.text(0), row.text(1), row.int64(2)});
    });
    if (!rowsRead)
        return rowsRead.error();
    return list;
}

// Jobs, pipelines, warehouses and clusters by cost in [from, to]; names joined after the limit.
// Sums the range's rows per work unit in a hash and keeps the top `limit`: SQLite's GROUP BY
// sorts every row of the month first, which grows with the number of work units (the same
// reason queryWorkloads aggregates in C++). Same figures and order as
// "GROUP BY type, id ORDER BY sum(cost) DESC, type, id", workspace = min(workspace_id).
Result<QList<WorkloadRow>> topWorkloads(store::Database &db, const QDate &from, const QDate &to, int limit)
{
    auto stmt = db.prepare("SELECT work_unit_type, work_unit_id, workspace_id, cost_nanos FROM metrics_work_unit_daily"
                           " WHERE day >= ? AND day <= ?"
                           // '+' keeps the planner on the day range: the unit index would read every day of these types.
                           " AND +work_unit_type IN ('job', 'pipeline', 'warehouse', 'cluster') AND work_unit_id <> ''");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, iso(from));
    stmt->bind(2, iso(to));
    struct Sums {
        QByteArray workspace;
        std::int64_t cost = 0;
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
            it = units.insert({t.toByteArray(), id.toByteArray()}, Sums{ws.toByteArray(), 0});
        else if (ws < QByteArrayView(it->workspace))
            it->workspace = ws.toByteArray();
        it->cost += stmt->int64(3);
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
    auto name = db.prepare("SELECT coalesce(name, '') FROM ledger_work_unit WHERE work_unit_type = ? AND work_unit_id = ?");
    if (!name)
        return name.error();
    QList<WorkloadRow> list;
    for (auto it = order.begin(); it != top; ++it) {
        WorkloadRow w;
        w.workUnitType = QString::fromUtf8(it->first->first);
        w.workUnitId = QString::fromUtf8(it->first->second);
        w.workspaceId = QString::fromUtf8(it->second->workspace);
        w.costNanos = it->second->cost;
        name->reset();
        name->bind(1, w.workUnitType);
        name->bind(2, w.workUnitId);
        auto found = name->step();
        if (!found)
            return found.error();
        if (*found)
            w.name = name->text(0);
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
    stmt->bind(1, iso(monthStart.addMonths(-kForecastBacktestMonths)));
    stmt->bind(2, iso(snap.today));
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
    snap.forecastBacktestMonths = static_cast<int>(std::count_if(trend.backtest.cbegin(), trend.backtest.cend(),
                                                                 [](const MonthForecast &f) { return f.absolutePercentError.has_value(); }));
    return {};
}

} // namespace

Result<QList<InsightSummary>> loadInsights(store::Database &db)
{
    auto stmt = db.prepare("SELECT finding_id, kind, title, detail, coalesce(workspace_id, ''), status, impact_nanos, first_day, last_day "
                           "FROM insight_finding ORDER BY status = 'open' DESC, impact_nanos DESC, finding_id");
    if (!stmt)
        return stmt.error();
    QList<InsightSummary> list;
    const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
        InsightSummary s;
        s.findingId = row.int64(0);
        s.kind = row.text(1);
        s.title = row.text(2);
        s.detail = row.text(3);
        s.workspaceId = row.text(4);
        s.status = row.text(5);
        s.impactNanos = row.int64(6);
        s.firstDay = QDate::fromString(row.text(7), Qt::ISODate);
        s.lastDay = QDate::fromString(row.text(8), Qt::ISODate);
        list.append(s);
    });
    if (!rowsRead)
        return rowsRead.error();
    return list;
}

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
        stmt->bind(1, iso(monthStart));
        stmt->bind(2, iso(today));
        if (auto row = stmt->step(); !row)
            return row.error();
        snap.unpricedQuantityMonthToDateNanos = stmt->int64(0);
    }
    {
        auto stmt = db.prepare("SELECT day, billing_origin_product, sum(cost_nanos) FROM metrics_daily_product "
                               "WHERE day > ? AND day <= ? GROUP BY 1, 2 ORDER BY 1, 2");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, iso(snap.dataThrough.addDays(-60)));
        stmt->bind(2, iso(snap.dataThrough));
        const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
            snap.daily.append({QDate::fromString(row.text(0), Qt::ISODate), row.text(1), row.int64(2)});
        });
        if (!rowsRead)
            return rowsRead.error();
    }
    auto teams = topBy(db, "metrics_daily_team", "m.team_key",
                       "CASE WHEN m.team_key = '' THEN 'unattributed' WHEN m.team_key = '~idle' THEN 'idle' "
                       "WHEN m.team_key LIKE '~bucket:%' THEN 'shared:' || substr(m.team_key, 9) "
                       "ELSE coalesce((SELECT o.display_name FROM app_org_node o WHERE o.node_key = m.team_key), t.display_name, m.team_key) END",
                       "LEFT JOIN attr_team t ON t.team_key = m.team_key", monthStart, today, 8);
    auto workspaces = topBy(db, "metrics_daily_workspace", "m.workspace_id", "coalesce(w.workspace_name, m.workspace_id)",
                            "LEFT JOIN ledger_workspace w ON w.workspace_id = m.workspace_id", monthStart, today, 8);
    if (!teams || !workspaces)
        return !teams ? teams.error() : workspaces.error();
    snap.topTeams = *teams;
    snap.topWorkspaces = *workspaces;
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
    auto insights = loadInsights(db);
    if (!insights)
        return insights.error();
    for (const auto &i : *insights) {
        if (i.status == QLatin1String("open") && snap.topInsights.size() < 5)
            snap.topInsights.append(i);
    }
    return snap;
}

namespace {

// REST enrichment lists (jobs, clusters, ... APIs) have no event time; their rows are the
// objects the newest successful listing stored (each listing is a full snapshot).
Status appendRestSources(store::Database &db, QList<SourceStateRow> &rows)
{
    auto state = db.prepare("SELECT status, last_success_at, coalesce(message, '') FROM raw_source_state WHERE source = ?");
    if (!state)
        return state.error();
    auto listed = db.prepare("SELECT row_count FROM raw_batch WHERE source = ? AND status = 'succeeded' ORDER BY batch_id DESC LIMIT 1");
    if (!listed)
        return listed.error();
    // Any account id lists every API, the account-level workspaces list included.
    for (const extract::RestApi &api : extract::restApis(QStringLiteral("account"))) {
        SourceStateRow r;
        r.source = api.source;
        r.systemTable = api.title;
        r.status = QStringLiteral("never");
        state->reset();
        state->bind(1, api.source);
        auto row = state->step();
        if (!row)
            return row.error();
        if (*row) {
            r.status = state->text(0);
            r.lastSuccessAt = fromEpoch(*state, 1);
            r.message = state->text(2);
        }
        listed->reset();
        listed->bind(1, api.source);
        auto count = listed->step();
        if (!count)
            return count.error();
        r.rawRows = *count ? listed->int64(0) : 0;
        rows.append(r);
    }
    return {};
}

} // namespace

Result<DataHealthSnapshot> loadDataHealth(store::Database &db, const QDateTime &now)
{
    DataHealthSnapshot snap;
    for (const raw::SourceSpec &spec : raw::SourceCatalog::systemTables()) {
        SourceStateRow r;
        r.source = spec.id;
        r.systemTable = spec.systemTable;
        r.status = QStringLiteral("never");
        auto stmt = db.prepare("SELECT status, last_success_at, newest_event_time, coalesce(message, '') FROM raw_source_state WHERE source = ?");
        if (!stmt)
            return stmt.error();
        stmt->bind(1, spec.id);
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (*row) {
            r.status = stmt->text(0);
            r.lastSuccessAt = fromEpoch(*stmt, 1);
            r.newestEventTime = fromEpoch(*stmt, 2);
            r.message = stmt->text(3);
            if (r.newestEventTime.isValid())
                r.lagSeconds = r.newestEventTime.secsTo(now);
        }
        // max(raw_id) is an O(1) upper bound of rows appended: raw tables never delete.
        auto count = db.queryInt("SELECT coalesce(max(raw_id), 0) FROM " + spec.rawTable);
        if (!count)
            return count.error();
        r.rawRows = count->value_or(0);
        snap.sources.append(r);
    }
    if (auto s = appendRestSources(db, snap.sources); !s)
        return s.error();
    {
        auto stmt = db.prepare("SELECT stage_run_id, stage, status, started_at, finished_at, rows_in, rows_out, coalesce(error, '') "
                               "FROM app_stage_run ORDER BY stage_run_id DESC LIMIT 200");
        if (!stmt)
            return stmt.error();
        const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
            snap.recentStageRuns.append({row.int64(0), row.text(1), row.text(2), fromEpoch(row, 3), fromEpoch(row, 4),
                                         row.int64(5), row.int64(6), row.text(7)});
        });
        if (!rowsRead)
            return rowsRead.error();
    }
    {
        auto stmt = db.prepare("SELECT at, severity, source, message, coalesce(context, '') FROM app_issue ORDER BY issue_id DESC LIMIT 200");
        if (!stmt)
            return stmt.error();
        const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
            snap.issues.append({fromEpoch(row, 0), row.text(1), row.text(2), row.text(3), row.text(4)});
        });
        if (!rowsRead)
            return rowsRead.error();
    }
    {
        auto stmt = db.prepare("SELECT coalesce(sum(line_count), 0), coalesce(sum(cost_nanos), 0), "
                               "coalesce(sum(unattributed_cost_nanos), 0), "
                               "coalesce(sum(unpriced_quantity_nanos), 0) FROM metrics_daily_product");
        if (!stmt)
            return stmt.error();
        if (auto row = stmt->step(); !row)
            return row.error();
        snap.lineItems = stmt->int64(0);
        snap.totalCostNanos = stmt->int64(1);
        snap.unattributedCostNanos = stmt->int64(2);
        snap.unpricedQuantityNanos = stmt->int64(3);
    }
    {
        auto corrections = loadCorrections(db);
        if (!corrections)
            return corrections.error();
        snap.corrections = *corrections;
    }
    {
        auto v = db.queryInt("SELECT count(*) FROM ledger_usage_line WHERE cost_nanos IS NULL");
        if (!v)
            return v.error();
        snap.unpricedLineItems = v->value_or(0);
    }
    return snap;
}

Result<QList<CorrectionRow>> loadCorrections(store::Database &db, int limit)
{
    auto stmt = db.prepare("SELECT l.batch_id, b.started_at, l.usage_day, sum(l.record_type = 'RETRACTION'), "
                           "sum(l.record_type = 'RESTATEMENT'), coalesce(sum(l.cost_nanos), 0) "
                           "FROM ledger_usage_line l JOIN raw_batch b ON b.batch_id = l.batch_id "
                           "WHERE l.record_type <> 'ORIGINAL' "
                           "GROUP BY l.batch_id, l.usage_day ORDER BY l.batch_id DESC, l.usage_day LIMIT ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, limit);
    QList<CorrectionRow> list;
    const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
        list.append({row.int64(0), fromEpoch(row, 1), QDate::fromString(row.text(2), Qt::ISODate), row.int64(3), row.int64(4),
                     row.int64(5)});
    });
    if (!rowsRead)
        return rowsRead.error();
    return list;
}

Result<QList<AuditRow>> loadAuditLog(store::Database &db, int limit)
{
    auto stmt = db.prepare("SELECT entry_id, at, actor, action, coalesce(object, ''), coalesce(before, ''), coalesce(after, '') "
                           "FROM app_audit_log ORDER BY entry_id DESC LIMIT ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, limit);
    QList<AuditRow> list;
    const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
        list.append({row.int64(0), fromEpoch(row, 1), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6)});
    });
    if (!rowsRead)
        return rowsRead.error();
    return list;
}

} // namespace ll::reports

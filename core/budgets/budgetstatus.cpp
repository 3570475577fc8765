// The database side of budgetforecast.h: daily spend per scope from the metrics rollups, and the
// forecast of the budgets in effect.
#include "budgetforecast.h"
#include "budgetstore.h"

#include "common/coretext.h"

#include <QHash>

namespace ll::budgets {
namespace {

// One statement per scope type; :key, :from and :to are bound. Departments and org units walk
// the stored hierarchy exactly as reports/costreport.cpp's department and org_unit dimensions.
QByteArray dailyCostSql(ScopeType type)
{
    switch (type) {
    case ScopeType::Workspace:
        return "SELECT day, sum(cost_nanos) FROM metrics_daily_workspace WHERE workspace_id = :key AND day >= :from AND day <= :to GROUP BY day";
    case ScopeType::Team:
        return "SELECT day, sum(cost_nanos) FROM metrics_daily_team WHERE team_key = :key AND day >= :from AND day <= :to GROUP BY day";
    case ScopeType::Project:
        return "SELECT day, sum(cost_nanos) FROM metrics_daily_team_project WHERE project_key = :key AND day >= :from AND day <= :to GROUP BY day";
    case ScopeType::Department:
        return "SELECT m.day, sum(m.cost_nanos) FROM metrics_daily_team m "
               "JOIN app_org_node t ON t.node_key = m.team_key AND t.kind = 'team' "
               "WHERE t.parent_key = :key AND m.day >= :from AND m.day <= :to GROUP BY m.day";
    case ScopeType::OrgUnit:
        return "SELECT m.day, sum(m.cost_nanos) FROM metrics_daily_team m "
               "JOIN app_org_node t ON t.node_key = m.team_key AND t.kind = 'team' "
               "JOIN app_org_node d ON d.node_key = t.parent_key AND d.kind = 'department' "
               "WHERE d.parent_key = :key AND m.day >= :from AND m.day <= :to GROUP BY m.day";
    }
    return {};
}

QDate firstOfMonth(const QDate &d) { return QDate(d.year(), d.month(), 1); }

struct Context {
    QDate historyStart;
    Thresholds thresholds;
};

Result<BudgetStatus> statusOf(
    store::Database &db, const Context &context, const Budget &budget, const QString &name, const QDate &month, const QDate &asOfDay)
{
    const QDate first = firstOfMonth(month);
    // Enough history for the backtest's oldest month and every run-rate window.
    const QDate from = std::min(first.addMonths(-3).addDays(-28), asOfDay.addDays(-27));
    const QDate to = std::min(asOfDay, first.addMonths(1).addDays(-1));
    auto cost = loadDailyCost(db, budget.scope, from, to);
    if (!cost)
        return cost.error();
    BudgetStatus s;
    s.budget = budget;
    s.scopeName = name;
    s.thresholds = context.thresholds;
    s.projection = projectMonth(*cost, context.historyStart, first, asOfDay);
    s.backtest = backtestMonths(*cost, context.historyStart, first, asOfDay);
    s.backtestMape = meanAbsolutePercentError(s.backtest);
    s.level = classify(s.projection.forecastNanos, budget.amountNanos, context.thresholds);
    return s;
}

Result<Context> loadContext(store::Database &db)
{
    auto range = dataRange(db);
    if (!range)
        return range.error();
    auto thresholds = BudgetStore::thresholds(db);
    if (!thresholds)
        return thresholds.error();
    return Context{range->first, *thresholds};
}

Result<QHash<QString, QString>> scopeNames(store::Database &db)
{
    auto known = BudgetStore::knownScopes(db);
    if (!known)
        return known.error();
    QHash<QString, QString> names;
    for (const ScopeChoice &c : *known)
        names.insert(scopeText(c.scope), c.name);
    return names;
}

} // namespace

Result<DailyCost> loadDailyCost(store::Database &db, const Scope &scope, const QDate &from, const QDate &to)
{
    auto stmt = db.prepare(dailyCostSql(scope.type));
    if (!stmt)
        return stmt.error();
    stmt->bind(":key", scope.key);
    stmt->bind(":from", from.toString(Qt::ISODate));
    stmt->bind(":to", to.toString(Qt::ISODate));
    DailyCost cost;
    const Status read =
        stmt->forEachRow([&](const store::Statement &row) { cost.insert(QDate::fromString(row.text(0), Qt::ISODate), row.int64(1)); });
    if (!read)
        return read.error();
    return cost;
}

Result<std::pair<QDate, QDate>> dataRange(store::Database &db)
{
    auto stmt = db.prepare("SELECT min(day), max(day) FROM metrics_daily_product");
    if (!stmt)
        return stmt.error();
    std::pair<QDate, QDate> range;
    const Status read = stmt->forEachRow([&](const store::Statement &row) {
        range = {QDate::fromString(row.text(0), Qt::ISODate), QDate::fromString(row.text(1), Qt::ISODate)};
    });
    if (!read)
        return read.error();
    return range;
}

Result<BudgetStatus> forecast(store::Database &db, const Scope &scope, const QDate &month, const QDate &asOfDay)
{
    if (!month.isValid() || !asOfDay.isValid())
        return makeError(ErrorCode::InvalidArgument, CoreText::tr("A budget forecast needs a month and an as-of day"));
    auto config = BudgetStore::load(db);
    if (!config)
        return config.error();
    const auto budget = budgetInEffect(config->budgets, scope, month);
    if (!budget)
        return makeError(
            ErrorCode::NotFound, CoreText::tr("No budget for %1 applies in %2").arg(scopeText(scope), monthText(firstOfMonth(month))));
    auto context = loadContext(db);
    if (!context)
        return context.error();
    auto names = scopeNames(db);
    if (!names)
        return names.error();
    return statusOf(db, *context, *budget, names->value(scopeText(scope), scope.key), month, asOfDay);
}

Result<QList<BudgetStatus>> forecastAll(store::Database &db, const QDate &month, const QDate &asOfDay)
{
    if (!month.isValid() || !asOfDay.isValid())
        return makeError(ErrorCode::InvalidArgument, CoreText::tr("A budget forecast needs a month and an as-of day"));
    auto config = BudgetStore::load(db);
    if (!config)
        return config.error();
    auto context = loadContext(db);
    if (!context)
        return context.error();
    context->thresholds = config->thresholds;
    auto names = scopeNames(db);
    if (!names)
        return names.error();
    QList<BudgetStatus> result;
    QList<Scope> done;
    for (const Budget &entry : config->budgets) {
        if (done.contains(entry.scope))
            continue;
        done.append(entry.scope);
        const auto budget = budgetInEffect(config->budgets, entry.scope, month);
        if (!budget)
            continue;
        auto status = statusOf(db, *context, *budget, names->value(scopeText(entry.scope), entry.scope.key), month, asOfDay);
        if (!status)
            return status.error();
        result.append(std::move(status).value());
    }
    std::sort(result.begin(), result.end(), [](const BudgetStatus &a, const BudgetStatus &b) {
        if (a.budget.scope.type != b.budget.scope.type)
            return a.budget.scope.type < b.budget.scope.type;
        const int byName = a.scopeName.compare(b.scopeName, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.budget.scope.key < b.budget.scope.key;
    });
    return result;
}

} // namespace ll::budgets

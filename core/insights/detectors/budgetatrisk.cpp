#include "budgetatrisk.h"

#include "budgets/budgetforecast.h"

#include <QJsonArray>

namespace ll::insights {
namespace {

const QString kKind = QStringLiteral("budget_at_risk");

// Department and org-unit budgets are nodes of the same team hierarchy as teams (one key
// space), so their findings are team-scoped; the evidence keeps the budget's own scope type.
ScopeType scopeTypeOf(budgets::ScopeType type)
{
    switch (type) {
    case budgets::ScopeType::Workspace: return ScopeType::Workspace;
    case budgets::ScopeType::Project: return ScopeType::Project;
    case budgets::ScopeType::Team:
    case budgets::ScopeType::Department:
    case budgets::ScopeType::OrgUnit: return ScopeType::Team;
    }
    return ScopeType::Team;
}

// The teams whose allocations make up a department's or org unit's spend (as the budget's
// daily cost reads them), for the finding's line items.
Result<QStringList> teamsUnder(store::Database &db, const budgets::Scope &scope)
{
    QStringList teams;
    if (scope.type == budgets::ScopeType::Team) {
        teams.append(scope.key);
        return teams;
    }
    const QByteArray sql = scope.type == budgets::ScopeType::Department
        ? "SELECT node_key FROM app_org_node WHERE kind = 'team' AND parent_key = :key ORDER BY node_key"
        : "SELECT t.node_key FROM app_org_node t JOIN app_org_node d ON d.node_key = t.parent_key AND d.kind = 'department' "
          "WHERE t.kind = 'team' AND d.parent_key = :key ORDER BY t.node_key";
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(":key", scope.key);
    const Status read = stmt->forEachRow([&](const store::Statement &row) { teams.append(row.text(0)); });
    if (!read)
        return read.error();
    return teams;
}

QString percentText(double value) { return QString::number(value, 'f', 1); }

} // namespace

Result<QList<Finding>> BudgetAtRiskDetector::detect(const DetectorContext &context)
{
    QList<Finding> findings;
    const QDate asOf = context.lastCompleteDay;
    if (!asOf.isValid())
        return findings;
    const Thresholds &t = context.thresholds;
    const int minElapsedDays = static_cast<int>(t.value(kKind, QStringLiteral("min_elapsed_days")));
    const double minOverrun = t.value(kKind, QStringLiteral("min_overrun_percent"));
    const double mediumOverrun = t.value(kKind, QStringLiteral("medium_overrun_percent"));
    const double highOverrun = t.value(kKind, QStringLiteral("high_overrun_percent"));

    const QDate month(asOf.year(), asOf.month(), 1);
    auto statuses = budgets::forecastAll(context.db, month, asOf);
    if (!statuses)
        return statuses.error();
    for (const budgets::BudgetStatus &s : std::as_const(*statuses)) {
        const budgets::MonthProjection &p = s.projection;
        const std::int64_t budget = s.budget.amountNanos;
        const bool alreadyOver = p.spentNanos > budget;
        if (!s.forecastExceedsBudget() || budget <= 0)
            continue;
        // A forecast from a day or two of the month is mostly run rate; an overrun already
        // spent is a fact whatever the day.
        if (!alreadyOver && p.elapsedDays < minElapsedDays)
            continue;
        const std::int64_t overrun = p.forecastNanos - budget;
        const double overrunPct = static_cast<double>(overrun) * 100.0 / static_cast<double>(budget);
        if (!alreadyOver && overrunPct < minOverrun)
            continue;

        auto daily = budgets::loadDailyCost(context.db, s.budget.scope, month, asOf);
        if (!daily)
            return daily.error();
        auto teams = teamsUnder(context.db, s.budget.scope);
        if (!teams)
            return teams.error();

        const QString money = s.budget.currency;
        const auto amount = [&](std::int64_t nanos) { return formatNanos(nanos, 2) + QLatin1Char(' ') + money; };
        const QString scopeKind = budgets::toText(s.budget.scope.type);
        Finding f;
        f.kind = kKind;
        f.scopeType = scopeTypeOf(s.budget.scope.type);
        f.scopeId = s.budget.scope.key;
        f.scopeName = s.scopeName.isEmpty() ? s.budget.scope.key : s.scopeName;
        f.workspaceId = s.budget.scope.type == budgets::ScopeType::Workspace ? s.budget.scope.key : QString();
        f.severity = alreadyOver || overrunPct >= highOverrun ? Severity::High
            : overrunPct >= mediumOverrun                     ? Severity::Medium
                                                              : Severity::Low;
        f.currency = money;
        const QString monthName = month.toString(QStringLiteral("yyyy-MM"));
        f.title = alreadyOver
            ? QStringLiteral("%1 is over its %2 budget: %3 spent of %4").arg(f.scopeName, monthName, amount(p.spentNanos), amount(budget))
            : QStringLiteral("%1 is forecast to exceed its %2 budget by %3 (%4%)")
                  .arg(f.scopeName, monthName, amount(overrun), percentText(overrunPct));
        QString detail = QStringLiteral("Spent %1 in the first %2 days of %3; at the run rate (%4) the month ends at %5 against a "
                                        "budget of %6: %7 (%8%) over.")
                             .arg(amount(p.spentNanos))
                             .arg(p.elapsedDays)
                             .arg(monthName, budgets::toText(p.method), amount(p.forecastNanos), amount(budget), amount(overrun),
                                 percentText(overrunPct));
        if (s.backtestMape)
            detail +=
                QStringLiteral(" The forecast's error on the previous months was %1% (mean absolute).").arg(percentText(*s.backtestMape));
        f.detail = detail;
        f.monthlySavingsNanos = 0;
        f.savingsFormula = QStringLiteral("none: the overrun (forecast %1 - budget %2 = %3) is a forecast, not a saving")
                               .arg(amount(p.forecastNanos), amount(budget), amount(overrun));
        f.firstDay = month;
        f.lastDay = asOf;
        QJsonObject evidence{{QStringLiteral("budget_scope_type"), scopeKind}, {QStringLiteral("budget_scope_key"), s.budget.scope.key},
            {QStringLiteral("month"), monthName}, {QStringLiteral("as_of_day"), asOf.toString(Qt::ISODate)},
            {QStringLiteral("budget"), formatNanos(budget, 2)}, {QStringLiteral("spent"), formatNanos(p.spentNanos, 2)},
            {QStringLiteral("forecast"), formatNanos(p.forecastNanos, 2)}, {QStringLiteral("forecast_overrun"), formatNanos(overrun, 2)},
            {QStringLiteral("overrun_percent"), percentText(overrunPct)}, {QStringLiteral("elapsed_days"), p.elapsedDays},
            {QStringLiteral("remaining_days"), p.remainingDays}, {QStringLiteral("run_rate_method"), budgets::toText(p.method)},
            {QStringLiteral("currency"), money}, {QStringLiteral("level"), budgets::toText(s.level)}};
        if (s.backtestMape)
            evidence.insert(QStringLiteral("backtest_mape_percent"), percentText(*s.backtestMape));
        f.evidence = evidence;
        // The series: spend to date against the budget spread evenly over the month.
        const int daysInMonth = month.daysInMonth();
        std::int64_t cumulative = 0;
        for (QDate d = month; d <= asOf; d = d.addDays(1)) {
            cumulative += daily->value(d, 0);
            const auto prorated = static_cast<std::int64_t>(static_cast<Int128>(budget) * month.daysTo(d.addDays(1)) / daysInMonth);
            f.series.append({d, cumulative, prorated});
        }
        QJsonObject filter{{QStringLiteral("from"), month.toString(Qt::ISODate)}, {QStringLiteral("to"), asOf.toString(Qt::ISODate)}};
        if (s.budget.scope.type == budgets::ScopeType::Workspace)
            filter.insert(QStringLiteral("workspace_id"), s.budget.scope.key);
        else if (s.budget.scope.type == budgets::ScopeType::Project)
            filter.insert(QStringLiteral("project_key"), s.budget.scope.key);
        else
            filter.insert(QStringLiteral("team_keys"), QJsonArray::fromStringList(*teams));
        f.lineFilter = filter;
        findings.append(f);
    }
    return findings;
}

} // namespace ll::insights

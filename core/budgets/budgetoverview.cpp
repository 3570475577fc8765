#include "budgetoverview.h"

namespace ll::budgets {

Result<BudgetOverview> loadOverview(store::Database &db, const QDate &month, const QDate &today)
{
    BudgetOverview o;
    auto range = dataRange(db);
    if (!range)
        return range.error();
    o.firstDay = range->first;
    o.asOfDay = range->second.isValid() ? range->second : today;
    const QDate basis = month.isValid() ? month : o.asOfDay;
    o.month = QDate(basis.year(), basis.month(), 1);
    auto statuses = forecastAll(db, o.month, o.asOfDay);
    if (!statuses)
        return statuses.error();
    o.statuses = std::move(statuses).value();
    auto config = BudgetStore::load(db);
    if (!config)
        return config.error();
    o.entries = config->budgets;
    o.thresholds = config->thresholds;
    auto scopes = BudgetStore::knownScopes(db);
    if (!scopes)
        return scopes.error();
    o.scopes = std::move(scopes).value();
    auto currency = BudgetStore::accountCurrency(db);
    if (!currency)
        return currency.error();
    o.currency = currency->isEmpty() ? QStringLiteral("USD") : *currency;
    return o;
}

} // namespace ll::budgets

#pragma once

#include "budgetforecast.h"
#include "budgetstore.h"

#include "store/database.h"

#include <QDate>
#include <QList>
#include <QString>

namespace ll::budgets {

// Everything the Budgets view shows for one month, read in one go on a worker thread.
struct BudgetOverview {
    QDate month;                  // first day
    QDate asOfDay;                // the newest data day (the forecasts' as-of day)
    QDate firstDay;               // the oldest data day; invalid without data
    QList<BudgetStatus> statuses; // the budgets in effect for `month`
    QList<Budget> entries;        // every stored entry (any month)
    QList<ScopeChoice> scopes;    // what a budget can be set for
    Thresholds thresholds;
    QString currency; // the account's ("USD" while the store has no cost)
};

// `month` invalid = the month of the newest data; without data, `today` stands in for it.
Result<BudgetOverview> loadOverview(store::Database &db, const QDate &month, const QDate &today);

} // namespace ll::budgets

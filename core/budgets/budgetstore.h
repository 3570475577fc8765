#pragma once

#include "budget.h"

#include "common/clock.h"
#include "common/result.h"
#include "store/database.h"

#include <QList>
#include <QString>

namespace ll::budgets {

// A scope a budget can be set for, with the name the views show.
struct ScopeChoice {
    Scope scope;
    QString name; // display name; the key when none is known
};

// Budgets in app_budget and their thresholds in app_setting: analyst configuration, kept by a
// rebuild. Every change is one transaction that also writes the audit log (before and after as
// JSON), and every entry is checked against the store first: the scope must be known (a
// workspace seen in the data, an org node of the right kind, a team or project of the
// attribution) and the currency must be the account's. On any error nothing is written.
class BudgetStore {
public:
    static Result<BudgetConfig> load(store::Database &db);
    static Result<Thresholds> thresholds(store::Database &db);

    // Every scope a budget could be set for, ordered by type then name.
    static Result<QList<ScopeChoice>> knownScopes(store::Database &db);
    // A scope by its key or its display name (case-insensitive; the key wins); the stored
    // spelling of the key comes back. NotFound names what was looked for.
    static Result<ScopeChoice> resolveScope(store::Database &db, ScopeType type, const QString &keyOrName);
    // The account's currency when the store has cost, else empty (any code is accepted then).
    static Result<QString> accountCurrency(store::Database &db);

    // Adds or replaces the entry of (scope, effective-from month).
    static Status set(store::Database &db, const Clock &clock, const QString &actor, const Budget &budget);
    // Removes the entry of (scope, effective-from month); NotFound when there is none.
    static Status remove(store::Database &db, const Clock &clock, const QString &actor, const Scope &scope, const QDate &effectiveFrom);
    static Status setThresholds(store::Database &db, const Clock &clock, const QString &actor, const Thresholds &thresholds);
    // Replaces every budget and the thresholds (import). Errors name the entry ("budgets[3]").
    static Status replaceAll(store::Database &db, const Clock &clock, const QString &actor, const BudgetConfig &config);

    // The config with each entry's scope key in its stored spelling, checked against the store.
    static Result<BudgetConfig> checked(store::Database &db, const BudgetConfig &config);
};

} // namespace ll::budgets

#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringView>

#include <cstdint>
#include <optional>

namespace ll::budgets {

// What a budget covers (app_budget.scope_type). Spend per scope is read from the metrics
// rollups: see budgetforecast.h.
enum class ScopeType { Workspace, OrgUnit, Department, Team, Project };
QString toText(ScopeType type); // "workspace", "org_unit", "department", "team", "project"
std::optional<ScopeType> scopeTypeFromText(QStringView text);
QStringList scopeTypeNames();

struct Scope {
    ScopeType type = ScopeType::Team;
    QString key; // workspace id, org node key or project key
    bool operator==(const Scope &) const = default;
};
QString scopeText(const Scope &scope); // "team:ml-platform": the stable id CSV and the audit log use

// A month as text: "2026-11". Invalid input gives an invalid date.
QDate monthFromText(const QString &text);
QString monthText(const QDate &month);

// One monthly budget of a scope, from `effectiveFrom` (the first day of a month; invalid = from
// the beginning) until the scope's next entry.
struct Budget {
    Scope scope;
    QDate effectiveFrom;
    std::int64_t amountNanos = 0; // per month, > 0
    QString currency;             // ISO 4217, e.g. "USD"
    bool operator==(const Budget &) const = default;
};

// Status colours at percentages of the budget that the month-end forecast reaches:
// green below amber, amber from amber, red from red.
struct Thresholds {
    int amberPercent = 80;
    int redPercent = 100;
    bool operator==(const Thresholds &) const = default;
};
Status validateThresholds(const Thresholds &thresholds);

// The whole budget configuration: what `budgets export` writes and `budgets import` reads.
//   {"thresholds": {"amber_percent": 80, "red_percent": 100},
//    "budgets": [{"scope": "team", "key": "ml-platform", "amount": "5000.00", "currency": "USD",
//                 "effective_from": "2026-11"}]}
// amount is decimal text (a JSON number is accepted too); effective_from is optional.
struct BudgetConfig {
    Thresholds thresholds;
    QList<Budget> budgets;

    QByteArray toJson() const;
    // Parses and validates the document on its own (the store checks scopes and currency on
    // save). Errors are InvalidArgument and name the path of the offending value, e.g.
    // "budgets[2].amount: ...".
    static Result<BudgetConfig> fromJson(const QByteArray &json);
};

// Checks one entry on its own: a known scope type, a key, a positive amount, a currency code.
// `where` prefixes the message ("budgets[2]").
Status validateBudget(const Budget &budget, const QString &where);

// The entry of `budgets` that applies to `scope` in `month` (latest effective-from not after it).
std::optional<Budget> budgetInEffect(const QList<Budget> &budgets, const Scope &scope, const QDate &month);

// Amount text for the JSON and the CLI: at least two decimals, more only when the nano-units need them.
QString amountText(std::int64_t nanos);
// "5000", "5000.25" -> nanos; nullopt for anything but a plain positive decimal.
std::optional<std::int64_t> parseAmount(const QString &text);

} // namespace ll::budgets

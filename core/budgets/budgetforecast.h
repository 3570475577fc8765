#pragma once

// Month-end forecast of a scope's spend and its backtest error (docs/budgets.md has the formula
// with a worked example).
//
// Made "as of" day A (the last day whose cost is known), for month M with history from day H
// (the store's first data day; later days without cost for the scope count as 0):
//   spent     = cost of M's days up to A
//   run rate  = per weekday, the median of that weekday's 4 costs in the 28 days ending on A;
//               when those 28 days reach back before H, the mean daily cost of the days of
//               them that are known (the same rate for every weekday); 0 without any history
//   forecast  = spent + the run rate of each weekday of M after A (a month already over: spent)
// Backtest: the same forecast for each of the 3 months before M whose days all lie between H
// and A, made with the same number of days of the month known (capped at that month's length),
// against that month's actual total; MAPE = mean |forecast − actual| / |actual| × 100 over the
// months with a non-zero total.
// Money is exact int64 nano-units; a median of two middle values and a mean are rounded once,
// half away from zero.

#include "budget.h"

#include "store/database.h"

#include <QDate>
#include <QList>
#include <QMap>
#include <QString>

#include <cstdint>
#include <optional>

namespace ll::budgets {

// Daily cost of one scope; a day that is not in the map costs 0.
using DailyCost = QMap<QDate, std::int64_t>;

enum class RunRateMethod { SameWeekdayMedian, TrailingMean, NoHistory, MonthComplete };
QString toText(RunRateMethod method); // same_weekday_median, trailing_mean, no_history, month_complete

struct MonthProjection {
    QDate month;           // first day
    QDate asOfDay;         // the last known day
    int elapsedDays = 0;   // days of the month up to asOfDay (0..days in month)
    int remainingDays = 0; // days in month - elapsedDays
    std::int64_t spentNanos = 0;
    std::int64_t projectedNanos = 0; // the remaining days at the run rate
    std::int64_t forecastNanos = 0;  // spent + projected
    RunRateMethod method = RunRateMethod::NoHistory;
};

struct BacktestMonth {
    QDate month;
    QDate asOfDay; // the forecast's as-of day in that month (the day before it when no day was known)
    std::int64_t forecastNanos = 0;
    std::int64_t actualNanos = 0;
    std::optional<double> absolutePercentError; // none when the actual total is 0
};

// Pure functions: `historyStart` invalid = no history at all.
MonthProjection projectMonth(const DailyCost &cost, const QDate &historyStart, const QDate &month, const QDate &asOfDay);
QList<BacktestMonth> backtestMonths(
    const DailyCost &cost, const QDate &historyStart, const QDate &month, const QDate &asOfDay, int months = 3);
std::optional<double> meanAbsolutePercentError(const QList<BacktestMonth> &backtest);

enum class BudgetLevel { Green, Amber, Red };
QString toText(BudgetLevel level); // green, amber, red
std::optional<BudgetLevel> budgetLevelFromText(QStringView text);
// Red when forecast >= red% of budget, amber when >= amber%, else green (exact integer math).
BudgetLevel classify(std::int64_t forecastNanos, std::int64_t budgetNanos, const Thresholds &thresholds);

// One budget's month: what the view, `report budgets` and the budget_at_risk insight show.
struct BudgetStatus {
    Budget budget;     // the entry in effect for the month
    QString scopeName; // display name (the key when none is known)
    Thresholds thresholds;
    MonthProjection projection;
    QList<BacktestMonth> backtest; // newest month first
    std::optional<double> backtestMape;
    BudgetLevel level = BudgetLevel::Green;

    bool forecastExceedsBudget() const { return projection.forecastNanos > budget.amountNanos; }
    double forecastPercent() const; // forecast / budget × 100 (display only)
    double spentPercent() const;
};

// The cost of `scope` per day in [from, to] from the metrics rollups: workspaces from
// metrics_daily_workspace, teams from metrics_daily_team, projects from
// metrics_daily_team_project, departments and org units by summing their teams (the stored
// hierarchy, as the cost report's department and org_unit dimensions do). Cost is the team's
// direct allocation (shared buckets not redistributed), the figure `report cost --by team` shows.
Result<DailyCost> loadDailyCost(store::Database &db, const Scope &scope, const QDate &from, const QDate &to);
// The first and last day with cost in the store (invalid dates when there is none).
Result<std::pair<QDate, QDate>> dataRange(store::Database &db);

// The budget of `scope` in effect for `month` (any day of it) and its forecast as of `asOfDay`.
// NotFound when no budget applies to the scope in that month.
Result<BudgetStatus> forecast(store::Database &db, const Scope &scope, const QDate &month, const QDate &asOfDay);
// Every budget in effect for `month`, ordered by scope type and name.
Result<QList<BudgetStatus>> forecastAll(store::Database &db, const QDate &month, const QDate &asOfDay);

} // namespace ll::budgets

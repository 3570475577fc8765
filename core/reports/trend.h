#pragma once

// Cost trends per scope from metrics_daily_cost: moving averages, week-over-week and
// month-over-month change, and a month-end forecast with its error on past months.
//
// Forecast method (simple on purpose, so an analyst can check it by hand): on day N of a month,
//   forecast = month-to-date cost (days 1..N) + trailing average daily cost × remaining days,
// where the trailing average is the last 7 days ending on day N (fewer at the very start of the
// data), and remaining days = days in month − N. Money stays integer: the average is kept as
// the 7-day sum and the product is divided once, rounded half away from zero.
// Backtest: for every complete past month in the data, the forecast made on day N (default 15)
// is compared with the month's actual total.

#include "common/result.h"
#include "store/database.h"

#include <QDate>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace ll::reports {

enum class TrendScope { Account, Workspace };

struct DailyCostPoint {
    QDate day;
    std::int64_t costNanos = 0;
};

struct TrendPoint {
    QDate day;
    std::int64_t costNanos = 0;
    std::int64_t movingAverage7Nanos = 0;  // mean of the last 7 days (fewer at the start)
    std::int64_t movingAverage30Nanos = 0;
    std::optional<double> weekOverWeekPercent;  // last 7 days vs the 7 before (needs 14 days)
    std::optional<double> monthOverMonthPercent; // month to date vs same span of last month
};

struct MonthForecast {
    QString month;                    // YYYY-MM
    QDate madeOn;                     // forecast day (day N)
    std::int64_t monthToDateNanos = 0;
    std::int64_t forecastNanos = 0;
    std::optional<std::int64_t> actualNanos; // complete past months only
    std::optional<std::int64_t> errorNanos;  // forecast − actual
    std::optional<double> absolutePercentError;
};

struct ScopeTrend {
    QString scope;                    // "account" or the workspace id
    QList<TrendPoint> points;         // dense: every day from first to last data day
    QList<MonthForecast> backtest;    // complete past months, oldest first
    std::optional<MonthForecast> current; // the month of the last data day, made on that day
    std::optional<double> meanAbsolutePercentError; // over the backtest
};

// Pure functions (tested on synthetic series). `series` need not be dense; missing days are 0.
QList<TrendPoint> computeTrend(const QList<DailyCostPoint> &series);
MonthForecast forecastMonthEnd(const QList<DailyCostPoint> &series, const QDate &madeOn);
ScopeTrend analyseScope(const QString &scope, const QList<DailyCostPoint> &series, int backtestDay = 15);

struct TrendQuery {
    TrendScope scope = TrendScope::Account;
    QDate from; // trend points from this day (history before it still feeds averages); invalid = all
    QDate to;   // last day considered; invalid = newest data
    int backtestDay = 15;
};

Result<QList<ScopeTrend>> queryTrend(store::Database &db, const TrendQuery &query);

} // namespace ll::reports

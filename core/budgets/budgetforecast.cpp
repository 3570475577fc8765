#include "budgetforecast.h"

#include "common/enumtext.h"
#include "common/money.h"

#include <algorithm>
#include <array>

namespace ll::budgets {
namespace {

constexpr int kWindowDays = 28; // four of each weekday

// numerator / denominator rounded half away from zero.
std::int64_t divRound(Int128 numerator, std::int64_t denominator)
{
    const Int128 q = numerator / denominator;
    const Int128 r = numerator % denominator;
    const Int128 twice = (r < 0 ? -r : r) * 2;
    if (twice >= denominator)
        return static_cast<std::int64_t>(numerator < 0 ? q - 1 : q + 1);
    return static_cast<std::int64_t>(q);
}

std::int64_t costOn(const DailyCost &cost, const QDate &day) { return cost.value(day, 0); }

std::int64_t sumRange(const DailyCost &cost, const QDate &from, const QDate &to)
{
    std::int64_t sum = 0;
    for (auto it = cost.lowerBound(from); it != cost.end() && it.key() <= to; ++it)
        sum += it.value();
    return sum;
}

// The daily run rate per weekday (index 0 = Monday) as of `asOf`.
struct RunRate {
    std::array<std::int64_t, 7> perWeekday{};
    RunRateMethod method = RunRateMethod::NoHistory;
};

RunRate runRate(const DailyCost &cost, const QDate &historyStart, const QDate &asOf)
{
    RunRate rate;
    if (!historyStart.isValid() || asOf < historyStart)
        return rate;
    const QDate windowStart = asOf.addDays(1 - kWindowDays);
    if (windowStart >= historyStart) {
        rate.method = RunRateMethod::SameWeekdayMedian;
        for (int w = 0; w < 7; ++w) {
            std::array<std::int64_t, 4> values{};
            int n = 0;
            for (QDate d = windowStart; d <= asOf; d = d.addDays(1)) {
                if (d.dayOfWeek() - 1 == w)
                    values[static_cast<std::size_t>(n++)] = costOn(cost, d);
            }
            std::sort(values.begin(), values.end());
            rate.perWeekday[static_cast<std::size_t>(w)] = divRound(static_cast<Int128>(values[1]) + values[2], 2);
        }
        return rate;
    }
    rate.method = RunRateMethod::TrailingMean;
    const qint64 days = historyStart.daysTo(asOf) + 1;
    const std::int64_t mean = divRound(sumRange(cost, historyStart, asOf), days);
    rate.perWeekday.fill(mean);
    return rate;
}

QDate monthStart(const QDate &d) { return QDate(d.year(), d.month(), 1); }

} // namespace

QString toText(RunRateMethod method)
{
    switch (method) {
    case RunRateMethod::SameWeekdayMedian: return QStringLiteral("same_weekday_median");
    case RunRateMethod::TrailingMean: return QStringLiteral("trailing_mean");
    case RunRateMethod::NoHistory: return QStringLiteral("no_history");
    case RunRateMethod::MonthComplete: return QStringLiteral("month_complete");
    }
    return {};
}

QString toText(BudgetLevel level)
{
    switch (level) {
    case BudgetLevel::Green: return QStringLiteral("green");
    case BudgetLevel::Amber: return QStringLiteral("amber");
    case BudgetLevel::Red: return QStringLiteral("red");
    }
    return {};
}

std::optional<BudgetLevel> budgetLevelFromText(QStringView text) { return enumFromText<BudgetLevel, BudgetLevel::Red>(text); }

MonthProjection projectMonth(const DailyCost &cost, const QDate &historyStart, const QDate &month, const QDate &asOfDay)
{
    MonthProjection p;
    p.month = monthStart(month);
    p.asOfDay = asOfDay;
    const QDate monthEnd = p.month.addMonths(1).addDays(-1);
    const QDate knownEnd = std::min(asOfDay, monthEnd);
    p.elapsedDays = knownEnd < p.month ? 0 : static_cast<int>(p.month.daysTo(knownEnd)) + 1;
    p.remainingDays = p.month.daysInMonth() - p.elapsedDays;
    p.spentNanos = p.elapsedDays > 0 ? sumRange(cost, p.month, knownEnd) : 0;
    const RunRate rate = runRate(cost, historyStart, asOfDay);
    p.method = p.remainingDays == 0 ? RunRateMethod::MonthComplete : rate.method;
    for (QDate d = p.month.addDays(p.elapsedDays); d <= monthEnd; d = d.addDays(1))
        p.projectedNanos += rate.perWeekday[static_cast<std::size_t>(d.dayOfWeek() - 1)];
    p.forecastNanos = p.spentNanos + p.projectedNanos;
    return p;
}

QList<BacktestMonth> backtestMonths(const DailyCost &cost, const QDate &historyStart, const QDate &month, const QDate &asOfDay, int months)
{
    QList<BacktestMonth> result;
    if (!historyStart.isValid())
        return result;
    const MonthProjection target = projectMonth(cost, historyStart, month, asOfDay);
    for (int k = 1; k <= months; ++k) {
        const QDate m = target.month.addMonths(-k);
        const QDate end = m.addMonths(1).addDays(-1);
        if (m < historyStart || end > asOfDay)
            continue; // the month is not wholly known: its actual total would be wrong
        BacktestMonth b;
        b.month = m;
        b.asOfDay = m.addDays(std::min(target.elapsedDays, m.daysInMonth()) - 1);
        b.forecastNanos = projectMonth(cost, historyStart, m, b.asOfDay).forecastNanos;
        b.actualNanos = sumRange(cost, m, end);
        if (b.actualNanos != 0)
            b.absolutePercentError =
                100.0 * std::abs(static_cast<double>(b.forecastNanos - b.actualNanos)) / std::abs(static_cast<double>(b.actualNanos));
        result.append(b);
    }
    return result;
}

std::optional<double> meanAbsolutePercentError(const QList<BacktestMonth> &backtest)
{
    double sum = 0;
    int n = 0;
    for (const BacktestMonth &b : backtest) {
        if (b.absolutePercentError) {
            sum += *b.absolutePercentError;
            ++n;
        }
    }
    return n > 0 ? std::optional<double>(sum / n) : std::nullopt;
}

BudgetLevel classify(std::int64_t forecastNanos, std::int64_t budgetNanos, const Thresholds &thresholds)
{
    const Int128 scaled = static_cast<Int128>(forecastNanos) * 100;
    if (scaled >= static_cast<Int128>(budgetNanos) * thresholds.redPercent)
        return BudgetLevel::Red;
    if (scaled >= static_cast<Int128>(budgetNanos) * thresholds.amberPercent)
        return BudgetLevel::Amber;
    return BudgetLevel::Green;
}

double BudgetStatus::forecastPercent() const
{
    return budget.amountNanos > 0 ? 100.0 * static_cast<double>(projection.forecastNanos) / static_cast<double>(budget.amountNanos) : 0.0;
}

double BudgetStatus::spentPercent() const
{
    return budget.amountNanos > 0 ? 100.0 * static_cast<double>(projection.spentNanos) / static_cast<double>(budget.amountNanos) : 0.0;
}

} // namespace ll::budgets

#include "trend.h"

#include "common/money.h"

#include <QMap>

#include <vector>

namespace ll::reports {
namespace {

// a × b / c, rounded half away from zero, without intermediate overflow.
std::int64_t mulDiv(std::int64_t a, std::int64_t b, std::int64_t c)
{
    const Int128 p = static_cast<Int128>(a) * b;
    const Int128 q = p / c;
    const Int128 r = p % c;
    const Int128 twice = (r < 0 ? -r : r) * 2;
    if (twice >= c)
        return static_cast<std::int64_t>(p < 0 ? q - 1 : q + 1);
    return static_cast<std::int64_t>(q);
}

std::optional<double> percentChange(std::int64_t now, std::int64_t before)
{
    if (before == 0)
        return std::nullopt;
    return 100.0 * static_cast<double>(now - before) / static_cast<double>(before);
}

// Dense daily values from first to last day, with prefix sums so that any range sum is O(1)
// (the trend and backtest take several range sums per day; summing day by day made the view
// grow with scopes x days x window). The prefix is 128-bit: a range sum is exact whenever it
// fits in 64 bits, as the day-by-day sum was.
struct Dense {
    QDate first;
    QList<std::int64_t> values;
    std::vector<Int128> prefix; // prefix[i] = values[0] + ... + values[i - 1]
    std::int64_t at(const QDate &d) const
    {
        const qint64 i = first.daysTo(d);
        return i >= 0 && i < values.size() ? values[i] : 0;
    }
    std::int64_t sum(const QDate &from, const QDate &to) const
    {
        const qint64 lo = std::max<qint64>(first.daysTo(from), 0);
        const qint64 hi = std::min<qint64>(first.daysTo(to), values.size() - 1);
        if (lo > hi)
            return 0;
        return static_cast<std::int64_t>(prefix[static_cast<std::size_t>(hi + 1)] - prefix[static_cast<std::size_t>(lo)]);
    }
};

Dense densify(const QList<DailyCostPoint> &series)
{
    Dense dense;
    if (series.isEmpty())
        return dense;
    QDate first = series.first().day, last = series.first().day;
    for (const auto &p : series) {
        first = std::min(first, p.day);
        last = std::max(last, p.day);
    }
    dense.first = first;
    dense.values.fill(0, first.daysTo(last) + 1);
    for (const auto &p : series)
        dense.values[first.daysTo(p.day)] += p.costNanos;
    dense.prefix.resize(static_cast<std::size_t>(dense.values.size()) + 1);
    for (qsizetype i = 0; i < dense.values.size(); ++i)
        dense.prefix[static_cast<std::size_t>(i) + 1] = dense.prefix[static_cast<std::size_t>(i)] + dense.values[i];
    return dense;
}

std::int64_t trailingMean(const Dense &dense, const QDate &day, int window)
{
    const QDate from = std::max(day.addDays(1 - window), dense.first);
    const qint64 n = from.daysTo(day) + 1;
    return n > 0 ? mulDiv(dense.sum(from, day), 1, n) : 0;
}

MonthForecast forecastOn(const Dense &dense, const QDate &madeOn)
{
    MonthForecast f;
    f.month = madeOn.toString(QStringLiteral("yyyy-MM"));
    f.madeOn = madeOn;
    const QDate monthStart(madeOn.year(), madeOn.month(), 1);
    f.monthToDateNanos = dense.sum(monthStart, madeOn);
    const QDate from = std::max(madeOn.addDays(-6), dense.first);
    const qint64 n = std::max<qint64>(from.daysTo(madeOn) + 1, 1);
    const std::int64_t remaining = madeOn.daysInMonth() - madeOn.day();
    f.forecastNanos = f.monthToDateNanos + mulDiv(dense.sum(from, madeOn), remaining, n);
    return f;
}

} // namespace

QList<TrendPoint> computeTrend(const QList<DailyCostPoint> &series)
{
    const Dense dense = densify(series);
    QList<TrendPoint> points;
    for (qsizetype i = 0; i < dense.values.size(); ++i) {
        const QDate d = dense.first.addDays(i);
        TrendPoint p;
        p.day = d;
        p.costNanos = dense.values[i];
        p.movingAverage7Nanos = trailingMean(dense, d, 7);
        p.movingAverage30Nanos = trailingMean(dense, d, 30);
        if (i >= 13)
            p.weekOverWeekPercent = percentChange(dense.sum(d.addDays(-6), d), dense.sum(d.addDays(-13), d.addDays(-7)));
        const QDate monthStart(d.year(), d.month(), 1);
        const QDate prevStart = monthStart.addMonths(-1);
        if (prevStart >= dense.first) {
            // Same span of last month, capped at its length (31 Mar compares with all of Feb).
            const QDate prevEnd = prevStart.addDays(std::min(d.day(), prevStart.daysInMonth()) - 1);
            p.monthOverMonthPercent = percentChange(dense.sum(monthStart, d), dense.sum(prevStart, prevEnd));
        }
        points.append(p);
    }
    return points;
}

MonthForecast forecastMonthEnd(const QList<DailyCostPoint> &series, const QDate &madeOn)
{
    return forecastOn(densify(series), madeOn);
}

ScopeTrend analyseScope(const QString &scope, const QList<DailyCostPoint> &series, int backtestDay)
{
    ScopeTrend t;
    t.scope = scope;
    t.points = computeTrend(series);
    if (t.points.isEmpty())
        return t;
    const Dense dense = densify(series);
    const QDate last = t.points.last().day;
    double errorSum = 0;
    int errorCount = 0;
    for (QDate m(dense.first.year(), dense.first.month(), 1); m.addMonths(1).addDays(-1) <= last; m = m.addMonths(1)) {
        if (m < dense.first)
            continue; // the first month is partial: its month-to-date would be wrong
        const QDate madeOn(m.year(), m.month(), std::min(backtestDay, m.daysInMonth()));
        MonthForecast f = forecastOn(dense, madeOn);
        const std::int64_t actual = dense.sum(m, m.addMonths(1).addDays(-1));
        f.actualNanos = actual;
        f.errorNanos = f.forecastNanos - actual;
        if (actual != 0) {
            f.absolutePercentError = 100.0 * std::abs(static_cast<double>(*f.errorNanos)) / std::abs(static_cast<double>(actual));
            errorSum += *f.absolutePercentError;
            ++errorCount;
        }
        t.backtest.append(f);
    }
    if (errorCount > 0)
        t.meanAbsolutePercentError = errorSum / errorCount;
    t.current = forecastOn(dense, last);
    return t;
}

Result<QList<ScopeTrend>> queryTrend(store::Database &db, const TrendQuery &query)
{
    const bool byWorkspace = query.scope == TrendScope::Workspace;
    auto stmt = db.prepare(byWorkspace
                               ? QByteArray("SELECT workspace_id, day, sum(cost_nanos) FROM metrics_daily_workspace "
                                            "WHERE day <= coalesce(:to, '9999-12-31') GROUP BY 1, 2 ORDER BY 1, 2")
                               : QByteArray("SELECT 'account', day, sum(cost_nanos) FROM metrics_daily_product "
                                            "WHERE day <= coalesce(:to, '9999-12-31') GROUP BY 2 ORDER BY 2"));
    if (!stmt)
        return stmt.error();
    stmt->bind(":to", query.to.isValid() ? query.to.toString(Qt::ISODate) : QString());
    QMap<QString, QList<DailyCostPoint>> series;
    const Status stmtRead = stmt->forEachRow([&](const store::Statement &row) {
        series[row.text(0)].append({QDate::fromString(row.text(1), Qt::ISODate), row.int64(2)});
    });
    if (!stmtRead)
        return stmtRead.error();
    QList<ScopeTrend> result;
    for (auto it = series.cbegin(); it != series.cend(); ++it) {
        ScopeTrend t = analyseScope(it.key(), it.value(), query.backtestDay);
        if (query.from.isValid())
            t.points.removeIf([&](const TrendPoint &p) { return p.day < query.from; });
        result.append(t);
    }
    return result;
}

} // namespace ll::reports

// The trend and forecast method on synthetic series whose answers are known.
#include "reports/trend.h"

#include <QTest>

using namespace ll;
using reports::DailyCostPoint;

namespace {

constexpr std::int64_t kUnit = 1'000'000'000;

QList<DailyCostPoint> series(const QDate &from, const QDate &to, const std::function<std::int64_t(const QDate &)> &cost)
{
    QList<DailyCostPoint> s;
    for (QDate d = from; d <= to; d = d.addDays(1))
        s.append({d, cost(d)});
    return s;
}

} // namespace

class TestTrend : public QObject {
    Q_OBJECT
private slots:
    void flatSeriesForecastsExactly()
    {
        // 100 a day from 1 January to 20 March: every forecast equals the actual month.
        const auto s = series(QDate(2026, 1, 1), QDate(2026, 3, 20), [](const QDate &) { return 100 * kUnit; });
        const auto t = reports::analyseScope(QStringLiteral("account"), s, 15);
        QCOMPARE(t.backtest.size(), 2); // January and February are complete; March is not
        QCOMPARE(t.backtest[0].month, QStringLiteral("2026-01"));
        QCOMPARE(t.backtest[0].forecastNanos, 31 * 100 * kUnit);
        QCOMPARE(*t.backtest[1].actualNanos, 28 * 100 * kUnit);
        QCOMPARE(*t.backtest[1].errorNanos, std::int64_t{0});
        QCOMPARE(*t.meanAbsolutePercentError, 0.0);
        QVERIFY(t.current);
        QCOMPARE(t.current->madeOn, QDate(2026, 3, 20));
        QCOMPARE(t.current->monthToDateNanos, 20 * 100 * kUnit);
        QCOMPARE(t.current->forecastNanos, 31 * 100 * kUnit);
    }

    void forecastUsesTheTrailingWeek()
    {
        // 10 a day until 10 April, then 50 a day: on 15 April the last 7 days are 9..15 April =
        // 2 x 10 + 5 x 50 = 270, mean 270/7; forecast = MTD (10 x 10 + 5 x 50 = 350) + 270/7 x 15.
        const auto s = series(QDate(2026, 4, 1), QDate(2026, 4, 15), [](const QDate &d) { return (d.day() <= 10 ? 10 : 50) * kUnit; });
        const auto f = reports::forecastMonthEnd(s, QDate(2026, 4, 15));
        QCOMPARE(f.monthToDateNanos, 350 * kUnit);
        // 270 x 15 / 7 = 578.571428571428... -> 578.571428571 (rounded once, half away from zero)
        QCOMPARE(f.forecastNanos, 350 * kUnit + 578'571'428'571);
    }

    void movingAveragesAndChanges()
    {
        // Week 1 costs 10 a day, week 2 costs 20 a day: week over week +100 %.
        const auto s = series(QDate(2026, 6, 1), QDate(2026, 6, 14), [](const QDate &d) { return (d.day() <= 7 ? 10 : 20) * kUnit; });
        const auto points = reports::computeTrend(s);
        QCOMPARE(points.size(), 14);
        QVERIFY(!points[12].weekOverWeekPercent);
        QCOMPARE(*points[13].weekOverWeekPercent, 100.0);
        QCOMPARE(points[13].movingAverage7Nanos, 20 * kUnit);
        QCOMPARE(points[9].movingAverage7Nanos, (4 * 10 + 3 * 20) * kUnit / 7 + 1); // 14.2857142857 rounds up at the 9th place
        QCOMPARE(points[13].movingAverage30Nanos, 15 * kUnit);                    // 14 days known: their mean
        QVERIFY(!points[13].monthOverMonthPercent); // no previous month in the data
    }

    void missingDaysCountAsZero()
    {
        QList<DailyCostPoint> s{{QDate(2026, 5, 1), 70 * kUnit}, {QDate(2026, 5, 7), 0}};
        const auto points = reports::computeTrend(s);
        QCOMPARE(points.size(), 7);
        QCOMPARE(points[6].movingAverage7Nanos, 10 * kUnit);
    }

    void monthOverMonth()
    {
        // March 5 a day, April 10 a day: on 10 April MTD 100 vs 1..10 March 50 -> +100 %.
        const auto s = series(QDate(2026, 3, 1), QDate(2026, 4, 10), [](const QDate &d) { return (d.month() == 3 ? 5 : 10) * kUnit; });
        const auto points = reports::computeTrend(s);
        QCOMPARE(*points.last().monthOverMonthPercent, 100.0);
    }
};

QTEST_GUILESS_MAIN(TestTrend)
#include "tst_trend.moc"

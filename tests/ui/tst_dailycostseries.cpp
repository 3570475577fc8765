// buildDailyCostSeries: the pure function behind the Overview's stacked daily chart.
#include "charts/dailycostseries.h"

#include <QTest>

using namespace ll;
using namespace ll::ui;

namespace {
constexpr std::int64_t kUnit = 1'000'000'000;
reports::DailyProductCost cost(int day, const char *product, std::int64_t units)
{
    return {QDate(2026, 11, day), QString::fromLatin1(product), units * kUnit};
}
} // namespace

class TestDailyCostSeries : public QObject {
    Q_OBJECT
private slots:
    void emptyInputGivesEmptySeries()
    {
        QVERIFY(buildDailyCostSeries({}, QDate(2026, 11, 20)).isEmpty());
        QVERIFY(buildDailyCostSeries({cost(1, "JOBS", 5)}, QDate(2026, 11, 20), 0).isEmpty());
        // Everything outside the window: nothing to draw.
        QVERIFY(buildDailyCostSeries({cost(1, "JOBS", 5)}, QDate(2026, 11, 20), 3).isEmpty());
    }

    void everyDayOfTheWindowIsPresent()
    {
        const DailyCostSeries s = buildDailyCostSeries({cost(18, "JOBS", 5), cost(20, "JOBS", 7)}, QDate(2026, 11, 20), 5);
        QCOMPARE(s.days.size(), 5);
        QCOMPARE(s.days.first(), QDate(2026, 11, 16));
        QCOMPARE(s.days.last(), QDate(2026, 11, 20));
        QCOMPARE(s.products, QStringList{QStringLiteral("JOBS")});
        QCOMPARE(s.costNanos.at(0), (QList<std::int64_t>{0, 0, 5 * kUnit, 0, 7 * kUnit}));
        QCOMPARE(s.dayTotalNanos, (QList<std::int64_t>{0, 0, 5 * kUnit, 0, 7 * kUnit}));
        QCOMPARE(s.maxDayTotalNanos, 7 * kUnit);
    }

    void throughDefaultsToNewestDay()
    {
        const DailyCostSeries s = buildDailyCostSeries({cost(10, "SQL", 1), cost(12, "SQL", 2)}, QDate(), 3);
        QCOMPARE(s.days, (QList<QDate>{QDate(2026, 11, 10), QDate(2026, 11, 11), QDate(2026, 11, 12)}));
    }

    void productsOrderedByTotalAndFoldedIntoOther()
    {
        QList<reports::DailyProductCost> daily = {cost(20, "SQL", 50), cost(20, "JOBS", 100), cost(19, "DLT", 3),
                                                  cost(19, "ALL_PURPOSE", 10), cost(20, "MODEL_SERVING", 2), cost(18, "APPS", 1)};
        const DailyCostSeries s = buildDailyCostSeries(daily, QDate(2026, 11, 20), 3, 4, QStringLiteral("Other"));
        QCOMPARE(s.products, (QStringList{QStringLiteral("JOBS"), QStringLiteral("SQL"), QStringLiteral("ALL_PURPOSE"), QStringLiteral("Other")}));
        // DLT 3 (19th) + MODEL_SERVING 2 (20th) + APPS 1 (18th) fold into Other.
        QCOMPARE(s.costNanos.at(3), (QList<std::int64_t>{1 * kUnit, 3 * kUnit, 2 * kUnit}));
        std::int64_t sum = 0;
        for (const auto &product : s.costNanos)
            for (std::int64_t v : product)
                sum += v;
        QCOMPARE(sum, 166 * kUnit); // folding loses nothing
    }

    void creditsAndTiesAreStable()
    {
        // A credit day stays negative in its product; equal totals order by name.
        const DailyCostSeries s = buildDailyCostSeries({cost(20, "B", 5), cost(20, "A", 5), cost(19, "A", -2), cost(19, "B", -2)},
                                                       QDate(2026, 11, 20), 2);
        QCOMPARE(s.products, (QStringList{QStringLiteral("A"), QStringLiteral("B")}));
        QCOMPARE(s.dayTotalNanos.at(0), -4 * kUnit);
    }
};

QTEST_GUILESS_MAIN(TestDailyCostSeries)
#include "tst_dailycostseries.moc"

// The month-end forecast and its backtest on the synthetic store of budgetfixture.h, against
// figures worked out by hand below (amounts in whole units unless noted).
#include "budgetfixture.h"

#include "budgets/budgetforecast.h"
#include "budgets/budgetstore.h"
#include "common/money.h"
#include "insights/detectors/budgetatrisk.h"

#include <QJsonArray>
#include <QTest>

#include <limits>

using namespace ll;
using namespace ll::budgets;
using ll::test::budgetfixture::kUnit;

namespace {

Budget budget(ScopeType type, const QString &key, std::int64_t units, const QDate &from = {})
{
    return Budget{{type, key}, from, units * kUnit, QStringLiteral("USD")};
}

} // namespace

class TestBudgetForecast : public QObject {
    Q_OBJECT
private slots:
    // December as of Thursday 10 December, workspace 100 (= the account's series, plus team bi's 5 a day).
    // Team ml alone (the fixture's series):
    //   spent 1..10 Dec: Tue 1 - Fri 4 = 4 x 120, Sat 20, Sun 10, Mon 7 - Thu 10 = 4 x 120 -> 990
    //   run rate, 28 days 13 Nov .. 10 Dec: weekdays 120 (Mondays 120, 120, 120 and the 1000 spike
    //   of 30 Nov: median (120 + 120) / 2 = 120), Saturdays 20, Sundays 10
    //   11..31 Dec: 15 weekdays, 3 Saturdays, 3 Sundays -> 15 x 120 + 3 x 20 + 3 x 10 = 1890
    //   forecast 990 + 1890 = 2880
    // Backtest, the same forecast on day 10 of the three months before:
    //   November (as of Tue 10 Nov; window 14 Oct .. 10 Nov): Mondays and Tuesdays have two
    //   October days at 100 and two November days at 120 -> 110; Wednesday to Friday 100, 100,
    //   100, 120 -> 100. Spent: Sun 1 10 + Mon 2 - Fri 6 5 x 120 + Sat 20 + Sun 10 + Mon 9, Tue 10
    //   2 x 120 = 880. 11..30 Nov: Wed/Thu/Fri 3 each at 100 (900), Sat 3 x 20, Sun 3 x 10,
    //   Mon 3 x 110, Tue 2 x 110 -> 1540; forecast 2420. Actual: 20 weekdays x 120 + the 1000
    //   Monday (instead of 120) ... = 3530. |2420 - 3530| / 3530 = 31.4447592... %
    //   October and September: a steady rhythm, forecast = actual (2340, 2320): 0 %
    //   MAPE = 31.4447592 / 3 = 10.4815864 %
    void teamForecastMatchesTheHandComputation()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        QVERIFY(test::budgetfixture::seed(store));
        QVERIFY(BudgetStore::set(store.db(), store.clock(), QStringLiteral("tester"), budget(ScopeType::Team, QStringLiteral("ml"), 3000)));
        auto s = forecast(store.db(), {ScopeType::Team, QStringLiteral("ml")}, QDate(2026, 12, 1), QDate(2026, 12, 10));
        QVERIFY2(s, qPrintable(s ? QString() : s.error().toString()));
        QCOMPARE(s->scopeName, QStringLiteral("Machine Learning"));
        QCOMPARE(s->projection.elapsedDays, 10);
        QCOMPARE(s->projection.remainingDays, 21);
        QCOMPARE(s->projection.method, RunRateMethod::SameWeekdayMedian);
        QCOMPARE(s->projection.spentNanos, 990 * kUnit);
        QCOMPARE(s->projection.projectedNanos, 1890 * kUnit);
        QCOMPARE(s->projection.forecastNanos, 2880 * kUnit);
        QCOMPARE(s->backtest.size(), 3);
        QCOMPARE(s->backtest[0].month, QDate(2026, 11, 1));
        QCOMPARE(s->backtest[0].asOfDay, QDate(2026, 11, 10));
        QCOMPARE(s->backtest[0].forecastNanos, 2420 * kUnit);
        QCOMPARE(s->backtest[0].actualNanos, 3530 * kUnit);
        QVERIFY(qAbs(*s->backtest[0].absolutePercentError - 1110.0 / 3530.0 * 100.0) < 1e-9);
        QCOMPARE(s->backtest[1].forecastNanos, 2340 * kUnit);
        QCOMPARE(s->backtest[1].actualNanos, 2340 * kUnit);
        QCOMPARE(*s->backtest[1].absolutePercentError, 0.0);
        QCOMPARE(s->backtest[2].month, QDate(2026, 9, 1));
        QCOMPARE(s->backtest[2].actualNanos, 2320 * kUnit);
        QVERIFY(qAbs(*s->backtestMape - 1110.0 / 3530.0 * 100.0 / 3.0) < 1e-9);
        // 2880 of 3000 = 96 %: amber (80 %) but not red (100 %).
        QCOMPARE(s->level, BudgetLevel::Amber);
        QVERIFY(!s->forecastExceedsBudget());
    }

    void levelsFollowTheThresholds_data()
    {
        QTest::addColumn<std::int64_t>("budgetUnits");
        QTest::addColumn<int>("amber");
        QTest::addColumn<int>("red");
        QTest::addColumn<QString>("level");
        QTest::addRow("72 %% green") << std::int64_t{4000} << 80 << 100 << QStringLiteral("green");
        QTest::addRow("96 %% amber") << std::int64_t{3000} << 80 << 100 << QStringLiteral("amber");
        QTest::addRow("exactly 100 %% red") << std::int64_t{2880} << 80 << 100 << QStringLiteral("red");
        QTest::addRow("103 %% red") << std::int64_t{2800} << 80 << 100 << QStringLiteral("red");
        QTest::addRow("96 %% green at 97/110") << std::int64_t{3000} << 97 << 110 << QStringLiteral("green");
        QTest::addRow("103 %% amber at 90/110") << std::int64_t{2800} << 90 << 110 << QStringLiteral("amber");
    }
    void levelsFollowTheThresholds()
    {
        QFETCH(std::int64_t, budgetUnits);
        QFETCH(int, amber);
        QFETCH(int, red);
        QFETCH(QString, level);
        test::TempStore store;
        QVERIFY(test::budgetfixture::seed(store));
        QVERIFY(BudgetStore::setThresholds(store.db(), store.clock(), QStringLiteral("tester"), {amber, red}));
        QVERIFY(BudgetStore::set(
            store.db(), store.clock(), QStringLiteral("tester"), budget(ScopeType::Team, QStringLiteral("ml"), budgetUnits)));
        auto all = forecastAll(store.db(), QDate(2026, 12, 1), QDate(2026, 12, 10));
        QVERIFY(all);
        QCOMPARE(all->size(), 1);
        QCOMPARE(toText(all->first().level), level);
        QCOMPARE(all->first().projection.forecastNanos, 2880 * kUnit);
    }

    // 1..10 December: ml 990 (above), bi 10 x 5; the department and the org unit sum their teams,
    // workspace 100 carries both teams, the project its own 7 a day.
    void scopesReadTheirOwnSpend()
    {
        test::TempStore store;
        QVERIFY(test::budgetfixture::seed(store));
        const QDate from(2026, 12, 1), to(2026, 12, 10);
        const auto total = [&](ScopeType type, const QString &key) {
            auto cost = loadDailyCost(store.db(), {type, key}, from, to);
            std::int64_t sum = 0;
            for (auto v : *cost)
                sum += v;
            return sum;
        };
        QCOMPARE(total(ScopeType::Team, QStringLiteral("ml")), 990 * kUnit);
        QCOMPARE(total(ScopeType::Team, QStringLiteral("bi")), 50 * kUnit);
        QCOMPARE(total(ScopeType::Department, QStringLiteral("analytics")), 1040 * kUnit);
        QCOMPARE(total(ScopeType::OrgUnit, QStringLiteral("data")), 1040 * kUnit);
        QCOMPARE(total(ScopeType::Workspace, QStringLiteral("100")), 1040 * kUnit);
        QCOMPARE(total(ScopeType::Workspace, QStringLiteral("200")), std::int64_t{0});
        QCOMPARE(total(ScopeType::Project, QStringLiteral("churn")), 70 * kUnit);
    }

    // bi costs 5 a day from 1 December and nothing before: on 10 December its 28-day window
    // (13 Nov .. 10 Dec) holds, per weekday, one or two December days and zeros, so every
    // weekday's median is 0 or 2.5: Tuesday to Thursday have two December days (1/8, 2/9, 3/10)
    // -> (0 + 5) / 2 = 2.5; Friday to Monday one (4, 5, 6, 7) -> 0. 11..31 Dec: 3 Tuesdays,
    // 3 Wednesdays, 3 Thursdays -> 9 x 2.5 = 22.5; forecast 50 + 22.5 = 72.5.
    void aNewScopeIsProjectedFromItsZeros()
    {
        test::TempStore store;
        QVERIFY(test::budgetfixture::seed(store));
        QVERIFY(BudgetStore::set(store.db(), store.clock(), QStringLiteral("tester"), budget(ScopeType::Team, QStringLiteral("bi"), 100)));
        auto s = forecast(store.db(), {ScopeType::Team, QStringLiteral("bi")}, QDate(2026, 12, 1), QDate(2026, 12, 10));
        QVERIFY(s);
        QCOMPARE(s->projection.spentNanos, 50 * kUnit);
        QCOMPARE(s->projection.projectedNanos, 22 * kUnit + kUnit / 2);
        QCOMPARE(s->projection.forecastNanos, 72 * kUnit + kUnit / 2);
        // Its previous months cost nothing: no backtest error can be computed.
        QCOMPARE(s->backtest.size(), 3);
        QVERIFY(!s->backtest[0].absolutePercentError);
        QVERIFY(!s->backtestMape);
        QCOMPARE(s->level, BudgetLevel::Green);
    }

    // Less than 28 days of history: the trailing mean of the known days. History 1..10 Dec,
    // 100 a day plus 5 nano-units on 1 December: mean (1000 + 5e-9) / 10 = 100.0000000005 ->
    // 100.000000001 (rounded once, half away from zero); 21 days left -> 2100.000000021.
    void shortHistoryFallsBackToTheTrailingMean()
    {
        test::TempStore store;
        QVERIFY(test::budgetfixture::seed(store, QDate(2026, 12, 1), QDate(2026, 12, 10),
            [](const QDate &d) -> std::int64_t { return 100 * kUnit + (d.day() == 1 ? 5 : 0); }));
        QVERIFY(BudgetStore::set(store.db(), store.clock(), QStringLiteral("tester"), budget(ScopeType::Team, QStringLiteral("ml"), 5000)));
        auto s = forecast(store.db(), {ScopeType::Team, QStringLiteral("ml")}, QDate(2026, 12, 1), QDate(2026, 12, 10));
        QVERIFY(s);
        QCOMPARE(s->projection.method, RunRateMethod::TrailingMean);
        QCOMPARE(s->projection.spentNanos, 1000 * kUnit + 5);
        QCOMPARE(s->projection.projectedNanos, 2100 * kUnit + 21);
        QVERIFY(s->backtest.isEmpty()); // no month lies wholly in the history
        QVERIFY(!s->backtestMape);
    }

    void aPastMonthIsItsActualTotal()
    {
        test::TempStore store;
        QVERIFY(test::budgetfixture::seed(store));
        QVERIFY(BudgetStore::set(store.db(), store.clock(), QStringLiteral("tester"), budget(ScopeType::Team, QStringLiteral("ml"), 3000)));
        auto s = forecast(store.db(), {ScopeType::Team, QStringLiteral("ml")}, QDate(2026, 11, 15), QDate(2026, 12, 10));
        QVERIFY(s);
        QCOMPARE(s->projection.month, QDate(2026, 11, 1));
        QCOMPARE(s->projection.remainingDays, 0);
        QCOMPARE(s->projection.method, RunRateMethod::MonthComplete);
        QCOMPARE(s->projection.forecastNanos, 3530 * kUnit);
        QCOMPARE(s->level, BudgetLevel::Red);
        QVERIFY(s->forecastExceedsBudget());
    }

    void theEntryInEffectIsTheLatestNotAfterTheMonth()
    {
        test::TempStore store;
        QVERIFY(test::budgetfixture::seed(store));
        const QString actor = QStringLiteral("tester");
        QVERIFY(BudgetStore::set(store.db(), store.clock(), actor, budget(ScopeType::Team, QStringLiteral("ml"), 1000)));
        QVERIFY(
            BudgetStore::set(store.db(), store.clock(), actor, budget(ScopeType::Team, QStringLiteral("ml"), 2500, QDate(2026, 11, 1))));
        QVERIFY(BudgetStore::set(store.db(), store.clock(), actor, budget(ScopeType::Team, QStringLiteral("ml"), 9000, QDate(2027, 1, 1))));
        const Scope ml{ScopeType::Team, QStringLiteral("ml")};
        QCOMPARE(forecast(store.db(), ml, QDate(2026, 10, 1), QDate(2026, 12, 10))->budget.amountNanos, 1000 * kUnit);
        QCOMPARE(forecast(store.db(), ml, QDate(2026, 12, 1), QDate(2026, 12, 10))->budget.amountNanos, 2500 * kUnit);
        QCOMPARE(forecast(store.db(), ml, QDate(2027, 1, 1), QDate(2026, 12, 10))->budget.amountNanos, 9000 * kUnit);
        auto none = forecast(store.db(), {ScopeType::Team, QStringLiteral("bi")}, QDate(2026, 12, 1), QDate(2026, 12, 10));
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::NotFound);
        QCOMPARE(forecast(store.db(), ml, QDate(2026, 12, 1), QDate()).error().code, ErrorCode::InvalidArgument);
    }

    // budget_at_risk as of 10 December: ml forecasts 2880 (above). A 2400 budget is overrun by
    // 480 = 20 % (medium: 10 % <= 20 % < 25 %); bi has spent 50 of a 40 budget already (high,
    // whatever the forecast); project churn's 3000 is far from its 7 a day: quiet.
    void budgetAtRiskFiresFromTheForecast()
    {
        test::TempStore store;
        QVERIFY(test::budgetfixture::seed(store));
        const QString actor = QStringLiteral("tester");
        QVERIFY(BudgetStore::set(store.db(), store.clock(), actor, budget(ScopeType::Team, QStringLiteral("ml"), 2400)));
        QVERIFY(BudgetStore::set(store.db(), store.clock(), actor, budget(ScopeType::Team, QStringLiteral("bi"), 40)));
        QVERIFY(BudgetStore::set(store.db(), store.clock(), actor, budget(ScopeType::Project, QStringLiteral("churn"), 3000)));
        QVERIFY(BudgetStore::set(store.db(), store.clock(), actor, budget(ScopeType::Department, QStringLiteral("analytics"), 2500)));
        const insights::Thresholds thresholds;
        insights::BudgetAtRiskDetector detector;
        auto findings = detector.detect({store.db(), thresholds, QDate(2026, 12, 10), QDate(2026, 12, 10)});
        QVERIFY2(findings, qPrintable(findings ? QString() : findings.error().toString()));
        QHash<QString, insights::Finding> byScope;
        for (const auto &f : *findings)
            byScope.insert(f.scopeId, f);
        QCOMPARE(byScope.size(), 3); // ml, bi, analytics; not churn
        const insights::Finding ml = byScope.value(QStringLiteral("ml"));
        QCOMPARE(ml.kind, QStringLiteral("budget_at_risk"));
        QCOMPARE(ml.scopeType, insights::ScopeType::Team);
        QCOMPARE(ml.scopeName, QStringLiteral("Machine Learning"));
        QCOMPARE(ml.severity, insights::Severity::Medium);
        QCOMPARE(ml.monthlySavingsNanos, std::int64_t{0});
        QCOMPARE(ml.evidence.value(QStringLiteral("forecast")).toString(), QStringLiteral("2880.00"));
        QCOMPARE(ml.evidence.value(QStringLiteral("forecast_overrun")).toString(), QStringLiteral("480.00"));
        QCOMPARE(ml.evidence.value(QStringLiteral("overrun_percent")).toString(), QStringLiteral("20.0"));
        QCOMPARE(ml.title, QStringLiteral("Machine Learning is forecast to exceed its 2026-12 budget by 480.00 USD (20.0%)"));
        QCOMPARE(ml.firstDay, QDate(2026, 12, 1));
        QCOMPARE(ml.lastDay, QDate(2026, 12, 10));
        // The series: spend to date (990 by the 10th) against the budget spread over 31 days.
        QCOMPARE(ml.series.size(), 10);
        QCOMPARE(ml.series.last().valueNanos, 990 * kUnit);
        QCOMPARE(ml.series.last().baselineNanos.value_or(-1), std::int64_t{774'193'548'387});
        QCOMPARE(ml.lineFilter.value(QStringLiteral("team_keys")).toArray().first().toString(), QStringLiteral("ml"));

        const insights::Finding bi = byScope.value(QStringLiteral("bi"));
        QCOMPARE(bi.severity, insights::Severity::High);
        QCOMPARE(bi.title, QStringLiteral("BI is over its 2026-12 budget: 50.00 USD spent of 40.00 USD"));
        // The department's overrun is its own forecast (of its teams' summed days) less 2500.
        const insights::Finding analytics = byScope.value(QStringLiteral("analytics"));
        auto department =
            forecast(store.db(), {ScopeType::Department, QStringLiteral("analytics")}, QDate(2026, 12, 1), QDate(2026, 12, 10));
        QVERIFY(department);
        QCOMPARE(analytics.evidence.value(QStringLiteral("forecast_overrun")).toString(),
            formatNanos(department->projection.forecastNanos - 2500 * kUnit, 2));
        QCOMPARE(analytics.evidence.value(QStringLiteral("budget_scope_type")).toString(), QStringLiteral("department"));
        QCOMPARE(analytics.lineFilter.value(QStringLiteral("team_keys")).toArray().size(), 2);

        // Thresholds move the verdict: a 25 % minimum keeps the 20 % overrun quiet, never the spent one.
        auto strict = insights::Thresholds::fromJson(R"({"budget_at_risk": {"min_overrun_percent": 25}})");
        QVERIFY(strict);
        auto quieter = detector.detect({store.db(), *strict, QDate(2026, 12, 10), QDate(2026, 12, 10)});
        QVERIFY(quieter);
        QCOMPARE(quieter->size(), 1);
        QCOMPARE(quieter->first().scopeId, QStringLiteral("bi"));
        // Two days into a month, a forecast overrun is not reported yet (min_elapsed_days 3).
        auto early = detector.detect({store.db(), thresholds, QDate(2026, 12, 2), QDate(2026, 12, 2)});
        QVERIFY(early);
        QCOMPARE(early->size(), 0);
    }

    void classifyIsExactAtTheBoundary()
    {
        const Thresholds t{80, 100};
        QCOMPARE(classify(800, 1000, t), BudgetLevel::Amber);
        QCOMPARE(classify(799, 1000, t), BudgetLevel::Green);
        QCOMPARE(classify(999'999'999'999, 1'000'000'000'000, t), BudgetLevel::Amber);
        QCOMPARE(classify(1'000'000'000'000, 1'000'000'000'000, t), BudgetLevel::Red);
        QCOMPARE(classify(std::numeric_limits<std::int64_t>::max(), std::numeric_limits<std::int64_t>::max(), t), BudgetLevel::Red);
    }
};

QTEST_GUILESS_MAIN(TestBudgetForecast)
#include "tst_budgetforecast.moc"

// The run and SQL warehouse detectors (runaway_run, failed_run_waste, retry_storm, idle_warehouse,
// always_on_warehouse) on tiny hand-built stores: each must fire with the savings worked out by
// hand in the comments, and stay quiet on a normal case.
#include "insights/detectors/alwaysonwarehouse.h"
#include "insights/detectors/failedrunwaste.h"
#include "insights/detectors/idlewarehouse.h"
#include "insights/detectors/retrystorm.h"
#include "insights/detectors/runaway.h"
#include "tempstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace ll;
using namespace ll::insights;

namespace {

constexpr std::int64_t kUsd = 1'000'000'000;
const QDate kLast(2026, 6, 30); // last complete day: the 30-day windows are June 1..30

QList<Finding> run(test::TempStore &store, Detector &detector)
{
    Thresholds thresholds;
    DetectorContext context{store.db(), thresholds, kLast, kLast};
    auto findings = detector.detect(context);
    if (!findings) {
        qWarning() << findings.error().message;
        return {};
    }
    return *findings;
}

void exec(test::TempStore &store, const QString &sql) { QVERIFY2(store.db().exec(sql.toUtf8()), qPrintable(sql)); }

// Ten earlier runs of job j1 in May, $10 and 10 minutes each, then one June run.
void jobHistory(test::TempStore &store, std::int64_t lastCostNanos, int lastSeconds)
{
    exec(store,
        QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) "
                       "INSERT INTO metrics_run SELECT 'job_run', 'r' || i, 'j1', 'w1', date('2026-05-19', '+' || i || ' days'), "
                       "'SUCCEEDED', 0, 600, %1, %1, 1 FROM n")
            .arg(10 * kUsd));
    exec(store,
        QStringLiteral("INSERT INTO metrics_run VALUES ('job_run', 'r-last', 'j1', 'w1', '2026-06-20', 'SUCCEEDED', 0, %1, %2, %2, 1)")
            .arg(lastSeconds)
            .arg(lastCostNanos));
}

void runDay(test::TempStore &store, const QString &day, int runs, int failed, std::int64_t cost, std::int64_t failedCost)
{
    exec(store,
        QStringLiteral("INSERT INTO metrics_run_daily VALUES ('%1', 'job_run', 'j1', 'w1', %2, %3, %4, 0, 0, %5, %6)")
            .arg(day)
            .arg(runs)
            .arg(runs - failed)
            .arg(failed)
            .arg(cost)
            .arg(failedCost));
    for (int i = 0; i < failed; ++i)
        exec(store,
            QStringLiteral("INSERT INTO metrics_run VALUES ('job_run', 'f-%1-%2', 'j1', 'w1', '%1', 'FAILED', 1, 60, %3, %3, 1)")
                .arg(day)
                .arg(i)
                .arg(failedCost / failed));
}

void warehouseCost(test::TempStore &store, const QString &day, std::int64_t cost)
{
    exec(store,
        QStringLiteral("INSERT INTO metrics_work_unit_daily VALUES ('%1', 'warehouse', 'wh1', 'w1', 'USD', %2, %2, %2, 0, 0, 1)")
            .arg(day)
            .arg(cost));
}

std::int64_t at(int hour, int minute) { return QDateTime(QDate(2026, 6, 15), QTime(hour, minute), QTimeZone::utc()).toSecsSinceEpoch(); }

} // namespace

class TestInsightsRuns : public QObject {
    Q_OBJECT

private slots:
    void runawayRunFires()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        // Median $10 with no spread: the floor (25% of $10) makes sigma $2.50; $40 is z = 12. Excess
        // $40 - $10 = $30 in the 30-day window, x 30 / 30 = $30 a month.
        jobHistory(store, 40 * kUsd, 2400);
        RunawayRunDetector detector;
        const QList<Finding> findings = run(store, detector);
        QCOMPARE(findings.size(), 1);
        const Finding &f = findings.first();
        QCOMPARE(f.kind, QStringLiteral("runaway_run"));
        QCOMPARE(f.scopeType, ScopeType::Job);
        QCOMPARE(f.scopeId, QStringLiteral("j1"));
        QVERIFY(!f.scopeName.isEmpty());
        QCOMPARE(f.monthlySavingsNanos, 30 * kUsd);
        QCOMPARE(f.severity, Severity::Low);
        QCOMPARE(f.evidence.value(QStringLiteral("run_ids")).toArray(), QJsonArray{QStringLiteral("r-last")});
        const QJsonObject r = f.evidence.value(QStringLiteral("runs")).toArray().first().toObject();
        QCOMPARE(r.value(QStringLiteral("median_cost")).toString(), QStringLiteral("10.00"));
        QCOMPARE(r.value(QStringLiteral("median_duration_seconds")).toInteger(), 600);
        QCOMPARE(r.value(QStringLiteral("duration_seconds")).toInteger(), 2400);
        QCOMPARE(f.firstDay, QDate(2026, 6, 20));
        QVERIFY(f.savingsFormula.contains(QStringLiteral("30.00 USD")));
    }

    void runawayRunQuiet()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        // $12 and 11.7 minutes: z 0.8 on cost, 0.67 on duration.
        jobHistory(store, 12 * kUsd, 700);
        RunawayRunDetector detector;
        QCOMPARE(run(store, detector).size(), 0);
    }

    void failedRunWasteFires()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        // Two failed runs of $15 in June: $30 over 30 days = $30 a month (floor $25).
        runDay(store, QStringLiteral("2026-06-10"), 4, 1, 40 * kUsd, 15 * kUsd);
        runDay(store, QStringLiteral("2026-06-20"), 4, 1, 40 * kUsd, 15 * kUsd);
        FailedRunWasteDetector detector;
        const QList<Finding> findings = run(store, detector);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().monthlySavingsNanos, 30 * kUsd);
        QCOMPARE(findings.first().evidence.value(QStringLiteral("failed_runs")).toInteger(), 2);
        QCOMPARE(findings.first().evidence.value(QStringLiteral("failed_run_ids")).toArray().size(), 2);
        QCOMPARE(findings.first().firstDay, QDate(2026, 6, 10));
        QCOMPARE(findings.first().lastDay, QDate(2026, 6, 20));
    }

    void failedRunWasteQuiet()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        runDay(store, QStringLiteral("2026-06-10"), 4, 1, 40 * kUsd, 10 * kUsd); // $10 a month < $25
        FailedRunWasteDetector detector;
        QCOMPARE(run(store, detector).size(), 0);
    }

    void retryStormFires()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        // 4 failed runs on June 28 (>= 3 a day): the storm's failed cost, $8, not extrapolated.
        runDay(store, QStringLiteral("2026-06-28"), 5, 4, 10 * kUsd, 8 * kUsd);
        RetryStormDetector detector;
        const QList<Finding> findings = run(store, detector);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().monthlySavingsNanos, 8 * kUsd);
        QCOMPARE(findings.first().evidence.value(QStringLiteral("worst_day_failed_runs")).toInteger(), 4);
        QCOMPARE(findings.first().evidence.value(QStringLiteral("failed_run_ids")).toArray().size(), 4);
    }

    void retryStormQuiet()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        // One failure of five, and an old burst outside the 7-day window.
        runDay(store, QStringLiteral("2026-06-28"), 5, 1, 10 * kUsd, 2 * kUsd);
        runDay(store, QStringLiteral("2026-06-10"), 5, 4, 10 * kUsd, 8 * kUsd);
        RetryStormDetector detector;
        QCOMPARE(run(store, detector).size(), 0);
    }

    void idleWarehouseFires()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        // 30 days of 10 h running, 2 h busy, $10 a day: idle share 80%, 8 h a day; idle cost
        // $300 x 0.8 = $240 over 30 days = $240 a month; 8 h a day is medium.
        exec(store,
            QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 29) "
                           "INSERT INTO metrics_warehouse_utilization_daily SELECT date('2026-06-01', '+' || i || ' days'), "
                           "'wh1', 'w1', 36000, 36000, 7200, 7200, 50 FROM n"));
        exec(store,
            QStringLiteral("WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 29) "
                           "INSERT INTO metrics_work_unit_daily SELECT date('2026-06-01', '+' || i || ' days'), "
                           "'warehouse', 'wh1', 'w1', 'USD', %1, %1, %1, 0, 0, 1 FROM n")
                .arg(10 * kUsd));
        exec(store,
            QStringLiteral("INSERT INTO ledger_warehouse (warehouse_id, change_time, workspace_id, warehouse_name, warehouse_type, "
                           "auto_stop_minutes, raw_id) VALUES ('wh1', 1, 'w1', 'BI', 'PRO', 45, 1)"));
        IdleWarehouseDetector detector;
        const QList<Finding> findings = run(store, detector);
        QCOMPARE(findings.size(), 1);
        const Finding &f = findings.first();
        QCOMPARE(f.scopeName, QStringLiteral("BI"));
        QCOMPARE(f.monthlySavingsNanos, 240 * kUsd);
        QCOMPARE(f.severity, Severity::Medium);
        QCOMPARE(f.evidence.value(QStringLiteral("warehouse_id")).toString(), QStringLiteral("wh1"));
        QCOMPARE(f.evidence.value(QStringLiteral("auto_stop_minutes")).toInteger(), 45);
        QCOMPARE(f.series.size(), 30);
        QCOMPARE(f.series.first().valueNanos, 8 * kUsd);
    }

    void idleWarehouseQuiet()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        // Busy 30000 s of 36000: idle share 17%.
        exec(store,
            QStringLiteral("INSERT INTO metrics_warehouse_utilization_daily VALUES ('2026-06-15', 'wh1', 'w1', 36000, 36000, "
                           "30000, 30000, 500)"));
        warehouseCost(store, QStringLiteral("2026-06-15"), 100 * kUsd);
        IdleWarehouseDetector detector;
        QCOMPARE(run(store, detector).size(), 0);
    }

    void alwaysOnWarehouseFires()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        // Auto-stop 120 min. Running 10:00-14:00 (14400 s), queries 10:05-10:10 and 11:00-11:05.
        // A 10-minute auto-stop cuts the 50-minute gap to 10 (2400 s) and the 175-minute tail to 10
        // (9900 s): 12300 s of 14400 at $40 = $34.1666666666 (nanos floored), x 30 / 30.
        exec(store,
            QStringLiteral("INSERT INTO ledger_warehouse (warehouse_id, change_time, workspace_id, warehouse_name, warehouse_type, "
                           "auto_stop_minutes, raw_id) VALUES ('wh1', 1, 'w1', 'BI', 'PRO', 120, 1)"));
        exec(store,
            QStringLiteral("INSERT INTO ledger_warehouse_interval VALUES ('wh1', %1, %2, 'w1', 1, 0)").arg(at(10, 0)).arg(at(14, 0)));
        exec(store,
            QStringLiteral("INSERT INTO ledger_query (statement_id, workspace_id, warehouse_id, start_time, end_time) "
                           "VALUES ('q1', 'w1', 'wh1', %1, %2), ('q2', 'w1', 'wh1', %3, %4)")
                .arg(at(10, 5))
                .arg(at(10, 10))
                .arg(at(11, 0))
                .arg(at(11, 5)));
        warehouseCost(store, QStringLiteral("2026-06-15"), 40 * kUsd);
        AlwaysOnWarehouseDetector detector;
        const QList<Finding> findings = run(store, detector);
        QCOMPARE(findings.size(), 1);
        const Finding &f = findings.first();
        QCOMPARE(f.monthlySavingsNanos, std::int64_t(34'166'666'666));
        QCOMPARE(f.evidence.value(QStringLiteral("cut_idle_seconds")).toInteger(), 12300);
        QCOMPARE(f.evidence.value(QStringLiteral("auto_stop_minutes")).toInteger(), 120);
        QCOMPARE(f.evidence.value(QStringLiteral("warehouse_id")).toString(), QStringLiteral("wh1"));
        QCOMPARE(f.evidence.value(QStringLiteral("stops_with_target")).toInteger(), 2);
    }

    void alwaysOnWarehouseQuiet()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        // 60 minutes is not above the 60-minute threshold; NULL (unknown) is not judged.
        exec(store,
            QStringLiteral("INSERT INTO ledger_warehouse (warehouse_id, change_time, workspace_id, warehouse_name, warehouse_type, "
                           "auto_stop_minutes, raw_id) VALUES ('wh1', 1, 'w1', 'BI', 'PRO', 60, 1), "
                           "('wh2', 1, 'w1', 'Other', 'PRO', NULL, 2)"));
        exec(store,
            QStringLiteral("INSERT INTO ledger_warehouse_interval VALUES ('wh1', %1, %2, 'w1', 1, 0)").arg(at(10, 0)).arg(at(14, 0)));
        warehouseCost(store, QStringLiteral("2026-06-15"), 40 * kUsd);
        AlwaysOnWarehouseDetector detector;
        QCOMPARE(run(store, detector).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestInsightsRuns)
#include "tst_insights_runs.moc"

// "Why did last month's total change since the report I sent?": figures as of an earlier sync
// are reproducible after corrections arrive, and the corrections are listed per sync and day.
#include "job/job.h"
#include "pipeline/pipelinerunner.h"
#include "rawbuilder.h"
#include "reports/costreport.h"
#include "reports/snapshots.h"
#include "tempstore.h"

#include <QTest>

using namespace ll;

namespace {

bool process(test::TempStore &store)
{
    const job::JobSpec runnerSpec{job::JobKind::Process, {}};
    CancelToken cancel;
    return job::runJob(store.db(), store.clock(), runnerSpec, cancel).ok();
}

qint64 total(store::Database &db, const QDateTime &asOf = {})
{
    reports::CostQuery q;
    q.asOf = asOf;
    auto t = reports::queryCost(db, q);
    return t && !t->rows.isEmpty() ? t->rows.first().costNanos : -1;
}

} // namespace

class TestAsOf : public QObject {
    Q_OBJECT
private slots:
    void asOfReproducesThePreCorrectionTotal()
    {
        test::TempStore store;
        store.clock().set(QDateTime(QDate(2026, 10, 2), QTime(6, 0), Qt::UTC));
        test::RawBuilder prices(store.db(), store.clock(), QStringLiteral("billing_list_prices"));
        prices.addRow(test::priceRow(QStringLiteral("S"), QStringLiteral("2026-01-01T00:00:00Z"), QString(), QStringLiteral("0.5"), QStringLiteral("0.5")));
        QVERIFY(prices.flush());
        test::RawBuilder usage(store.db(), store.clock(), QStringLiteral("billing_usage"));
        const QString t = QStringLiteral("2026-10-01T10:00:00Z");
        usage.addRow(test::usageRow(QStringLiteral("orig-1"), QStringLiteral("w"), QStringLiteral("S"), t, QStringLiteral("10")));
        usage.addRow(test::usageRow(QStringLiteral("orig-2"), QStringLiteral("w"), QStringLiteral("S"), t, QStringLiteral("4")));
        QVERIFY(usage.flush());
        QVERIFY(process(store));
        const QDateTime reportSent(QDate(2026, 10, 3), QTime(9, 0), Qt::UTC);
        QCOMPARE(total(store.db()), qint64(7'000'000'000));

        // Five days later Databricks corrects orig-1: retraction + restatement (8 instead of 10);
        // the lookback also re-reads orig-2, which must not count twice.
        store.clock().set(QDateTime(QDate(2026, 10, 7), QTime(6, 0), Qt::UTC));
        usage.addRow(test::usageRow(QStringLiteral("retr-1"), QStringLiteral("w"), QStringLiteral("S"), t, QStringLiteral("-10"), QStringLiteral("RETRACTION")));
        usage.addRow(test::usageRow(QStringLiteral("rest-1"), QStringLiteral("w"), QStringLiteral("S"), t, QStringLiteral("8"), QStringLiteral("RESTATEMENT")));
        usage.addRow(test::usageRow(QStringLiteral("orig-2"), QStringLiteral("w"), QStringLiteral("S"), t, QStringLiteral("4")));
        QVERIFY(usage.flush());
        QVERIFY(process(store));

        QCOMPARE(total(store.db()), qint64(6'000'000'000));             // now: (10 - 10 + 8 + 4) x 0.5
        QCOMPARE(total(store.db(), reportSent), qint64(7'000'000'000)); // what the report said
        QCOMPARE(total(store.db(), QDateTime(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC)), -1); // nothing yet

        auto corrections = reports::loadCorrections(store.db());
        QVERIFY(corrections);
        QCOMPARE(corrections->size(), 1);
        QCOMPARE(corrections->first().usageDay, QDate(2026, 10, 1));
        QCOMPARE(corrections->first().retractions, 1);
        QCOMPARE(corrections->first().restatements, 1);
        QCOMPARE(corrections->first().netCostNanos, qint64(-1'000'000'000));
        QCOMPARE(corrections->first().extractedAt, store.clock().now());
    }

    void ledgerDimensionsAndTags()
    {
        test::TempStore store;
        test::RawBuilder prices(store.db(), store.clock(), QStringLiteral("billing_list_prices"));
        prices.addRow(test::priceRow(QStringLiteral("S"), QStringLiteral("2026-01-01T00:00:00Z"), QString(), QStringLiteral("1"), QStringLiteral("1")));
        QVERIFY(prices.flush());
        test::RawBuilder usage(store.db(), store.clock(), QStringLiteral("billing_usage"));
        const QString t = QStringLiteral("2026-10-01T10:00:00Z");
        usage.addRow(test::usageRow(QStringLiteral("a"), QStringLiteral("w"), QStringLiteral("S"), t, QStringLiteral("1"), QStringLiteral("ORIGINAL"),
                                    QStringLiteral("{\"Cost_Center\":\"cc-1\"}"), QStringLiteral("{\"job_id\":\"42\",\"job_run_id\":\"7\"}")));
        usage.addRow(test::usageRow(QStringLiteral("b"), QStringLiteral("w"), QStringLiteral("S"), t, QStringLiteral("2"), QStringLiteral("ORIGINAL"),
                                    QStringLiteral("{\"cost_center\":\"cc-2\"}"), QStringLiteral("{\"warehouse_id\":\"wh\"}")));
        QVERIFY(usage.flush());
        QVERIFY(process(store));
        reports::CostQuery q;
        q.by = *reports::parseDimensions(QStringLiteral("job,tag:COST_CENTER,work_unit"), &q.tagKeys);
        auto table = reports::queryCost(store.db(), q);
        QVERIFY2(table, qPrintable(table ? QString() : table.error().toString()));
        QCOMPARE(table->rows.size(), 2);
        QCOMPARE(table->rows[0].keys, (QStringList{QString(), QStringLiteral("cc-2"), QStringLiteral("warehouse:wh")}));
        QCOMPARE(table->rows[1].keys, (QStringList{QStringLiteral("42"), QStringLiteral("cc-1"), QStringLiteral("job:42")}));
        QVERIFY(!reports::parseDimensions(QStringLiteral("tag:")));
        QVERIFY(!reports::parseDimensions(QStringLiteral("tag:x")));  // no key list given
    }
};

QTEST_GUILESS_MAIN(TestAsOf)
#include "tst_asof.moc"

// Quality figures (reports/quality.h) on the hand-built account of healthfixture.h: totals,
// unpriced usage, tag coverage and stale sources against figures worked out by hand, and the
// unattributed share against an independent computation over the attribution's allocations.
#include "healthfixture.h"
#include "reports/quality.h"

using namespace ll;
using test::health::kUnit;

namespace {

// Unattributed cost straight from ledger lines and attr_allocation, not from metrics.
std::int64_t unattributedFromAllocations(store::Database &db, const QString &from)
{
    auto stmt = db.prepare("SELECT coalesce(sum(CASE WHEN NOT EXISTS (SELECT 1 FROM attr_allocation a WHERE a.line_id = l.line_id) "
                           "THEN coalesce(l.cost_nanos, 0) ELSE (SELECT coalesce(sum(a.cost_nanos), 0) FROM attr_allocation a "
                           "WHERE a.line_id = l.line_id AND a.kind = 'unattributed') END), 0) FROM ledger_usage_line l WHERE l.usage_day >= ?");
    if (!stmt)
        return -1;
    stmt->bind(1, from);
    if (auto row = stmt->step(); !row || !*row)
        return -1;
    return stmt->int64(0);
}

} // namespace

class TestQuality : public QObject {
    Q_OBJECT
private:
    test::TempStore m_store;

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.ok(), qPrintable(m_store.error()));
        QVERIFY(test::health::buildAccount(m_store));
    }

    void basisPointsRoundHalfUp_data()
    {
        QTest::addColumn<qint64>("part");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("expected");
        QTest::addRow("zero total") << qint64(5) << qint64(0) << qint64(0);
        QTest::addRow("exact") << qint64(1) << qint64(4) << qint64(2500);
        QTest::addRow("half rounds up") << qint64(1) << qint64(20000) << qint64(1);
        QTest::addRow("below half") << qint64(1) << qint64(20001) << qint64(0);
        QTest::addRow("1/7") << qint64(1) << qint64(7) << qint64(1429);
        QTest::addRow("no overflow") << qint64(9'000'000'000'000'000'000) << qint64(9'000'000'000'000'000'000) << qint64(10000);
        // Credits and corrections make parts (or totals) negative: still exact, half up.
        QTest::addRow("negative exact") << qint64(-1) << qint64(4) << qint64(-2500);
        QTest::addRow("negative 1/7") << qint64(-1) << qint64(7) << qint64(-1429);
        QTest::addRow("negative half rounds up") << qint64(-1) << qint64(20000) << qint64(0);
        QTest::addRow("negative below half") << qint64(-1) << qint64(19999) << qint64(-1);
        QTest::addRow("negative total") << qint64(1) << qint64(-4) << qint64(-2500);
        QTest::addRow("both negative") << qint64(-1) << qint64(-4) << qint64(2500);
    }
    void basisPointsRoundHalfUp()
    {
        QFETCH(qint64, part);
        QFETCH(qint64, total);
        QFETCH(qint64, expected);
        QCOMPARE(reports::shareBasisPoints(part, total), expected);
    }

    void allTime()
    {
        reports::QualityQuery query;
        query.now = m_store.clock().now();
        auto q = reports::loadQuality(m_store.db(), query);
        QVERIFY(q);
        QCOMPARE(q->totalCostNanos, 11 * kUnit + kUnit / 2);
        QCOMPARE(q->unpricedLines, std::int64_t{1});
        QCOMPARE(q->unpricedQuantityNanos, 3 * kUnit);
        const std::int64_t unattributed = unattributedFromAllocations(m_store.db(), QStringLiteral("0000-00-00"));
        QVERIFY(unattributed >= 0);
        QCOMPARE(q->unattributedCostNanos, unattributed);
        QCOMPARE(q->unattributedBasisPoints, (unattributed * 10000 + q->totalCostNanos / 2) / q->totalCostNanos);

        // env: r1 5 + r4 3 = 8 of 11.5 = 6956.52 bp; team/Team one key: r1 5 + r2 2 (+ r6 unpriced 0) = 7 -> 6086.96 bp.
        QCOMPARE(q->tagCoverage.size(), 2);
        QCOMPARE(q->tagCoverage[0].key, QStringLiteral("env"));
        QCOMPARE(q->tagCoverage[0].coveredCostNanos, 8 * kUnit);
        QCOMPARE(q->tagCoverage[0].basisPoints, std::int64_t{6957});
        QCOMPARE(q->tagCoverage[1].key, QStringLiteral("team")); // "team" on r1 and r6, "Team" on r2
        QCOMPARE(q->tagCoverage[1].coveredCostNanos, 7 * kUnit);
        QCOMPARE(q->tagCoverage[1].basisPoints, std::int64_t{6087});

        // Billing's newest event (27 Nov 09:00) is within 48 h of 28 Nov 12:00; query history
        // was unavailable (never read); clusters are a dimension table and never stale.
        QCOMPARE(q->staleSources.size(), 1);
        QCOMPARE(q->staleSources[0].source, QStringLiteral("query_history"));
        QCOMPARE(q->staleSources[0].status, QStringLiteral("unavailable"));
        QVERIFY(!q->staleSources[0].lagSeconds);
    }

    void dateRange()
    {
        reports::QualityQuery query;
        query.from = QDate(2026, 11, 26);
        query.now = m_store.clock().now();
        auto q = reports::loadQuality(m_store.db(), query);
        QVERIFY(q);
        // r4 (25 Nov) is outside: 8 + 0.5 = 8.5; team 7 -> 8235.29 bp, env 5 -> 5882.35 bp.
        QCOMPARE(q->totalCostNanos, 8 * kUnit + kUnit / 2);
        QCOMPARE(q->unattributedCostNanos, unattributedFromAllocations(m_store.db(), QStringLiteral("2026-11-26")));
        QCOMPARE(q->tagCoverage.size(), 2);
        QCOMPARE(q->tagCoverage[0].key.toLower(), QStringLiteral("team"));
        QCOMPARE(q->tagCoverage[0].basisPoints, std::int64_t{8235});
        QCOMPARE(q->tagCoverage[1].basisPoints, std::int64_t{5882});

        query.from = QDate(2026, 12, 1);
        auto empty = reports::loadQuality(m_store.db(), query);
        QVERIFY(empty);
        QCOMPARE(empty->totalCostNanos, std::int64_t{0});
        QCOMPARE(empty->unattributedBasisPoints, std::int64_t{0});
        QVERIFY(empty->tagCoverage.isEmpty());
    }

    void staleAfterTwoDays()
    {
        reports::QualityQuery query;
        query.now = QDateTime(QDate(2026, 12, 5), QTime(0, 0), Qt::UTC);
        auto q = reports::loadQuality(m_store.db(), query);
        QVERIFY(q);
        QCOMPARE(q->staleSources.size(), 2);
        QCOMPARE(q->staleSources[0].source, QStringLiteral("billing_usage"));
        QCOMPARE(q->staleSources[0].newestEventTime, QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
        QCOMPARE(*q->staleSources[0].lagSeconds, std::int64_t{(7 * 24 + 15) * 3600});
    }
};

QTEST_GUILESS_MAIN(TestQuality)
#include "tst_quality.moc"

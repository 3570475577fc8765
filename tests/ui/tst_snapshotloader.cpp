// SnapshotLoader delivers the newest load only, and stops a stale one: its queries are
// interrupted instead of running on to a result nobody reads.
#include "common/snapshotloader.h"
#include "tempstore.h"

#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <memory>

using namespace ll;
using namespace ll::ui;

namespace {

// Counts to 200 million in SQLite: many seconds unless interrupted.
Result<qint64> slowCount(store::Database &db)
{
    auto v = db.queryInt("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000000) SELECT count(*) FROM c");
    if (!v)
        return v.error();
    return v->value_or(-1);
}

} // namespace

class TestSnapshotLoader : public QObject {
    Q_OBJECT
private slots:
    void newerLoadInterruptsTheStaleOne()
    {
        test::TempStore store;
        SnapshotLoader loader(store.path());
        auto staleOutcome = std::make_shared<std::atomic<int>>(0); // 1: interrupted, 2: ran to the end
        auto started = std::make_shared<std::atomic<bool>>(false);
        int staleDelivered = 0;
        loader.load<qint64>(
            [staleOutcome, started](store::Database &db) -> Result<qint64> {
                started->store(true);
                auto r = slowCount(db);
                staleOutcome->store(!r && r.error().code == ErrorCode::Cancelled ? 1 : 2);
                return r;
            },
            [&staleDelivered](Result<qint64>) { ++staleDelivered; });
        QTRY_VERIFY_WITH_TIMEOUT(started->load(), 10000);

        std::optional<qint64> fresh;
        loader.load<qint64>([](store::Database &db) -> Result<qint64> { return db.queryInt("SELECT 42")->value_or(-1); },
            [&fresh](Result<qint64> r) { fresh = r ? *r : -1; });
        QTRY_VERIFY_WITH_TIMEOUT(fresh.has_value(), 10000);
        QCOMPARE(*fresh, 42);
        QTRY_VERIFY_WITH_TIMEOUT(staleOutcome->load() != 0, 10000);
        QCOMPARE(staleOutcome->load(), 1); // interrupted, not run to its end
        QCOMPARE(staleDelivered, 0);
        QVERIFY(!loader.isLoading());
    }

    void cancelInterruptsAndDeliversNothing()
    {
        test::TempStore store;
        SnapshotLoader loader(store.path());
        QSignalSpy loading(&loader, &SnapshotLoader::loadingChanged);
        auto outcome = std::make_shared<std::atomic<int>>(0);
        auto started = std::make_shared<std::atomic<bool>>(false);
        bool delivered = false;
        loader.load<qint64>(
            [outcome, started](store::Database &db) -> Result<qint64> {
                started->store(true);
                auto r = slowCount(db);
                outcome->store(!r && r.error().code == ErrorCode::Cancelled ? 1 : 2);
                return r;
            },
            [&delivered](Result<qint64>) { delivered = true; });
        QTRY_VERIFY_WITH_TIMEOUT(started->load(), 10000);
        loader.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(outcome->load() != 0, 10000);
        QCOMPARE(outcome->load(), 1);
        QTest::qWait(50); // let the watcher's finished() arrive
        QVERIFY(!delivered);
        QVERIFY(!loader.isLoading());
        QCOMPARE(loading.size(), 2); // true, then false at cancel()
    }

    void aReadWriteTaskIsNeverInterrupted()
    {
        test::TempStore store;
        SnapshotLoader loader(store.path());
        loader.setAccess(SnapshotLoader::Access::ReadWrite);
        auto outcome = std::make_shared<std::atomic<int>>(0);
        auto started = std::make_shared<std::atomic<bool>>(false);
        loader.load<qint64>(
            [outcome, started](store::Database &db) -> Result<qint64> {
                started->store(true);
                auto r =
                    db.queryInt("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) FROM c");
                outcome->store(r ? 2 : 1);
                return r ? Result<qint64>(r->value_or(-1)) : Result<qint64>(r.error());
            },
            [](Result<qint64>) {});
        QTRY_VERIFY_WITH_TIMEOUT(started->load(), 10000);
        loader.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(outcome->load() != 0, 60000);
        QCOMPARE(outcome->load(), 2); // a user's own write runs to its end
    }
};

QTEST_MAIN(TestSnapshotLoader)
#include "tst_snapshotloader.moc"

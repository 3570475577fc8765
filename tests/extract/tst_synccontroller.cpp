#include "connection/synccontroller.h"
#include "syncfixture.h"
#include "tempstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace ll;
using namespace ll::test;

namespace {

ui::SyncRequest requestFor(const FakeDatabricks &fake)
{
    ui::SyncRequest r;
    r.client = fastClient(fake);
    r.credentials = {credentials::AuthType::OAuthM2M, {}, fake.clientId, fake.clientSecret, {}};
    r.options = fastDirect();
    // The worker's clock is the system clock: read the fake's rows relative to its "now".
    r.options.since = kNow.addDays(-10);
    return r;
}

} // namespace

class TestSyncController : public QObject {
    Q_OBJECT
private slots:
    void syncsOnAWorkerThread()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        TempStore store;
        QVERIFY(store.ok());
        ui::SyncController controller(store.path());
        QSignalSpy finished(&controller, &ui::SyncController::finished);
        QSignalSpy sources(&controller, &ui::SyncController::sourceFinished);
        QSignalSpy progress(&controller, &ui::SyncController::progressChanged);
        QVERIFY(controller.start(requestFor(fake)));
        QVERIFY(controller.isRunning());
        QVERIFY(!controller.start(requestFor(fake))); // one at a time
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
        QVERIFY(!controller.isRunning());
        QVERIFY(sources.size() >= 15);
        QVERIFY(progress.size() > 0);
        QVERIFY(scalar(store.db(), "SELECT count(*) FROM ledger_usage_line") > 200);
    }

    void cancelStopsTheSync()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        fake.pendingPolls = 1000000; // the first statement never finishes
        TempStore store;
        ui::SyncController controller(store.path());
        QSignalSpy finished(&controller, &ui::SyncController::finished);
        QVERIFY(controller.start(requestFor(fake)));
        QTRY_VERIFY_WITH_TIMEOUT(fake.statements.size() > 0, 10000);
        controller.cancel();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().at(1).toString(), QStringLiteral("cancelled"));
        QTRY_COMPARE_WITH_TIMEOUT(fake.cancelCalls, 1, 5000);
    }

    void destroyingTheControllerMidSyncLeavesAConsistentStore()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        fake.pendingPolls = 1000000;
        TempStore store;
        {
            ui::SyncController controller(store.path());
            QVERIFY(controller.start(requestFor(fake)));
            QTRY_VERIFY_WITH_TIMEOUT(fake.statements.size() > 0, 10000);
        } // cancels and waits
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_batch WHERE status = 'running'"), 0);
    }
};

QTEST_MAIN(TestSyncController)
#include "tst_synccontroller.moc"

// The Insights view's plan pane against the fake workspace: the plan of the selected insight with
// its steps, reject without a comment refused, approve, a dry run that sends no write, apply after
// approval sending exactly the approved change, the step outcome shown, no connection explained,
// and export with its rollback file.
#include "../core/planfixture.h"

#include "plans/planpane.h"
#include "plans/planstepmodel.h"
#include "plans/planstore.h"
#include "plans/plansync.h"
#include "tempstore.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace ll;
using namespace ll::ui;

class TestPlanPane : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeDatabricks> server;

    std::int64_t seedPlan(test::TempStore &store)
    {
        const auto finding = test::addFinding(store.db(), QStringLiteral("long_autotermination"), QStringLiteral("cluster"),
            QStringLiteral("c1"), test::autoterminationEvidence(), test::clusterLines(QStringLiteral("c1")));
        if (finding < 0 || !plans::syncPlans(store.db(), store.clock()))
            return -1;
        return finding;
    }

    plans::PlanStatus statusIn(test::TempStore &store)
    {
        auto all = plans::loadPlans(store.db());
        return all && !all->isEmpty() ? all->first().status : plans::PlanStatus::Superseded;
    }

private slots:
    void init()
    {
        server = std::make_unique<test::FakeDatabricks>();
        QVERIFY(server->start());
        test::seedWorkspace(*server);
        server->requests.clear();
    }

    void cleanup() { server.reset(); }

    void reviewDryRunApplyAndExport()
    {
        test::TempStore store;
        const std::int64_t finding = seedPlan(store);
        QVERIFY(finding > 0);
        PlanPane pane(store.path());
        QAbstractItemModelTester tester(pane.steps(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy finished(&pane, &PlanPane::actionFinished);
        pane.showFinding(finding);
        QTRY_VERIFY_WITH_TIMEOUT(pane.plan().has_value() && !pane.isBusy(), 20000);
        QCOMPARE(pane.plan()->status, plans::PlanStatus::Pending);
        QCOMPARE(pane.steps()->rowCount(), 1);
        QCOMPARE(pane.steps()->index(0, PlanStepModel::Before).data().toString(), QStringLiteral("autotermination_minutes = 0"));
        QCOMPARE(pane.steps()->index(0, PlanStepModel::After).data().toString(), QStringLiteral("autotermination_minutes = 30"));

        // No connection in this session: a dry run says how to connect and sends nothing.
        pane.dryRun();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY2(pane.status().contains(QLatin1String("Settings")), qPrintable(pane.status()));
        QVERIFY(server->requests.isEmpty());

        // A rejection needs a comment.
        pane.reject(QStringLiteral("  "));
        QCOMPARE(finished.size(), 2);
        QCOMPARE(statusIn(store), plans::PlanStatus::Pending);

        pane.approve(QStringLiteral("agreed with the owner"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, 20000);
        QCOMPARE(finished.at(2).at(0).toBool(), true);
        QTRY_VERIFY_WITH_TIMEOUT(!pane.isBusy() && pane.plan()->status == plans::PlanStatus::Approved, 20000);
        QCOMPARE(statusIn(store), plans::PlanStatus::Approved);

        SyncRequest request;
        request.client = test::planClientOptions(*server);
        request.credentials = test::patCredentials(*server);
        pane.setConnectionProvider([request] { return std::optional<SyncRequest>(request); });
        pane.dryRun();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 4, 30000);
        QVERIFY2(finished.at(3).at(0).toBool(), qPrintable(pane.status()));
        QVERIFY(!pane.diffText().isEmpty());
        QVERIFY(server->writes().isEmpty()); // read only
        QVERIFY(!server->requests.isEmpty());

        pane.apply();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 5, 30000);
        QVERIFY2(finished.at(4).at(0).toBool(), qPrintable(pane.status()));
        const auto writes = server->writes();
        QCOMPARE(writes.size(), 1);
        QCOMPARE(writes.first().first, QStringLiteral("/api/2.1/clusters/update"));
        QCOMPARE(
            writes.first().second.value(QStringLiteral("cluster")).toObject().value(QStringLiteral("autotermination_minutes")).toInt(), 30);
        QTRY_VERIFY_WITH_TIMEOUT(!pane.isBusy() && pane.plan()->status == plans::PlanStatus::Applied, 20000);
        QCOMPARE(
            pane.steps()->index(0, PlanStepModel::Outcome).data().toString(), PlanStepModel::outcomeLabel(plans::StepOutcome::Applied));

        const QString md = store.dir() + QStringLiteral("/plan.md");
        pane.exportTo(plans::ExportFormat::Markdown, md);
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 6, 20000);
        QVERIFY2(finished.at(5).at(0).toBool(), qPrintable(pane.status()));
        QVERIFY(QFile::exists(md));
        QVERIFY(QFile::exists(plans::rollbackPath(md)));
    }

    void anInsightWithoutPlanSaysSo()
    {
        test::TempStore store;
        const auto finding = test::addFinding(
            store.db(), QStringLiteral("tag_hygiene"), QStringLiteral("account"), QStringLiteral("account"), QJsonObject{});
        QVERIFY(finding > 0);
        PlanPane pane(store.path());
        pane.showFinding(finding);
        QTRY_VERIFY_WITH_TIMEOUT(!pane.isBusy(), 20000);
        QVERIFY(!pane.plan().has_value());
        QCOMPARE(pane.steps()->rowCount(), 0);
    }
};

QTEST_MAIN(TestPlanPane)
#include "tst_planpane.moc"

// `lakeledger-cli plans ...` and `report savings` as a user runs them, against the fake
// workspace: list/show, approve, reject without a comment, apply --dry-run (no write), apply
// --yes of an unapproved plan (refused, non-zero), apply --yes (the approved change only), a
// stale plan refused, export with rollback.
#include "../core/planfixture.h"

#include "plans/planstore.h"
#include "plans/plansync.h"
#include "tempstore.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ll;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Asynchronous, so this process's event loop keeps serving the fake while the CLI runs.
Run cli(const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(qEnvironmentVariable("LAKELEDGER_CLI"), args);
    Run r;
    if (!finished.wait(50000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestCliPlans : public QObject {
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<test::FakeDatabricks> server;
    std::unique_ptr<test::TempStore> store;
    std::int64_t planId = 0;

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const QString &k : e.keys())
            if (k.startsWith(QLatin1String("DATABRICKS_")))
                e.remove(k);
        e.insert(QStringLiteral("HOME"), m_home.path());
        e.insert(QStringLiteral("DATABRICKS_HOST"), server->url());
        e.insert(QStringLiteral("DATABRICKS_TOKEN"), server->pat);
        return e;
    }

    Run plans(const QStringList &args)
    {
        return cli(QStringList{QStringLiteral("--store"), store->path(), QStringLiteral("plans")} + args, env());
    }

private slots:
    void init()
    {
        server = std::make_unique<test::FakeDatabricks>();
        QVERIFY(server->start());
        test::seedWorkspace(*server);
        store = std::make_unique<test::TempStore>();
        QVERIFY(test::addFinding(store->db(), QStringLiteral("long_autotermination"), QStringLiteral("cluster"), QStringLiteral("c1"),
                    test::autoterminationEvidence(), test::clusterLines(QStringLiteral("c1")))
            > 0);
        QVERIFY(plans::syncPlans(store->db(), store->clock()));
        planId = plans::loadPlans(store->db())->first().planId;
    }

    void cleanup()
    {
        store.reset();
        server.reset();
    }

    void listAndShow()
    {
        const Run list = plans({QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        const QList<QByteArray> lines = list.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QCOMPARE(lines[0].trimmed(),
            QByteArray("plan_id,insight_id,insight_type,status,target_type,target_id,target_name,"
                       "estimated_monthly_savings,currency,title"));
        QVERIFY(lines[1].startsWith(QByteArray::number(planId) + ",1,long_autotermination,pending,cluster,c1,"));
        QVERIFY(lines[1].contains(",120.00,USD,"));
        const Run none = plans({QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("approved")});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(none.out.trimmed().split('\n').size(), 1);
        QCOMPARE(plans({QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("bogus")}).exitCode, 2);
        const Run show = plans({QStringLiteral("show"), QString::number(planId)});
        QCOMPARE(show.exitCode, 0);
        QVERIFY(show.out.contains("/api/2.1/clusters/update"));
        QVERIFY(show.out.contains("before {\"autotermination_minutes\":0} -> after {\"autotermination_minutes\":30}"));
        QVERIFY(show.out.contains("Risk: "));
        QCOMPARE(plans({QStringLiteral("show"), QStringLiteral("999")}).exitCode, 1);
    }

    void unapprovedApplyIsRefused()
    {
        const Run r = plans({QStringLiteral("apply"), QString::number(planId), QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("only an approved plan can be applied"));
        QVERIFY(server->requests.isEmpty());
        QCOMPARE(plans({QStringLiteral("apply"), QString::number(planId)}).exitCode, 2); // neither --dry-run nor --yes
    }

    void rejectNeedsAComment()
    {
        QCOMPARE(plans({QStringLiteral("reject"), QString::number(planId)}).exitCode, 2);
        QCOMPARE(plans::loadPlan(store->db(), planId)->status, plans::PlanStatus::Pending);
        const Run r = plans({QStringLiteral("reject"), QString::number(planId), QStringLiteral("--comment"), QStringLiteral("not now")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(plans::loadPlan(store->db(), planId)->status, plans::PlanStatus::Rejected);
    }

    void approveDryRunApply()
    {
        const Run approve = plans({QStringLiteral("approve"), QString::number(planId), QStringLiteral("--comment"), QStringLiteral("ok")});
        QCOMPARE(approve.exitCode, 0);
        QVERIFY(approve.err.contains("approved"));

        const Run dry = plans({QStringLiteral("apply"), QString::number(planId), QStringLiteral("--dry-run")});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains("autotermination_minutes: now 0; plan 0 -> 30"), dry.out.constData());
        QVERIFY(server->writes().isEmpty());

        const Run apply = plans({QStringLiteral("apply"), QString::number(planId), QStringLiteral("--yes")});
        QCOMPARE(apply.exitCode, 0);
        QVERIFY(apply.out.contains("step 1 applied (HTTP 200)"));
        const auto writes = server->writes();
        QCOMPARE(writes.size(), 1);
        QCOMPARE(writes.first().first, QStringLiteral("/api/2.1/clusters/update"));
        QCOMPARE(server->cluster(QStringLiteral("c1")).value(QLatin1String("autotermination_minutes")).toInt(), 30);
        QVERIFY(!apply.out.contains(server->pat.toUtf8()) && !apply.err.contains(server->pat.toUtf8()));
        QCOMPARE(plans::loadPlan(store->db(), planId)->status, plans::PlanStatus::Applied);

        const Run savings = cli({QStringLiteral("--store"), store->path(), QStringLiteral("report"), QStringLiteral("savings")}, env());
        QCOMPARE(savings.exitCode, 0);
        QVERIFY(savings.out.startsWith("plan_id,insight_type,target,estimated_monthly,realised_monthly,window,status,currency"));
        QVERIFY2(savings.out.contains("measuring: 0 of 14 days"), savings.out.constData());
    }

    void staleApplyIsRefused()
    {
        QCOMPARE(plans({QStringLiteral("approve"), QString::number(planId)}).exitCode, 0);
        server->clusters[0].insert(QStringLiteral("autotermination_minutes"), 60);
        const Run r = plans({QStringLiteral("apply"), QString::number(planId), QStringLiteral("--yes")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains("autotermination_minutes is now 60"), r.out.constData());
        QVERIFY(server->writes().isEmpty());
        QCOMPARE(plans::loadPlan(store->db(), planId)->status, plans::PlanStatus::Pending);
    }

    void exportWritesPlanAndRollback()
    {
        const QString out = store->dir() + QStringLiteral("/ticket.md");
        const Run r = plans({QStringLiteral("export"), QString::number(planId), QStringLiteral("--format"), QStringLiteral("md"),
            QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 0);
        QFile plan(out), rollback(store->dir() + QStringLiteral("/ticket.rollback.md"));
        QVERIFY(plan.open(QIODevice::ReadOnly));
        QVERIFY(rollback.open(QIODevice::ReadOnly));
        QVERIFY(plan.readAll().contains("\"autotermination_minutes\":30"));
        QVERIFY(rollback.readAll().contains("\"autotermination_minutes\":0"));
        QCOMPARE(plans({QStringLiteral("export"), QString::number(planId), QStringLiteral("--format"), QStringLiteral("pdf"),
                           QStringLiteral("--out"), out})
                     .exitCode,
            2);
    }
};

QTEST_GUILESS_MAIN(TestCliPlans)
#include "tst_cli_plans.moc"

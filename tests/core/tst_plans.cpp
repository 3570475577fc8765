// Action plans against the fake workspace: generated from insights with exact before/after,
// approved, dry-run and applied (the server receives exactly the approved change), refused when
// unapproved or stale, stopped by a failing step, undone by the rollback file, superseded when
// the insight resolves, and kept through a rebuild.
#include "planfixture.h"

#include "demo/demosource.h"
#include "job/job.h"
#include "plans/planapplier.h"
#include "plans/planexport.h"
#include "plans/planreview.h"
#include "plans/planstore.h"
#include "plans/plansync.h"
#include "plans/realisedsavings.h"
#include "tempstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace ll;

namespace {

std::int64_t count(store::Database &db, const QByteArray &sql) { return db.queryInt(sql)->value_or(-1); }

QJsonObject obj(const char *json) { return QJsonDocument::fromJson(json).object(); }

plans::Plan onlyPlan(store::Database &db)
{
    auto all = plans::loadPlans(db);
    if (!all || all->size() != 1)
        return {};
    return *plans::loadPlan(db, all->first().planId);
}

} // namespace

class TestPlans : public QObject {
    Q_OBJECT

    std::unique_ptr<test::FakeDatabricks> server;
    CancelToken cancel;

    std::unique_ptr<extract::DatabricksClient> client()
    {
        return std::make_unique<extract::DatabricksClient>(test::planClientOptions(*server), test::patCredentials(*server), cancel);
    }

    // One long_autotermination insight on c1, its plan generated and approved.
    std::int64_t approvedAutotermination(test::TempStore &store)
    {
        const auto finding = test::addFinding(store.db(), QStringLiteral("long_autotermination"), QStringLiteral("cluster"),
            QStringLiteral("c1"), test::autoterminationEvidence(), test::clusterLines(QStringLiteral("c1")));
        if (finding < 0 || !plans::syncPlans(store.db(), store.clock()))
            return -1;
        const auto id = onlyPlan(store.db()).planId;
        return plans::approvePlan(store.db(), store.clock(), id, QStringLiteral("alice"), QStringLiteral("agreed with the ML team")) ? id
                                                                                                                                     : -1;
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

    void generatesExactStepsFromEvidence()
    {
        test::TempStore store;
        const auto finding = test::addFinding(store.db(), QStringLiteral("long_autotermination"), QStringLiteral("cluster"),
            QStringLiteral("c1"), test::autoterminationEvidence(), test::clusterLines(QStringLiteral("c1")));
        auto stats = plans::syncPlans(store.db(), store.clock());
        QVERIFY(stats);
        QCOMPARE(stats->created, 1);
        const plans::Plan p = onlyPlan(store.db());
        QCOMPARE(p.findingId, finding);
        QCOMPARE(p.status, plans::PlanStatus::Pending);
        QCOMPARE(p.targetType, QStringLiteral("cluster"));
        QCOMPARE(p.targetId, QStringLiteral("c1"));
        QCOMPARE(p.estimatedMonthlyNanos, std::int64_t{120'000'000'000});
        QVERIFY(p.risk.contains(QStringLiteral("RUNNING cluster restarts")));
        QCOMPARE(p.steps.size(), 1);
        const plans::PlanStep &s = p.steps.first();
        QCOMPARE(s.kind, plans::StepKind::ClusterUpdate);
        QCOMPARE(s.path, QStringLiteral("/api/2.1/clusters/update"));
        QCOMPARE(s.body, obj(R"({"cluster_id":"c1","update_mask":"autotermination_minutes","cluster":{"autotermination_minutes":30}})"));
        QCOMPARE(s.before, obj(R"({"autotermination_minutes":0})"));
        QCOMPARE(s.after, obj(R"({"autotermination_minutes":30})"));

        // Regenerated in place: same id, nothing new.
        stats = plans::syncPlans(store.db(), store.clock());
        QVERIFY(stats);
        QCOMPARE(stats->created, 0);
        QCOMPARE(onlyPlan(store.db()).planId, p.planId);
    }

    void stepsPerInsightType_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("scopeType");
        QTest::addColumn<QString>("scopeId");
        QTest::addColumn<QJsonObject>("evidence");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QJsonObject>("before");
        QTest::addColumn<int>("steps");
        QTest::addRow("always_on_warehouse 0 -> 10")
            << "always_on_warehouse"
            << "warehouse"
            << "wh1" << obj(R"({"warehouse_id":"wh1","auto_stop_minutes":0,"target_auto_stop_minutes":10})")
            << "/api/2.0/sql/warehouses/wh1/edit" << obj(R"({"id":"wh1","auto_stop_mins":10})") << obj(R"({"auto_stop_mins":0})") << 1;
        QTest::addRow("idle_warehouse 120 -> default target")
            << "idle_warehouse"
            << "warehouse"
            << "wh1" << obj(R"({"warehouse_id":"wh1","auto_stop_minutes":120})") << "/api/2.0/sql/warehouses/wh1/edit"
            << obj(R"({"id":"wh1","auto_stop_mins":10})") << obj(R"({"auto_stop_mins":120})") << 1;
        QTest::addRow("idle_cluster terminate") << "idle_cluster"
                                                << "cluster"
                                                << "c1" << obj(R"({"cluster_id":"c1","auto_termination_minutes":60})")
                                                << "/api/2.1/clusters/delete" << obj(R"({"cluster_id":"c1"})") << QJsonObject() << 1;
        QTest::addRow("runaway_run cancels only the running one")
            << "runaway_run"
            << "job"
            << "77" << test::runawayEvidence({QStringLiteral("RUNNING"), QStringLiteral("SUCCESS")}) << "/api/2.1/jobs/runs/cancel"
            << obj(R"({"run_id":9001})") << obj(R"({"run_id":"9001","state":"RUNNING"})") << 1;
        QTest::addRow("oversized warehouse max clusters")
            << "oversized_compute"
            << "warehouse"
            << "wh1" << obj(R"({"warehouse_id":"wh1","min_clusters":1,"max_clusters":4})") << "/api/2.0/sql/warehouses/wh1/edit"
            << obj(R"({"id":"wh1","max_num_clusters":1})") << obj(R"({"max_num_clusters":4})") << 1;
    }

    void stepsPerInsightType()
    {
        QFETCH(QString, kind);
        QFETCH(QString, scopeType);
        QFETCH(QString, scopeId);
        QFETCH(QJsonObject, evidence);
        QFETCH(QString, path);
        QFETCH(QJsonObject, body);
        QFETCH(QJsonObject, before);
        QFETCH(int, steps);
        test::TempStore store;
        QVERIFY(test::addFinding(store.db(), kind, scopeType, scopeId, evidence) > 0);
        QVERIFY(plans::syncPlans(store.db(), store.clock()));
        const plans::Plan p = onlyPlan(store.db());
        QCOMPARE(p.steps.size(), steps);
        QCOMPARE(p.steps.first().path, path);
        QCOMPARE(p.steps.first().body, body);
        QCOMPARE(p.steps.first().before, before);
    }

    void nothingToChangeMakesNoPlan()
    {
        test::TempStore store;
        // Auto-stop already at the target; no run still going.
        QVERIFY(test::addFinding(store.db(), QStringLiteral("idle_warehouse"), QStringLiteral("warehouse"), QStringLiteral("wh1"),
                    obj(R"({"warehouse_id":"wh1","auto_stop_minutes":10})"))
            > 0);
        QVERIFY(test::addFinding(store.db(), QStringLiteral("runaway_run"), QStringLiteral("job"), QStringLiteral("77"),
                    test::runawayEvidence({QStringLiteral("SUCCESS")}))
            > 0);
        QVERIFY(plans::syncPlans(store.db(), store.clock()));
        QCOMPARE(count(store.db(), "SELECT count(*) FROM action_plan"), std::int64_t{0});
    }

    void approvedAndAppliedSendsExactlyTheApprovedChange()
    {
        test::TempStore store;
        const auto id = approvedAutotermination(store);
        QVERIFY(id > 0);
        const plans::Plan approved = *plans::loadPlan(store.db(), id);
        QCOMPARE(approved.status, plans::PlanStatus::Approved);
        QCOMPARE(approved.approvedBy, QStringLiteral("alice"));
        QCOMPARE(approved.approvedStepsText, plans::stepsText(approved.steps));
        QCOMPARE(approved.approvedStepsSha256, plans::stepsSha256(approved.steps));

        auto c = client();
        plans::PlanApplier applier(store.db(), store.clock(), *c);
        QList<int> progress;
        auto report = applier.apply(id, QStringLiteral("alice"), cancel, [&progress](int step, int, const QString &) { progress << step; });
        QVERIFY2(report, report ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->status, plans::PlanStatus::Applied);
        QVERIFY(!progress.isEmpty());

        // Exactly one write: the approved body, nothing else.
        const auto writes = server->writes();
        QCOMPARE(writes.size(), 1);
        QCOMPARE(writes.first().first, QStringLiteral("/api/2.1/clusters/update"));
        QCOMPARE(writes.first().second, approved.steps.first().body);
        QCOMPARE(server->cluster(QStringLiteral("c1")).value(QLatin1String("autotermination_minutes")).toInt(), 30);
        QCOMPARE(server->cluster(QStringLiteral("c1")).value(QLatin1String("num_workers")).toInt(), 8); // untouched

        const plans::Plan applied = *plans::loadPlan(store.db(), id);
        QCOMPARE(applied.status, plans::PlanStatus::Applied);
        QCOMPARE(applied.steps.first().outcome, plans::StepOutcome::Applied);
        QCOMPARE(applied.steps.first().responseStatus, std::optional<int>(200));
        QVERIFY(applied.steps.first().appliedAt);
        QCOMPARE(applied.baselineTo, QStringLiteral("2026-11-27"));
        QCOMPARE(applied.baselineFrom, QStringLiteral("2026-11-14")); // 14 days like the insight's window
        for (const char *action : {"plan.create", "plan.approve", "plan.step", "plan.apply"})
            QVERIFY2(count(store.db(), QByteArray("SELECT count(*) FROM app_audit_log WHERE action = '") + action + "'") == 1, action);
        // The secret is never stored.
        QCOMPARE(
            count(store.db(), "SELECT count(*) FROM action_plan_step WHERE response_excerpt LIKE '%dapi-fake-token%'"), std::int64_t{0});
    }

    void dryRunSendsNoWrite()
    {
        test::TempStore store;
        const auto id = approvedAutotermination(store);
        auto c = client();
        plans::PlanApplier applier(store.db(), store.clock(), *c);
        auto report = applier.dryRun(id);
        QVERIFY(report);
        QVERIFY(!report->refused);
        QCOMPARE(report->checks.size(), 1);
        QCOMPARE(report->checks.first().verdict, plans::StepVerdict::Ready);
        QVERIFY(report->diffText().contains(QStringLiteral("autotermination_minutes: now 0; plan 0 -> 30")));
        QVERIFY(report->diffText().contains(QStringLiteral("RUNNING: the edit restarts it")));
        QVERIFY(server->writes().isEmpty());
        QVERIFY(!server->requests.isEmpty()); // it did read the state
        QCOMPARE(plans::loadPlan(store.db(), id)->status, plans::PlanStatus::Approved);
    }

    void unapprovedPlanIsRefused()
    {
        test::TempStore store;
        QVERIFY(test::addFinding(store.db(), QStringLiteral("long_autotermination"), QStringLiteral("cluster"), QStringLiteral("c1"),
                    test::autoterminationEvidence())
            > 0);
        QVERIFY(plans::syncPlans(store.db(), store.clock()));
        const auto id = onlyPlan(store.db()).planId;
        auto c = client();
        plans::PlanApplier applier(store.db(), store.clock(), *c);
        auto report = applier.apply(id, QStringLiteral("alice"), cancel);
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::InvalidArgument);
        QVERIFY(server->requests.isEmpty());
        QCOMPARE(plans::loadPlan(store.db(), id)->status, plans::PlanStatus::Pending);
    }

    void stalePlanIsRefusedAndNeedsReapproval()
    {
        test::TempStore store;
        const auto id = approvedAutotermination(store);
        // Someone set auto-termination by hand after the approval.
        server->clusters[0].insert(QStringLiteral("autotermination_minutes"), 45);
        auto c = client();
        plans::PlanApplier applier(store.db(), store.clock(), *c);
        auto report = applier.apply(id, QStringLiteral("alice"), cancel);
        QVERIFY(report);
        QVERIFY(report->refused);
        QVERIFY(report->stale);
        QCOMPARE(report->status, plans::PlanStatus::Pending);
        QVERIFY(report->reason.contains(QStringLiteral("autotermination_minutes is now 45")));
        QVERIFY(server->writes().isEmpty());
        const plans::Plan p = *plans::loadPlan(store.db(), id);
        QCOMPARE(p.status, plans::PlanStatus::Pending);
        QVERIFY(p.approvedBy.isEmpty());
        QVERIFY(p.approvedStepsSha256.isEmpty());
        QVERIFY(!p.statusReason.isEmpty());
        // Applying again without a new approval is refused outright.
        QVERIFY(!applier.apply(id, QStringLiteral("alice"), cancel));
    }

    void jobClusterIsBlocked()
    {
        test::TempStore store;
        const auto id = approvedAutotermination(store);
        server->clusters[0].insert(QStringLiteral("cluster_source"), QStringLiteral("JOB"));
        auto c = client();
        plans::PlanApplier applier(store.db(), store.clock(), *c);
        auto report = applier.apply(id, QStringLiteral("alice"), cancel);
        QVERIFY(report);
        QVERIFY(report->refused);
        QVERIFY(!report->stale);
        QVERIFY(server->writes().isEmpty());
        QCOMPARE(plans::loadPlan(store.db(), id)->status, plans::PlanStatus::Approved);
    }

    void failingStepStopsThePlan_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("firstFails");
        QTest::addRow("400 on the second step: partially applied") << 400 << false;
        QTest::addRow("500 on the first step: failed") << 500 << true;
    }

    void failingStepStopsThePlan()
    {
        QFETCH(int, status);
        QFETCH(bool, firstFails);
        test::TempStore store;
        QVERIFY(test::addFinding(store.db(), QStringLiteral("runaway_run"), QStringLiteral("job"), QStringLiteral("77"),
                    test::runawayEvidence({QStringLiteral("RUNNING"), QStringLiteral("RUNNING")}))
            > 0);
        QVERIFY(plans::syncPlans(store.db(), store.clock()));
        const auto id = onlyPlan(store.db()).planId;
        QVERIFY(plans::approvePlan(store.db(), store.clock(), id, QStringLiteral("alice")));
        // The error echoes the request, Authorization header included: the excerpt must not.
        test::Fault fault;
        fault.pathContains = QStringLiteral("/jobs/runs/cancel");
        fault.kind = test::FaultKind::EchoHeaders;
        fault.status = status;
        fault.skip = firstFails ? 0 : 1;
        fault.count = -1;
        server->addFault(fault);
        auto c = client();
        plans::PlanApplier applier(store.db(), store.clock(), *c);
        auto report = applier.apply(id, QStringLiteral("alice"), cancel);
        QVERIFY(report);
        const plans::Plan p = *plans::loadPlan(store.db(), id);
        QCOMPARE(p.status, firstFails ? plans::PlanStatus::Failed : plans::PlanStatus::PartiallyApplied);
        QCOMPARE(p.steps.size(), 2);
        if (firstFails) {
            QCOMPARE(p.steps[0].outcome, plans::StepOutcome::Failed);
            QCOMPARE(p.steps[0].responseStatus, std::optional<int>(status));
            QCOMPARE(p.steps[1].outcome, plans::StepOutcome::Pending); // never sent
            QCOMPARE(server->run(QStringLiteral("9001"))
                         .value(QLatin1String("state"))
                         .toObject()
                         .value(QLatin1String("life_cycle_state"))
                         .toString(),
                QStringLiteral("RUNNING"));
        } else {
            QCOMPARE(p.steps[0].outcome, plans::StepOutcome::Applied);
            QCOMPARE(p.steps[0].responseStatus, std::optional<int>(200));
            QCOMPARE(p.steps[1].outcome, plans::StepOutcome::Failed);
            QCOMPARE(p.steps[1].responseStatus, std::optional<int>(400));
            QVERIFY(!p.steps[1].responseExcerpt.isEmpty());
        }
        for (const plans::PlanStep &s : p.steps)
            QVERIFY2(!s.responseExcerpt.contains(server->pat), qPrintable(s.responseExcerpt));
        QVERIFY(report->reason.contains(QStringLiteral("failed")));
        QCOMPARE(
            count(store.db(), "SELECT count(*) FROM app_audit_log WHERE action = 'plan.step' AND after LIKE 'failed%'"), std::int64_t{1});
    }

    void rollbackFileRestoresTheBeforeState()
    {
        test::TempStore store;
        const auto id = approvedAutotermination(store);
        auto c = client();
        plans::PlanApplier applier(store.db(), store.clock(), *c);
        QVERIFY(applier.apply(id, QStringLiteral("alice"), cancel));
        QCOMPARE(server->cluster(QStringLiteral("c1")).value(QLatin1String("autotermination_minutes")).toInt(), 30);

        const QString path = store.dir() + QStringLiteral("/plan.json");
        auto files =
            plans::exportPlan(store.db(), store.clock(), QStringLiteral("alice"), id, plans::ExportFormat::Json, path, store.path());
        QVERIFY(files);
        QCOMPARE(files->rollback, store.dir() + QStringLiteral("/plan.rollback.json"));
        QFile file(files->rollback);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject rollback = QJsonDocument::fromJson(file.readAll()).object();
        QCOMPARE(rollback.value(QLatin1String("kind")).toString(), QStringLiteral("rollback"));
        const QJsonArray steps = rollback.value(QLatin1String("steps")).toArray();
        QCOMPARE(steps.size(), 1);
        for (const QJsonValue &v : steps) {
            const QJsonObject step = v.toObject();
            QVERIFY(step.value(QLatin1String("possible")).toBool());
            QVERIFY(c->post(
                step.value(QLatin1String("path")).toString(), step.value(QLatin1String("body")).toObject(), QStringLiteral("rollback")));
        }
        QCOMPARE(server->cluster(QStringLiteral("c1")).value(QLatin1String("autotermination_minutes")).toInt(), 0);
        QCOMPARE(count(store.db(), "SELECT count(*) FROM app_audit_log WHERE action = 'plan.export'"), std::int64_t{1});
    }

    void warehouseRollbackRestores()
    {
        test::TempStore store;
        QVERIFY(test::addFinding(store.db(), QStringLiteral("always_on_warehouse"), QStringLiteral("warehouse"), QStringLiteral("wh1"),
                    obj(R"({"warehouse_id":"wh1","auto_stop_minutes":0,"target_auto_stop_minutes":10})"))
            > 0);
        QVERIFY(plans::syncPlans(store.db(), store.clock()));
        const auto id = onlyPlan(store.db()).planId;
        QVERIFY(plans::approvePlan(store.db(), store.clock(), id, QStringLiteral("alice")));
        auto c = client();
        plans::PlanApplier applier(store.db(), store.clock(), *c);
        auto report = applier.apply(id, QStringLiteral("alice"), cancel);
        QVERIFY(report && report->status == plans::PlanStatus::Applied);
        QCOMPARE(server->warehouse(QStringLiteral("wh1")).value(QLatin1String("auto_stop_mins")).toInt(), 10);
        for (const plans::RollbackStep &r : plans::rollbackSteps(*plans::loadPlan(store.db(), id)))
            QVERIFY(c->post(r.path, r.body, QStringLiteral("rollback")));
        QCOMPARE(server->warehouse(QStringLiteral("wh1")).value(QLatin1String("auto_stop_mins")).toInt(), 0);
    }

    void exportsEveryFormatWithRollback()
    {
        test::TempStore store;
        const auto id = approvedAutotermination(store);
        const plans::Plan p = *plans::loadPlan(store.db(), id);
        const QString md = QString::fromUtf8(plans::renderPlan(p, plans::ExportFormat::Markdown));
        QVERIFY(md.contains(QStringLiteral("# Action plan")));
        QVERIFY(md.contains(p.approvedStepsSha256));
        const QString csv = QString::fromUtf8(plans::renderPlan(p, plans::ExportFormat::Csv));
        QVERIFY(csv.startsWith(QStringLiteral("plan_id,ordinal,kind,method,path")));
        QVERIFY(csv.contains(QStringLiteral("/api/2.1/clusters/update")));
        const QString tf = QString::fromUtf8(plans::renderPlan(p, plans::ExportFormat::Terraform));
        QVERIFY(tf.contains(QStringLiteral("resource \"databricks_cluster\"")));
        QVERIFY(tf.contains(QStringLiteral("autotermination_minutes = 30")));
        const QString tfBack = QString::fromUtf8(plans::renderRollback(p, plans::ExportFormat::Terraform));
        QVERIFY(tfBack.contains(QStringLiteral("autotermination_minutes = 0")));
        QCOMPARE(plans::rollbackPath(QStringLiteral("/x/plan.md")), QStringLiteral("/x/plan.rollback.md"));
        QCOMPARE(plans::rollbackPath(QStringLiteral("/x/plan")), QStringLiteral("/x/plan.rollback"));
        // Never onto the store.
        auto refused =
            plans::exportPlan(store.db(), store.clock(), QStringLiteral("alice"), id, plans::ExportFormat::Csv, store.path(), store.path());
        QVERIFY(!refused);
    }

    void rejectNeedsAComment()
    {
        test::TempStore store;
        QVERIFY(test::addFinding(store.db(), QStringLiteral("long_autotermination"), QStringLiteral("cluster"), QStringLiteral("c1"),
                    test::autoterminationEvidence())
            > 0);
        QVERIFY(plans::syncPlans(store.db(), store.clock()));
        const auto id = onlyPlan(store.db()).planId;
        auto refused = plans::rejectPlan(store.db(), store.clock(), id, QStringLiteral("bob"), QStringLiteral("  "));
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(plans::loadPlan(store.db(), id)->status, plans::PlanStatus::Pending);
        auto rejected = plans::rejectPlan(store.db(), store.clock(), id, QStringLiteral("bob"), QStringLiteral("the team needs it warm"));
        QVERIFY(rejected);
        QCOMPARE(rejected->status, plans::PlanStatus::Rejected);
        QCOMPARE(plans::loadPlan(store.db(), id)->rejectedComment, QStringLiteral("the team needs it warm"));
        // A rejected plan cannot be approved, and no new plan appears behind the decision.
        QVERIFY(!plans::approvePlan(store.db(), store.clock(), id, QStringLiteral("bob")));
        QVERIFY(plans::syncPlans(store.db(), store.clock()));
        QCOMPARE(count(store.db(), "SELECT count(*) FROM action_plan"), std::int64_t{1});
    }

    void supersededWhenTheInsightResolves()
    {
        test::TempStore store;
        const auto finding = test::addFinding(store.db(), QStringLiteral("long_autotermination"), QStringLiteral("cluster"),
            QStringLiteral("c1"), test::autoterminationEvidence());
        QVERIFY(plans::syncPlans(store.db(), store.clock()));
        const auto id = onlyPlan(store.db()).planId;
        QVERIFY(plans::approvePlan(store.db(), store.clock(), id, QStringLiteral("alice")));
        QVERIFY(test::setFinding(store.db(), finding, QStringLiteral("status"), QStringLiteral("resolved")));
        auto stats = plans::syncPlans(store.db(), store.clock());
        QVERIFY(stats);
        QCOMPARE(stats->superseded, 1);
        QCOMPARE(plans::loadPlan(store.db(), id)->status, plans::PlanStatus::Superseded);
        // Holding again: a new plan, the superseded one kept as it was.
        QVERIFY(test::setFinding(store.db(), finding, QStringLiteral("status"), QStringLiteral("new")));
        QVERIFY(plans::syncPlans(store.db(), store.clock()));
        QCOMPARE(count(store.db(), "SELECT count(*) FROM action_plan"), std::int64_t{2});
        QCOMPARE(count(store.db(), "SELECT count(*) FROM action_plan WHERE status = 'pending'"), std::int64_t{1});
    }

    void approvedPlanWhoseStepsChangeNeedsReapproval()
    {
        test::TempStore store;
        const auto finding = test::addFinding(store.db(), QStringLiteral("long_autotermination"), QStringLiteral("cluster"),
            QStringLiteral("c1"), test::autoterminationEvidence());
        QVERIFY(plans::syncPlans(store.db(), store.clock()));
        const auto id = onlyPlan(store.db()).planId;
        QVERIFY(plans::approvePlan(store.db(), store.clock(), id, QStringLiteral("alice")));
        // Same evidence: the approval stands.
        auto stats = plans::syncPlans(store.db(), store.clock());
        QVERIFY(stats && stats->reopened == 0);
        QCOMPARE(plans::loadPlan(store.db(), id)->status, plans::PlanStatus::Approved);
        // The recommendation changed: same plan id, pending again, new steps.
        QVERIFY(test::setFinding(store.db(), finding, QStringLiteral("evidence"),
            QString::fromUtf8(
                QJsonDocument(test::autoterminationEvidence(QJsonValue(QJsonValue::Null), 45)).toJson(QJsonDocument::Compact))));
        stats = plans::syncPlans(store.db(), store.clock());
        QVERIFY(stats && stats->reopened == 1);
        const plans::Plan p = *plans::loadPlan(store.db(), id);
        QCOMPARE(p.status, plans::PlanStatus::Pending);
        QVERIFY(p.approvedBy.isEmpty());
        QCOMPARE(p.steps.first().after, obj(R"({"autotermination_minutes":45})"));
        QCOMPARE(count(store.db(), "SELECT count(*) FROM action_plan"), std::int64_t{1});
    }

    // The real recipe: the demo account's insights get plans in the insights stage, and a
    // rebuild (which clears every derived layer) keeps them, their ids and the approval.
    void plansAreGeneratedByTheJobAndSurviveARebuild()
    {
        test::TempStore store;
        demo::DemoOptions options;
        options.days = 20;
        options.endDate = QDate(2026, 11, 27);
        const job::JobSpec demoSpec{job::JobKind::Demo, [&] { return std::make_unique<demo::DemoSource>(options); }};
        QVERIFY(job::runJob(store.db(), store.clock(), demoSpec, cancel).ok());
        auto before = plans::loadPlans(store.db());
        QVERIFY(before);
        QVERIFY2(!before->isEmpty(), "the demo account has idle clusters and always-on warehouses");
        QCOMPARE(count(store.db(),
                     "SELECT count(*) FROM action_plan a JOIN insight_finding f ON f.finding_id = a.finding_id "
                     "WHERE f.fingerprint <> a.fingerprint"),
            std::int64_t{0});
        const auto approvedId = before->last().planId;
        QVERIFY(plans::approvePlan(store.db(), store.clock(), approvedId, QStringLiteral("alice")));
        const QByteArray dump = "SELECT group_concat(plan_id || ':' || finding_id || ':' || steps_sha256, ',') FROM "
                                "(SELECT * FROM action_plan ORDER BY plan_id)";
        auto listing = [&store, &dump] {
            auto stmt = store.db().prepare(dump);
            return stmt && *stmt->step() ? stmt->text(0) : QString();
        };
        const QString plansBefore = listing();
        QVERIFY(job::runJob(store.db(), store.clock(), {job::JobKind::Rebuild, {}}, cancel).ok());
        QCOMPARE(listing(), plansBefore);
        const plans::Plan approved = *plans::loadPlan(store.db(), approvedId);
        QCOMPARE(approved.status, plans::PlanStatus::Approved);
        QCOMPARE(approved.approvedBy, QStringLiteral("alice"));
    }

    void realisedSavingsSaysWhenStillMeasuring()
    {
        test::TempStore store;
        const auto id = approvedAutotermination(store);
        auto c = client();
        plans::PlanApplier applier(store.db(), store.clock(), *c);
        QVERIFY(applier.apply(id, QStringLiteral("alice"), cancel));
        // Applied 2026-11-28: baseline 11-14..11-27, window after 11-29..12-12.
        auto none = plans::realisedSavings(store.db(), QDate(2026, 11, 28));
        QVERIFY(none);
        QCOMPARE(none->size(), 1);
        QCOMPARE(none->first().daysMeasured, 0);
        QVERIFY(!none->first().realisedMonthlyNanos);
        QCOMPARE(none->first().state(), QStringLiteral("measuring: 0 of 14 days"));
        auto some = plans::realisedSavings(store.db(), QDate(2026, 12, 2));
        QVERIFY(some);
        QCOMPARE(some->first().daysMeasured, 4);
        QCOMPARE(some->first().state(), QStringLiteral("measuring: 4 of 14 days"));
        QCOMPARE(some->first().realisedMonthlyNanos, std::optional<std::int64_t>(0)); // no usage either side
        auto done = plans::realisedSavings(store.db(), QDate(2026, 12, 31));
        QVERIFY(done && done->first().complete());
        QCOMPARE(done->first().windowText(), QStringLiteral("2026-11-29..2026-12-12 vs 2026-11-14..2026-11-27"));
    }
};

QTEST_GUILESS_MAIN(TestPlans)
#include "tst_plans.moc"

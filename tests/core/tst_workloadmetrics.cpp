// Workload and utilization metrics: reconciled with the ledger on the demo account, and checked
// on a tiny hand-built account whose answers are worked out by hand in the comments.
#include "demo/demosource.h"
#include "job/job.h"
#include "pipeline/extractstage.h"
#include "rawbuilder.h"
#include "reports/attributionreport.h"
#include "reports/costreport.h"
#include "reports/entitynames.h"
#include "reports/overview.h"
#include "reports/workloads.h"
#include "tempstore.h"

#include <QTest>

using namespace ll;

namespace {

pipeline::RunSummary runAll(test::TempStore &store, std::unique_ptr<pipeline::ExtractionSource> source = {})
{
    job::JobSpec spec{job::JobKind::Process, {}};
    if (source)
        spec = {job::JobKind::Import, [&source] { return std::move(source); }};
    CancelToken cancel;
    return job::runJob(store.db(), store.clock(), spec, cancel);
}

std::int64_t scalar(store::Database &db, const char *sql)
{
    auto v = db.queryInt(sql);
    return v ? v->value_or(0) : -1;
}

QHash<QString, QString> whEvent(const QString &wh, const QString &type, const QString &clusters, const QString &at)
{
    return {{QStringLiteral("account_id"), QStringLiteral("acc-1")}, {QStringLiteral("workspace_id"), QStringLiteral("ws-1")},
            {QStringLiteral("warehouse_id"), wh}, {QStringLiteral("event_type"), type},
            {QStringLiteral("cluster_count"), clusters}, {QStringLiteral("event_time"), at}};
}

QHash<QString, QString> query(const QString &id, const QString &wh, const QString &start, const QString &end)
{
    return {{QStringLiteral("account_id"), QStringLiteral("acc-1")}, {QStringLiteral("workspace_id"), QStringLiteral("ws-1")},
            {QStringLiteral("statement_id"), id}, {QStringLiteral("execution_status"), QStringLiteral("FINISHED")},
            {QStringLiteral("compute"), QStringLiteral("{\"type\":\"WAREHOUSE\",\"warehouse_id\":\"%1\"}").arg(wh)},
            {QStringLiteral("start_time"), start}, {QStringLiteral("end_time"), end}};
}

QHash<QString, QString> node(const QString &instance, const QString &start, const QString &end, const QString &user,
                             const QString &system, const QString &mem)
{
    return {{QStringLiteral("account_id"), QStringLiteral("acc-1")}, {QStringLiteral("workspace_id"), QStringLiteral("ws-1")},
            {QStringLiteral("cluster_id"), QStringLiteral("c-1")}, {QStringLiteral("instance_id"), instance},
            {QStringLiteral("start_time"), start}, {QStringLiteral("end_time"), end}, {QStringLiteral("driver"), QStringLiteral("false")},
            {QStringLiteral("cpu_user_percent"), user}, {QStringLiteral("cpu_system_percent"), system},
            {QStringLiteral("mem_used_percent"), mem}};
}

} // namespace

class TestWorkloadMetrics : public QObject {
    Q_OBJECT
private slots:
    void reconcilesWithTheLedger()
    {
        test::TempStore store;
        demo::DemoOptions options;
        options.days = 20;
        options.endDate = QDate(2026, 10, 20);
        const auto summary = runAll(store, std::make_unique<demo::DemoSource>(options));
        QVERIFY2(summary.ok(), qPrintable(summary.error.toString()));
        store::Database &db = store.db();
        QVERIFY(scalar(db, "SELECT count(*) FROM metrics_work_unit_daily") > 0);
        // Work-unit cost sums to the ledger, in total and per job.
        QCOMPARE(scalar(db, "SELECT sum(cost_nanos) FROM metrics_work_unit_daily"),
                 scalar(db, "SELECT sum(coalesce(cost_nanos, 0)) FROM ledger_usage_line"));
        QCOMPARE(scalar(db, "SELECT count(*) FROM (SELECT work_unit_id, sum(cost_nanos) c FROM metrics_work_unit_daily "
                            "WHERE work_unit_type = 'job' GROUP BY 1 EXCEPT SELECT job_id, sum(coalesce(cost_nanos, 0)) "
                            "FROM ledger_usage_line WHERE work_unit_type = 'job' GROUP BY 1)"),
                 std::int64_t{0});
        // Per run: cost of the run's lines; failed runs against ledger_run's result state.
        QCOMPARE(scalar(db, "SELECT sum(cost_nanos) FROM metrics_run WHERE run_kind = 'job_run'"),
                 scalar(db, "SELECT sum(coalesce(cost_nanos, 0)) FROM ledger_usage_line WHERE job_run_id IS NOT NULL"));
        const std::int64_t failedCost = scalar(db, "SELECT sum(coalesce(l.cost_nanos, 0)) FROM ledger_usage_line l "
                                                   "JOIN ledger_run r ON r.run_kind = 'job_run' AND r.run_id = l.job_run_id "
                                                   "WHERE r.result_state = 'FAILED'");
        QVERIFY(failedCost > 0);
        QCOMPARE(scalar(db, "SELECT sum(failed_run_cost_nanos) FROM metrics_run_daily WHERE run_kind = 'job_run'"), failedCost);
        QCOMPARE(scalar(db, "SELECT sum(failed_runs) FROM metrics_run_daily WHERE run_kind = 'job_run'"),
                 scalar(db, "SELECT count(*) FROM ledger_run WHERE run_kind = 'job_run' AND result_state = 'FAILED'"));
        QCOMPARE(scalar(db, "SELECT sum(runs) FROM metrics_run_daily"), scalar(db, "SELECT count(*) FROM ledger_run"));
        // Pipeline updates: each update's cost is the sum of the lines naming its dlt_update_id.
        const std::int64_t updateCost =
            scalar(db, "SELECT sum(coalesce(cost_nanos, 0)) FROM ledger_usage_line WHERE dlt_update_id IS NOT NULL");
        QVERIFY(updateCost > 0);
        QCOMPARE(scalar(db, "SELECT sum(cost_nanos) FROM metrics_run WHERE run_kind = 'pipeline_update'"), updateCost);
        QCOMPARE(scalar(db, "SELECT count(*) FROM (SELECT dlt_update_id, pipeline_id, sum(coalesce(cost_nanos, 0)) "
                            "FROM ledger_usage_line WHERE dlt_update_id IS NOT NULL GROUP BY 1, 2 "
                            "EXCEPT SELECT run_id, parent_id, cost_nanos FROM metrics_run WHERE run_kind = 'pipeline_update')"),
                 std::int64_t{0});
        QCOMPARE(scalar(db, "SELECT sum(run_cost_nanos) FROM metrics_run_daily WHERE run_kind = 'pipeline_update'"),
                 updateCost);

        auto jobs = reports::queryWorkloads(db, {reports::WorkloadGrouping::Job, {}, {}});
        QVERIFY(jobs && !jobs->isEmpty());
        std::int64_t failedFromReport = 0;
        for (const auto &r : *jobs) {
            QCOMPARE(r.workUnitType, QStringLiteral("job"));
            failedFromReport += r.failedRunCostNanos;
        }
        QVERIFY(failedFromReport <= failedCost);
        // The demo's warehouses and clusters have utilization.
        auto util = reports::queryUtilization(db, {}, {});
        QVERIFY(util);
        bool warehouse = false, cluster = false;
        for (const auto &r : *util) {
            if (r.kind == QLatin1String("warehouse") && r.runningSeconds > 0) {
                warehouse = true;
                QVERIFY(r.busyRunningSeconds <= r.runningSeconds);
                QVERIFY(r.busyRunningSeconds <= r.busySeconds);
            }
            cluster = cluster || (r.kind == QLatin1String("cluster") && r.avgCpuCentiPercent.has_value());
        }
        QVERIFY(warehouse && cluster);
    }

    void utilizationOnAHandBuiltAccount()
    {
        test::TempStore store;
        test::RawBuilder events(store.db(), store.clock(), QStringLiteral("compute_warehouse_events"));
        events.addRow(whEvent(QStringLiteral("wh-1"), QStringLiteral("STARTING"), QStringLiteral("0"), QStringLiteral("2026-11-02T09:58:00Z")));
        events.addRow(whEvent(QStringLiteral("wh-1"), QStringLiteral("RUNNING"), QStringLiteral("1"), QStringLiteral("2026-11-02T10:00:00Z")));
        events.addRow(whEvent(QStringLiteral("wh-1"), QStringLiteral("STOPPING"), QStringLiteral("1"), QStringLiteral("2026-11-02T12:00:00Z")));
        events.addRow(whEvent(QStringLiteral("wh-1"), QStringLiteral("STOPPED"), QStringLiteral("0"), QStringLiteral("2026-11-02T12:01:00Z")));
        QVERIFY(events.flush());
        test::RawBuilder queries(store.db(), store.clock(), QStringLiteral("query_history"));
        // Two overlapping statements: busy 10:30-11:15 once, not 30 + 30 minutes.
        queries.addRow(query(QStringLiteral("q1"), QStringLiteral("wh-1"), QStringLiteral("2026-11-02T10:30:00Z"), QStringLiteral("2026-11-02T11:00:00Z")));
        queries.addRow(query(QStringLiteral("q2"), QStringLiteral("wh-1"), QStringLiteral("2026-11-02T10:45:00Z"), QStringLiteral("2026-11-02T11:15:00Z")));
        // Runs past the stop: 20 minutes busy, 10 of them while running.
        queries.addRow(query(QStringLiteral("q3"), QStringLiteral("wh-1"), QStringLiteral("2026-11-02T11:50:00Z"), QStringLiteral("2026-11-02T12:10:00Z")));
        QVERIFY(queries.flush());
        test::RawBuilder nodes(store.db(), store.clock(), QStringLiteral("compute_node_timeline"));
        nodes.addRow(node(QStringLiteral("i-a"), QStringLiteral("2026-11-02T10:00:00Z"), QStringLiteral("2026-11-02T11:00:00Z"),
                          QStringLiteral("30"), QStringLiteral("10"), QStringLiteral("50")));
        nodes.addRow(node(QStringLiteral("i-b"), QStringLiteral("2026-11-02T10:00:00Z"), QStringLiteral("2026-11-02T10:30:00Z"),
                          QStringLiteral("60.5"), QStringLiteral("19.5"), QStringLiteral("70")));
        nodes.addRow(node(QStringLiteral("i-c"), QStringLiteral("not a time"), QStringLiteral("2026-11-02T10:30:00Z"),
                          QStringLiteral("1"), QStringLiteral("1"), QStringLiteral("1")));
        QVERIFY(nodes.flush());
        const auto summary = runAll(store);
        QVERIFY2(summary.ok(), qPrintable(summary.error.toString()));

        auto util = reports::queryUtilization(store.db(), QDate(2026, 11, 2), QDate(2026, 11, 2));
        QVERIFY(util);
        QCOMPARE(util->size(), 2);
        const auto &c = util->at(0);
        QCOMPARE(c.kind, QStringLiteral("cluster"));
        QCOMPARE(c.nodeSeconds, std::int64_t{5400});
        // CPU (40% x 3600 s + 80% x 1800 s) / 5400 s = 53.33%; memory (50 x 3600 + 70 x 1800) / 5400 = 56.67%.
        QCOMPARE(*c.avgCpuCentiPercent, std::int64_t{5333});
        QCOMPARE(*c.avgMemCentiPercent, std::int64_t{5667});
        const auto &w = util->at(1);
        QCOMPARE(w.kind, QStringLiteral("warehouse"));
        QCOMPARE(w.runningSeconds, std::int64_t{7200});
        QCOMPARE(w.busySeconds, std::int64_t{2700 + 1200});
        QCOMPARE(w.busyRunningSeconds, std::int64_t{2700 + 600});
        QCOMPARE(w.idleRunningSeconds, std::int64_t{7200 - 3300});
        QCOMPARE(*w.busyShareBasisPoints, std::int64_t{4583});
        QCOMPARE(w.queries, std::int64_t{3});
        // The unreadable node row is an issue, not a crash and not a silent drop.
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM app_issue WHERE source = 'compute_node_timeline'"), std::int64_t{1});

        // A later delivery re-reads q2 with a later end and adds a day: only those days change.
        test::RawBuilder again(store.db(), store.clock(), QStringLiteral("query_history"));
        again.addRow(query(QStringLiteral("q2"), QStringLiteral("wh-1"), QStringLiteral("2026-11-02T10:45:00Z"), QStringLiteral("2026-11-02T11:30:00Z")));
        QVERIFY(again.flush());
        QVERIFY(runAll(store).ok());
        util = reports::queryUtilization(store.db(), QDate(2026, 11, 2), QDate(2026, 11, 2));
        QCOMPARE(util->at(1).busySeconds, std::int64_t{3600 + 1200});
    }

    void workloadsSayWhereEachEntityCameFrom()
    {
        test::TempStore store;
        store::Database &db = store.db();
        // j-sys: system rows only; j-newer: a REST snapshot newer than its system row; j-rest: REST
        // only (no lakeflow schema); j-none: named by usage alone. w-rest: a REST-only warehouse.
        QVERIFY(db.exec("INSERT INTO metrics_work_unit_daily (day, work_unit_type, work_unit_id, workspace_id, currency_code, cost_nanos, "
                        "list_cost_nanos, contract_cost_nanos, quantity_nanos, unpriced_quantity_nanos, line_count) VALUES "
                        "('2026-11-02', 'job', 'j-sys', 'ws-1', 'USD', 4, 4, 0, 1, 0, 1), "
                        "('2026-11-02', 'job', 'j-newer', 'ws-1', 'USD', 3, 3, 0, 1, 0, 1), "
                        "('2026-11-02', 'job', 'j-rest', 'ws-1', 'USD', 2, 2, 0, 1, 0, 1), "
                        "('2026-11-02', 'job', 'j-none', 'ws-1', 'USD', 1, 1, 0, 1, 0, 1), "
                        "('2026-11-02', 'warehouse', 'w-rest', 'ws-1', 'USD', 5, 5, 0, 1, 0, 1)"));
        QVERIFY(db.exec("INSERT INTO ledger_job (job_id, change_time, workspace_id, name, raw_id, source) VALUES "
                        "('j-sys', 100, 'ws-1', 'sys', 1, 'system'), ('j-newer', 100, 'ws-1', 'old', 2, 'system'), "
                        "('j-newer', 200, NULL, 'new', 3, 'rest'), ('j-rest', 200, NULL, 'rest', 4, 'rest')"));
        QVERIFY(db.exec("INSERT INTO ledger_warehouse (warehouse_id, change_time, warehouse_name, raw_id, source) VALUES "
                        "('w-rest', 200, 'bi', 5, 'rest')"));
        auto rows = reports::queryWorkloads(db, {reports::WorkloadGrouping::WorkUnit, {}, {}});
        QVERIFY(rows);
        QHash<QString, reports::EntitySource> sources;
        for (const auto &r : std::as_const(*rows))
            sources.insert(r.workUnitId, r.source);
        QCOMPARE(sources.size(), 5);
        QCOMPARE(sources.value(QStringLiteral("j-sys")), reports::EntitySource::System);
        QCOMPARE(sources.value(QStringLiteral("j-newer")), reports::EntitySource::Rest);
        QCOMPARE(sources.value(QStringLiteral("j-rest")), reports::EntitySource::RestOnly);
        QCOMPARE(sources.value(QStringLiteral("j-none")), reports::EntitySource::None);
        QCOMPARE(sources.value(QStringLiteral("w-rest")), reports::EntitySource::RestOnly);
        QCOMPARE(reports::entitySystemTable(QStringLiteral("job")), QStringLiteral("system.lakeflow.jobs"));
        // Names, never a blank: the REST-only job's from the ledger entity, a reason for the unknown
        // job and for the unnamed workspace.
        QHash<QString, reports::WorkloadRow> byId;
        for (const auto &r : std::as_const(*rows))
            byId.insert(r.workUnitId, r);
        QCOMPARE(byId.value(QStringLiteral("j-rest")).name, QStringLiteral("rest"));
        QCOMPARE(byId.value(QStringLiteral("w-rest")).name, QStringLiteral("bi"));
        QCOMPARE(byId.value(QStringLiteral("j-none")).name, reports::EntityNames::unknownReason(QStringLiteral("job")));
        QCOMPARE(byId.value(QStringLiteral("j-sys")).workspaceName, reports::EntityNames::unknownReason(QStringLiteral("workspace")));
    }

    void workloadsCarryTheirUnpricedQuantity()
    {
        // Issue 16: a workload whose usage had no list price read "$0.00" in the Workloads view and
        // the Overview's top workloads: the rows must carry the unpriced quantity, summed over days.
        test::TempStore store;
        store::Database &db = store.db();
        QVERIFY(db.exec("INSERT INTO metrics_work_unit_daily (day, work_unit_type, work_unit_id, workspace_id, currency_code, cost_nanos, "
                        "list_cost_nanos, contract_cost_nanos, quantity_nanos, unpriced_quantity_nanos, line_count) VALUES "
                        "('2026-11-02', 'job', 'j-part', 'ws-1', 'USD', 7000000000, 7000000000, 0, 5000000000, 1200000000, 2), "
                        "('2026-11-03', 'job', 'j-part', 'ws-1', 'USD', 0, 0, 0, 2000000000, 2000000000, 1), "
                        "('2026-11-02', 'warehouse', 'w-none', 'ws-1', 'USD', 0, 0, 0, 3500000000, 3500000000, 1), "
                        "('2026-11-02', 'job', 'j-priced', 'ws-1', 'USD', 9000000000, 9000000000, 0, 4000000000, 0, 1)"));
        auto rows = reports::queryWorkloads(db, {reports::WorkloadGrouping::WorkUnit, QDate(2026, 11, 1), QDate(2026, 11, 30)});
        QVERIFY(rows);
        QHash<QString, std::int64_t> unpriced;
        for (const auto &r : std::as_const(*rows))
            unpriced.insert(r.workUnitId, r.unpricedQuantityNanos);
        QCOMPARE(unpriced.size(), 3);
        QCOMPARE(unpriced.value(QStringLiteral("j-part")), std::int64_t{3'200'000'000});
        QCOMPARE(unpriced.value(QStringLiteral("w-none")), std::int64_t{3'500'000'000});
        QCOMPARE(unpriced.value(QStringLiteral("j-priced")), std::int64_t{0});
        // One day only: the range applies to the unpriced sum as to the cost.
        rows = reports::queryWorkloads(db, {reports::WorkloadGrouping::Job, QDate(2026, 11, 3), QDate(2026, 11, 3)});
        QVERIFY(rows);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->at(0).unpricedQuantityNanos, std::int64_t{2'000'000'000});

        // The Overview's top workloads (month to date) carry the same figure (the Overview reads
        // only once the product rollup says there is data).
        QVERIFY(db.exec("INSERT INTO metrics_daily_product (day, billing_origin_product, cost_nanos, unattributed_cost_nanos, "
                        "unpriced_quantity_nanos, line_count) VALUES ('2026-11-03', 'JOBS', 16000000000, 0, 6700000000, 5)"));
        auto overview = reports::loadOverview(db, QDate(2026, 11, 20));
        if (!overview) // not QVERIFY2: Qt 6.4 evaluates its message even on success
            QFAIL(qPrintable(overview.error().toString()));
        QHash<QString, std::int64_t> top;
        for (const auto &r : std::as_const(overview->topWorkloads))
            top.insert(r.workUnitId, r.unpricedQuantityNanos);
        QCOMPARE(top.size(), 3);
        QCOMPARE(top.value(QStringLiteral("j-part")), std::int64_t{3'200'000'000});
        QCOMPARE(top.value(QStringLiteral("w-none")), std::int64_t{3'500'000'000});
        QCOMPARE(top.value(QStringLiteral("j-priced")), std::int64_t{0});
    }

    // A job's runs panel lists the runs of the view's date range (issue 16: it counted the whole
    // history's newest 1000 while the row beside it counted the range); the counts cover the
    // range even when the list is cut.
    void runsFollowTheDateRange()
    {
        test::TempStore store;
        for (int i = 0; i < 6; ++i) {
            auto stmt = store.db().prepare("INSERT INTO metrics_run (run_kind, run_id, parent_id, workspace_id, start_day, result_state, "
                                           "failed, duration_seconds, cost_nanos, list_cost_nanos, line_count) "
                                           "VALUES ('job_run', ?, 'j1', 'w1', ?, ?, ?, 60, 1, 1, 1)");
            QVERIFY(stmt);
            stmt->bind(1, QStringLiteral("r%1").arg(i));
            stmt->bind(2, QDate(2026, 11, 1).addDays(i).toString(Qt::ISODate));
            stmt->bind(3, i % 2 ? QStringLiteral("FAILED") : QStringLiteral("SUCCEEDED"));
            stmt->bind(4, i % 2);
            QVERIFY(stmt->run());
        }
        auto all = reports::queryRuns(store.db(), QStringLiteral("j1"));
        QVERIFY(all);
        QCOMPARE(all->totalRuns, std::int64_t{6});
        QCOMPARE(all->rows.first().runId, QStringLiteral("r5"));
        auto range = reports::queryRuns(store.db(), QStringLiteral("j1"), QDate(2026, 11, 2), QDate(2026, 11, 4));
        QVERIFY(range);
        QCOMPARE(range->totalRuns, std::int64_t{3});  // r1, r2, r3
        QCOMPARE(range->failedRuns, std::int64_t{2}); // r1, r3
        QCOMPARE(range->rows.size(), 3);
        QCOMPARE(range->rows.first().runId, QStringLiteral("r3"));
        auto cut = reports::queryRuns(store.db(), QStringLiteral("j1"), QDate(2026, 11, 2), QDate(2026, 11, 4), 2);
        QVERIFY(cut);
        QCOMPARE(cut->rows.size(), 2);
        QCOMPARE(cut->totalRuns, std::int64_t{3});
    }

    // Service principals run jobs by application id; every view names them from the SCIM
    // listing (issue 16: Attribution's unattributed principals and the Cost Explorer's principal
    // rows showed bare ids). The demo lists its three automation identities.
    void servicePrincipalsReadByName()
    {
        test::TempStore store;
        demo::DemoOptions options;
        options.days = 7;
        options.endDate = QDate(2026, 11, 20);
        QVERIFY(runAll(store, std::make_unique<demo::DemoSource>(options)).ok());
        reports::CostQuery query;
        query.by = {reports::Dimension::Principal};
        auto cost = reports::queryCost(store.db(), query);
        QVERIFY2(cost, qPrintable(cost ? QString() : cost.error().toString()));
        int named = 0;
        for (const auto &row : cost->rows) {
            const QString key = row.keys.value(0), label = row.labels.value(0);
            QVERIFY(!label.isEmpty());
            if (!key.isEmpty() && !key.contains(QLatin1Char('@'))) {
                QVERIFY2(label.endsWith(QStringLiteral(" (%1)").arg(key)) && label != key, qPrintable(label));
                ++named;
            }
        }
        QVERIFY(named > 0);
        auto groups = reports::unattributedBreakdown(store.db(), {}, {}, 50);
        QVERIFY(groups);
        for (const auto &g : *groups) {
            if (g.dimension == QLatin1String("principal") && !g.key.contains(QLatin1Char('@')))
                QVERIFY2(g.label.endsWith(QStringLiteral(" (%1)").arg(g.key)), qPrintable(g.label));
        }
    }

    void openWarehouseIntervalClosesLater()
    {
        test::TempStore store;
        test::RawBuilder first(store.db(), store.clock(), QStringLiteral("compute_warehouse_events"));
        first.addRow(whEvent(QStringLiteral("wh-1"), QStringLiteral("RUNNING"), QStringLiteral("2"), QStringLiteral("2026-11-02T22:00:00Z")));
        first.addRow(whEvent(QStringLiteral("wh-2"), QStringLiteral("RUNNING"), QStringLiteral("1"), QStringLiteral("2026-11-03T01:00:00Z")));
        QVERIFY(first.flush());
        QVERIFY(runAll(store).ok());
        // wh-1 is still running: counted up to the newest event (01:00 next day).
        QCOMPARE(scalar(store.db(), "SELECT sum(running_seconds) FROM metrics_warehouse_utilization_daily WHERE warehouse_id = 'wh-1'"),
                 std::int64_t{3 * 3600});
        test::RawBuilder second(store.db(), store.clock(), QStringLiteral("compute_warehouse_events"));
        second.addRow(whEvent(QStringLiteral("wh-1"), QStringLiteral("STOPPING"), QStringLiteral("2"), QStringLiteral("2026-11-03T02:00:00Z")));
        QVERIFY(second.flush());
        QVERIFY(runAll(store).ok());
        QCOMPARE(scalar(store.db(), "SELECT sum(running_seconds) FROM metrics_warehouse_utilization_daily WHERE warehouse_id = 'wh-1'"),
                 std::int64_t{4 * 3600});
        QCOMPARE(scalar(store.db(), "SELECT sum(cluster_seconds) FROM metrics_warehouse_utilization_daily WHERE warehouse_id = 'wh-1'"),
                 std::int64_t{8 * 3600});
        QCOMPARE(scalar(store.db(), "SELECT running_seconds FROM metrics_warehouse_utilization_daily WHERE warehouse_id = 'wh-1' AND day = '2026-11-02'"),
                 std::int64_t{2 * 3600});
    }
};

QTEST_GUILESS_MAIN(TestWorkloadMetrics)
#include "tst_workloadmetrics.moc"

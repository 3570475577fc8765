// A rebuild runs the very same stages as incremental processing, so both must leave
// byte-identical derived layers: here the demo account is loaded in two deliveries (as two
// syncs would bring it), processed after each, and compared with a rebuild from raw.
#include "demo/demosource.h"
#include "job/job.h"
#include "pipeline/extractstage.h"
#include "reports/attributionreport.h"
#include "reports/costreport.h"
#include "tabledump.h"
#include "tempstore.h"

#include <QTest>

using namespace ll;

namespace {

struct DerivedDump {
    QByteArray ledger, prices, workspaces, attribution, teams, metrics, insights, entities, workloads;
};

DerivedDump dump(store::Database &db)
{
    return {test::dumpTable(db, "ledger_usage_line", "line_id"),
            test::dumpTable(db, "ledger_list_price", "price_id"),
            test::dumpTable(db, "ledger_workspace", "workspace_id"),
            test::dumpTable(db, "attr_line", "line_id"),
            test::dumpTable(db, "attr_team", "team_key"),
            test::dumpTable(db, "metrics_daily_cost", "1,2,3,4,5,6,7") + test::dumpTable(db, "metrics_daily_product", "1, 2")
                + test::dumpTable(db, "metrics_daily_team", "1, 2") + test::dumpTable(db, "metrics_daily_workspace", "1, 2")
                + test::dumpTable(db, "metrics_daily_team_project", "1, 2, 3") + test::dumpTable(db, "metrics_daily_owner", "1, 2, 3, 4, 5, 6, 7")
                + test::dumpTable(db, "metrics_workspace_coverage_daily", "1, 2, 3") + test::dumpTable(db, "metrics_source_coverage", "1, 2")
                + test::dumpTable(db, "metrics_workspace_region", "1")
                + test::dumpTable(db, "metrics_monthly_team_project", "1, 2, 3") + test::dumpTable(db, "metrics_monthly_owner", "1, 2, 3, 4, 5, 6, 7"),
            test::dumpTable(db, "insight_finding", "finding_id"),
            test::dumpTable(db, "ledger_cluster", "1, 2") + test::dumpTable(db, "ledger_warehouse", "1, 2") + test::dumpTable(db, "ledger_job", "1, 2")
                + test::dumpTable(db, "ledger_job_task", "1, 2, 3") + test::dumpTable(db, "ledger_pipeline", "1, 2")
                + test::dumpTable(db, "ledger_run", "1, 2") + test::dumpTable(db, "ledger_principal", "1")
                + test::dumpTable(db, "ledger_ownership", "1, 2, 3") + test::dumpTable(db, "ledger_work_unit", "1, 2"),
            test::dumpTable(db, "metrics_work_unit_daily", "1, 2, 3, 4, 5") + test::dumpTable(db, "metrics_run", "1, 2")
                + test::dumpTable(db, "metrics_run_daily", "1, 2, 3, 4") + test::dumpTable(db, "metrics_cluster_utilization_daily", "1, 2, 3")
                + test::dumpTable(db, "metrics_warehouse_utilization_daily", "1, 2, 3") + test::dumpTable(db, "ledger_node_sample", "1, 2, 3")
                + test::dumpTable(db, "ledger_warehouse_event", "1, 2, 3") + test::dumpTable(db, "ledger_warehouse_interval", "1, 2")
                + test::dumpTable(db, "ledger_query", "1")};
}

// Rows where a rollup and the same GROUP BY over its cube disagree (either side): 0 = equal.
std::int64_t rollupMismatches(store::Database &db, const QByteArray &rollup, const QByteArray &fromCube)
{
    auto n = db.queryInt("SELECT (SELECT count(*) FROM (SELECT * FROM " + rollup + " EXCEPT " + fromCube + ")) + (SELECT count(*) FROM ("
                         + fromCube + " EXCEPT SELECT * FROM " + rollup + "))");
    return n ? n->value_or(-1) : -1;
}

// A cost table flattened for comparison: keys and every measure per row.
QStringList costLines(const reports::CostTable &t)
{
    QStringList lines;
    for (const auto &r : t.rows)
        lines.append(r.keys.join(QLatin1Char('|')) + QStringLiteral("|%1|%2|%3|%4|%5").arg(r.costNanos).arg(r.listCostNanos)
                         .arg(r.contractCostNanos).arg(r.quantityNanos).arg(r.unpricedQuantityNanos));
    return lines;
}

QStringList attributionLines(const QList<reports::AttributionRow> &rows)
{
    QStringList lines;
    for (const auto &r : rows)
        lines.append(QStringLiteral("%1|%2|%3|%4|%5|%6|%7").arg(r.period, r.owner).arg(r.costNanos).arg(r.exactNanos)
                         .arg(r.strongNanos).arg(r.estimatedNanos).arg(r.unattributedNanos));
    return lines;
}

pipeline::RunSummary load(test::TempStore &store, const demo::DemoOptions &options)
{
    const job::JobSpec runnerSpec{job::JobKind::Demo, [&] { return std::make_unique<demo::DemoSource>(options); }};
    CancelToken cancel;
    return job::runJob(store.db(), store.clock(), runnerSpec, cancel);
}

} // namespace

class TestRebuild : public QObject {
    Q_OBJECT
private slots:
    void rebuildEqualsIncremental()
    {
        test::TempStore store;
        demo::DemoOptions first;
        first.days = 20;
        first.endDate = QDate(2026, 10, 20);
        QVERIFY(load(store, first).ok());
        // A second delivery overlapping the first (a lookback re-read) and adding new days.
        demo::DemoOptions second = first;
        second.days = 25;
        second.endDate = QDate(2026, 11, 5);
        const auto summary = load(store, second);
        QVERIFY2(summary.ok(), qPrintable(summary.error.toString()));
        const DerivedDump incremental = dump(store.db());
        QVERIFY(incremental.ledger.count('\n') > 1000);
        QVERIFY(incremental.metrics.count('\n') > 100);
        // The views' rollups (incrementally maintained per day) equal their cubes regrouped.
        store::Database &db = store.db();
        QCOMPARE(rollupMismatches(db, "metrics_daily_product",
                                  "SELECT day, billing_origin_product, sum(cost_nanos), sum(CASE WHEN team_key = '' THEN cost_nanos ELSE 0 END), "
                                  "sum(unpriced_quantity_nanos), sum(line_count) FROM metrics_daily_cost GROUP BY 1, 2"),
                 0);
        QCOMPARE(rollupMismatches(db, "metrics_daily_team", "SELECT day, team_key, sum(cost_nanos) FROM metrics_daily_cost GROUP BY 1, 2"), 0);
        QCOMPARE(rollupMismatches(db, "metrics_daily_workspace",
                                  "SELECT day, workspace_id, sum(cost_nanos), sum(list_cost_nanos), sum(quantity_nanos), "
                                  "sum(unpriced_quantity_nanos), sum(contract_cost_nanos) FROM metrics_daily_cost GROUP BY 1, 2"),
                 0);
        QCOMPARE(rollupMismatches(db, "metrics_daily_team_project",
                                  "SELECT day, team_key, project_key, sum(cost_nanos), sum(list_cost_nanos), sum(quantity_nanos), "
                                  "sum(unpriced_quantity_nanos), sum(contract_cost_nanos) FROM metrics_daily_cost GROUP BY 1, 2, 3"),
                 0);
        QCOMPARE(rollupMismatches(db, "metrics_daily_owner",
                                  "SELECT day, after_sharing, kind, team_key, project_key, bucket_key, confidence, sum(cost_nanos), "
                                  "sum(list_cost_nanos), sum(contract_cost_nanos) FROM metrics_daily_attribution GROUP BY 1, 2, 3, 4, 5, 6, 7"),
                 0);
        QVERIFY(db.queryInt("SELECT count(*) FROM metrics_daily_owner")->value_or(0) > 10);
        QCOMPARE(rollupMismatches(db, "metrics_monthly_team_project",
                                  "SELECT substr(day, 1, 7) || '-01', team_key, project_key, sum(cost_nanos), sum(list_cost_nanos), sum(quantity_nanos), "
                                  "sum(unpriced_quantity_nanos), sum(contract_cost_nanos) FROM metrics_daily_cost GROUP BY 1, 2, 3"),
                 0);
        QCOMPARE(rollupMismatches(db, "metrics_monthly_owner",
                                  "SELECT substr(day, 1, 7) || '-01', after_sharing, kind, team_key, project_key, bucket_key, confidence, sum(cost_nanos), "
                                  "sum(list_cost_nanos), sum(contract_cost_nanos) FROM metrics_daily_attribution GROUP BY 1, 2, 3, 4, 5, 6, 7"),
                 0);
        QVERIFY(db.queryInt("SELECT count(DISTINCT day) FROM metrics_monthly_owner")->value_or(0) >= 2);
        // Reports on the rollups equal the same reports from the line items (as of a future
        // instant: the ledger path) and from the daily tables (a range covering everything).
        reports::CostQuery byMonth;
        byMonth.by = *reports::parseDimensions(QStringLiteral("month,team,project"));
        reports::CostQuery fromLines = byMonth;
        fromLines.asOf = QDateTime(QDate(2100, 1, 1), QTime(0, 0), Qt::UTC);
        const auto monthly = reports::queryCost(db, byMonth);
        const auto lines = reports::queryCost(db, fromLines);
        QVERIFY(monthly && lines);
        QVERIFY(monthly->rows.size() > 4);
        QCOMPARE(costLines(*monthly), costLines(*lines));
        reports::CostQuery byWorkspace;
        byWorkspace.by = *reports::parseDimensions(QStringLiteral("day,workspace"));
        reports::CostQuery byWorkspaceLines = byWorkspace;
        byWorkspaceLines.asOf = fromLines.asOf;
        QCOMPARE(costLines(*reports::queryCost(db, byWorkspace)), costLines(*reports::queryCost(db, byWorkspaceLines)));
        for (bool after : {false, true}) {
            reports::AttributionQuery all;
            all.afterSharing = after;
            reports::AttributionQuery bounded = all;
            bounded.from = QDate(2000, 1, 1);
            bounded.to = QDate(2100, 1, 1);
            const auto a = reports::queryAttribution(db, all);
            const auto b = reports::queryAttribution(db, bounded);
            QVERIFY(a && b && a->size() > 4);
            QCOMPARE(attributionLines(*a), attributionLines(*b));
        }

        QVERIFY(pipeline::PipelineRunner::resetDerivedLayers(store.db()));
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM ledger_usage_line")->value_or(-1), 0);
        // Every per-day derived table starts over (no day's rows may survive a rebuild).
        for (const char *table : {"metrics_daily_cost", "metrics_daily_product", "metrics_daily_owner", "metrics_workspace_coverage_daily",
                                  "metrics_source_coverage", "metrics_workspace_region"})
            QVERIFY2(store.db().queryInt(QByteArray("SELECT count(*) FROM ") + table)->value_or(-1) == 0, table);
        const job::JobSpec runnerSpec{job::JobKind::Process, {}};
        CancelToken cancel;
        QVERIFY(job::runJob(store.db(), store.clock(), runnerSpec, cancel).ok());
        const DerivedDump rebuilt = dump(store.db());
        QCOMPARE(rebuilt.ledger, incremental.ledger);
        QCOMPARE(rebuilt.prices, incremental.prices);
        QCOMPARE(rebuilt.workspaces, incremental.workspaces);
        QCOMPARE(rebuilt.attribution, incremental.attribution);
        QCOMPARE(rebuilt.teams, incremental.teams);
        QCOMPARE(rebuilt.metrics, incremental.metrics);
        QCOMPARE(rebuilt.insights, incremental.insights);
        QCOMPARE(rebuilt.entities, incremental.entities);
        QCOMPARE(rebuilt.workloads, incremental.workloads);
        QVERIFY(incremental.workloads.count('\n') > 1000);
        QVERIFY(incremental.entities.count('\n') > 500);
    }

    void demoIsDeterministicAndRealistic()
    {
        test::TempStore a, b;
        demo::DemoOptions options;
        options.days = 15;
        options.endDate = QDate(2026, 11, 1);
        QVERIFY(load(a, options).ok());
        QVERIFY(load(b, options).ok());
        QCOMPARE(test::dumpTable(a.db(), "ledger_usage_line", "line_id"), test::dumpTable(b.db(), "ledger_usage_line", "line_id"));
        store::Database &db = a.db();
        // The shapes the spine promises: corrections, several workspaces, all compute kinds,
        // failed runs, unpriced usage flagged, inconsistently cased tags folded into one team.
        QVERIFY(db.queryInt("SELECT count(*) FROM ledger_usage_line WHERE record_type = 'RETRACTION'")->value_or(0) > 0);
        QVERIFY(db.queryInt("SELECT count(*) FROM ledger_usage_line WHERE record_type = 'RESTATEMENT'")->value_or(0) > 0);
        QVERIFY(db.queryInt("SELECT count(DISTINCT workspace_id) FROM ledger_usage_line")->value_or(0) >= 3);
        QVERIFY(db.queryInt("SELECT count(DISTINCT work_unit_type) FROM ledger_usage_line")->value_or(0) >= 4);
        QVERIFY(db.queryInt("SELECT count(*) FROM raw_lakeflow_job_run_timeline WHERE result_state = 'FAILED'")->value_or(0) > 0);
        QVERIFY(db.queryInt("SELECT count(*) FROM ledger_usage_line WHERE cost_nanos IS NULL")->value_or(0) > 0);
        QVERIFY(db.queryInt("SELECT count(*) FROM attr_line WHERE team_key = ''")->value_or(0) > 0);
        QVERIFY(db.queryInt("SELECT count(*) FROM insight_finding")->value_or(0) > 0);
        // Insights name the job, not its id ("transform_events runs on all-purpose compute"); the
        // other job-scoped types (runs, failures) name it in their own sentences.
        QVERIFY(db.queryInt("SELECT count(*) FROM insight_finding f JOIN ledger_work_unit u ON u.work_unit_type = 'job' "
                            "AND u.work_unit_id = f.scope_id WHERE u.name <> '' AND f.title = u.name || ' runs on all-purpose compute'")
                    ->value_or(0)
            > 0);
        QCOMPARE(db.queryInt("SELECT count(*) FROM insight_finding f JOIN ledger_work_unit u ON u.work_unit_type = 'job' "
                             "AND u.work_unit_id = f.scope_id WHERE f.kind = 'jobs_on_all_purpose' AND u.name <> '' "
                             "AND f.title <> u.name || ' runs on all-purpose compute'")
                     ->value_or(-1),
            0);
        for (const char *table : {"raw_query_history", "raw_compute_node_timeline", "raw_compute_clusters", "raw_compute_warehouses",
                                  "raw_lakeflow_jobs", "raw_lakeflow_pipelines", "raw_lakeflow_pipeline_update_timeline",
                                  "raw_compute_warehouse_events", "raw_access_workspaces_latest"})
            QVERIFY2(db.queryInt(QByteArray("SELECT count(*) FROM ") + table)->value_or(0) > 0, table);
    }

    // A rebuild is all or nothing: readers keep the previous figures while it runs, and a
    // cancel (or failure) leaves every derived table exactly as it was.
    void cancelledRebuildKeepsThePreviousFigures()
    {
        test::TempStore store;
        demo::DemoOptions options;
        options.days = 20;
        options.endDate = QDate(2026, 11, 1);
        QVERIFY(load(store, options).ok());
        const DerivedDump before = dump(store.db());
        const qint64 lines = store.db().queryInt("SELECT count(*) FROM ledger_usage_line")->value_or(-1);
        QVERIFY(lines > 1000);

        auto reader = store::Store::open(store.path(), {.create = false, .readOnly = true});
        QVERIFY(reader);
        qint64 readerAfterReset = -1, writerAfterReset = -1;
        CancelToken cancel;
        const auto summary =
            job::runJob(store.db(), store.clock(), {job::JobKind::Rebuild, {}}, cancel, [&](const QString &stage, double, const QString &) {
                if (stage == QLatin1String("ledger") && writerAfterReset < 0) { // derived layers cleared, nothing rebuilt yet
                    writerAfterReset = store.db().queryInt("SELECT count(*) FROM ledger_usage_line")->value_or(-2);
                    readerAfterReset = reader->queryInt("SELECT count(*) FROM ledger_usage_line")->value_or(-2);
                }
                if (stage == QLatin1String("metrics"))
                    cancel.cancel();
            });
        QCOMPARE(summary.status, pipeline::RunStatus::Cancelled);
        QCOMPARE(writerAfterReset, 0);     // the rebuild had cleared the ledger...
        QCOMPARE(readerAfterReset, lines); // ...and a view's connection still read the previous one
        const DerivedDump after = dump(store.db());
        QCOMPARE(after.ledger, before.ledger);
        QCOMPARE(after.attribution, before.attribution);
        QCOMPARE(after.metrics, before.metrics);
        QCOMPARE(after.entities, before.entities);
        QCOMPARE(after.workloads, before.workloads);
        QCOMPARE(after.insights, before.insights);
        // The attempt is on record even though its work was rolled back.
        QCOMPARE(
            store.db().queryInt("SELECT count(*) FROM app_pipeline_run WHERE kind = 'rebuild' AND status = 'cancelled'")->value_or(-1), 1);
        QCOMPARE(
            store.db().queryInt("SELECT count(*) FROM app_audit_log WHERE action = 'rebuild' AND after = 'cancelled'")->value_or(-1), 1);

        // The same job, uncancelled, commits a rebuild equal to the incremental figures.
        CancelToken fresh;
        QVERIFY(job::runJob(store.db(), store.clock(), {job::JobKind::Rebuild, {}}, fresh).ok());
        const DerivedDump rebuilt = dump(store.db());
        QCOMPARE(rebuilt.ledger, before.ledger);
        QCOMPARE(rebuilt.metrics, before.metrics);
        QCOMPARE(rebuilt.attribution, before.attribution);
    }

    void cancelledDemoLeavesAConsistentStore()
    {
        test::TempStore store;
        demo::DemoOptions options;
        options.days = 30;
        options.endDate = QDate(2026, 11, 1);
        const job::JobSpec runnerSpec{job::JobKind::Demo, [&] { return std::make_unique<demo::DemoSource>(options); }};
        CancelToken cancel;
        const auto summary =
            job::runJob(store.db(), store.clock(), runnerSpec, cancel, [&](const QString &stage, double fraction, const QString &) {
                if (stage == QLatin1String("extract") && fraction > 0.3)
                    cancel.cancel();
            });
        QCOMPARE(summary.status, pipeline::RunStatus::Cancelled);
        QVERIFY(store.db().queryInt("SELECT count(*) FROM raw_batch WHERE status = 'cancelled'")->value_or(0) >= 1);
        auto integrity = store.db().prepare("PRAGMA integrity_check");
        QVERIFY(integrity && *integrity->step());
        QCOMPARE(integrity->text(0), QStringLiteral("ok"));
        // The next, uncancelled run completes on top of what was kept.
        CancelToken fresh;
        const job::JobSpec againSpec{job::JobKind::Process, {}};
        QVERIFY(job::runJob(store.db(), store.clock(), againSpec, fresh).ok());
    }
};

QTEST_GUILESS_MAIN(TestRebuild)
#include "tst_rebuild.moc"

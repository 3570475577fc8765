// Rows that arrive late, and entities older than the sync window, against the fake Databricks:
// billing corrections of any age (read by ingestion_date), SCD tables whose latest state is
// read whatever its age, event rows arriving inside each source's overlap; and after every
// sync the ledger equals a rebuild from raw, byte for byte.
#include "syncfixture.h"
#include "tabledump.h"
#include "tempstore.h"

#include "attribution/attributionconfig.h"
#include "clirun.h"
#include "reports/costreport.h"
#include "reports/entitynames.h"
#include "reports/snapshots.h"
#include "reports/workloads.h"

#include <QMap>
#include <QTest>

using namespace ll;
using namespace ll::test;

namespace {

extract::ClientCredentials patFor(const FakeDatabricks &fake) { return {credentials::AuthType::Pat, fake.pat, {}, {}, {}}; }

QString dump(const pipeline::RunSummary &s) { return describeRun(s); }

QString iso(const QDateTime &t) { return t.toUTC().toString(Qt::ISODateWithMs); }

// Decimal text -> nano-units, written out here so the expectation does not share the
// ledger's parser.
std::int64_t nanosOf(const QString &decimal)
{
    const bool negative = decimal.startsWith(QLatin1Char('-'));
    const QString digits = negative ? decimal.mid(1) : decimal;
    const QString whole = digits.section(QLatin1Char('.'), 0, 0);
    const QString fraction = (digits.section(QLatin1Char('.'), 1, 1) + QStringLiteral("000000000")).left(9);
    const std::int64_t v = whole.toLongLong() * 1000000000 + fraction.toLongLong();
    return negative ? -v : v;
}

// Independent day x workspace cost over the fake's billing rows ingested in [from, to]:
// one row per record_id, every record type summed, at the account's one price (0.15/DBU).
QMap<QString, std::int64_t> expectedDailyCost(FakeDatabricks &fake, const QDate &from, const QDate &to)
{
    FakeTable &t = fake.table(QStringLiteral("system.billing.usage"));
    const auto col = [&](const char *name) { return static_cast<int>(t.columns.indexOf(QString::fromLatin1(name))); };
    QSet<QString> seen;
    QMap<QString, std::int64_t> cost;
    for (const QJsonArray &row : t.rows) {
        const QDate ingested = QDate::fromString(row[col("ingestion_date")].toString(), Qt::ISODate);
        const QString id = row[col("record_id")].toString();
        if (ingested < from || ingested > to || seen.contains(id))
            continue;
        seen.insert(id);
        const QString day =
            QDateTime::fromString(row[col("usage_start_time")].toString(), Qt::ISODate).toUTC().date().toString(Qt::ISODate);
        cost[day + QLatin1Char('|') + row[col("workspace_id")].toString()] += nanosOf(row[col("usage_quantity")].toString()) * 15 / 100;
    }
    return cost;
}

QMap<QString, std::int64_t> storedDailyCost(store::Database &db)
{
    QMap<QString, std::int64_t> cost;
    auto stmt = db.prepare("SELECT day, workspace_id, cost_nanos FROM metrics_daily_workspace");
    if (!stmt)
        return cost;
    while (true) {
        auto row = stmt->step();
        if (!row || !*row)
            break;
        cost[stmt->text(0) + QLatin1Char('|') + stmt->text(1)] += stmt->int64(2);
    }
    return cost;
}

std::int64_t dayCost(store::Database &db, const QDate &day, const QDateTime &asOf)
{
    reports::CostQuery q;
    q.by = *reports::parseDimensions(QStringLiteral("day"));
    q.from = day;
    q.to = day;
    q.asOf = asOf;
    auto t = reports::queryCost(db, q);
    return t && !t->rows.isEmpty() ? t->rows.first().costNanos : -1;
}

// Rebuilds every derived layer from raw and compares each table with what incremental
// processing left; returns the first table that differs (empty = identical).
QByteArray rebuildMismatch(TempStore &store)
{
    const auto incremental = dumpDerived(store.db());
    CancelToken cancel;
    if (!job::runJob(store.db(), store.clock(), {job::JobKind::Rebuild, {}}, cancel).ok())
        return "rebuild failed";
    const auto rebuilt = dumpDerived(store.db());
    for (qsizetype i = 0; i < incremental.size(); ++i) {
        if (incremental[i].second != rebuilt[i].second)
            return incremental[i].first;
    }
    return {};
}

QHash<QString, QString> lateUsage(const QString &id, const QDateTime &start, const QString &quantity, const QString &type,
    const QDate &ingested, const QString &workspace = QStringLiteral("w1"), const QString &metadata = QStringLiteral("{}"))
{
    QHash<QString, QString> row =
        usageRow(id, workspace, QStringLiteral("PREMIUM_JOBS_COMPUTE"), iso(start), quantity, type, QStringLiteral("{}"), metadata);
    row.insert(QStringLiteral("ingestion_date"), ingested.toString(Qt::ISODate));
    return row;
}

} // namespace

class TestLateArrivals : public QObject {
    Q_OBJECT
private slots:
    void billingCorrectionsOfAnyAgeEqualARebuild()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        TempStore store;
        CancelToken cancel;
        const SyncRun first = runSync(store.db(), store.clock(), fastClient(fake), patFor(fake), fastDirect(), cancel);
        QVERIFY2(first.summary.ok(), qPrintable(dump(first.summary)));
        const QDate historyStart = kNow.addDays(-90).date();
        QCOMPARE(storedDailyCost(store.db()), expectedDailyCost(fake, historyStart, kNow.date()));
        QCOMPARE(rebuildMismatch(store), QByteArray());

        // Tomorrow Databricks corrects one hour of a day two months back (a RETRACTION and a
        // RESTATEMENT) and delivers an hour of usage ten days late: far beyond any usage-time
        // lookback, but ingested after the last sync.
        const QDate corrected = kNow.addDays(-60).date();
        const QDateTime hour(corrected, QTime(10, 0), Qt::UTC);
        const QDate tomorrow = kNow.date().addDays(1);
        const QDateTime lateHour(kNow.addDays(-9).date(), QTime(23, 0), Qt::UTC);
        const std::int64_t correctedBefore = dayCost(store.db(), corrected, {});
        const std::int64_t lateBefore = dayCost(store.db(), lateHour.date(), {});
        QCOMPARE(correctedBefore, 24 * 187500000LL);
        fake.addRow(QStringLiteral("system.billing.usage"),
            lateUsage(QStringLiteral("fix-1"), hour, QStringLiteral("-1.250000000000000000"), QStringLiteral("RETRACTION"), tomorrow));
        fake.addRow(QStringLiteral("system.billing.usage"),
            lateUsage(QStringLiteral("fix-2"), hour, QStringLiteral("2.000000000000000000"), QStringLiteral("RESTATEMENT"), tomorrow));
        fake.addRow(QStringLiteral("system.billing.usage"),
            lateUsage(QStringLiteral("late-1"), lateHour, QStringLiteral("4.000000000000000000"), QStringLiteral("ORIGINAL"), tomorrow));
        const QDateTime secondAt = kNow.addDays(1).addSecs(3 * 3600);
        store.clock().set(secondAt);
        const SyncRun second = runSync(store.db(), store.clock(), fastClient(fake), patFor(fake), fastDirect(), cancel);
        QVERIFY2(second.summary.ok(), qPrintable(dump(second.summary)));

        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM ledger_usage_line WHERE record_id IN ('fix-1', 'fix-2', 'late-1')"), 3);
        QCOMPARE(dayCost(store.db(), corrected, {}), correctedBefore + 112500000);  // (-1.25 + 2.0) x 0.15
        QCOMPARE(dayCost(store.db(), lateHour.date(), {}), lateBefore + 600000000); // 4 x 0.15
        QCOMPARE(storedDailyCost(store.db()), expectedDailyCost(fake, historyStart, tomorrow));

        // As of an instant between the syncs the old figures stand; corrections are listed
        // against the day they correct, in the batch that brought them.
        QCOMPARE(dayCost(store.db(), corrected, kNow.addSecs(3600)), correctedBefore);
        QCOMPARE(dayCost(store.db(), corrected, secondAt.addSecs(3600)), correctedBefore + 112500000);
        auto corrections = reports::loadCorrections(store.db());
        QVERIFY(corrections);
        QCOMPARE(corrections->size(), 1);
        const reports::CorrectionRow &c = corrections->first();
        QCOMPARE(c.usageDay, corrected);
        QCOMPARE(c.retractions, 1);
        QCOMPARE(c.restatements, 1);
        QCOMPARE(c.netCostNanos, 112500000);
        QCOMPARE(c.batchId, scalar(store.db(), "SELECT max(batch_id) FROM raw_batch WHERE source = 'billing_usage'"));

        QCOMPARE(rebuildMismatch(store), QByteArray());
    }
    void entityStateOfAnyAgeAndLateEventRows()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        fake.addCatalogTables();
        seedBilling(fake, kNow.addDays(-5), kNow.addSecs(-2 * 3600));
        fake.addRow(QStringLiteral("system.billing.list_prices"),
            priceRow(QStringLiteral("PREMIUM_JOBS_COMPUTE"), QStringLiteral("2025-01-01T00:00:00.000Z"), {}, QStringLiteral("0.15"),
                QStringLiteral("0.15")));
        const auto at = [](int days) { return iso(kNow.addDays(days)); };
        const QString w = QStringLiteral("workspace_id");
        // Entities last changed long before the 90-day history window; one job edited twice,
        // one cluster deleted long ago (no usage can name it inside the window).
        fake.addRow(QStringLiteral("system.lakeflow.jobs"),
            {{w, QStringLiteral("w1")}, {QStringLiteral("job_id"), QStringLiteral("7")},
                {QStringLiteral("name"), QStringLiteral("nightly v1")}, {QStringLiteral("change_time"), at(-500)}});
        fake.addRow(QStringLiteral("system.lakeflow.jobs"),
            {{w, QStringLiteral("w1")}, {QStringLiteral("job_id"), QStringLiteral("7")},
                {QStringLiteral("name"), QStringLiteral("nightly v2")}, {QStringLiteral("change_time"), at(-450)},
                {QStringLiteral("tags"), QStringLiteral("{\"team\":\"data\"}")}});
        fake.addRow(QStringLiteral("system.lakeflow.job_tasks"),
            {{w, QStringLiteral("w1")}, {QStringLiteral("job_id"), QStringLiteral("7")},
                {QStringLiteral("task_key"), QStringLiteral("ingest")}, {QStringLiteral("change_time"), at(-500)}});
        fake.addRow(QStringLiteral("system.compute.clusters"),
            {{w, QStringLiteral("w1")}, {QStringLiteral("cluster_id"), QStringLiteral("c-old")},
                {QStringLiteral("cluster_name"), QStringLiteral("legacy etl")}, {QStringLiteral("change_time"), at(-400)}});
        fake.addRow(QStringLiteral("system.compute.clusters"),
            {{w, QStringLiteral("w1")}, {QStringLiteral("cluster_id"), QStringLiteral("c-gone")},
                {QStringLiteral("cluster_name"), QStringLiteral("gone")}, {QStringLiteral("change_time"), at(-400)},
                {QStringLiteral("delete_time"), at(-200)}});
        fake.addRow(QStringLiteral("system.compute.warehouses"),
            {{w, QStringLiteral("w1")}, {QStringLiteral("warehouse_id"), QStringLiteral("wh-old")},
                {QStringLiteral("warehouse_name"), QStringLiteral("BI")}, {QStringLiteral("change_time"), at(-300)}});
        fake.addRow(QStringLiteral("system.lakeflow.pipelines"),
            {{w, QStringLiteral("w1")}, {QStringLiteral("pipeline_id"), QStringLiteral("p-old")},
                {QStringLiteral("name"), QStringLiteral("cdc")}, {QStringLiteral("change_time"), at(-380)}});
        TempStore store;
        CancelToken cancel;
        extract::DirectOptions options = fastDirect();
        options.restEnrichment = false;
        const SyncRun first = runSync(store.db(), store.clock(), fastClient(fake), patFor(fake), options, cancel);
        QVERIFY2(first.summary.ok(), qPrintable(dump(first.summary)));
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_lakeflow_jobs"), 1); // the latest row only
        QCOMPARE(scalar(store.db(),
                     "SELECT count(*) FROM ledger_job_current WHERE job_id = '7' AND name = 'nightly v2' AND tags = '{\"team\":\"data\"}'"),
            1);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM ledger_job_task"), 1);
        QCOMPARE(
            scalar(store.db(), "SELECT count(*) FROM ledger_cluster_current WHERE cluster_id = 'c-old' AND cluster_name = 'legacy etl'"),
            1);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_compute_clusters WHERE cluster_id = 'c-gone'"), 0);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM ledger_warehouse_current WHERE warehouse_name = 'BI'"), 1);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM ledger_pipeline_current WHERE name = 'cdc'"), 1);
        QVERIFY(fake.statements.contains(QStringLiteral(
            "SELECT `account_id`, `workspace_id`, `job_id`, `name`, `description`, `creator_id`, `tags`, `change_time`, `delete_time`, `run_as`, `trigger` "
            "FROM (SELECT `account_id`, `workspace_id`, `job_id`, `name`, `description`, `creator_id`, `tags`, `change_time`, `delete_time`, `run_as`, `trigger`, "
            "row_number() OVER (PARTITION BY `workspace_id`, `job_id` ORDER BY `change_time` DESC) AS ll_latest "
            "FROM system.lakeflow.jobs WHERE `change_time` < :until) WHERE ll_latest = 1 AND (`delete_time` IS NULL OR `delete_time` >= :until)")));
        // Event tables stay bounded by the history window: a 100-day-old run is not read.
        fake.addRow(QStringLiteral("system.lakeflow.job_run_timeline"),
            {{w, QStringLiteral("w1")}, {QStringLiteral("job_id"), QStringLiteral("7")},
                {QStringLiteral("run_id"), QStringLiteral("run-ancient")}, {QStringLiteral("period_start_time"), at(-101)},
                {QStringLiteral("period_end_time"), at(-100)}});

        // Rows that arrive after the first sync, each older than its watermark by less than
        // its source's overlap: a job edit from 12 h ago, the slices of a run that ended two
        // days ago (written when it ended), a query that finished 20 h ago, a node minute
        // 10 h old; and one run slice 5 days old, beyond the 3-day timeline overlap.
        fake.addRow(QStringLiteral("system.lakeflow.jobs"),
            {{w, QStringLiteral("w1")}, {QStringLiteral("job_id"), QStringLiteral("7")},
                {QStringLiteral("name"), QStringLiteral("nightly v3")}, {QStringLiteral("change_time"), iso(kNow.addSecs(-12 * 3600))}});
        for (int slice = 0; slice < 3; ++slice)
            fake.addRow(QStringLiteral("system.lakeflow.job_run_timeline"),
                {{w, QStringLiteral("w1")}, {QStringLiteral("job_id"), QStringLiteral("7")},
                    {QStringLiteral("run_id"), QStringLiteral("run-long")},
                    {QStringLiteral("period_start_time"), iso(kNow.addDays(-2).addSecs((slice - 3) * 3600))},
                    {QStringLiteral("period_end_time"), iso(kNow.addDays(-2).addSecs((slice - 2) * 3600))},
                    {QStringLiteral("result_state"), slice == 2 ? QStringLiteral("SUCCEEDED") : QString()}});
        fake.addRow(QStringLiteral("system.lakeflow.job_run_timeline"),
            {{w, QStringLiteral("w1")}, {QStringLiteral("job_id"), QStringLiteral("7")},
                {QStringLiteral("run_id"), QStringLiteral("run-too-late")}, {QStringLiteral("period_start_time"), at(-6)},
                {QStringLiteral("period_end_time"), at(-5)}});
        fake.addRow(QStringLiteral("system.query.history"),
            {{w, QStringLiteral("w1")}, {QStringLiteral("statement_id"), QStringLiteral("q-late")},
                {QStringLiteral("compute"), QStringLiteral("{\"type\":\"WAREHOUSE\",\"warehouse_id\":\"wh-old\"}")},
                {QStringLiteral("execution_status"), QStringLiteral("FINISHED")},
                {QStringLiteral("start_time"), iso(kNow.addSecs(-21 * 3600))},
                {QStringLiteral("end_time"), iso(kNow.addSecs(-20 * 3600))}});
        fake.addRow(QStringLiteral("system.compute.node_timeline"),
            {{w, QStringLiteral("w1")}, {QStringLiteral("cluster_id"), QStringLiteral("c-old")},
                {QStringLiteral("instance_id"), QStringLiteral("i-1")}, {QStringLiteral("start_time"), iso(kNow.addSecs(-10 * 3600 - 60))},
                {QStringLiteral("end_time"), iso(kNow.addSecs(-10 * 3600))}});
        const qsizetype statementsBefore = fake.statements.size();
        store.clock().set(kNow.addSecs(3600));
        const SyncRun second = runSync(store.db(), store.clock(), fastClient(fake), patFor(fake), options, cancel);
        QVERIFY2(second.summary.ok(), qPrintable(dump(second.summary)));
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM ledger_job_current WHERE job_id = '7' AND name = 'nightly v3'"), 1);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM ledger_job WHERE job_id = '7'"), 2); // v2 kept as history
        QCOMPARE(
            scalar(store.db(),
                "SELECT count(*) FROM ledger_run WHERE run_id = 'run-long' AND result_state = 'SUCCEEDED' AND end_time - start_time = 3 * 3600"),
            1);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM ledger_run WHERE run_id IN ('run-too-late', 'run-ancient')"), 0);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM ledger_query WHERE statement_id = 'q-late' AND warehouse_id = 'wh-old'"), 1);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_compute_node_timeline WHERE instance_id = 'i-1'"), 1);
        // Later syncs read entity tables by change_time, never the whole history again.
        const QStringList later = fake.statements.mid(statementsBefore);
        QVERIFY(later.contains(QStringLiteral(
            "SELECT `account_id`, `workspace_id`, `job_id`, `name`, `description`, `creator_id`, `tags`, `change_time`, `delete_time`, `run_as`, `trigger` "
            "FROM system.lakeflow.jobs WHERE `change_time` >= :since AND `change_time` < :until ORDER BY `change_time`")));
        QVERIFY(std::none_of(later.begin(), later.end(), [](const QString &sql) { return sql.contains(QLatin1String("ll_latest")); }));
        QCOMPARE(rebuildMismatch(store), QByteArray());
    }
    // The "done when": entities all older than the sync window, no lakeflow schema
    // (names come from REST only), a correction 5+ weeks old and usage 10 days late arriving
    // on a later sync. After each sync: day x workspace cost equals an independent sum to the
    // cent, every workload has its name, a tag rule on a REST-only tag attributes, and a
    // rebuild equals the incremental store byte for byte.
    void realAccountDoneWhen()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        fake.addCatalogTables();
        for (const char *t : {"jobs", "job_tasks", "job_run_timeline", "job_task_run_timeline", "pipelines", "pipeline_update_timeline"})
            fake.removeTable(QStringLiteral("system.lakeflow.") + QLatin1String(t));
        fake.removeTable(QStringLiteral("system.access.workspaces_latest"));
        fake.addRow(QStringLiteral("system.billing.list_prices"),
            priceRow(QStringLiteral("PREMIUM_JOBS_COMPUTE"), QStringLiteral("2025-01-01T00:00:00.000Z"), {}, QStringLiteral("0.15"),
                QStringLiteral("0.15")));
        const QStringList metadata = {QStringLiteral("{\"job_id\":\"11\",\"job_run_id\":\"run-1\"}"),
            QStringLiteral("{\"cluster_id\":\"c-1\"}"), QStringLiteral("{\"warehouse_id\":\"wh-1\"}"),
            QStringLiteral("{\"dlt_pipeline_id\":\"p-1\"}")};
        int n = 0;
        for (QDateTime start = kNow.addDays(-50); start < kNow.addSecs(-3 * 3600); start = start.addSecs(3600), ++n) {
            QHash<QString, QString> row = usageRow(QStringLiteral("u%1").arg(n), n % 2 ? QStringLiteral("1001") : QStringLiteral("1002"),
                QStringLiteral("PREMIUM_JOBS_COMPUTE"), iso(start), QStringLiteral("1.250000000000000000"), QStringLiteral("ORIGINAL"),
                QStringLiteral("{}"), metadata[n % 4]);
            fake.addRow(QStringLiteral("system.billing.usage"), row);
        }
        // compute.* is granted: a cluster and a warehouse unchanged for a year.
        fake.addRow(QStringLiteral("system.compute.clusters"),
            {{QStringLiteral("workspace_id"), QStringLiteral("1002")}, {QStringLiteral("cluster_id"), QStringLiteral("c-1")},
                {QStringLiteral("cluster_name"), QStringLiteral("etl cluster")}, {QStringLiteral("change_time"), iso(kNow.addDays(-400))}});
        fake.addRow(QStringLiteral("system.compute.warehouses"),
            {{QStringLiteral("workspace_id"), QStringLiteral("1001")}, {QStringLiteral("warehouse_id"), QStringLiteral("wh-1")},
                {QStringLiteral("warehouse_name"), QStringLiteral("bi warehouse")},
                {QStringLiteral("change_time"), iso(kNow.addDays(-300))}});
        // REST: the only source of the job's and the pipeline's names; tags only there.
        fake.jobs = {QJsonObject{{QStringLiteral("job_id"), 11}, {QStringLiteral("creator_user_name"), QStringLiteral("ana@example.com")},
            {QStringLiteral("settings"),
                QJsonObject{{QStringLiteral("name"), QStringLiteral("nightly etl")},
                    {QStringLiteral("tags"), QJsonObject{{QStringLiteral("cost_center"), QStringLiteral("CC-42")}}}}}}};
        fake.clusters = {QJsonObject{{QStringLiteral("cluster_id"), QStringLiteral("c-1")},
            {QStringLiteral("cluster_name"), QStringLiteral("etl cluster")},
            {QStringLiteral("custom_tags"), QJsonObject{{QStringLiteral("team"), QStringLiteral("platform")}}},
            {QStringLiteral("autotermination_minutes"), 45}}};
        fake.warehouses = {
            QJsonObject{{QStringLiteral("id"), QStringLiteral("wh-1")}, {QStringLiteral("name"), QStringLiteral("bi warehouse")},
                {QStringLiteral("auto_stop_mins"), 10}, {QStringLiteral("cluster_size"), QStringLiteral("Small")},
                {QStringLiteral("tags"),
                    QJsonObject{{QStringLiteral("custom_tags"),
                        QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("cost_center")},
                            {QStringLiteral("value"), QStringLiteral("CC-42")}}}}}}}};
        fake.pipelines = {
            QJsonObject{{QStringLiteral("pipeline_id"), QStringLiteral("p-1")}, {QStringLiteral("name"), QStringLiteral("cdc pipeline")}}};
        fake.workspaces = {QJsonObject{{QStringLiteral("workspace_id"), 1001}, {QStringLiteral("workspace_name"), QStringLiteral("prod")}},
            QJsonObject{{QStringLiteral("workspace_id"), 1002}, {QStringLiteral("workspace_name"), QStringLiteral("dev")}}};

        TempStore store;
        auto config = attribution::AttributionConfig::fromJson(
            "{\"rules\": [{\"name\": \"Finance cost centre\", \"kind\": \"pattern\", \"match\": {\"field\": \"tag\", \"key\": \"cost_center\", "
            "\"regex\": \"^CC-42$\"}, \"assign\": {\"mode\": \"direct\", \"team\": \"finance\"}}]}");
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
        QVERIFY(attribution::AttributionConfig::save(store.db(), store.clock(), QStringLiteral("tester"), *config));
        const extract::ClientCredentials oauth{credentials::AuthType::OAuthM2M, {}, fake.clientId, fake.clientSecret, fake.accountId};
        extract::DirectOptions options = fastDirect();
        options.historyDays = 60;
        CancelToken cancel;

        const auto check = [&](const QDate &ingestedUpTo, const QString &jobName) -> QByteArray {
            if (storedDailyCost(store.db()) != expectedDailyCost(fake, kNow.addDays(-60).date(), ingestedUpTo))
                return "day x workspace cost differs from raw";
            auto rows = reports::queryWorkloads(store.db(), {});
            if (!rows || rows->size() != 4)
                return "expected four workloads";
            const QHash<QString, QString> expectedNames = {{QStringLiteral("job"), jobName},
                {QStringLiteral("cluster"), QStringLiteral("etl cluster")}, {QStringLiteral("warehouse"), QStringLiteral("bi warehouse")},
                {QStringLiteral("pipeline"), QStringLiteral("cdc pipeline")}};
            for (const auto &r : *rows) {
                if (r.name != expectedNames.value(r.workUnitType))
                    return (r.workUnitType + QStringLiteral(" named '%1'").arg(r.name)).toUtf8();
            }
            // The tag rule on REST-only tags: the job's settings.tags and the warehouse's
            // tags.custom_tags[]; the cluster's REST team tag through the fallback.
            if (scalar(store.db(),
                    "SELECT count(*) FROM attr_line a JOIN ledger_usage_line l USING (line_id) "
                    "WHERE l.work_unit_type IN ('job', 'warehouse') AND (a.team_key <> 'finance' OR a.method NOT LIKE 'rule%')")
                    != 0
                || scalar(store.db(),
                       "SELECT count(*) FROM attr_line a JOIN ledger_usage_line l USING (line_id) WHERE l.work_unit_type = 'job'")
                    == 0)
                return "REST tags did not attribute to finance by the rule";
            if (scalar(store.db(),
                    "SELECT count(*) FROM attr_line a JOIN ledger_usage_line l USING (line_id) "
                    "WHERE l.work_unit_type = 'cluster' AND a.team_key <> 'platform'")
                != 0)
                return "the cluster's REST team tag did not attribute";
            return {};
        };

        const SyncRun first = runSync(store.db(), store.clock(), fastClient(fake), oauth, options, cancel);
        QVERIFY2(first.summary.ok(), qPrintable(dump(first.summary)));
        QCOMPARE(first.status(QStringLiteral("lakeflow_jobs")), QStringLiteral("unavailable"));
        QCOMPARE(check(kNow.date(), QStringLiteral("nightly etl")), QByteArray());
        // Where each entity's current state came from.
        QCOMPARE(scalar(store.db(),
                     "SELECT count(*) FROM ledger_job_current WHERE job_id = '11' AND source = 'rest' AND creator_id = 'ana@example.com'"),
            1);
        QCOMPARE(scalar(store.db(),
                     "SELECT count(*) FROM ledger_cluster_current WHERE cluster_id = 'c-1' AND source = 'rest' "
                     "AND auto_termination_minutes = 45 AND workspace_id = '1002'"),
            1); // workspace from the system row
        QCOMPARE(scalar(store.db(),
                     "SELECT count(*) FROM ledger_warehouse_current WHERE warehouse_id = 'wh-1' AND auto_stop_minutes = 10 "
                     "AND warehouse_size = 'Small' AND tags = '{\"cost_center\":\"CC-42\"}'"),
            1);
        QCOMPARE(
            scalar(store.db(), "SELECT count(*) FROM ledger_workspace WHERE workspace_name IN ('prod', 'dev') AND name_source = 'rest'"),
            2);
        QCOMPARE(rebuildMismatch(store), QByteArray());

        // Eleven days later: a correction for a day 6 weeks back and usage 10 days late; the
        // REST listing is unchanged (no new snapshot rows) but the job got a new name.
        const QDate laterDay = kNow.date().addDays(11);
        const QDateTime old(kNow.addDays(-42).date(), QTime(5, 0), Qt::UTC);
        fake.addRow(QStringLiteral("system.billing.usage"),
            lateUsage(QStringLiteral("fix-a"), old, QStringLiteral("-1.250000000000000000"), QStringLiteral("RETRACTION"), laterDay,
                QStringLiteral("1001"), metadata[1]));
        fake.addRow(QStringLiteral("system.billing.usage"),
            lateUsage(QStringLiteral("fix-b"), old, QStringLiteral("0.500000000000000000"), QStringLiteral("RESTATEMENT"), laterDay,
                QStringLiteral("1001"), metadata[1]));
        for (int h = 0; h < 6; ++h)
            fake.addRow(QStringLiteral("system.billing.usage"),
                lateUsage(QStringLiteral("late-%1").arg(h), QDateTime(laterDay.addDays(-10), QTime(h, 0), Qt::UTC),
                    QStringLiteral("2.000000000000000000"), QStringLiteral("ORIGINAL"), laterDay, QStringLiteral("1002"), metadata[0]));
        QJsonObject renamed = fake.jobs.first();
        QJsonObject settings = renamed.value(QStringLiteral("settings")).toObject();
        settings.insert(QStringLiteral("name"), QStringLiteral("nightly etl v2"));
        renamed.insert(QStringLiteral("settings"), settings);
        fake.jobs = {renamed};
        const std::int64_t snapshots =
            scalar(store.db(), "SELECT count(*) FROM ledger_cluster") + scalar(store.db(), "SELECT count(*) FROM ledger_warehouse");
        store.clock().set(QDateTime(laterDay, QTime(6, 0), Qt::UTC));
        const SyncRun second = runSync(store.db(), store.clock(), fastClient(fake), oauth, options, cancel);
        QVERIFY2(second.summary.ok(), qPrintable(dump(second.summary)));
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM ledger_usage_line WHERE record_id LIKE 'fix-%' OR record_id LIKE 'late-%'"), 8);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM ledger_cluster") + scalar(store.db(), "SELECT count(*) FROM ledger_warehouse"),
            snapshots);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM ledger_job WHERE job_id = '11'"), 2);
        QCOMPARE(check(laterDay, QStringLiteral("nightly etl v2")), QByteArray());
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM ledger_work_unit WHERE work_unit_id = '11' AND name = 'nightly etl v2'"), 1);
        QCOMPARE(rebuildMismatch(store), QByteArray());

        // The CLI: every workload named, workspaces named beside their ids; an unknown id says why.
        const CliRun workloads = cli({QStringLiteral("--store"), store.path(), QStringLiteral("report"), QStringLiteral("workloads")});
        QCOMPARE(workloads.exitCode, 0);
        const QList<QByteArray> lines = workloads.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        QVERIFY(lines[0].startsWith("work_unit_type,work_unit_id,name,workspace,cost,"));
        QVERIFY(lines[0].trimmed().endsWith(",workspace_name"));
        for (const char *name : {"nightly etl v2", "etl cluster", "bi warehouse", "cdc pipeline"})
            QVERIFY2(workloads.out.contains(QByteArray(",") + name + ","), name);
        QVERIFY(workloads.out.contains(",1001,") && workloads.out.contains(",prod") && workloads.out.contains(",dev"));
        const CliRun byJob = cli({QStringLiteral("--store"), store.path(), QStringLiteral("report"), QStringLiteral("cost"),
            QStringLiteral("--by"), QStringLiteral("job,workspace")});
        QCOMPARE(byJob.exitCode, 0);
        QVERIFY(byJob.out.startsWith("job,workspace,cost,list_cost,quantity,unpriced_quantity,job_name,workspace_name"));
        QVERIFY(byJob.out.contains(",nightly etl v2,dev"));
        QVERIFY(byJob.out.contains(",(no id),prod")); // lines that are not a job's say so
        reports::EntityNames names(store.db());
        QCOMPARE(names.workUnit(QStringLiteral("job"), QStringLiteral("999")).value(),
            QStringLiteral("(name unknown: not in system.lakeflow.jobs or the Jobs API)"));
        QCOMPARE(names.workspace(QStringLiteral("1002")).value(), QStringLiteral("dev"));
    }
};

QTEST_GUILESS_MAIN(TestLateArrivals)
#include "tst_latearrivals.moc"

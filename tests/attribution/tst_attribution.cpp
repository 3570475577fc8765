// The attribution engine on hand-built accounts with known answers, and conservation of cost
// on the demo account under randomised rule sets.
#include "attribution/attributionconfig.h"
#include "attribution/preview.h"
#include "demo/demosource.h"
#include "job/job.h"
#include "pipeline/extractstage.h"
#include "pipeline/pipelinerunner.h"
#include "rawbuilder.h"
#include "reports/attributionreport.h"
#include "reports/lineitems.h"
#include "tempstore.h"

#include <QRandomGenerator>
#include <QTest>

using namespace ll;
using attribution::AttributionConfig;

namespace {

constexpr qint64 kUnit = 1'000'000'000;

bool process(test::TempStore &store)
{
    const job::JobSpec runnerSpec{job::JobKind::Process, {}};
    CancelToken cancel;
    const auto summary = job::runJob(store.db(), store.clock(), runnerSpec, cancel);
    if (!summary.ok())
        qWarning() << summary.error.toString();
    return summary.ok();
}

bool configure(test::TempStore &store, const QByteArray &json)
{
    auto config = AttributionConfig::fromJson(json);
    if (!config) {
        qWarning() << config.error().message;
        return false;
    }
    return AttributionConfig::save(store.db(), store.clock(), QStringLiteral("tester"), *config).ok() && process(store);
}

QMap<QString, qint64> byOwner(store::Database &db, const QString &axis, bool afterSharing = false)
{
    reports::AttributionQuery q;
    q.axis = reports::attributionAxisFromText(axis).value();
    q.afterSharing = afterSharing;
    QMap<QString, qint64> m;
    const auto rows = reports::queryAttribution(db, q);
    if (!rows)
        return m;
    for (const auto &r : rows.value())
        m[r.owner] += r.costNanos;
    return m;
}

// Day 2026-10-01, price 1 per DBU so cost = quantity.
void seed(test::TempStore &store)
{
    test::RawBuilder prices(store.db(), store.clock(), QStringLiteral("billing_list_prices"));
    prices.addRow(test::priceRow(QStringLiteral("S"), QStringLiteral("2026-01-01T00:00:00Z"), QString(), QStringLiteral("1"), QStringLiteral("1")));
    QVERIFY(prices.flush());
    test::RawBuilder jobs(store.db(), store.clock(), QStringLiteral("lakeflow_jobs"));
    jobs.addRow({{QStringLiteral("job_id"), QStringLiteral("7")}, {QStringLiteral("workspace_id"), QStringLiteral("w")},
                 {QStringLiteral("name"), QStringLiteral("nightly-etl")}, {QStringLiteral("change_time"), QStringLiteral("2026-09-01T00:00:00Z")},
                 {QStringLiteral("tags"), QStringLiteral("{\"TEAM\":\"Data-Eng\"}")}});
    QVERIFY(jobs.flush());
    test::RawBuilder usage(store.db(), store.clock(), QStringLiteral("billing_usage"));
    const QString h10 = QStringLiteral("2026-10-01T10:00:00Z");
    const auto row = [&](const char *id, const char *qty, const char *tags, const char *metadata, const char *runAs) {
        auto r = test::usageRow(QString::fromLatin1(id), QStringLiteral("w"), QStringLiteral("S"), h10, QString::fromLatin1(qty), QStringLiteral("ORIGINAL"),
                                QString::fromLatin1(tags), QString::fromLatin1(metadata));
        r[QStringLiteral("identity_metadata")] = QStringLiteral("{\"run_as\":\"%1\",\"owned_by\":\"owner@acme.io\"}").arg(QString::fromLatin1(runAs));
        usage.addRow(r);
    };
    row("tagged", "1", "{\"team\":\"ML\"}", "{}", "a@acme.io");                        // line tag
    row("jobtag", "2", "{}", "{\"job_id\":\"7\"}", "a@acme.io");                        // job's tag
    row("identity", "4", "{}", "{\"notebook_id\":\"n1\"}", "bob@acme.io");               // identity map
    row("owner", "8", "{}", "{\"notebook_id\":\"n2\"}", "nobody@acme.io");              // owner's team
    row("wh", "16", "{}", "{\"warehouse_id\":\"wh1\"}", "svc");                          // shared warehouse
    row("nb", "32", "{}", "{\"notebook_id\":\"n3\",\"notebook_path\":\"/Repos/fraud/train\"}", "nobody@x.org");
    QVERIFY(usage.flush());
    test::RawBuilder queries(store.db(), store.clock(), QStringLiteral("query_history"));
    const auto query = [&](const char *id, const char *who, const char *start, const char *end) {
        queries.addRow({{QStringLiteral("statement_id"), QString::fromLatin1(id)}, {QStringLiteral("workspace_id"), QStringLiteral("w")},
                        {QStringLiteral("executed_by"), QString::fromLatin1(who)}, {QStringLiteral("compute"), QStringLiteral("{\"type\":\"WAREHOUSE\",\"warehouse_id\":\"wh1\"}")},
                        {QStringLiteral("start_time"), QString::fromLatin1(start)}, {QStringLiteral("end_time"), QString::fromLatin1(end)}});
    };
    // In 10:00-11:00: alice 10:00-10:30, bob 10:15-10:45 (overlap), so busy 45 min, idle 15.
    query("q1", "alice@acme.io", "2026-10-01T10:00:00Z", "2026-10-01T10:30:00Z");
    query("q2", "bob@acme.io", "2026-10-01T10:15:00Z", "2026-10-01T10:45:00Z");
    query("q3", "alice@acme.io", "2026-10-01T09:00:00Z", "2026-10-01T09:59:00Z"); // other hour
    QVERIFY(queries.flush());
}

const QByteArray kConfig = "{\n"
    "  \"hierarchy\": [\n"
    "    {\"key\": \"analytics\", \"kind\": \"org_unit\", \"name\": \"Analytics Org\"},\n"
    "    {\"key\": \"science\", \"kind\": \"department\", \"name\": \"Data Science\", \"parent\": \"analytics\"},\n"
    "    {\"key\": \"ml\", \"kind\": \"team\", \"name\": \"ML\", \"parent\": \"science\"},\n"
    "    {\"key\": \"fraud\", \"kind\": \"team\", \"name\": \"Fraud\", \"parent\": \"science\"}\n"
    "  ],\n"
    "  \"buckets\": [{\"key\": \"platform\", \"name\": \"Platform\", \"policy\": \"even\"}],\n"
    "  \"identities\": [\n"
    "    {\"principal\": \"bob@acme.io\", \"team\": \"fraud\"},\n"
    "    {\"principal\": \"alice@acme.io\", \"team\": \"ml\"},\n"
    "    {\"principal\": \"owner@acme.io\", \"team\": \"platform-team\"}\n"
    "  ],\n"
    "  \"rules\": [\n"
    "    {\"name\": \"shared warehouse\", \"kind\": \"exact\", \"match\": {\"resource\": \"warehouse\", \"ids\": [\"wh1\"]}, \"assign\": {\"mode\": \"usage\"}},\n"
    "    {\"name\": \"fraud notebooks\", \"kind\": \"pattern\", \"match\": {\"field\": \"notebook_path\", \"regex\": \"^/Repos/fraud/\"},\n"
    "     \"assign\": {\"mode\": \"split\", \"splits\": [{\"team\": \"fraud\", \"percent\": \"75\"}, {\"team\": \"ml\", \"project\": \"churn\", \"percent\": \"25\"}]}}\n"
    "  ],\n"
    "  \"idle_policy\": \"owner\"\n"
    "}";

} // namespace

class TestAttribution : public QObject {
    Q_OBJECT
private slots:
    void waterfallRulesUsageSplitAndIdle()
    {
        test::TempStore store;
        seed(store);
        QVERIFY(configure(store, kConfig));
        const auto team = byOwner(store.db(), QStringLiteral("team"));
        // tagged 1 -> ML; split 32 -> fraud 24, ML 8; warehouse 16: idle 4 (15 of 60 min), busy 12
        // split by query time alice 30 min / bob 30 min -> ML 6, Fraud 6; identity 4 -> Fraud;
        // owner 8 -> platform-team; job tag 2 -> Data-Eng.
        QCOMPARE(team.value(QStringLiteral("ML")), 1 * kUnit + 8 * kUnit + 6 * kUnit);
        QCOMPARE(team.value(QStringLiteral("Fraud")), 24 * kUnit + 6 * kUnit + 4 * kUnit);
        QCOMPARE(team.value(QStringLiteral("idle")), 4 * kUnit);
        QCOMPARE(team.value(QStringLiteral("platform-team")), 8 * kUnit);
        QCOMPARE(team.value(QStringLiteral("Data-Eng")), 2 * kUnit);
        qint64 total = 0;
        for (auto v : team)
            total += v;
        QCOMPARE(total, 63 * kUnit);
        // After sharing, idle goes to the warehouse owner's team.
        QCOMPARE(byOwner(store.db(), QStringLiteral("team"), true).value(QStringLiteral("platform-team")), 12 * kUnit);
        // The hierarchy rolls up; teams outside it are "(unassigned)".
        const auto dept = byOwner(store.db(), QStringLiteral("department"));
        QCOMPARE(dept.value(QStringLiteral("Data Science")), 15 * kUnit + 34 * kUnit);
        QCOMPARE(byOwner(store.db(), QStringLiteral("org")).value(QStringLiteral("Analytics Org")), 49 * kUnit);
        QCOMPARE(byOwner(store.db(), QStringLiteral("project")).value(QStringLiteral("churn")), 8 * kUnit);
        // Every decision is explained with its step and confidence.
        reports::ExplainQuery why;
        why.key = QStringLiteral("fraud");
        const auto rows = reports::explainAttribution(store.db(), why);
        QVERIFY(rows);
        QStringList methods;
        for (const auto &r : rows.value())
            methods.append(r.method + QLatin1Char('/') + r.confidence);
        QVERIFY(methods.contains(QStringLiteral("identity:run_as/strong")));
        QVERIFY(methods.contains(QStringLiteral("rule:fraud notebooks/strong")));
        QVERIFY(methods.contains(QStringLiteral("rule:shared warehouse (query time)/estimated")));
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM attr_allocation WHERE method = 'workunit_tag:team' AND team_key = 'data-eng'")->value_or(0), 1);
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM app_audit_log WHERE action = 'attribution.replace'")->value_or(0), 1);

        // Drill-down from a report row: the label the report shows finds the billing records.
        reports::LineItemFilter filter;
        filter.team = QStringLiteral("Fraud");
        auto lines = reports::loadLineItems(store.db(), filter);
        QVERIFY(lines);
        QCOMPARE(lines->totalCount, 3); // identity, the split notebook, the shared warehouse hour
        filter.team = QStringLiteral("idle");
        QCOMPARE(reports::loadLineItems(store.db(), filter)->totalCount, 1);
        filter.team = QStringLiteral("unattributed");
        QCOMPARE(reports::loadLineItems(store.db(), filter)->totalCount, 0);
    }

    // A shared all-purpose cluster hour is split among the job runs and the users active on it
    // by time overlap; the rest is idle.
    void sharedClusterSplitsByJobRunsAndUsers()
    {
        test::TempStore store;
        seed(store);
        test::RawBuilder usage(store.db(), store.clock(), QStringLiteral("billing_usage"));
        usage.addRow(test::usageRow(QStringLiteral("ap"), QStringLiteral("w"), QStringLiteral("S"), QStringLiteral("2026-10-01T10:00:00Z"),
                                    QStringLiteral("12"), QStringLiteral("ORIGINAL"), QStringLiteral("{}"), QStringLiteral("{\"cluster_id\":\"c-1\"}")));
        QVERIFY(usage.flush());
        test::RawBuilder runs(store.db(), store.clock(), QStringLiteral("lakeflow_job_run_timeline"));
        runs.addRow({{QStringLiteral("job_id"), QStringLiteral("7")}, {QStringLiteral("run_id"), QStringLiteral("r-1")}, {QStringLiteral("workspace_id"), QStringLiteral("w")},
                     {QStringLiteral("period_start_time"), QStringLiteral("2026-10-01T10:00:00Z")}, {QStringLiteral("period_end_time"), QStringLiteral("2026-10-01T10:30:00Z")},
                     {QStringLiteral("compute_ids"), QStringLiteral("[\"c-1\"]")}, {QStringLiteral("result_state"), QStringLiteral("SUCCEEDED")}});
        QVERIFY(runs.flush());
        test::RawBuilder queries(store.db(), store.clock(), QStringLiteral("query_history"));
        queries.addRow({{QStringLiteral("statement_id"), QStringLiteral("qc")}, {QStringLiteral("executed_by"), QStringLiteral("bob@acme.io")},
                        {QStringLiteral("compute"), QStringLiteral("{\"type\":\"CLUSTER\",\"cluster_id\":\"c-1\"}")},
                        {QStringLiteral("start_time"), QStringLiteral("2026-10-01T10:30:00Z")}, {QStringLiteral("end_time"), QStringLiteral("2026-10-01T10:45:00Z")}});
        QVERIFY(queries.flush());
        QByteArray config = kConfig;
        config.replace("\"rules\": [", "\"rules\": [{\"name\": \"shared cluster\", \"kind\": \"exact\", \"match\": {\"resource\": \"cluster\", \"ids\": [\"c-1\"]}, \"assign\": {\"mode\": \"usage\"}},");
        QVERIFY(configure(store, config));
        // 12 over the hour: job 7 (Data-Eng by its tag) 30 min -> 6, bob (Fraud) 15 min -> 3, idle 15 min -> 3.
        auto stmt = store.db().prepare("SELECT a.kind, a.team_key, a.cost_nanos, a.method FROM attr_allocation a JOIN ledger_usage_line l USING (line_id) "
                                       "WHERE l.record_id = 'ap' ORDER BY seq");
        QStringList rows;
        while (*stmt->step())
            rows.append(QStringLiteral("%1/%2/%3").arg(stmt->text(0), stmt->text(1)).arg(stmt->int64(2) / kUnit));
        // (The line names no owner, so its idle hour has no team to go to: it stays "idle".)
        QCOMPARE(rows, (QStringList{QStringLiteral("idle//3"), QStringLiteral("direct/fraud/3"), QStringLiteral("direct/data-eng/6")}));
    }

    void bucketsRedistributeAndZeroMeasureStaysVisible()
    {
        test::TempStore store;
        seed(store);
        QByteArray config = kConfig;
        config.replace("\"idle_policy\": \"owner\"", "\"idle_policy\": \"bucket:platform\"");
        QVERIFY(configure(store, config));
        const auto direct = byOwner(store.db(), QStringLiteral("team"));
        QCOMPARE(direct.value(QStringLiteral("idle")), 4 * kUnit);
        // Even split of the 4 idle among the 4 teams with direct cost that day.
        const auto shared = byOwner(store.db(), QStringLiteral("team"), true);
        qint64 total = 0;
        for (auto v : shared)
            total += v;
        QCOMPARE(total, 63 * kUnit);
        QVERIFY(!shared.contains(QStringLiteral("idle")));
        QCOMPARE(shared.value(QStringLiteral("Data-Eng")), 3 * kUnit);

        // A proportional rule on a day without any direct cost cannot split: stays unattributed.
        test::TempStore lonely;
        seed(lonely);
        QVERIFY(configure(lonely, "{\"rules\": [{\"name\": \"overhead\", \"kind\": \"proportional\",\n"
    "            \"match\": {\"field\": \"principal\", \"regex\": \".\"}, \"assign\": {\"mode\": \"proportional\", \"measure\": \"direct_cost\"}}]}"));
        const auto team = byOwner(lonely.db(), QStringLiteral("team"));
        QCOMPARE(team.value(QStringLiteral("unattributed")), 63 * kUnit);
        QCOMPARE(lonely.db().queryInt("SELECT count(*) FROM attr_allocation WHERE method LIKE '%no direct cost%'")->value_or(0), 6);
    }

    void unattributedExplorerSuggestsWorkingRules()
    {
        test::TempStore store;
        seed(store);
        QVERIFY(process(store)); // no configuration: only tags attribute
        auto groups = reports::unattributedBreakdown(store.db(), {}, {});
        QVERIFY2(groups, qPrintable(groups ? QString() : groups.error().toString()));
        QVERIFY(!groups->isEmpty());
        QString top;
        for (const auto &g : groups.value()) {
            if (g.dimension == QLatin1String("resource") && top.isEmpty())
                top = g.suggestedRule;
        }
        QCOMPARE(groups->first().dimension, QStringLiteral("resource"));
        QCOMPARE(groups->first().key, QStringLiteral("notebook:n3")); // 32, the largest
        // The suggestion becomes a valid rule once a team is chosen, and it moves that cost.
        QByteArray rule = groups->first().suggestedRule.toUtf8();
        rule.replace("\"team\":\"\"", "\"team\":\"ml\"");
        QVERIFY(configure(store, "{\"rules\":[" + rule + "]}"));
        QCOMPARE(byOwner(store.db(), QStringLiteral("team")).value(QStringLiteral("ML")), 33 * kUnit); // + the tagged line
    }

    void previewShowsWhoGainsAndSavesNothing()
    {
        test::TempStore store;
        seed(store);
        QVERIFY(process(store));
        const auto before = byOwner(store.db(), QStringLiteral("team"));
        const qint64 auditBefore = store.db().queryInt("SELECT count(*) FROM app_audit_log")->value_or(-1); // the process job's entry
        auto candidate = AttributionConfig::fromJson(kConfig);
        QVERIFY(candidate);
        auto rows = attribution::previewAttribution(store.db(), store.clock(), *candidate, QDate(2026, 10, 1), QDate(2026, 10, 31));
        QVERIFY2(rows, qPrintable(rows ? QString() : rows.error().toString()));
        qint64 teamDelta = 0;
        bool fraudGains = false;
        for (const auto &r : *rows) {
            if (r.axis == QLatin1String("team"))
                teamDelta += r.deltaNanos();
            if (r.owner == QLatin1String("Fraud") && r.deltaNanos() == 34 * kUnit)
                fraudGains = true;
        }
        QCOMPARE(teamDelta, 0); // cost moves between owners, never appears or vanishes
        QVERIFY(fraudGains);
        QCOMPARE(byOwner(store.db(), QStringLiteral("team")), before);
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM app_rule")->value_or(-1), 0);
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM app_audit_log")->value_or(-1), auditBefore);
    }

    // For every day and on each axis, attributed cost (plus unattributed and idle) equals the
    // ledger's cost to the nano-dollar, under randomised rule sets on the demo account.
    void conservesCostOnTheDemoAccount_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 s : {3u, 11u, 29u})
            QTest::addRow("rules seed %u", s) << s;
    }
    void conservesCostOnTheDemoAccount()
    {
        QFETCH(quint32, seed);
        static test::TempStore *store = nullptr;
        if (!store) {
            store = new test::TempStore;
            demo::DemoOptions options;
            options.days = 20;
            options.endDate = QDate(2026, 11, 10);
            const job::JobSpec runnerSpec{job::JobKind::Demo, [&] { return std::make_unique<demo::DemoSource>(options); }};
            CancelToken cancel;
            QVERIFY(job::runJob(store->db(), store->clock(), runnerSpec, cancel).ok());
        }
        QRandomGenerator rng(seed);
        QStringList warehouses, jobs;
        for (auto *list : {&warehouses, &jobs}) {
            auto stmt = store->db().prepare(list == &warehouses ? "SELECT DISTINCT warehouse_id FROM ledger_usage_line WHERE warehouse_id IS NOT NULL ORDER BY 1"
                                                                : "SELECT DISTINCT job_id FROM ledger_usage_line WHERE job_id IS NOT NULL ORDER BY 1");
            while (*stmt->step())
                list->append(stmt->text(0));
        }
        const QStringList teams{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
        const auto pick = [&](const QStringList &l) { return l[static_cast<int>(rng.bounded(static_cast<quint32>(l.size())))]; };
        QStringList rules;
        rules << QStringLiteral("{\"name\":\"wh usage\",\"kind\":\"exact\",\"match\":{\"resource\":\"warehouse\",\"ids\":[\"%1\"]},\"assign\":{\"mode\":\"usage\"}}").arg(pick(warehouses))
              << QStringLiteral("{\"name\":\"split job\",\"kind\":\"exact\",\"match\":{\"resource\":\"job\",\"ids\":[\"%1\"]},\"assign\":{\"mode\":\"split\",\"splits\":"
                                "[{\"team\":\"a\",\"percent\":\"33.333\"},{\"team\":\"b\",\"percent\":\"33.333\"},{\"team\":\"c\",\"percent\":\"33.334\"}]}}").arg(pick(jobs))
              << QStringLiteral("{\"name\":\"to bucket\",\"kind\":\"exact\",\"match\":{\"resource\":\"job\",\"ids\":[\"%1\"]},\"assign\":{\"mode\":\"shared\",\"bucket\":\"plat\"}}").arg(pick(jobs))
              << QStringLiteral("{\"name\":\"by domain\",\"kind\":\"pattern\",\"match\":{\"field\":\"email_domain\",\"regex\":\"example\"},\"assign\":{\"mode\":\"direct\",\"team\":\"%1\"}}").arg(pick(teams))
              << QStringLiteral("{\"name\":\"overhead\",\"kind\":\"proportional\",\"match\":{\"field\":\"tag\",\"key\":\"env\",\"regex\":\"dev\"},\"assign\":{\"mode\":\"proportional\",\"measure\":\"direct_cost\"}}");
        // A random subset in a random order.
        QStringList chosen;
        for (const QString &r : rules) {
            if (rng.bounded(4) != 0)
                chosen.insert(static_cast<int>(rng.bounded(static_cast<quint32>(chosen.size() + 1))), r);
        }
        const char *policies[] = {"even", "proportional", "fixed", "none"};
        const QString policy = QString::fromLatin1(policies[rng.bounded(4)]);
        const QString json = QStringLiteral("{\"buckets\":[{\"key\":\"plat\",\"name\":\"Platform\",\"policy\":\"%1\"%2}],"
                                            "\"identities\":[{\"principal\":\"alice@example.com\",\"team\":\"a\"}],\"idle_policy\":\"%3\",\"rules\":[%4]}")
                                 .arg(policy, policy == QLatin1String("fixed") ? QStringLiteral(",\"fixed_shares\":{\"a\":\"70\",\"b\":\"30\"}") : QString(),
                                      rng.bounded(2) ? QStringLiteral("owner") : QStringLiteral("bucket:plat"), chosen.join(QLatin1Char(',')));
        QVERIFY(configure(*store, json.toUtf8()));

        auto ledger = store->db().prepare("SELECT usage_day, sum(coalesce(cost_nanos, 0)) FROM ledger_usage_line GROUP BY 1 ORDER BY 1");
        QMap<QString, qint64> expected;
        while (*ledger->step())
            expected[ledger->text(0)] = ledger->int64(1);
        QVERIFY(expected.size() >= 20);
        for (const QByteArray &sql : {QByteArray("SELECT usage_day, sum(cost_nanos) FROM attr_allocation GROUP BY 1 ORDER BY 1"),
                                      QByteArray("SELECT day, sum(cost_nanos) FROM metrics_daily_attribution WHERE after_sharing = 0 GROUP BY 1 ORDER BY 1"),
                                      QByteArray("SELECT day, sum(cost_nanos) FROM metrics_daily_attribution WHERE after_sharing = 1 GROUP BY 1 ORDER BY 1"),
                                      QByteArray("SELECT day, sum(cost_nanos) FROM metrics_daily_cost GROUP BY 1 ORDER BY 1")}) {
            auto stmt = store->db().prepare(sql);
            QMap<QString, qint64> got;
            while (*stmt->step())
                got[stmt->text(0)] = stmt->int64(1);
            QCOMPARE(got, expected);
        }
        // Every line is allocated, none twice over: allocation counts per line are >= 1 and
        // each line's allocations add up to the line.
        QCOMPARE(store->db().queryInt("SELECT count(*) FROM ledger_usage_line l WHERE coalesce(l.cost_nanos, 0) <> "
                                      "(SELECT coalesce(sum(a.cost_nanos), -1) FROM attr_allocation a WHERE a.line_id = l.line_id)")->value_or(-1), 0);
        for (const char *axis : {"team", "department", "org", "project", "bucket"}) {
            qint64 total = 0;
            for (auto v : byOwner(store->db(), QString::fromLatin1(axis), rng.bounded(2) == 1))
                total += v;
            qint64 all = 0;
            for (auto v : expected)
                all += v;
            QCOMPARE(total, all);
        }
    }
};

QTEST_GUILESS_MAIN(TestAttribution)
#include "tst_attribution.moc"

// The coverage map (reports/coverage.h) on the hand-built account of healthfixture.h: cost
// shares per workspace against the figures worked out by hand, per-table states including an
// unavailable source, incremental folding of new raw rows, and a rebuild reproducing the map.
#include "attribution/attributionconfig.h"
#include "extract/restenrichment.h"
#include "healthfixture.h"
#include "reports/coverage.h"

#include "store/migrations.h"
#include "store/store.h"
#include "tabledump.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>

using namespace ll;
using reports::CoverageState;
using test::health::kUnit;

namespace {

const reports::SourceCoverage *findSource(const reports::WorkspaceCoverage &w, const QString &id)
{
    for (const auto &s : w.sources) {
        if (s.source == id)
            return &s;
    }
    return nullptr;
}

// Cost per workspace straight from ledger lines (independent of the coverage table).
std::int64_t ledgerCost(store::Database &db, const QString &workspace)
{
    auto stmt = db.prepare("SELECT coalesce(sum(cost_nanos), 0) FROM ledger_usage_line WHERE workspace_id = ?");
    if (!stmt)
        return -1;
    stmt->bind(1, workspace);
    if (auto row = stmt->step(); !row || !*row)
        return -1;
    return stmt->int64(0);
}

std::int64_t metricsUnattributed(store::Database &db, const QString &workspace)
{
    auto stmt = db.prepare("SELECT coalesce(sum(cost_nanos), 0) FROM metrics_daily_cost WHERE workspace_id = ? AND team_key = ''");
    if (!stmt)
        return -1;
    stmt->bind(1, workspace);
    if (auto row = stmt->step(); !row || !*row)
        return -1;
    return stmt->int64(0);
}

QByteArray fingerprint(const reports::CoverageSnapshot &snap)
{
    QByteArray out;
    for (const auto &w : snap.workspaces) {
        out += w.workspaceId.toUtf8() + ' ' + w.region.toUtf8() + ' ' + QByteArray::number(w.costNanos) + ' ' + QByteArray::number(w.noResourceCostNanos) + ' '
               + QByteArray::number(w.noOwnerCostNanos) + ' ' + QByteArray::number(w.unattributedCostNanos) + '\n';
        for (const auto &s : w.sources)
            out += "  " + s.source.toUtf8() + ' ' + reports::coverageStateName(s.state).toUtf8() + ' ' + QByteArray::number(s.rows) + ' '
                   + s.newestEventTime.toString(Qt::ISODate).toUtf8() + ' ' + s.newestIngestionDate.toString(Qt::ISODate).toUtf8() + '\n';
    }
    return out;
}

} // namespace

class TestCoverage : public QObject {
    Q_OBJECT
private:
    test::TempStore m_store;

    reports::CoverageSnapshot load(const QDateTime &now = {}, const QDate &from = {})
    {
        reports::CoverageQuery q;
        q.now = now.isValid() ? now : m_store.clock().now();
        q.from = from;
        auto snap = reports::loadCoverage(m_store.db(), q);
        if (!snap)
            qWarning() << snap.error().toString();
        return snap ? *snap : reports::CoverageSnapshot{};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.ok(), qPrintable(m_store.error()));
        QVERIFY(test::health::buildAccount(m_store));
    }

    void costSharesPerWorkspace()
    {
        const auto snap = load();
        QCOMPARE(snap.workspaces.size(), 2);
        const auto &w100 = snap.workspaces[0]; // by cost, descending
        const auto &w200 = snap.workspaces[1];
        QCOMPARE(w100.workspaceId, QStringLiteral("100"));
        QCOMPARE(w100.name, QStringLiteral("Prod"));
        QCOMPARE(w100.cloud, QStringLiteral("AWS"));
        QCOMPARE(w100.costNanos, 8 * kUnit);
        QCOMPARE(w100.costNanos, ledgerCost(m_store.db(), QStringLiteral("100")));
        QCOMPARE(w100.noResourceCostNanos, 2 * kUnit);
        QCOMPARE(w100.noResourceBasisPoints, std::int64_t{2500});
        QCOMPARE(w100.noOwnerCostNanos, 2 * kUnit); // r3's owner comes from its cluster
        QCOMPARE(w100.noOwnerBasisPoints, std::int64_t{2500});
        QCOMPARE(w100.lineCount, std::int64_t{3});

        QCOMPARE(w200.workspaceId, QStringLiteral("200"));
        QCOMPARE(w200.name, QString());
        QCOMPARE(w200.costNanos, 3 * kUnit + kUnit / 2);
        QCOMPARE(w200.costNanos, ledgerCost(m_store.db(), QStringLiteral("200")));
        QCOMPARE(w200.noResourceCostNanos, kUnit / 2);
        QCOMPARE(w200.noResourceBasisPoints, std::int64_t{1429});
        QCOMPARE(w200.noOwnerCostNanos, 3 * kUnit);
        QCOMPARE(w200.noOwnerBasisPoints, std::int64_t{8571});
        QCOMPARE(w200.lineCount, std::int64_t{3}); // the unpriced line counts, at zero cost

        // Unattributed agrees with the cost cube every report reads.
        for (const auto &w : snap.workspaces)
            QCOMPARE(w.unattributedCostNanos, metricsUnattributed(m_store.db(), w.workspaceId));
    }

    void tableStates()
    {
        const auto snap = load();
        QCOMPARE(snap.tables.size(), 13); // every catalog table but list prices and node types
        const auto &w100 = snap.workspaces[0];
        const auto &w200 = snap.workspaces[1];
        QCOMPARE(w100.sources.size(), snap.tables.size());

        const auto *usage = findSource(w100, QStringLiteral("billing_usage"));
        QVERIFY(usage);
        QCOMPARE(usage->state, CoverageState::Ok);
        QVERIFY(usage->readable);
        QCOMPARE(usage->rows, std::int64_t{3});
        QCOMPARE(usage->newestEventTime, QDateTime(QDate(2026, 11, 27), QTime(9, 0), Qt::UTC));
        QCOMPARE(usage->newestIngestionDate, QDate(2026, 11, 28));
        const auto *usage200 = findSource(w200, QStringLiteral("billing_usage"));
        QCOMPARE(usage200->rows, std::int64_t{3});
        QCOMPARE(usage200->newestIngestionDate, QDate(2026, 11, 28));

        const auto *clusters = findSource(w100, QStringLiteral("compute_clusters"));
        QCOMPARE(clusters->state, CoverageState::Ok);
        QCOMPARE(clusters->rows, std::int64_t{1});
        QVERIFY(!clusters->newestIngestionDate.isValid());
        QCOMPARE(findSource(w200, QStringLiteral("compute_clusters"))->state, CoverageState::NoRows);
        QVERIFY(findSource(w200, QStringLiteral("compute_clusters"))->readable);

        for (const auto *w : {&w100, &w200}) {
            const auto *queries = findSource(*w, QStringLiteral("query_history"));
            QCOMPARE(queries->state, CoverageState::Unavailable);
            QCOMPARE(queries->sourceStatus, QStringLiteral("unavailable"));
            QVERIFY(!queries->readable);
            QCOMPARE(findSource(*w, QStringLiteral("lakeflow_jobs"))->state, CoverageState::Never);
        }
        // billing usage, clusters, workspaces are readable; everything else never read or unavailable
        QCOMPARE(w100.readableSources(), 3);
        QCOMPARE(w200.readableSources(), 3);
    }

    void staleUsage()
    {
        const auto snap = load(QDateTime(QDate(2026, 12, 5), QTime(0, 0), Qt::UTC));
        QCOMPARE(findSource(snap.workspaces[0], QStringLiteral("billing_usage"))->state, CoverageState::Stale);
        QCOMPARE(findSource(snap.workspaces[0], QStringLiteral("compute_clusters"))->state, CoverageState::Ok); // dimension: never stale
    }

    void dateRangeLimitsCost()
    {
        const auto snap = load({}, QDate(2026, 11, 26));
        const auto &w200 = snap.workspaces[1];
        QCOMPARE(w200.workspaceId, QStringLiteral("200"));
        QCOMPARE(w200.costNanos, kUnit / 2); // r5 only (r4 is 25 Nov, r6 unpriced)
        QCOMPARE(w200.noResourceBasisPoints, std::int64_t{10000});
        QCOMPARE(w200.noOwnerBasisPoints, std::int64_t{0});
        QCOMPARE(findSource(w200, QStringLiteral("billing_usage"))->rows, std::int64_t{3}); // rows are not by usage day
    }

    void newRawRowsFoldIncrementally()
    {
        test::RawBuilder billing(m_store.db(), m_store.clock(), QStringLiteral("billing_usage"));
        billing.addRow(test::health::usage(QStringLiteral("r7"), QStringLiteral("300"), QStringLiteral("STANDARD_JOBS_COMPUTE"), QStringLiteral("2"),
                                           QStringLiteral("{}"), QStringLiteral("{}"), QStringLiteral("{}"), QStringLiteral("2026-11-28T01:00:00Z")));
        QVERIFY(billing.flush());
        QVERIFY(test::health::runPipeline(m_store));
        const auto snap = load();
        QCOMPARE(snap.workspaces.size(), 3);
        const auto &w300 = snap.workspaces[2];
        QCOMPARE(w300.workspaceId, QStringLiteral("300"));
        QCOMPARE(w300.costNanos, kUnit);
        QCOMPARE(w300.noResourceBasisPoints, std::int64_t{10000});
        QCOMPARE(w300.noOwnerBasisPoints, std::int64_t{10000});
        QCOMPARE(findSource(w300, QStringLiteral("billing_usage"))->rows, std::int64_t{1});
        QCOMPARE(findSource(w300, QStringLiteral("billing_usage"))->newestEventTime, QDateTime(QDate(2026, 11, 28), QTime(2, 0), Qt::UTC));
        // The earlier rows are not counted twice.
        QCOMPARE(findSource(snap.workspaces[0], QStringLiteral("billing_usage"))->rows, std::int64_t{3});

        // Running again with nothing new changes nothing.
        const QByteArray before = fingerprint(snap);
        QVERIFY(test::health::runPipeline(m_store));
        QCOMPARE(fingerprint(load()), before);
    }

    // The account workspaces API (REST enrichment) names each workspace's region; the newest
    // listing wins and an object without a region keeps the one known.
    void regionFromTheAccountWorkspacesApi()
    {
        raw::RawIngestor ingestor(m_store.db(), m_store.clock());
        for (const auto &[first, second] : {std::pair{QStringLiteral("us-east-1"), QStringLiteral("westeurope")},
                                            std::pair{QStringLiteral("us-west-2"), QString()}}) {
            auto batch = ingestor.beginBatch(QStringLiteral("rest_workspaces"), QStringLiteral("direct"));
            QVERIFY(batch);
            QJsonObject w100{{QStringLiteral("workspace_id"), 100}, {QStringLiteral("aws_region"), first}};
            QJsonObject w200{{QStringLiteral("workspace_id"), 200}};
            if (!second.isEmpty())
                w200.insert(QStringLiteral("location"), second);
            QVERIFY(extract::appendRestPage(m_store.db(), m_store.clock(), *batch, QStringLiteral("workspaces"), QStringLiteral("workspace_id"),
                                            QJsonArray{w100, w200}));
            QVERIFY(ingestor.finishBatch(*batch, raw::BatchStatus::Succeeded));
            QVERIFY(test::health::runPipeline(m_store));
        }
        const auto snap = load();
        QCOMPARE(snap.workspaces[0].workspaceId, QStringLiteral("100"));
        QCOMPARE(snap.workspaces[0].region, QStringLiteral("us-west-2"));
        QCOMPARE(snap.workspaces[1].region, QStringLiteral("westeurope"));
    }

    // A store from before the coverage tables queues its ledger days for the metrics stage.
    void upgradedStoreQueuesItsDays()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.lakeledger"));
        {
            auto old = store::Store::open(path, {.migrateTo = 5});
            QVERIFY(old);
            QVERIFY(old->exec("INSERT INTO ledger_usage_line (record_id, raw_id, batch_id, workspace_id, sku_name, cloud, usage_unit, "
                              "billing_origin_product, record_type, usage_start, usage_end, usage_day, quantity, quantity_nanos, work_unit_type) "
                              "VALUES ('r', 1, 1, 'w', 'S', 'AWS', 'DBU', 'JOBS', 'ORIGINAL', 0, 3600, '2026-11-01', '1', 1000000000, 'other')"));
        }
        auto upgraded = store::Store::open(path);
        QVERIFY(upgraded);
        QCOMPARE(*store::Migrations::currentVersion(*upgraded), store::Migrations::latestVersion());
        QCOMPARE(upgraded->queryInt("SELECT count(*) FROM app_dirty_day WHERE stage = 'metrics' AND day = '2026-11-01'")->value_or(0), 1);
    }

    void rebuildReproducesTheMap()
    {
        const QByteArray before = fingerprint(load());
        QVERIFY(test::health::runPipeline(m_store, job::JobKind::Rebuild));
        QCOMPARE(fingerprint(load()), before);
    }

    // A cluster's owner known only from a later delivery: the map after the incremental run
    // should equal a rebuild's: the ledger stage queues the days of work units whose owner,
    // name or tags changed, so the no-owner share (and attribution's owner, name and tag rules)
    // follow without a rebuild.
    void lateOwnerEqualsRebuild()
    {
        test::TempStore store;
        test::RawBuilder prices(store.db(), store.clock(), QStringLiteral("billing_list_prices"));
        prices.addRow(test::priceRow(QStringLiteral("STANDARD_JOBS_COMPUTE"), QStringLiteral("2026-01-01T00:00:00Z"), QString(), QStringLiteral("0.5"), QStringLiteral("0.5")));
        QVERIFY(prices.flush());
        test::RawBuilder billing(store.db(), store.clock(), QStringLiteral("billing_usage"));
        billing.addRow(test::health::usage(QStringLiteral("r3"), QStringLiteral("100"), QStringLiteral("STANDARD_JOBS_COMPUTE"), QStringLiteral("2"),
                                           QStringLiteral("{}"), QStringLiteral("{\"cluster_id\":\"c1\"}"), QStringLiteral("{}")));
        QVERIFY(billing.flush());
        QVERIFY(test::health::runPipeline(store));
        test::RawBuilder clusters(store.db(), store.clock(), QStringLiteral("compute_clusters"));
        clusters.addRow({{QStringLiteral("account_id"), QStringLiteral("acc-1")}, {QStringLiteral("workspace_id"), QStringLiteral("100")},
                         {QStringLiteral("cluster_id"), QStringLiteral("c1")}, {QStringLiteral("cluster_name"), QStringLiteral("etl")},
                         {QStringLiteral("owned_by"), QStringLiteral("bob@example.com")},
                         {QStringLiteral("change_time"), QStringLiteral("2026-10-01T00:00:00Z")}});
        QVERIFY(clusters.flush());
        QVERIFY(test::health::runPipeline(store));
        const QByteArray incremental = test::dumpTable(store.db(), "metrics_workspace_coverage_daily", "1, 2, 3");
        const QByteArray allocations = test::dumpTable(store.db(), "attr_allocation", "1, 2");
        QVERIFY(store.db().queryInt("SELECT count(*) FROM ledger_work_unit WHERE owner = 'bob@example.com'")->value_or(0) == 1);
        QVERIFY(test::health::runPipeline(store, job::JobKind::Rebuild));
        QCOMPARE(test::dumpTable(store.db(), "metrics_workspace_coverage_daily", "1, 2, 3"), incremental);
        QCOMPARE(test::dumpTable(store.db(), "attr_allocation", "1, 2"), allocations);
    }

    // A rule may assign a project without a team: the cube counts that cost under team '' (no
    // team), so the map's "no team" share must count it too.
    void projectOnlyAllocationHasNoTeam()
    {
        test::TempStore store;
        QVERIFY(test::health::buildAccount(store));
        auto config = attribution::AttributionConfig::fromJson(
            "{\"projects\": [{\"key\": \"p1\", \"name\": \"P1\"}], \"rules\": [{\"name\": \"w1\", \"kind\": \"exact\", "
            "\"match\": {\"resource\": \"warehouse\", \"ids\": [\"w1\"]}, \"assign\": {\"mode\": \"direct\", \"project\": \"p1\"}}]}");
        QVERIFY2(config, qPrintable(config ? QString() : config.error().toString()));
        QVERIFY(attribution::AttributionConfig::save(store.db(), store.clock(), QStringLiteral("test"), *config));
        QVERIFY(test::health::runPipeline(store));
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM attr_allocation WHERE kind = 'direct' AND team_key = '' AND project_key = 'p1'")->value_or(0),
                 std::int64_t{1});
        reports::CoverageQuery q;
        q.now = store.clock().now();
        auto snap = reports::loadCoverage(store.db(), q);
        QVERIFY(snap);
        QCOMPARE(snap->workspaces.size(), 2);
        for (const auto &w : snap->workspaces)
            QCOMPARE(w.unattributedCostNanos, metricsUnattributed(store.db(), w.workspaceId));
    }
};

QTEST_GUILESS_MAIN(TestCoverage)
#include "tst_coverage.moc"

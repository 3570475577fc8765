// Cluster, tag and attribution detectors (idle_cluster, long_autotermination, oversized_compute,
// tag_hygiene, attribution_declining) on tiny hand-built stores: each must fire with the saving
// worked out in the comments, and stay quiet on a normal case.
#include "insights/detector.h"
#include "insights/detectors/attributiondeclining.h"
#include "insights/detectors/idlecluster.h"
#include "insights/detectors/longautotermination.h"
#include "insights/detectors/oversizedcompute.h"
#include "insights/detectors/taghygiene.h"
#include "tempstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTest>

using namespace ll;
using namespace ll::insights;

namespace {

constexpr std::int64_t kUsd = 1'000'000'000;
const QDate kLastComplete(2026, 11, 14);

std::int64_t epochOf(const QDate &day, int hour) { return QDateTime(day, QTime(hour, 0), Qt::UTC).toSecsSinceEpoch(); }

class Fixture {
public:
    Fixture() { QVERIFY2(m_store.ok(), qPrintable(m_store.error())); }
    store::Database &db() { return m_store.db(); }
    // False once a detector returned an error (a quiet test must not pass on a failed query).
    bool detected() const { return !m_failed; }

    void cluster(const QString &id, const QString &name, const QString &source, std::optional<int> autoTermination)
    {
        auto s = db().prepare("INSERT INTO ledger_cluster (cluster_id, change_time, workspace_id, cluster_name, cluster_source, "
                              "auto_termination_minutes, raw_id) VALUES (?, 1, 'ws-1', ?, ?, ?, 1)");
        QVERIFY(s);
        s->bind(1, id);
        s->bind(2, name);
        s->bind(3, source);
        s->bind(4, autoTermination ? std::optional<std::int64_t>(*autoTermination) : std::nullopt);
        QVERIFY(s->run());
    }

    // One usage line starting at `start` (an hour's line), with its own record id.
    void line(const QString &product, const QString &clusterId, const QString &warehouseId, std::int64_t start, std::int64_t cost,
        const QString &tags = QString())
    {
        auto s = db().prepare("INSERT INTO ledger_usage_line (record_id, raw_id, batch_id, workspace_id, sku_name, cloud, usage_unit, "
                              "billing_origin_product, record_type, usage_start, usage_end, usage_day, quantity, quantity_nanos, "
                              "cost_nanos, list_cost_nanos, work_unit_type, cluster_id, warehouse_id, custom_tags) "
                              "VALUES (?, 1, 1, 'ws-1', 'PREMIUM_ALL_PURPOSE_COMPUTE', 'AWS', 'DBU', ?, 'ORIGINAL', ?, ?, ?, '1', "
                              "1000000000, ?, ?, 'cluster', ?, ?, ?)");
        QVERIFY(s);
        s->bind(1, QStringLiteral("r-%1").arg(++m_records));
        s->bind(2, product);
        s->bind(3, start);
        s->bind(4, start + 3600);
        s->bind(5, QDateTime::fromSecsSinceEpoch(start, Qt::UTC).date().toString(Qt::ISODate));
        s->bind(6, cost);
        s->bind(7, cost);
        s->bind(8, clusterId);
        s->bind(9, warehouseId);
        s->bind(10, tags);
        QVERIFY(s->run());
    }

    void sample(const QString &clusterId, std::int64_t start, int cpuCenti, int memCenti, const QString &instance = QStringLiteral("i-1"))
    {
        auto s = db().prepare("INSERT INTO ledger_node_sample (cluster_id, instance_id, start_time, end_time, workspace_id, driver, "
                              "cpu_centi, mem_centi, usage_day) VALUES (?, ?, ?, ?, 'ws-1', 1, ?, ?, ?)");
        QVERIFY(s);
        s->bind(1, clusterId);
        s->bind(2, instance);
        s->bind(3, start);
        s->bind(4, start + 3600);
        s->bind(5, cpuCenti);
        s->bind(6, memCenti);
        s->bind(7, QDateTime::fromSecsSinceEpoch(start, Qt::UTC).date().toString(Qt::ISODate));
        QVERIFY(s->run());
    }

    QList<Finding> run(Detector &detector, const Thresholds &thresholds = Thresholds())
    {
        DetectorContext context{db(), thresholds, kLastComplete.addDays(1), kLastComplete};
        auto findings = detector.detect(context);
        if (!findings) {
            qWarning() << findings.error().message << findings.error().detail;
            m_failed = true;
            return {};
        }
        return *findings;
    }

private:
    test::TempStore m_store;
    int m_records = 0;
    bool m_failed = false;
};

// 14 days (the idle window, 2026-11-01..14) of an always-on cluster at $1 an hour: busy 09-16
// (CPU 50 %), idle otherwise (CPU 5 %, memory 30 %), and one query on 11-03 at 20:00.
void buildIdleCluster(Fixture &f, std::optional<int> autoTermination)
{
    f.cluster(QStringLiteral("c-idle"), QStringLiteral("alice's Cluster"), QStringLiteral("UI"), autoTermination);
    for (QDate day = kLastComplete.addDays(-13); day <= kLastComplete; day = day.addDays(1)) {
        for (int hour = 0; hour < 24; ++hour) {
            const std::int64_t at = epochOf(day, hour);
            f.line(QStringLiteral("ALL_PURPOSE"), QStringLiteral("c-idle"), QString(), at, kUsd);
            const bool busy = hour >= 9 && hour < 17;
            f.sample(QStringLiteral("c-idle"), at, busy ? 5000 : 500, 3000);
        }
    }
    const std::int64_t q = epochOf(QDate(2026, 11, 3), 20) + 600;
    QVERIFY(f.db().exec(QStringLiteral("INSERT INTO ledger_query (statement_id, workspace_id, cluster_id, start_time, end_time) "
                                       "VALUES ('q-1', 'ws-1', 'c-idle', %1, %2)")
                            .arg(q)
                            .arg(q + 120)
                            .toUtf8()));
}

// A normal interactive cluster: 60-minute auto-termination, billed 09-16 on weekdays at CPU 50 %,
// and a job cluster whose low CPU is not the idle detectors' business.
void buildNormalClusters(Fixture &f)
{
    f.cluster(QStringLiteral("c-team"), QStringLiteral("shared-ml-cluster"), QStringLiteral("UI"), 60);
    f.cluster(QStringLiteral("c-job"), QStringLiteral("job-1-run-1"), QStringLiteral("JOB"), 0);
    for (QDate day = kLastComplete.addDays(-13); day <= kLastComplete; day = day.addDays(1)) {
        if (day.dayOfWeek() > 5)
            continue;
        for (int hour = 9; hour < 17; ++hour) {
            const std::int64_t at = epochOf(day, hour);
            f.line(QStringLiteral("ALL_PURPOSE"), QStringLiteral("c-team"), QString(), at, 2 * kUsd);
            f.sample(QStringLiteral("c-team"), at, 5000, 7000);
            f.line(QStringLiteral("JOBS"), QStringLiteral("c-job"), QString(), at, kUsd);
            f.sample(QStringLiteral("c-job"), at, 200, 1000);
        }
    }
}

} // namespace

class TestInsightsCompute : public QObject {
    Q_OBJECT

private slots:
    void idleClusterFires()
    {
        Fixture f;
        buildIdleCluster(f, 0);
        IdleClusterDetector detector;
        const QList<Finding> findings = f.run(detector);
        QCOMPARE(findings.size(), 1);
        const Finding &x = findings.first();
        QCOMPARE(x.kind, QStringLiteral("idle_cluster"));
        QCOMPARE(x.scopeType, ScopeType::Cluster);
        QCOMPARE(x.scopeId, QStringLiteral("c-idle"));
        QCOMPARE(x.scopeName, QStringLiteral("alice's Cluster"));
        // 16 idle hours a day x 14 days, less the hour with a query: 223 hours at $1.
        QCOMPARE(x.evidence.value(QStringLiteral("idle_hours")).toInt(), 223);
        QCOMPARE(x.evidence.value(QStringLiteral("idle_cost")).toString(), QStringLiteral("223.00"));
        // $223 x 30 / 14 = $477.857142857 (truncated to the nano-dollar).
        QCOMPARE(x.monthlySavingsNanos, std::int64_t(477'857'142'857));
        QCOMPARE(x.severity, Severity::High); // 15.9 idle hours a day >= 12
        QCOMPARE(x.series.size(), 14);
        QCOMPARE(x.series.at(2).valueNanos, 15 * kUsd); // 11-03: the query hour is not idle
        QCOMPARE(x.series.at(2).baselineNanos.value_or(0), 24 * kUsd);
        QCOMPARE(x.lineFilter.value(QStringLiteral("cluster_id")).toString(), QStringLiteral("c-idle"));
        QVERIFY(x.savingsFormula.contains(QStringLiteral("477.86 USD")));
    }

    void idleClusterSeverityFollowsIdleHoursPerDay()
    {
        Fixture f;
        buildIdleCluster(f, 0);
        // With memory above 25 % counting as in use, no hour is idle.
        auto t = Thresholds::fromJson("{\"idle_cluster\": {\"mem_idle_pct\": 25}}");
        QVERIFY(t);
        IdleClusterDetector detector;
        QVERIFY(f.run(detector, *t).isEmpty());
        QVERIFY(f.detected());
        auto raised = Thresholds::fromJson("{\"idle_cluster\": {\"high_idle_hours_per_day\": 20}}");
        QVERIFY(raised);
        const QList<Finding> findings = f.run(detector, *raised);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().severity, Severity::Medium);
    }

    void idleClusterQuiet()
    {
        Fixture f;
        buildNormalClusters(f);
        IdleClusterDetector detector;
        QVERIFY(f.run(detector).isEmpty());
        QVERIFY(f.detected());
    }

    void longAutoterminationFires()
    {
        Fixture f;
        buildIdleCluster(f, 0);
        LongAutoterminationDetector detector;
        const QList<Finding> findings = f.run(detector);
        QCOMPARE(findings.size(), 1);
        const Finding &x = findings.first();
        QCOMPARE(x.kind, QStringLiteral("long_autotermination"));
        QCOMPARE(x.scopeId, QStringLiteral("c-idle"));
        QCOMPARE(x.evidence.value(QStringLiteral("cluster_id")).toString(), QStringLiteral("c-idle"));
        QCOMPARE(x.evidence.value(QStringLiteral("auto_termination_minutes")).toInt(), 0);
        QCOMPARE(x.evidence.value(QStringLiteral("recommended_auto_termination_minutes")).toInt(), 30);
        // Idle stretches: 11-01 00-08, 13 nights 17-08 (the night of 11-03 split by the query
        // hour into 17-19 and 21-08), 11-14 17-23: 16 stretches, 223 idle hours at $1. A
        // 30-minute auto-termination cuts each stretch but its first half hour:
        // $223 - 16 x $0.50 = $215; x 30 / 14 = $460.714285714.
        QCOMPARE(x.evidence.value(QStringLiteral("idle_stretches")).toInt(), 16);
        QCOMPARE(x.evidence.value(QStringLiteral("cut_in_window")).toString(), QStringLiteral("215.00"));
        QCOMPARE(x.monthlySavingsNanos, std::int64_t(460'714'285'714));
        QCOMPARE(x.severity, Severity::Medium); // $460.71 a month: medium from $200
    }

    void longAutoterminationAboveLimitFires()
    {
        Fixture f;
        buildIdleCluster(f, 240);
        LongAutoterminationDetector detector;
        const QList<Finding> findings = f.run(detector);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().evidence.value(QStringLiteral("auto_termination_minutes")).toInt(), 240);
        QCOMPARE(findings.first().monthlySavingsNanos, std::int64_t(460'714'285'714));
    }

    void longAutoterminationQuiet()
    {
        Fixture f;
        buildIdleCluster(f, 120); // at the limit: not reported
        buildNormalClusters(f);   // 60 minutes; the job cluster's 0 is not an all-purpose setting
        LongAutoterminationDetector detector;
        QVERIFY(f.run(detector).isEmpty());
        QVERIFY(f.detected());
    }

    void oversizedClusterFires()
    {
        Fixture f;
        // 14 weekdays-and-weekends of 8 busy hours at $2 (112 hours, $224), CPU 15 %, memory 40 %.
        f.cluster(QStringLiteral("c-big"), QStringLiteral("big-cluster"), QStringLiteral("UI"), 30);
        for (QDate day = kLastComplete.addDays(-13); day <= kLastComplete; day = day.addDays(1))
            for (int hour = 9; hour < 17; ++hour) {
                f.line(QStringLiteral("ALL_PURPOSE"), QStringLiteral("c-big"), QString(), epochOf(day, hour), 2 * kUsd);
                f.sample(QStringLiteral("c-big"), epochOf(day, hour), 1500, 4000);
            }
        OversizedComputeDetector detector;
        const QList<Finding> findings = f.run(detector);
        QCOMPARE(findings.size(), 1);
        const Finding &x = findings.first();
        QCOMPARE(x.kind, QStringLiteral("oversized_compute"));
        QCOMPARE(x.scopeType, ScopeType::Cluster);
        QCOMPARE(x.evidence.value(QStringLiteral("busy_hours")).toInt(), 112);
        // Kept capacity max(15/30, 40/50) = 80 %: 20 % of $224 = $44.80 in the 30-day window.
        QCOMPARE(x.evidence.value(QStringLiteral("cut_share_pct")).toString(), QStringLiteral("20.00"));
        QCOMPARE(x.monthlySavingsNanos, std::int64_t(44'800'000'000));
        QCOMPARE(x.severity, Severity::Low);
    }

    void oversizedWarehouseIsInformational()
    {
        Fixture f;
        QVERIFY(f.db().exec("INSERT INTO ledger_warehouse (warehouse_id, change_time, workspace_id, warehouse_name, warehouse_size, "
                            "min_clusters, max_clusters, auto_stop_minutes, raw_id) VALUES "
                            "('wh-flat', 1, 'ws-1', 'Finance Reporting', 'Small', 1, 4, 15, 1), "
                            "('wh-scales', 1, 'ws-1', 'Shared BI', 'Medium', 1, 3, 15, 1)"));
        for (int d = 0; d < 5; ++d) {
            const QString day = kLastComplete.addDays(-d).toString(Qt::ISODate);
            const int scaled = d == 2 ? 30000 : 28800; // wh-scales ran a second cluster for 1,200 s on one day
            QVERIFY(f.db().exec(QStringLiteral("INSERT INTO metrics_warehouse_utilization_daily (day, warehouse_id, workspace_id, "
                                               "running_seconds, cluster_seconds, busy_seconds, busy_running_seconds, query_count) "
                                               "VALUES ('%1', 'wh-flat', 'ws-1', 28800, 28800, 20000, 20000, 50), "
                                               "('%1', 'wh-scales', 'ws-1', 28800, %2, 20000, 20000, 50)")
                                    .arg(day)
                                    .arg(scaled)
                                    .toUtf8()));
            f.line(QStringLiteral("SQL"), QString(), QStringLiteral("wh-flat"), epochOf(kLastComplete.addDays(-d), 10), 30 * kUsd);
        }
        OversizedComputeDetector detector;
        const QList<Finding> findings = f.run(detector);
        QCOMPARE(findings.size(), 1);
        const Finding &x = findings.first();
        QCOMPARE(x.scopeType, ScopeType::Warehouse);
        QCOMPARE(x.scopeId, QStringLiteral("wh-flat"));
        QCOMPARE(x.severity, Severity::Info);
        QCOMPARE(x.monthlySavingsNanos, std::int64_t(0));
        QCOMPARE(x.evidence.value(QStringLiteral("running_hours")).toString(), QStringLiteral("40.0"));
        QCOMPARE(x.evidence.value(QStringLiteral("cost")).toString(), QStringLiteral("150.00"));
    }

    void oversizedQuiet()
    {
        Fixture f;
        buildNormalClusters(f); // CPU 50 %, memory 70 %: well used
        OversizedComputeDetector detector;
        QVERIFY(f.run(detector).isEmpty());
        QVERIFY(f.detected());
    }

    void tagHygieneFires()
    {
        Fixture f;
        // An enabled rule on cost_center (key case-insensitive) makes it required; a disabled
        // one on env does not.
        QVERIFY(f.db().exec("INSERT INTO app_rule (position, name, enabled, spec) VALUES "
                            "(1, 'CC', 1, '{\"name\":\"CC\",\"kind\":\"pattern\",\"match\":{\"field\":\"tag\",\"key\":\"Cost_Center\","
                            "\"regex\":\"^CC-1$\"},\"assign\":{\"mode\":\"direct\",\"team\":\"finance\"}}'), "
                            "(2, 'Env', 0, '{\"name\":\"Env\",\"kind\":\"pattern\",\"match\":{\"field\":\"tag\",\"key\":\"env\","
                            "\"regex\":\"^infra$\"},\"assign\":{\"mode\":\"direct\",\"team\":\"platform\"}}')"));
        const std::int64_t at = epochOf(kLastComplete.addDays(-3), 10);
        auto lines = [&](int n, std::int64_t cost, const QString &tags) {
            for (int i = 0; i < n; ++i)
                f.line(QStringLiteral("JOBS"), QStringLiteral("c-1"), QString(), at + i * 3600, cost, tags);
        };
        lines(10, 10 * kUsd, QStringLiteral("{\"team\":\"ml\",\"cost_center\":\"CC-1\"}")); // A $100
        lines(4, 10 * kUsd, QStringLiteral("{\"Team\":\"ml\",\"cost_center\":\"CC-1\"}"));  // B $40
        lines(3, 20 * kUsd, QStringLiteral("{\"team\":\"ml\",\"cost-center\":\"CC-2\"}"));  // C $60
        lines(2, 35 * kUsd, QStringLiteral("{}"));                                          // D $70
        lines(1, 30 * kUsd, QString());                                                     // E $30 (no tags)
        lines(1, 7 * kUsd, QStringLiteral("{bad"));                                         // F $7 (unreadable)
        TagHygieneDetector detector;
        const QList<Finding> findings = f.run(detector);
        QMap<QString, Finding> byScope;
        for (const Finding &x : findings)
            byScope.insert(x.scopeId, x);
        QCOMPARE(byScope.keys(),
            (QStringList{QStringLiteral("missing:cost_center"), QStringLiteral("missing:team"), QStringLiteral("spelling:costcenter"),
                QStringLiteral("spelling:team")}));
        for (const Finding &x : findings) {
            QCOMPARE(x.kind, QStringLiteral("tag_hygiene"));
            QCOMPARE(x.scopeType, ScopeType::Account);
            QCOMPARE(x.monthlySavingsNanos, std::int64_t(0));
            QVERIFY(!x.scopeName.isEmpty());
        }
        // The 30-day window holds all the lines, so the monthly figures equal the window's.
        const Finding team = byScope.value(QStringLiteral("missing:team"));
        QCOMPARE(team.evidence.value(QStringLiteral("affected_cost")).toString(), QStringLiteral("107.00")); // D + E + F
        QCOMPARE(team.severity, Severity::Low);                                                              // >= $100
        QVERIFY(team.title.startsWith(QStringLiteral("107.00 USD")));
        const Finding cc = byScope.value(QStringLiteral("missing:cost_center"));
        QCOMPARE(cc.evidence.value(QStringLiteral("affected_cost")).toString(), QStringLiteral("167.00")); // C + D + E + F
        const Finding teamSpelling = byScope.value(QStringLiteral("spelling:team"));
        QCOMPARE(teamSpelling.evidence.value(QStringLiteral("tag_key")).toString(), QStringLiteral("team")); // $160 vs $40
        QCOMPARE(teamSpelling.evidence.value(QStringLiteral("affected_cost")).toString(), QStringLiteral("40.00"));
        QCOMPARE(teamSpelling.severity, Severity::Info);
        const Finding ccSpelling = byScope.value(QStringLiteral("spelling:costcenter"));
        QCOMPARE(ccSpelling.evidence.value(QStringLiteral("tag_key")).toString(), QStringLiteral("cost_center"));
        QCOMPARE(ccSpelling.evidence.value(QStringLiteral("affected_cost")).toString(), QStringLiteral("60.00"));
        QCOMPARE(ccSpelling.evidence.value(QStringLiteral("spellings")).toArray().size(), 2);
    }

    void tagHygieneQuiet()
    {
        Fixture f;
        const std::int64_t at = epochOf(kLastComplete.addDays(-3), 10);
        for (int i = 0; i < 20; ++i)
            f.line(QStringLiteral("JOBS"), QStringLiteral("c-1"), QString(), at + i * 3600, 50 * kUsd,
                QStringLiteral("{\"team\":\"ml\",\"project\":\"churn\"}"));
        // Below the $20 floor: a $5 untagged line is not worth an insight.
        f.line(QStringLiteral("JOBS"), QStringLiteral("c-1"), QString(), at, 5 * kUsd, QStringLiteral("{}"));
        TagHygieneDetector detector;
        QVERIFY(f.run(detector).isEmpty());
        QVERIFY(f.detected());
    }

    void attributionDecliningFires()
    {
        Fixture f;
        // 11-01..07: $100 a day, 10 % unattributed; 11-08..14: $100 a day, 18 % unattributed.
        for (int d = 0; d < 14; ++d) {
            const QString day = kLastComplete.addDays(-d).toString(Qt::ISODate);
            const bool recent = d < 7;
            QVERIFY(f.db().exec(QStringLiteral("INSERT INTO metrics_daily_product (day, billing_origin_product, cost_nanos, "
                                               "unattributed_cost_nanos, unpriced_quantity_nanos, line_count) VALUES "
                                               "('%1', 'ALL_PURPOSE', 60000000000, %2, 0, 1), ('%1', 'JOBS', 40000000000, %3, 0, 1)")
                                    .arg(day)
                                    .arg(recent ? 12 * kUsd : 6 * kUsd)
                                    .arg(recent ? 6 * kUsd : 4 * kUsd)
                                    .toUtf8()));
        }
        AttributionDecliningDetector detector;
        const QList<Finding> findings = f.run(detector);
        QCOMPARE(findings.size(), 1);
        const Finding &x = findings.first();
        QCOMPARE(x.kind, QStringLiteral("attribution_declining"));
        QCOMPARE(x.scopeType, ScopeType::Account);
        QCOMPARE(x.scopeId, QStringLiteral("account"));
        QCOMPARE(x.evidence.value(QStringLiteral("previous_share_pct")).toString(), QStringLiteral("10.0"));
        QCOMPARE(x.evidence.value(QStringLiteral("recent_share_pct")).toString(), QStringLiteral("18.0"));
        QCOMPARE(x.evidence.value(QStringLiteral("points")).toString(), QStringLiteral("8.0"));
        QCOMPARE(x.evidence.value(QStringLiteral("recent_unattributed")).toString(), QStringLiteral("126.00"));
        QCOMPARE(x.monthlySavingsNanos, std::int64_t(0));
        QCOMPARE(x.severity, Severity::Low);
        QCOMPARE(x.series.size(), 14);
    }

    void attributionDecliningQuiet()
    {
        Fixture f;
        // Up 3 points (10 % -> 13 %): below the 5-point threshold. The day after the last
        // complete day (partial, 50 % unattributed) is not judged.
        for (int d = -1; d < 14; ++d) {
            const QString day = kLastComplete.addDays(-d).toString(Qt::ISODate);
            const std::int64_t unattributed = d < 0 ? 50 * kUsd : d < 7 ? 13 * kUsd : 10 * kUsd;
            QVERIFY(f.db().exec(QStringLiteral("INSERT INTO metrics_daily_product (day, billing_origin_product, cost_nanos, "
                                               "unattributed_cost_nanos, unpriced_quantity_nanos, line_count) VALUES "
                                               "('%1', 'ALL_PURPOSE', 100000000000, %2, 0, 1)")
                                    .arg(day)
                                    .arg(unattributed)
                                    .toUtf8()));
        }
        AttributionDecliningDetector detector;
        QVERIFY(f.run(detector).isEmpty());
        QVERIFY(f.detected());
    }
};

QTEST_GUILESS_MAIN(TestInsightsCompute)
#include "tst_insights_compute.moc"

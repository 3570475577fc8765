// The insight model: thresholds, cost_spike/cost_drop on synthetic series with known answers,
// the lifecycle across runs, the analyst's review, and the demo account's insights (a
// believable handful, quiet on its weekly rhythm, kept across a rebuild).
#include "attribution/attributionconfig.h"
#include "audit/auditlog.h"
#include "demo/demosource.h"
#include "insights/detectors/costanomaly.h"
#include "insights/findingwriter.h"
#include "insights/insightreview.h"
#include "insights/thresholds.h"
#include "job/job.h"
#include "reports/insightlist.h"
#include "tempstore.h"

#include <QFile>
#include <QTest>

using namespace ll;

namespace {

constexpr std::int64_t kUnit = 1'000'000'000;
const QDate kLastComplete(2026, 11, 30); // a Monday

// 70 days of one workspace: weekdays cost `weekday` dollars and as many DBUs, weekends a fifth.
// `override` may change a day's cost and quantity (dollars, DBUs); returning {-1, -1} drops the row.
void fillWorkspace(
    store::Database &db, int weekday, const std::function<std::pair<double, double>(const QDate &, double, double)> &override = {})
{
    auto insert = db.prepare("INSERT INTO metrics_daily_workspace (day, workspace_id, cost_nanos, list_cost_nanos, quantity_nanos, "
                             "unpriced_quantity_nanos, contract_cost_nanos) VALUES (?, 'w1', ?, ?, ?, 0, 0)");
    QVERIFY(insert.ok());
    QVERIFY(db.exec("INSERT INTO ledger_workspace (workspace_id, workspace_name) VALUES ('w1', 'analytics-prod')").ok());
    for (QDate d = kLastComplete.addDays(-69); d <= kLastComplete; d = d.addDays(1)) {
        const double base = d.dayOfWeek() >= 6 ? weekday / 5.0 : weekday;
        auto [cost, quantity] = override ? override(d, base, base) : std::pair<double, double>{base, base};
        if (cost < 0)
            continue;
        insert->reset();
        insert->bind(1, d.toString(Qt::ISODate));
        insert->bind(2, static_cast<std::int64_t>(cost * kUnit));
        insert->bind(3, static_cast<std::int64_t>(cost * kUnit));
        insert->bind(4, static_cast<std::int64_t>(quantity * kUnit));
        QVERIFY(insert->run().ok());
    }
}

QList<insights::Finding> detect(store::Database &db, const insights::Thresholds &t = {})
{
    insights::CostAnomalyDetector detector;
    auto findings = detector.detect({db, t, kLastComplete.addDays(1), kLastComplete});
    if (!findings)
        qWarning() << findings.error().toString();
    return findings ? *findings : QList<insights::Finding>{};
}

insights::Finding sampleFinding(std::int64_t saving)
{
    insights::Finding f;
    f.kind = QStringLiteral("idle_cluster");
    f.scopeType = insights::ScopeType::Cluster;
    f.scopeId = QStringLiteral("0101-abc");
    f.scopeName = QStringLiteral("shared-analytics");
    f.workspaceId = QStringLiteral("w1");
    f.severity = insights::Severity::Medium;
    f.title = QStringLiteral("shared-analytics idles");
    f.detail = QStringLiteral("detail");
    f.monthlySavingsNanos = saving;
    f.firstDay = QDate(2026, 11, 1);
    f.lastDay = QDate(2026, 11, 30);
    f.series = {{QDate(2026, 11, 30), 5 * kUnit, 2 * kUnit}};
    return f;
}

QString statusOf(store::Database &db, const QString &fingerprint)
{
    auto stmt = db.prepare("SELECT status FROM insight_finding WHERE fingerprint = ?");
    stmt->bind(1, fingerprint);
    auto row = stmt->step();
    return row && *row ? stmt->text(0) : QString();
}

std::int64_t countOf(store::Database &db, const QByteArray &sql)
{
    auto v = db.queryInt(sql);
    return v && *v ? **v : -1;
}

// The demo as `lakeledger-cli demo` loads it: with its sample attribution configuration.
pipeline::RunSummary loadDemo(test::TempStore &store, int days, const QDate &end)
{
    QFile file(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../core/demo/demoattribution.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    auto config = attribution::AttributionConfig::fromJson(file.readAll());
    if (!config || !attribution::AttributionConfig::save(store.db(), store.clock(), QStringLiteral("demo"), *config))
        return {};
    demo::DemoOptions options;
    options.days = days;
    options.endDate = end;
    CancelToken cancel;
    return job::runJob(
        store.db(), store.clock(), {job::JobKind::Demo, [options] { return std::make_unique<demo::DemoSource>(options); }}, cancel);
}

} // namespace

class TestInsights : public QObject {
    Q_OBJECT
private slots:
    void thresholdsValidateBeforeApplying()
    {
        const insights::Thresholds defaults;
        QCOMPARE(defaults.value(QStringLiteral("cost_spike"), QStringLiteral("min_z")), 2.0);
        auto ok = insights::Thresholds::fromJson(R"({"cost_spike": {"min_z": 3}})");
        QVERIFY(ok.ok());
        QCOMPARE(ok->value(QStringLiteral("cost_spike"), QStringLiteral("min_z")), 3.0);
        QCOMPARE(ok->value(QStringLiteral("cost_spike"), QStringLiteral("min_ratio")), 2.5); // untouched keep defaults
        // Round trip: the full export reads back to the same thresholds.
        auto back = insights::Thresholds::fromJson(ok->toJson());
        QVERIFY(back.ok());
        QVERIFY(*back == *ok);

        for (const char *bad : {"[1,2]", "{\"cost_spike\": 3}", "{\"nosuch\": {}}", "{\"cost_spike\": {\"min_zz\": 3}}",
                 "{\"cost_spike\": {\"min_z\": \"3\"}}", "{\"cost_spike\": {\"min_z\": 0.1}}", "{not json"}) {
            auto r = insights::Thresholds::fromJson(bad);
            QVERIFY2(!r.ok(), bad);
            QCOMPARE(r.error().code, ErrorCode::BadInput);
        }
        auto range = insights::Thresholds::fromJson(R"({"cost_spike": {"min_z": 3, "min_ratio": 1000}})");
        QVERIFY(!range.ok());
        QVERIFY2(range.error().message.contains(QStringLiteral("cost_spike.min_ratio")), qPrintable(range.error().message));

        test::TempStore store;
        QVERIFY(ok->save(store.db()).ok());
        auto loaded = insights::Thresholds::load(store.db());
        QVERIFY(loaded.ok());
        QVERIFY(*loaded == *ok);
        QVERIFY(
            store.db().exec("UPDATE app_setting SET value = '{\"cost_spike\": {\"min_z\": -1}}' WHERE key = 'insights.thresholds'").ok());
        QCOMPARE(insights::Thresholds::load(store.db()).error().code, ErrorCode::Corrupt);
    }

    void spikeFiresWithItsExcess()
    {
        test::TempStore store;
        // Wednesday 25 November: 400 dollars and DBUs where Wednesdays cost 100.
        fillWorkspace(store.db(), 100, [](const QDate &d, double c, double q) {
            return d == QDate(2026, 11, 25) ? std::pair<double, double>{400, 400} : std::pair<double, double>{c, q};
        });
        const auto findings = detect(store.db());
        QCOMPARE(findings.size(), 1);
        const insights::Finding &f = findings.first();
        QCOMPARE(f.kind, QStringLiteral("cost_spike"));
        QCOMPARE(f.scopeType, insights::ScopeType::Workspace);
        QCOMPARE(f.scopeName, QStringLiteral("analytics-prod"));
        QCOMPARE(f.monthlySavingsNanos, 300 * kUnit); // 400 - the median of the 8 Wednesdays before (100)
        QCOMPARE(f.severity, insights::Severity::Medium);
        QCOMPARE(f.firstDay, QDate(2026, 11, 25));
        QCOMPARE(f.lastDay, QDate(2026, 11, 25));
        QVERIFY2(f.title.contains(QStringLiteral("4.0x its usual Wednesday")), qPrintable(f.title));
        QCOMPARE(f.lineFilter.value(QStringLiteral("workspace_id")).toString(), QStringLiteral("w1"));
        QVERIFY(!f.series.isEmpty());
        const auto spikeDay =
            std::find_if(f.series.begin(), f.series.end(), [](const insights::EvidenceDay &d) { return d.day == QDate(2026, 11, 25); });
        QVERIFY(spikeDay != f.series.end());
        QCOMPARE(spikeDay->valueNanos, 400 * kUnit);
        QCOMPARE(*spikeDay->baselineNanos, 100 * kUnit);
    }

    void quietOnWeeklyRhythmAndNoise()
    {
        test::TempStore store;
        // Weekdays 100, weekends 20, plus +-15 % day-to-day noise: no anomaly.
        fillWorkspace(store.db(), 100, [](const QDate &d, double c, double q) {
            const double wobble = 1.0 + 0.15 * ((d.day() * 7 % 11) - 5) / 5.0;
            return std::pair<double, double>{c * wobble, q * wobble};
        });
        QCOMPARE(detect(store.db()).size(), 0);
    }

    void quietOnAPriceChange()
    {
        test::TempStore store;
        // From 20 November the same DBUs cost three times as much: cost moves, usage does not.
        fillWorkspace(store.db(), 100, [](const QDate &d, double c, double q) {
            return std::pair<double, double>{d >= QDate(2026, 11, 20) ? 3 * c : c, q};
        });
        QCOMPARE(detect(store.db()).size(), 0);
    }

    void dropFiresWithoutASaving()
    {
        test::TempStore store;
        // From Thursday 26 November nothing runs: the weekdays 26, 27 and 30 fall 100 short each;
        // the weekend's 20 is below the $50 delta floor.
        fillWorkspace(store.db(), 100, [](const QDate &d, double c, double q) {
            return d >= QDate(2026, 11, 26) ? std::pair<double, double>{-1, -1} : std::pair<double, double>{c, q};
        });
        const auto findings = detect(store.db());
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().kind, QStringLiteral("cost_drop"));
        QCOMPARE(findings.first().monthlySavingsNanos, std::int64_t{0});
        QCOMPARE(findings.first().firstDay, QDate(2026, 11, 26));
        QCOMPARE(findings.first().lastDay, QDate(2026, 11, 30));
        QCOMPARE(findings.first().severity, insights::Severity::Medium); // 300 short: medium from 250
        QVERIFY(findings.first().evidence.value(QStringLiteral("shortfall")).toString() == QStringLiteral("300.00"));
    }

    void thresholdsChangeTheVerdict()
    {
        test::TempStore store;
        fillWorkspace(store.db(), 100, [](const QDate &d, double c, double q) {
            return d == QDate(2026, 11, 25) ? std::pair<double, double>{400, 400} : std::pair<double, double>{c, q};
        });
        auto strict = insights::Thresholds::fromJson(R"({"cost_spike": {"min_delta_usd": 500}})");
        QVERIFY(strict.ok());
        QCOMPARE(detect(store.db(), *strict).size(), 0);
    }

    void lifecycleAcrossRuns()
    {
        test::TempStore store;
        store::Database &db = store.db();
        const insights::Finding f = sampleFinding(100 * kUnit);
        const QString fp = f.fingerprint();
        const auto run = [&](const QList<insights::Finding> &findings) {
            store::Transaction tx(db);
            insights::FindingWriter writer(db, store.clock(), QDate(2026, 11, 30));
            for (const auto &x : findings) {
                const Status written = writer.write(x);
                QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
            }
            QVERIFY(writer.resolveUnseen({QStringLiteral("idle_cluster")}).ok());
            QVERIFY(tx.commit().ok());
        };
        run({f});
        QCOMPARE(statusOf(db, fp), QStringLiteral("new"));
        const std::int64_t id = countOf(db, "SELECT finding_id FROM insight_finding");
        QCOMPARE(countOf(db, "SELECT count(*) FROM insight_evidence_day"), std::int64_t{1});

        // Acknowledged stays acknowledged while the condition holds; the same row is updated.
        QVERIFY(insights::reviewInsight(db, store.clock(), id, insights::ReviewAction::Acknowledge, QStringLiteral("ana")).ok());
        run({f});
        QCOMPARE(statusOf(db, fp), QStringLiteral("acknowledged"));
        QCOMPARE(countOf(db, "SELECT count(*) FROM insight_finding"), std::int64_t{1});

        // The condition stops: resolved automatically, evidence cleared, audit-logged.
        run({});
        QCOMPARE(statusOf(db, fp), QStringLiteral("resolved"));
        QCOMPARE(countOf(db, "SELECT count(*) FROM insight_evidence_day"), std::int64_t{0});
        QCOMPARE(
            countOf(db, "SELECT count(*) FROM app_audit_log WHERE actor = 'lakeledger' AND action = 'insight.status'"), std::int64_t{1});
        // It holds again: new, same id.
        run({f});
        QCOMPARE(statusOf(db, fp), QStringLiteral("new"));
        QCOMPARE(countOf(db, "SELECT finding_id FROM insight_finding"), id);

        // Dismissed at 100: stays dismissed at 200 (not more than 2x), returns at 201.
        auto noReason =
            insights::reviewInsight(db, store.clock(), id, insights::ReviewAction::Dismiss, QStringLiteral("ana"), QStringLiteral("  "));
        QVERIFY(!noReason.ok());
        QCOMPARE(noReason.error().code, ErrorCode::InvalidArgument);
        QCOMPARE(statusOf(db, fp), QStringLiteral("new"));
        QVERIFY(insights::reviewInsight(db, store.clock(), id, insights::ReviewAction::Dismiss, QStringLiteral("ana"),
            QStringLiteral("Kept on for the quarter-end close"))
                    .ok());
        run({sampleFinding(200 * kUnit)});
        QCOMPARE(statusOf(db, fp), QStringLiteral("dismissed"));
        run({}); // a dismissed insight is not resolved behind the analyst's back
        QCOMPARE(statusOf(db, fp), QStringLiteral("dismissed"));
        run({sampleFinding(201 * kUnit)});
        QCOMPARE(statusOf(db, fp), QStringLiteral("new"));

        // Review errors change nothing.
        QCOMPARE(insights::reviewInsight(db, store.clock(), 999, insights::ReviewAction::Acknowledge, QStringLiteral("ana")).error().code,
            ErrorCode::NotFound);
        QCOMPARE(insights::reviewInsight(db, store.clock(), id, insights::ReviewAction::Reopen, QStringLiteral("ana")).error().code,
            ErrorCode::InvalidArgument);
        QCOMPARE(statusOf(db, fp), QStringLiteral("new"));
        QCOMPARE(countOf(db, "SELECT count(*) FROM app_audit_log WHERE actor = 'ana' AND action = 'insight.status'"), std::int64_t{2});
    }

    void demoIsABelievableHandfulAndSurvivesARebuild()
    {
        test::TempStore store;
        const auto summary = loadDemo(store, 60, QDate(2026, 11, 30));
        QVERIFY2(summary.ok(), qPrintable(summary.error.toString()));
        store::Database &db = store.db();
        const std::int64_t active = countOf(db, "SELECT count(*) FROM insight_finding WHERE status IN ('new', 'acknowledged')");
        QVERIFY2(active >= 3 && active <= 25, qPrintable(QString::number(active)));
        // The demo's weekday/weekend rhythm and its day-to-day noise raise no anomaly.
        QCOMPARE(countOf(db, "SELECT count(*) FROM insight_finding WHERE kind IN ('cost_spike', 'cost_drop')"), std::int64_t{0});
        // Every insight names its scope and says what acting saves and how that was computed.
        QCOMPARE(countOf(db,
                     "SELECT count(*) FROM insight_finding WHERE scope_name = '' OR title = '' OR "
                     "(impact_nanos > 0 AND savings_formula = '')"),
            std::int64_t{0});

        reports::InsightFilter activeOnly;
        activeOnly.activeOnly = true;
        auto list = reports::loadInsights(db, activeOnly);
        QVERIFY(list.ok() && list->size() == active);
        const std::int64_t first = list->first().findingId;
        const std::int64_t second = list->at(1).findingId;
        QVERIFY(insights::reviewInsight(db, store.clock(), first, insights::ReviewAction::Acknowledge, QStringLiteral("ana")).ok());
        QVERIFY(insights::reviewInsight(
            db, store.clock(), second, insights::ReviewAction::Dismiss, QStringLiteral("ana"), QStringLiteral("known"))
                    .ok());
        const QByteArray before =
            "SELECT group_concat(finding_id || ':' || status, ',') FROM (SELECT * FROM insight_finding ORDER BY finding_id)";
        auto statusesBefore = db.prepare(before);
        QVERIFY(statusesBefore->step().value());
        const QString expected = statusesBefore->text(0);

        CancelToken cancel;
        QVERIFY(job::runJob(db, store.clock(), {job::JobKind::Rebuild, {}}, cancel).ok());
        auto statusesAfter = db.prepare(before);
        QVERIFY(statusesAfter->step().value());
        QCOMPARE(statusesAfter->text(0), expected);
        // The evidence days were re-derived.
        QVERIFY(countOf(db, "SELECT count(*) FROM insight_evidence_day") > 0);
        auto lines = reports::loadInsightLines(db, *reports::loadInsight(db, first).value(), 5);
        QVERIFY(lines.ok());
        QVERIFY(lines->lineCount > 0);
        QVERIFY(lines->lines.size() <= 5);
    }
};

QTEST_GUILESS_MAIN(TestInsights)
#include "tst_insights.moc"

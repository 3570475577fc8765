// assessFreshness decides when the Overview warns that its data is stale; loadFreshness reads the
// source states and each stage's latest run from a real store.
#include "rawbuilder.h"
#include "reports/freshness.h"
#include "reports/snapshots.h"
#include "tempstore.h"

#include <QTest>
#include <QTimeZone>

Q_DECLARE_METATYPE(ll::reports::SourceStateRow)
Q_DECLARE_METATYPE(ll::reports::StageRunRow)

using namespace ll;
using reports::FreshnessProblem;
using Kind = reports::FreshnessProblem::Kind;

namespace {
const QDateTime kNow(QDate(2026, 11, 21), QTime(12, 0), QTimeZone::utc());

reports::SourceStateRow source(const char *id, const char *status, std::optional<qint64> successHoursAgo,
                               std::optional<qint64> newestEventHoursAgo, const char *message = "")
{
    reports::SourceStateRow r;
    r.source = QString::fromLatin1(id);
    r.systemTable = QStringLiteral("system.") + r.source;
    r.status = QString::fromLatin1(status);
    if (successHoursAgo)
        r.lastSuccessAt = kNow.addSecs(-*successHoursAgo * 3600);
    if (newestEventHoursAgo)
        r.newestEventTime = kNow.addSecs(-*newestEventHoursAgo * 3600);
    r.message = QString::fromLatin1(message);
    return r;
}

reports::StageRunRow stageRun(std::int64_t id, const char *stage, const char *status, const char *error = "")
{
    return {id, QString::fromLatin1(stage), QString::fromLatin1(status), kNow.addSecs(-3600), kNow.addSecs(-3500), 0, 0,
            QString::fromLatin1(error)};
}

QString describe(const QList<FreshnessProblem> &problems)
{
    QStringList out;
    for (const FreshnessProblem &p : problems)
        out << QStringLiteral("%1:%2").arg(static_cast<int>(p.kind)).arg(p.subject);
    return out.join(QLatin1Char(' '));
}

QString expected(std::initializer_list<std::pair<Kind, const char *>> list)
{
    QStringList out;
    for (const auto &[kind, subject] : list)
        out << QStringLiteral("%1:%2").arg(static_cast<int>(kind)).arg(QString::fromLatin1(subject));
    return out.join(QLatin1Char(' '));
}
} // namespace

class TestFreshness : public QObject {
    Q_OBJECT
private slots:
    void assess_data()
    {
        QTest::addColumn<QList<reports::SourceStateRow>>("sources");
        QTest::addColumn<QList<reports::StageRunRow>>("runs");
        QTest::addColumn<QString>("problems");

        const auto billingOk = source("billing_usage", "ok", 2, 20);
        QTest::addRow("fresh") << QList{billingOk, source("compute_clusters", "ok", 2, 24 * 30)}
                               << QList{stageRun(1, "ledger", "succeeded")} << QString();
        QTest::addRow("billing 47 h behind is still fresh") << QList{source("billing_usage", "ok", 1, 47)}
                                                            << QList<reports::StageRunRow>{} << QString();
        QTest::addRow("billing 49 h behind is stale") << QList{source("billing_usage", "ok", 1, 49)} << QList<reports::StageRunRow>{}
                                                      << expected({{Kind::BillingStale, "billing_usage"}});
        QTest::addRow("billing extracted but no record") << QList{source("billing_usage", "ok", 1, std::nullopt)}
                                                         << QList<reports::StageRunRow>{}
                                                         << expected({{Kind::BillingStale, "billing_usage"}});
        // An old newest event is normal for a slowly changing source; its last extraction is what counts.
        QTest::addRow("other source not refreshed for 4 days")
            << QList{billingOk, source("compute_clusters", "ok", 96, 2)} << QList<reports::StageRunRow>{}
            << expected({{Kind::SourceNotRefreshed, "compute_clusters"}});
        QTest::addRow("failed sources, billing first")
            << QList{source("lakeflow_jobs", "failed", 2, 2, "HTTP 403"), source("billing_usage", "failed", std::nullopt, std::nullopt)}
            << QList<reports::StageRunRow>{}
            << expected({{Kind::SourceFailed, "billing_usage"}, {Kind::SourceFailed, "lakeflow_jobs"}});
        QTest::addRow("never and unavailable are not problems")
            << QList{billingOk, source("query_history", "never", std::nullopt, std::nullopt),
                     source("compute_node_timeline", "unavailable", std::nullopt, std::nullopt)}
            << QList<reports::StageRunRow>{} << QString();
        QTest::addRow("failed and interrupted stages, not cancelled or running")
            << QList{billingOk}
            << QList{stageRun(9, "metrics", "interrupted"), stageRun(7, "attribution", "failed", "no such rule"),
                     stageRun(8, "insights", "cancelled"), stageRun(10, "ledger", "running")}
            << expected({{Kind::StageFailed, "attribution"}, {Kind::StageFailed, "metrics"}});
    }
    void assess()
    {
        QFETCH(QList<reports::SourceStateRow>, sources);
        QFETCH(QList<reports::StageRunRow>, runs);
        QFETCH(QString, problems);
        const reports::FreshnessReport report = reports::assessFreshness(sources, runs, kNow);
        QCOMPARE(describe(report.problems), problems);
        QCOMPARE(report.ok(), problems.isEmpty());
    }

    void problemCarriesAgeAndMessage()
    {
        const auto report = reports::assessFreshness({source("billing_usage", "ok", 1, 50), source("lakeflow_jobs", "failed", 30, 2, "HTTP 403")},
                                                     {}, kNow);
        QCOMPARE(report.problems.size(), 2);
        QCOMPARE(report.problems.at(0).ageSeconds, std::optional<std::int64_t>(50 * 3600));
        QCOMPARE(report.problems.at(0).at, kNow.addSecs(-50 * 3600));
        QCOMPARE(report.problems.at(1).message, QStringLiteral("HTTP 403"));
        QCOMPARE(report.problems.at(1).ageSeconds, std::optional<std::int64_t>(30 * 3600)); // since the last success
    }

    void thresholdsAreAPolicy()
    {
        reports::FreshnessPolicy strict;
        strict.billingLagSeconds = 6 * 3600;
        QCOMPARE(reports::assessFreshness({source("billing_usage", "ok", 1, 7)}, {}, kNow, strict).problems.size(), 1);
        QVERIFY(reports::assessFreshness({source("billing_usage", "ok", 1, 7)}, {}, kNow).ok());
    }

    void loadsFromTheStore()
    {
        test::TempStore store;
        QVERIFY2(store.ok(), qPrintable(store.error()));
        store.clock().set(kNow.addSecs(-3600));
        test::RawBuilder billing(store.db(), store.clock(), QStringLiteral("billing_usage"));
        billing.addRow(test::usageRow(QStringLiteral("r1"), QStringLiteral("ws-1"), QStringLiteral("PREMIUM_JOBS_COMPUTE"),
                                      QStringLiteral("2026-11-18T10:00:00Z"), QStringLiteral("1")));
        QVERIFY(billing.flush());

        auto report = reports::loadFreshness(store.db(), kNow);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().toString()));
        // The newest usage record ends 2026-11-18 11:00 (its event time): 73 h before now.
        QCOMPARE(describe(report->problems), expected({{Kind::BillingStale, "billing_usage"}}));
        QCOMPARE(report->problems.at(0).systemTable, QStringLiteral("system.billing.usage"));
        QCOMPARE(report->problems.at(0).ageSeconds, std::optional<std::int64_t>(73 * 3600));

        // Only each stage's latest run counts: attribution failed then succeeded; metrics failed last.
        const qint64 t = kNow.toSecsSinceEpoch() - 600;
        QVERIFY(store.db().exec(QStringLiteral("INSERT INTO app_pipeline_run (run_id, kind, started_at, status) VALUES (1, 'process', %1, 'failed');"
                                               "INSERT INTO app_stage_run (run_id, stage, started_at, status, error) VALUES "
                                               "(1, 'attribution', %1, 'failed', 'bad rule'), (1, 'attribution', %1, 'succeeded', NULL), "
                                               "(1, 'metrics', %1, 'succeeded', NULL), (1, 'metrics', %1, 'failed', 'disk full');")
                                    .arg(t)
                                    .toUtf8()));
        report = reports::loadFreshness(store.db(), kNow);
        QVERIFY(report);
        QCOMPARE(describe(report->problems), expected({{Kind::BillingStale, "billing_usage"}, {Kind::StageFailed, "metrics"}}));
        QCOMPARE(report->problems.at(1).message, QStringLiteral("disk full"));
        QCOMPARE(report->problems.at(1).ageSeconds, std::optional<std::int64_t>(600));
    }
};

QTEST_GUILESS_MAIN(TestFreshness)
#include "tst_freshness.moc"

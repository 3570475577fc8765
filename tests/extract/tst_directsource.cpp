#include "syncfixture.h"
#include "tempstore.h"

#include "reports/entitynames.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

using namespace ll;
using namespace ll::test;

namespace {

extract::ClientCredentials patFor(const FakeDatabricks &fake)
{
    return {credentials::AuthType::Pat, fake.pat, {}, {}, {}};
}

struct LedgerTotals {
    std::int64_t lines = 0;
    std::int64_t cost = 0;
    bool operator==(const LedgerTotals &) const = default;
};

LedgerTotals ledgerTotals(store::Database &db)
{
    return {scalar(db, "SELECT count(*) FROM ledger_usage_line"), scalar(db, "SELECT coalesce(sum(cost_nanos), 0) FROM ledger_usage_line")};
}

QString dump(const pipeline::RunSummary &s) { return describeRun(s); }

// Rows whose usage ends within [from, to): what a window read should return.
std::int64_t billingRowsEnding(const QDateTime &from, const QDateTime &to)
{
    const QDateTime first = kNow.addDays(-95);
    std::int64_t n = 0;
    for (QDateTime end = first; end < kNow.addSecs(-2 * 3600); end = end.addSecs(3600))
        n += (end >= from && end < to) ? 1 : 0;
    return n;
}

// Rows the fake holds whose ingestion_date is in [from, to]: what an ingestion read returns.
std::int64_t billingRowsIngested(FakeDatabricks &fake, const QDate &from, const QDate &to)
{
    FakeTable &t = fake.table(QStringLiteral("system.billing.usage"));
    const int at = static_cast<int>(t.columns.indexOf(QStringLiteral("ingestion_date")));
    std::int64_t n = 0;
    for (const QJsonArray &row : t.rows) {
        const QDate d = QDate::fromString(row[at].toString(), Qt::ISODate);
        n += (d >= from && d <= to) ? 1 : 0;
    }
    return n;
}

// An older schema: the table as served lacks `column`.
void dropColumn(FakeTable &t, const QString &column)
{
    const int at = static_cast<int>(t.columns.indexOf(column));
    t.columns.removeAt(at);
    for (QJsonArray &row : t.rows)
        row.removeAt(at);
}

QStringList g_captured;

void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    g_captured.append(QString::fromLatin1(context.category ? context.category : "") + QLatin1Char(' ') + message);
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestDirectSource : public QObject {
    Q_OBJECT
private slots:
    void fullSync()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        fake.chunkRows = 200;
        TempStore store;
        QVERIFY(store.ok());
        CancelToken cancel;
        const SyncRun run = runSync(store.db(), store.clock(), fastClient(fake), patFor(fake), fastDirect(), cancel);
        QVERIFY2(run.summary.ok(), qPrintable(dump(run.summary)));

        // Default history: 90 days of ingestion, today included.
        const std::int64_t expected = billingRowsIngested(fake, kNow.addDays(-90).date(), kNow.date());
        QVERIFY(expected > 89 * 24);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_billing_usage"), expected);
        QCOMPARE(fake.rowsServed.value(QStringLiteral("system.billing.usage")), expected);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM ledger_usage_line"), expected);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM ledger_usage_line WHERE cost_nanos IS NULL"), 0);
        QCOMPARE(scalar(store.db(), "SELECT sum(cost_nanos) FROM ledger_usage_line"), expected * 187500000); // 1.25 DBU x 0.15

        // Plain SQL of named columns with a window on when rows arrived, in named parameters.
        bool sawWindow = false;
        for (const QString &sql : fake.statements)
            sawWindow |= sql.startsWith(QLatin1String("SELECT `record_id`, "))
                && sql.contains(QLatin1String(
                    "FROM system.billing.usage WHERE `ingestion_date` >= :since AND `ingestion_date` < :until ORDER BY `ingestion_date`"));
        QVERIFY(sawWindow);

        // Watermark = the start of today's ingestion, still being written, so it is re-read.
        auto wm = store.db().prepare("SELECT watermark, status, message FROM raw_source_state WHERE source = 'billing_usage'");
        QVERIFY(wm && *wm->step());
        QCOMPARE(wm->text(0), QStringLiteral("2026-11-28T00:00:00Z"));
        QCOMPARE(wm->text(1), QStringLiteral("ok"));
        QVERIFY(wm->isNull(2));
        // Event tables keep the end of their last window.
        QCOMPARE(
            scalar(store.db(),
                "SELECT count(*) FROM raw_source_state WHERE source = 'compute_warehouse_events' AND watermark = '2026-11-28T12:00:00Z'"),
            1);

        // Schema drift: the extra column is ignored, the missing optional one is NULL.
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_compute_clusters WHERE policy_id IS NULL AND tags = '{\"team\":\"ml\"}'"), 3);
        QCOMPARE(run.status(QStringLiteral("compute_clusters")), QStringLiteral("succeeded"));

        // Optional sources the account lacks are unavailable, not failures.
        QCOMPARE(run.status(QStringLiteral("query_history")), QStringLiteral("unavailable"));
        QCOMPARE(run.status(QStringLiteral("lakeflow_pipeline_update_timeline")), QStringLiteral("unavailable"));
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_source_state WHERE source = 'query_history' AND status = 'unavailable' AND message LIKE '%system.query%'"), 1);

        // REST enrichment, paginated (5 jobs in pages of 2).
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_rest_object WHERE api = 'jobs'"), 5);
        QCOMPARE(scalar(store.db(), "SELECT count(DISTINCT object_id) FROM raw_rest_object WHERE api = 'jobs'"), 5);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_rest_object WHERE api = 'clusters'"), 1);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_rest_object WHERE api = 'warehouses'"), 1);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_rest_object WHERE api = 'pipelines'"), 1);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_rest_object WHERE api = 'workspaces'"), 0); // PAT: no account API
    }

    void servicePrincipalsAreNamedFromScim()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        // Three principals in pages of two: startIndex 1 and 3.
        for (int i = 0; i < 3; ++i)
            fake.servicePrincipals.append(QJsonObject{{QStringLiteral("id"), QString::number(9000 + i)},
                {QStringLiteral("applicationId"), QStringLiteral("app-%1").arg(i)},
                {QStringLiteral("displayName"), QStringLiteral("etl bot %1").arg(i)}});
        TempStore store;
        CancelToken cancel;
        const SyncRun run = runSync(store.db(), store.clock(), fastClient(fake), patFor(fake), fastDirect(), cancel);
        QVERIFY2(run.summary.ok(), qPrintable(dump(run.summary)));
        QCOMPARE(run.status(QStringLiteral("rest_service_principals")), QStringLiteral("succeeded"));
        QCOMPARE(scalar(store.db(), "SELECT count(DISTINCT object_id) FROM raw_rest_object WHERE api = 'service_principals'"), 3);
        QStringList starts;
        for (const auto &r : fake.requests)
            if (r.path.endsWith(QLatin1String("/ServicePrincipals")))
                starts.append(QUrlQuery(QString::fromUtf8(r.query)).queryItemValue(QStringLiteral("startIndex")));
        QCOMPARE(starts, (QStringList{QStringLiteral("1"), QStringLiteral("3")}));

        // A rename shows on the next sync: the newest listing names the principal.
        fake.servicePrincipals[2][QStringLiteral("displayName")] = QStringLiteral("renamed bot");
        QVERIFY(runSync(store.db(), store.clock(), fastClient(fake), patFor(fake), fastDirect(), cancel).summary.ok());

        reports::EntityNames names(store.db());
        QCOMPARE(names.principal(QStringLiteral("app-1")).value(), QStringLiteral("etl bot 1 (app-1)"));
        QCOMPARE(names.principal(QStringLiteral("app-2")).value(), QStringLiteral("renamed bot (app-2)"));
        QCOMPARE(
            names.principal(QStringLiteral("app-gone")).value(), QStringLiteral("(name unknown: not in the SCIM service principals API)"));
        QCOMPARE(names.principal(QStringLiteral("ana@example.com")).value(), QStringLiteral("ana@example.com"));
        QCOMPARE(names.principal(QString()).value(), QStringLiteral("(no principal)"));
    }

    void deniedServicePrincipalsAreUnavailable_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("403 not an admin") << 403;
        QTest::newRow("404 not offered") << 404;
    }

    void deniedServicePrincipalsAreUnavailable()
    {
        QFETCH(int, status);
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        fake.servicePrincipals.append(QJsonObject{
            {QStringLiteral("applicationId"), QStringLiteral("app-0")}, {QStringLiteral("displayName"), QStringLiteral("etl bot")}});
        fake.servicePrincipalsStatus = status;
        TempStore store;
        CancelToken cancel;
        const SyncRun run = runSync(store.db(), store.clock(), fastClient(fake), patFor(fake), fastDirect(), cancel);
        QVERIFY2(run.summary.ok(), qPrintable(dump(run.summary)));
        QCOMPARE(run.status(QStringLiteral("rest_service_principals")), QStringLiteral("unavailable"));
        QCOMPARE(run.status(QStringLiteral("rest_jobs")), QStringLiteral("succeeded"));
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_rest_object WHERE api = 'service_principals'"), 0);
        reports::EntityNames names(store.db());
        QCOMPARE(
            names.principal(QStringLiteral("app-0")).value(), QStringLiteral("(name unknown: not in the SCIM service principals API)"));
    }

    void incrementalSyncPullsOnlyNewRows()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        // An account whose billing table predates ingestion_date: usage-time windows, said so.
        dropColumn(fake.table(QStringLiteral("system.billing.usage")), QStringLiteral("ingestion_date"));
        TempStore store;
        CancelToken cancel;
        extract::DirectOptions options = fastDirect();
        options.lookbackDays = 0;
        options.otherLookbackDays = 0;
        QVERIFY(runSync(store.db(), store.clock(), fastClient(fake), patFor(fake), options, cancel).summary.ok());
        const std::int64_t first = scalar(store.db(), "SELECT count(*) FROM ledger_usage_line");
        QCOMPARE(first, billingRowsEnding(kNow.addDays(-90), kNow)); // usage-time history window

        // Ten new hours of usage arrive; the clock moves on by half a day.
        seedBilling(fake, kNow, kNow.addSecs(10 * 3600), 100000);
        store.clock().set(kNow.addSecs(12 * 3600));
        fake.rowsServed.clear();
        const SyncRun second = runSync(store.db(), store.clock(), fastClient(fake), patFor(fake), options, cancel);
        QVERIFY2(second.summary.ok(), qPrintable(dump(second.summary)));
        QCOMPARE(fake.rowsServed.value(QStringLiteral("system.billing.usage")), 10);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM ledger_usage_line"), first + 10);
        QVERIFY(std::any_of(fake.statements.begin(), fake.statements.end(),
            [](const QString &sql) { return sql.contains(QLatin1String("FROM system.billing.usage WHERE `usage_end_time` >= :since")); }));
        QCOMPARE(second.status(QStringLiteral("billing_usage")), QStringLiteral("succeeded"));
        QCOMPARE(scalar(store.db(),
                     "SELECT count(*) FROM raw_source_state WHERE source = 'billing_usage' AND status = 'ok' "
                     "AND message LIKE 'system.billing.usage has no ingestion_date column: read by usage_end_time with a 0-day lookback%'"),
            1);
        QCOMPARE(
            scalar(store.db(), "SELECT count(*) FROM raw_batch WHERE source = 'billing_usage' AND status = 'succeeded' AND error IS NULL"),
            2);
    }

    void lookbackRereadsWithoutDoubleCounting()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        TempStore store;
        CancelToken cancel;
        QVERIFY(runSync(store.db(), store.clock(), fastClient(fake), patFor(fake), fastDirect(), cancel).summary.ok());
        const LedgerTotals before = ledgerTotals(store.db());
        store.clock().set(kNow.addSecs(3600));
        fake.rowsServed.clear();
        QVERIFY(runSync(store.db(), store.clock(), fastClient(fake), patFor(fake), fastDirect(), cancel).summary.ok());
        // One whole ingestion day before today's is re-read; the ledger keeps each row once.
        QCOMPARE(
            fake.rowsServed.value(QStringLiteral("system.billing.usage")), billingRowsIngested(fake, kNow.date().addDays(-1), kNow.date()));
        QVERIFY(fake.rowsServed.value(QStringLiteral("system.billing.usage")) >= 24);
        QCOMPARE(ledgerTotals(store.db()), before);
        QVERIFY(scalar(store.db(), "SELECT count(*) FROM raw_billing_usage") > before.lines);
    }

    void resumedSyncEqualsUninterruptedOne()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        fake.chunkRows = 50;
        extract::DirectOptions options = fastDirect();
        options.initialWindowHours = 24 * 7; // 168 rows, four chunks per window
        options.maxWindowHours = 24 * 7;
        CancelToken never;

        TempStore reference(QStringLiteral("reference.lakeledger"));
        QVERIFY(runSync(reference.db(), reference.clock(), fastClient(fake), patFor(fake), options, never).summary.ok());

        TempStore killed(QStringLiteral("killed.lakeledger"));
        CancelToken cancel;
        fake.chunksServed = 0;
        fake.cancelCalls = 0;
        fake.onChunkServed = [&] {
            if (fake.chunksServed == 7) // probe + window 1 (4 chunks) + 2 chunks of window 2
                cancel.cancel();
        };
        const SyncRun interrupted = runSync(killed.db(), killed.clock(), fastClient(fake), patFor(fake), options, cancel);
        fake.onChunkServed = {};
        QCOMPARE(interrupted.summary.status, pipeline::RunStatus::Cancelled);
        QCOMPARE(fake.cancelCalls, 1); // the running statement was cancelled on the warehouse
        QVERIFY(scalar(killed.db(), "SELECT count(*) FROM raw_billing_usage") > 0);

        // Reopen the store as a new process would, and sync again.
        const QString path = killed.path();
        auto reopened = store::Store::open(path, {.create = false});
        QVERIFY(reopened);
        QVERIFY(pipeline::PipelineRunner::recoverInterrupted(*reopened, killed.clock()));
        CancelToken fresh;
        const SyncRun resumed = runSync(*reopened, killed.clock(), fastClient(fake), patFor(fake), options, fresh);
        QVERIFY2(resumed.summary.ok(), qPrintable(dump(resumed.summary)));
        QCOMPARE(ledgerTotals(*reopened), ledgerTotals(reference.db()));
        QCOMPARE(scalar(*reopened, "SELECT count(DISTINCT record_id) FROM raw_billing_usage"),
                 scalar(reference.db(), "SELECT count(*) FROM raw_billing_usage"));
    }

    void syncSurvivesFaultsAndTokenExpiry()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        fake.chunkRows = 100;
        fake.pendingPolls = 2;
        fake.expireTokensAfterRequests = 15;
        fake.addFault({QStringLiteral("/api/2.0/sql/statements"), FaultKind::TooManyRequests, 2, 0, 3});
        fake.addFault({QStringLiteral("/api/2.0/sql/statements"), FaultKind::Unavailable, 1, 0, 5});
        fake.addFault({QStringLiteral("/result/chunks/"), FaultKind::Truncated, 1, 0, 1});
        fake.addFault({QStringLiteral("/result/chunks/"), FaultKind::Malformed, 1, 0, 2});
        TempStore store;
        CancelToken cancel;
        const extract::ClientCredentials oauth{credentials::AuthType::OAuthM2M, {}, fake.clientId, fake.clientSecret, fake.accountId};
        const SyncRun run = runSync(store.db(), store.clock(), fastClient(fake), oauth, fastDirect(), cancel);
        QVERIFY2(run.summary.ok(), qPrintable(dump(run.summary)));
        QCOMPARE(fake.pendingFaults(), 0);
        QVERIFY(fake.tokensIssued >= 3); // workspace + account + the refresh after the 401
        QCOMPARE(
            scalar(store.db(), "SELECT count(*) FROM ledger_usage_line"), billingRowsIngested(fake, kNow.addDays(-90).date(), kNow.date()));
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_rest_object WHERE api = 'workspaces'"), 1);
    }

    void hangingServerStopsTheSyncWithinItsDeadline()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        TempStore store;
        CancelToken cancel;
        const SyncRun first = runSync(store.db(), store.clock(), fastClient(fake), patFor(fake), fastDirect(), cancel);
        QVERIFY2(first.summary.ok(), qPrintable(dump(first.summary)));
        const LedgerTotals before = ledgerTotals(store.db());
        const std::int64_t rawBefore = scalar(store.db(), "SELECT count(*) FROM raw_billing_usage");
        const std::int64_t batchesBefore = scalar(store.db(), "SELECT count(*) FROM raw_batch");
        QVERIFY(before.lines > 0);

        // Now every request hangs: no byte ever comes back.
        fake.addFault({{}, FaultKind::Hang, 0, 0, 0, -1});
        const qsizetype requestsBefore = fake.requests.size();
        extract::ClientOptions client = fastClient(fake);
        client.requestTimeoutMs = 300;
        client.maxConsecutiveFailures = 3;
        QElapsedTimer t;
        t.start();
        const SyncRun hung = runSync(store.db(), store.clock(), client, patFor(fake), fastDirect(), cancel);
        // 3 requests x 300 ms, backoff waits scaled to nothing, plus the derived stages not run.
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(!hung.summary.ok());
        QCOMPARE(hung.summary.error.code, ErrorCode::Network);
        QVERIFY2(
            hung.summary.error.message.contains(QLatin1String("Stopped after 3 failed requests in a row")), qPrintable(dump(hung.summary)));
        QVERIFY(hung.summary.error.message.contains(QLatin1String("no complete answer within 0.3 s")));
        QCOMPARE(fake.requests.size() - requestsBefore, 3);
        QCOMPARE(hung.sources.size(), 1); // the first source failed; the rest were not knocked on
        QCOMPARE(hung.sources.first().status, raw::BatchStatus::Failed);
        // The store keeps its figures.
        QCOMPARE(ledgerTotals(store.db()), before);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_billing_usage"), rawBefore);
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_batch"), batchesBefore + 1);
    }

    void closedPortStopsTheSyncAtOnce()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        extract::ClientOptions client;
        client.host = QStringLiteral("http://127.0.0.1:%1").arg(port);
        client.accountsHost = client.host;
        TempStore store;
        CancelToken cancel;
        QElapsedTimer t;
        t.start();
        const SyncRun run = runSync(store.db(), store.clock(), client,
            {credentials::AuthType::Pat, QStringLiteral("dapi-x1234567"), {}, {}, {}}, fastDirect(), cancel);
        QVERIFY2(t.elapsed() < 3000, qPrintable(QString::number(t.elapsed())));
        QVERIFY(!run.summary.ok());
        QCOMPARE(run.summary.error.code, ErrorCode::Network);
        QVERIFY2(
            run.summary.error.message.contains(QStringLiteral("Nothing listens at 127.0.0.1:%1").arg(port)), qPrintable(dump(run.summary)));
        QVERIFY(!run.summary.error.message.contains(QLatin1String("Databricks")));
        QCOMPARE(run.sources.size(), 1);
    }

    // Every recoverable fault in every phase: the sync completes with the totals of a clean one.
    void faultMatrixRecovers_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("kind");
        const QList<QPair<const char *, QString>> phases = {{"token", QStringLiteral("/oidc/v1/token")},
            {"submit", QStringLiteral("/api/2.0/sql/statements")}, {"poll", QStringLiteral("/api/2.0/sql/statements/")},
            {"chunk", QStringLiteral("/result/chunks/")}, {"rest page", QStringLiteral("/jobs/list")}};
        const QList<QPair<const char *, FaultKind>> kinds = {{"429", FaultKind::TooManyRequests}, {"503", FaultKind::Unavailable},
            {"500 html", FaultKind::Html500}, {"500 echo", FaultKind::EchoHeaders}, {"slow past deadline", FaultKind::Slow},
            {"truncated", FaultKind::Truncated}, {"malformed", FaultKind::Malformed}, {"reset", FaultKind::Reset}};
        for (const auto &[phase, path] : phases)
            for (const auto &[name, kind] : kinds)
                QTest::addRow("%s, %s", phase, name) << path << int(kind);
    }
    void faultMatrixRecovers()
    {
        QFETCH(QString, path);
        QFETCH(int, kind);
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        fake.chunkRows = 500;
        fake.pendingPolls = 1;
        // Two in a row in the same phase, after its first request got through (the workspace
        // token is asked for once: there, the first two).
        const int skip = path.contains(QLatin1String("token")) ? 0 : 1;
        fake.addFault({path, static_cast<FaultKind>(kind), 0, 1500, skip, 2, 500});
        TempStore store;
        CancelToken cancel;
        extract::ClientOptions client = fastClient(fake);
        client.requestTimeoutMs = 500;
        const extract::ClientCredentials oauth{credentials::AuthType::OAuthM2M, {}, fake.clientId, fake.clientSecret, fake.accountId};
        const SyncRun run = runSync(store.db(), store.clock(), client, oauth, fastDirect(), cancel);
        QVERIFY2(run.summary.ok(), qPrintable(dump(run.summary)));
        QCOMPARE(fake.pendingFaults(), 0); // the fault was met
        const std::int64_t expected = billingRowsIngested(fake, kNow.addDays(-90).date(), kNow.date());
        QCOMPARE(ledgerTotals(store.db()), (LedgerTotals{expected, expected * 187500000}));
        QCOMPARE(scalar(store.db(), "SELECT count(DISTINCT object_id) FROM raw_rest_object WHERE api = 'jobs'"), 5);
    }

    // A server that hangs from some phase on: the sync fails within its deadline, naming why.
    void faultMatrixHangFailsWithinTheDeadline_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addRow("token") << QStringLiteral("/oidc/v1/token");
        QTest::addRow("submit") << QStringLiteral("/api/2.0/sql/statements");
        QTest::addRow("poll") << QStringLiteral("/api/2.0/sql/statements/");
        QTest::addRow("chunk") << QStringLiteral("/result/chunks/");
        QTest::addRow("rest page") << QStringLiteral("/jobs/list");
    }
    void faultMatrixHangFailsWithinTheDeadline()
    {
        QFETCH(QString, path);
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        fake.chunkRows = 500;
        fake.pendingPolls = 1;
        fake.addFault({path, FaultKind::Hang, 0, 0, 0, -1});
        TempStore store;
        CancelToken cancel;
        extract::ClientOptions client = fastClient(fake);
        client.requestTimeoutMs = 300;
        client.maxConsecutiveFailures = 3;
        const extract::ClientCredentials oauth{credentials::AuthType::OAuthM2M, {}, fake.clientId, fake.clientSecret, fake.accountId};
        QElapsedTimer t;
        t.start();
        const SyncRun run = runSync(store.db(), store.clock(), client, oauth, fastDirect(), cancel);
        QVERIFY(!run.summary.ok());
        QVERIFY2(t.elapsed() < 8000, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(
            run.summary.error.message.contains(QLatin1String("Stopped after 3 failed requests in a row")), qPrintable(dump(run.summary)));
        QVERIFY(run.summary.error.message.contains(QLatin1String("no complete answer within 0.3 s")));
        // No derived layer was built from a partial read.
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM ledger_usage_line"), 0);
    }

    void requiredSourceFailureFailsTheSync()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        fake.failStatementsContaining = {QStringLiteral("FROM system.billing.usage WHERE")};
        TempStore store;
        CancelToken cancel;
        const SyncRun run = runSync(store.db(), store.clock(), fastClient(fake), patFor(fake), fastDirect(), cancel);
        QVERIFY(!run.summary.ok());
        QCOMPARE(run.summary.error.code, ErrorCode::Remote);
        QVERIFY(run.summary.error.message.contains(QLatin1String("system.billing.usage")));
        QCOMPARE(run.status(QStringLiteral("billing_usage")), QStringLiteral("failed"));
        // The other sources were still read.
        QCOMPARE(run.status(QStringLiteral("compute_clusters")), QStringLiteral("succeeded"));
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_source_state WHERE source = 'billing_usage' AND status = 'failed'"), 1);
    }

    void secretsStayOutOfEveryOutput_data()
    {
        QTest::addColumn<bool>("useOAuth");
        QTest::addRow("pat") << false;
        QTest::addRow("oauth m2m") << true;
    }
    void secretsStayOutOfEveryOutput()
    {
        QFETCH(bool, useOAuth);
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        fake.pat = QStringLiteral("dapi-CANARY-pat-7f3e9a");
        fake.clientSecret = QStringLiteral("CANARY-secret-51c0de");
        fake.expireTokensAfterRequests = 10;
        fake.addFault({QStringLiteral("/api/2.0/sql/statements"), FaultKind::TooManyRequests, 1, 0, 2});
        fake.addFault({QStringLiteral("/result/chunks/"), FaultKind::Malformed, 1, 0, 0});
        fake.failStatementsContaining = {QStringLiteral("system.compute.warehouse_events")};
        const extract::ClientCredentials credentials = useOAuth
            ? extract::ClientCredentials{credentials::AuthType::OAuthM2M, {}, fake.clientId, fake.clientSecret, fake.accountId}
            : extract::ClientCredentials{credentials::AuthType::Pat, fake.pat, {}, {}, {}};

        // Everything logged, at every level, including the client's request traces.
        QLoggingCategory::setFilterRules(QStringLiteral("lakeledger.*=true"));
        g_captured.clear();
        const QtMessageHandler previous = qInstallMessageHandler(capture);
        TempStore store;
        CancelToken cancel;
        const SyncRun run = runSync(store.db(), store.clock(), fastClient(fake), credentials, fastDirect(), cancel);
        // A failing sync too: wrong host path, errors are built from server answers.
        extract::ClientCredentials wrong = credentials;
        wrong.clientSecret = useOAuth ? QStringLiteral("CANARY-wrong-secret-aa11") : QString();
        wrong.token = useOAuth ? QString() : QStringLiteral("dapi-CANARY-wrong-bb22");
        const SyncRun failed = runSync(store.db(), store.clock(), fastClient(fake), wrong, fastDirect(), cancel);
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules(QString());
        QVERIFY2(run.summary.ok(), qPrintable(dump(run.summary)));
        QVERIFY(!failed.summary.ok());
        QVERIFY(g_captured.size() > 20);
        QVERIFY(g_captured.join(QLatin1Char('\n')).contains(QLatin1String("<redacted>"))); // the traces ran

        QStringList secrets = {fake.pat, fake.clientSecret, QStringLiteral("CANARY")};
        for (int i = 1; i <= fake.tokensIssued; ++i)
            secrets.append(QStringLiteral("fake-access-%1").arg(i));
        QStringList texts = g_captured;
        texts << dump(run.summary) << dump(failed.summary);
        for (const auto &s : run.sources + failed.sources)
            texts << s.error;
        QVERIFY(store.db().exec("PRAGMA wal_checkpoint(FULL)"));
        const QByteArray storeBytes = fileBytes(store.path()) + fileBytes(store.path() + QStringLiteral("-wal"));
        QVERIFY(storeBytes.size() > 10000);
        for (const QString &secret : secrets) {
            for (const QString &t : texts)
                QVERIFY2(!t.contains(secret), qPrintable(QStringLiteral("secret found in: ") + t.left(300)));
            QVERIFY2(!storeBytes.contains(secret.toUtf8()), qPrintable(secret));
        }
        // The tokens were really used on the wire, so their absence above means something.
        const QByteArray used = "Bearer " + (useOAuth ? QByteArray("fake-access-1") : fake.pat.toUtf8());
        QVERIFY(std::any_of(fake.requests.begin(), fake.requests.end(), [&](const auto &r) { return r.headers.value("authorization") == used; }));
    }

    void sinceOverridesWatermarks()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        TempStore store;
        CancelToken cancel;
        extract::DirectOptions options = fastDirect();
        options.sources = {QStringLiteral("billing_usage")};
        options.since = kNow.addDays(-2);
        QVERIFY(runSync(store.db(), store.clock(), fastClient(fake), patFor(fake), options, cancel).summary.ok());
        QCOMPARE(
            scalar(store.db(), "SELECT count(*) FROM raw_billing_usage"), billingRowsIngested(fake, kNow.addDays(-2).date(), kNow.date()));
        QCOMPARE(scalar(store.db(), "SELECT count(*) FROM raw_batch"), 1); // only the source asked for
    }
};

QTEST_GUILESS_MAIN(TestDirectSource)
#include "tst_directsource.moc"

#include "extract/apierror.h"
#include "extract/databricksclient.h"
#include "extract/redaction.h"
#include "fakedatabricks.h"

#include <QTest>
#include <QTimer>

using namespace ll;
using namespace ll::extract;

namespace {

ClientOptions fastOptions(const QString &host)
{
    ClientOptions o;
    o.host = host;
    o.accountsHost = host;
    o.baseDelayMs = 100;
    o.waitScale = 0.001; // retries and Retry-After are honoured, but not slept for real
    o.requestTimeoutMs = 5000;
    return o;
}

ClientCredentials pat(const test::FakeDatabricks &fake)
{
    return {credentials::AuthType::Pat, fake.pat, {}, {}, {}};
}

ClientCredentials oauth(const test::FakeDatabricks &fake, bool account = false)
{
    return {credentials::AuthType::OAuthM2M, {}, fake.clientId, fake.clientSecret, account ? fake.accountId : QString()};
}

const QString kMe = QStringLiteral("/api/2.0/preview/scim/v2/Me");

} // namespace

class TestDatabricksClient : public QObject {
    Q_OBJECT
private slots:
    void plainHttpOnlyForLoopback_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("accepted");
        QTest::addRow("ipv4 loopback") << QStringLiteral("http://127.0.0.1:9") << true;
        QTest::addRow("other 127/8") << QStringLiteral("http://127.1.2.3:9") << true;
        QTest::addRow("ipv6 loopback") << QStringLiteral("http://[::1]:9") << true;
        QTest::addRow("localhost") << QStringLiteral("http://localhost:9") << true;
        QTest::addRow("remote http") << QStringLiteral("http://adb-1.azuredatabricks.net") << false;
        QTest::addRow("lan http") << QStringLiteral("http://10.0.0.5") << false;
        QTest::addRow("https") << QStringLiteral("https://adb-1.azuredatabricks.net") << true;
        QTest::addRow("ftp") << QStringLiteral("ftp://adb-1.azuredatabricks.net") << false;
    }
    void plainHttpOnlyForLoopback()
    {
        QFETCH(QString, host);
        QFETCH(bool, accepted);
        CancelToken cancel;
        ClientOptions o = fastOptions(host);
        DatabricksClient client(o, {credentials::AuthType::Pat, QStringLiteral("dapi-x"), {}, {}, {}}, cancel);
        const Status s = client.validate();
        QCOMPARE(s.ok(), accepted);
        if (!accepted)
            QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
    }

    void patIsSentAsBearer()
    {
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        CancelToken cancel;
        DatabricksClient client(fastOptions(fake.url()), pat(fake), cancel);
        auto me = client.get(kMe, QStringLiteral("checking"));
        QVERIFY2(me, qPrintable(me ? QString() : me.error().toString()));
        QCOMPARE(me->value(QLatin1String("userName")).toString(), QStringLiteral("finops@example.com"));
        QCOMPARE(fake.requests.last().headers.value("authorization"), "Bearer " + fake.pat.toUtf8());
    }

    void retriesTransientFailures_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addRow("429") << int(test::FaultKind::TooManyRequests);
        QTest::addRow("503") << int(test::FaultKind::Unavailable);
        QTest::addRow("truncated body") << int(test::FaultKind::Truncated);
        QTest::addRow("malformed json") << int(test::FaultKind::Malformed);
        QTest::addRow("slow answer past the deadline") << int(test::FaultKind::Slow);
    }
    void retriesTransientFailures()
    {
        QFETCH(int, kind);
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        fake.addFault({kMe, static_cast<test::FaultKind>(kind), 1, 3000, 0});
        CancelToken cancel;
        ClientOptions o = fastOptions(fake.url());
        o.requestTimeoutMs = 300;
        DatabricksClient client(o, pat(fake), cancel);
        auto me = client.get(kMe, QStringLiteral("checking"));
        QVERIFY2(me, qPrintable(me ? QString() : me.error().toString()));
        QCOMPARE(fake.requests.size(), 2);
        QCOMPARE(client.requestedWaits().size(), 1);
    }

    void honoursRetryAfter()
    {
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        fake.addFault({kMe, test::FaultKind::TooManyRequests, 7, 0, 0});
        CancelToken cancel;
        DatabricksClient client(fastOptions(fake.url()), pat(fake), cancel);
        QVERIFY(client.get(kMe, QStringLiteral("checking")));
        QCOMPARE(client.requestedWaits().size(), 1);
        QVERIFY(client.requestedWaits().first() >= 7000);
        QVERIFY(client.requestedWaits().first() < 7100);
    }

    void backoffGrowsAndGivesUp()
    {
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        for (int i = 0; i < 10; ++i)
            fake.addFault({kMe, test::FaultKind::Unavailable, 1, 0, 0});
        CancelToken cancel;
        ClientOptions o = fastOptions(fake.url());
        o.maxAttempts = 4;
        o.maxDelayMs = 350;
        DatabricksClient client(o, pat(fake), cancel);
        auto me = client.get(kMe, QStringLiteral("checking"));
        QVERIFY(!me);
        QCOMPARE(me.error().code, ErrorCode::Network);
        QCOMPARE(fake.requests.size(), 4);
        const QList<int> waits = client.requestedWaits();
        QCOMPARE(waits.size(), 3);
        QVERIFY(waits[0] >= 100 && waits[0] <= 125);  // base + jitter
        QVERIFY(waits[1] >= 200 && waits[1] <= 250);
        QVERIFY(waits[2] >= 350 && waits[2] <= 437);  // capped
    }

    void otherErrorsFailFastInPlainWords()
    {
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        CancelToken cancel;
        DatabricksClient client(fastOptions(fake.url()), pat(fake), cancel);
        auto r = client.get(QStringLiteral("/api/2.0/no/such/api"), QStringLiteral("checking"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Remote);
        QCOMPARE(remoteErrorCode(r.error()), QStringLiteral("ENDPOINT_NOT_FOUND"));
        QVERIFY(r.error().message.contains(QLatin1String("host")));
        QCOMPARE(fake.requests.size(), 1);
    }

    void wrongPatIsRejectedWithoutRetry()
    {
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        CancelToken cancel;
        DatabricksClient client(fastOptions(fake.url()), {credentials::AuthType::Pat, QStringLiteral("dapi-wrong-canary"), {}, {}, {}}, cancel);
        auto r = client.get(kMe, QStringLiteral("checking"));
        QVERIFY(!r);
        QCOMPARE(remoteErrorCode(r.error()), QStringLiteral("UNAUTHENTICATED"));
        QVERIFY(!r.error().toString().contains(QLatin1String("dapi-wrong-canary")));
        QCOMPARE(fake.requests.size(), 1);
    }

    void oauthTokenIsCachedAndRefreshedAfter401()
    {
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        fake.expireTokensAfterRequests = 2;
        CancelToken cancel;
        DatabricksClient client(fastOptions(fake.url()), oauth(fake), cancel);
        for (int i = 0; i < 4; ++i)
            QVERIFY(client.get(kMe, QStringLiteral("checking")));
        QCOMPARE(fake.tokensIssued, 2); // once at start, once after the 401
        QCOMPARE(client.tokenRequests(), 2);
        QCOMPARE(fake.requests.first().path, QStringLiteral("/oidc/.well-known/oauth-authorization-server")); // discovery, once
        QVERIFY(fake.requests.first().headers.value("authorization").isEmpty());
        const auto &tokenRequest = fake.requests.at(1);
        QCOMPARE(tokenRequest.path, QStringLiteral("/oidc/v1/token"));
        QVERIFY(tokenRequest.headers.value("authorization").startsWith("Basic "));
        QCOMPARE(tokenRequest.body, QByteArray("grant_type=client_credentials&scope=all-apis"));
    }

    void redirectsAreNotFollowed()
    {
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        fake.addFault({kMe, test::FaultKind::Redirect, 0, 0, 0});
        CancelToken cancel;
        DatabricksClient client(fastOptions(fake.url()), pat(fake), cancel);
        auto r = client.get(kMe, QStringLiteral("checking"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Remote);
        QVERIFY(r.error().message.contains(QLatin1String("redirect")));
        QCOMPARE(fake.requests.size(), 1); // the token never went to the other host
    }

    void oauthTokenIsRefreshedBeforeExpiry()
    {
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        fake.tokenLifetimeSeconds = 1;
        CancelToken cancel;
        DatabricksClient client(fastOptions(fake.url()), oauth(fake), cancel);
        QVERIFY(client.get(kMe, QStringLiteral("checking")));
        QVERIFY(client.get(kMe, QStringLiteral("checking")));
        QCOMPARE(fake.tokensIssued, 1);
        QTest::qWait(950); // past lifetime minus the refresh margin (a tenth of it)
        QVERIFY(client.get(kMe, QStringLiteral("checking")));
        QCOMPARE(fake.tokensIssued, 2);
        for (const auto &r : fake.requests)
            QVERIFY(r.headers.value("authorization") != "Bearer fake-access-1" || r.path == kMe);
    }

    void invalidClientIsExplained()
    {
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        CancelToken cancel;
        DatabricksClient client(fastOptions(fake.url()), {credentials::AuthType::OAuthM2M, {}, fake.clientId, QStringLiteral("wrong-secret-canary"), {}}, cancel);
        auto r = client.get(kMe, QStringLiteral("checking"));
        QVERIFY(!r);
        QCOMPARE(remoteErrorCode(r.error()), QStringLiteral("invalid_client"));
        QVERIFY(r.error().message.contains(QLatin1String("client ID or secret")));
        QVERIFY(!r.error().toString().contains(QLatin1String("wrong-secret-canary")));
    }

    void accountApiUsesAccountToken()
    {
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        fake.workspaces = {QJsonObject{{QStringLiteral("workspace_id"), 1}}, QJsonObject{{QStringLiteral("workspace_id"), 2}}};
        CancelToken cancel;
        DatabricksClient client(fastOptions(fake.url()), oauth(fake, true), cancel);
        QVERIFY(client.hasAccountAccess());
        auto r = client.getAccount(QStringLiteral("/api/2.0/accounts/%1/workspaces").arg(fake.accountId), QStringLiteral("listing"));
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r->value(QLatin1String("items")).toArray().size(), 2);
        QCOMPARE(fake.requests.first().path, QStringLiteral("/oidc/accounts/%1/v1/token").arg(fake.accountId));
    }

    void cancelInterruptsAWait()
    {
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        fake.addFault({kMe, test::FaultKind::TooManyRequests, 100, 0, 0});
        CancelToken cancel;
        ClientOptions o = fastOptions(fake.url());
        o.waitScale = 1.0; // a real 100 s Retry-After, cut short by the cancel
        DatabricksClient client(o, pat(fake), cancel);
        QTimer::singleShot(200, [&] { cancel.cancel(); });
        QElapsedTimer t;
        t.start();
        auto r = client.get(kMe, QStringLiteral("checking"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QVERIFY(t.elapsed() < 3000);
    }

    void redactionHelpers()
    {
        QCOMPARE(redaction::headerForLog("Authorization", "Bearer dapi-secret"), QStringLiteral("Authorization: <redacted>"));
        QCOMPARE(redaction::headerForLog("proxy-authorization", "Basic x"), QStringLiteral("proxy-authorization: <redacted>"));
        QCOMPARE(redaction::headerForLog("Cookie", "s=1"), QStringLiteral("Cookie: <redacted>"));
        QCOMPARE(redaction::headerForLog("Content-Type", "application/json"), QStringLiteral("Content-Type: application/json"));
        const QByteArray tokenBody = redaction::bodyForLog(QUrl(QStringLiteral("https://h/oidc/v1/token")), "grant_type=client_credentials&client_secret=s3cr3t");
        QVERIFY(!tokenBody.contains("s3cr3t"));
        const QByteArray json = redaction::bodyForLog(QUrl(QStringLiteral("https://h/api/x")), R"({"access_token":"tok-123","nested":{"client_secret":"cs-456"},"ok":"yes"})");
        QVERIFY(!json.contains("tok-123"));
        QVERIFY(!json.contains("cs-456"));
        QVERIFY(json.contains("yes"));
        QVERIFY(!redaction::urlForLog(QUrl(QStringLiteral("https://bucket.s3.amazonaws.com/x?X-Amz-Signature=abc"))).contains(QLatin1String("abc")));
        QCOMPARE(redaction::scrub(QStringLiteral("token dapi-1234 leaked"), {QStringLiteral("dapi-1234")}), QStringLiteral("token <redacted> leaked"));
    }

    void statementErrorsNameTheSchema()
    {
        const Error denied = describeStatementError(QStringLiteral("BAD_REQUEST"), QStringLiteral("42501"),
                                                    QStringLiteral("[INSUFFICIENT_PERMISSIONS] Insufficient privileges"), QStringLiteral("system.query.history"));
        QVERIFY(isUnavailableError(denied));
        QVERIFY(denied.message.contains(QLatin1String("system.query")));
        QVERIFY(denied.message.contains(QLatin1String("USE SCHEMA")));
        const Error missing = describeStatementError(QStringLiteral("BAD_REQUEST"), {}, QStringLiteral("[TABLE_OR_VIEW_NOT_FOUND] x"), QStringLiteral("system.lakeflow.jobs"));
        QVERIFY(isUnavailableError(missing));
        const Error other = describeStatementError(QStringLiteral("BAD_REQUEST"), {}, QStringLiteral("[DIVIDE_BY_ZERO] x"), QStringLiteral("system.lakeflow.jobs"));
        QVERIFY(!isUnavailableError(other));
        const Error stopped = describeApiError(400, QStringLiteral("INVALID_STATE"), QStringLiteral("Warehouse abc is stopped"), QStringLiteral("reading"));
        QVERIFY(stopped.message.contains(QLatin1String("stopped")));
    }
};

QTEST_GUILESS_MAIN(TestDatabricksClient)
#include "tst_databricksclient.moc"

#include "extract/apierror.h"
#include "extract/databricksclient.h"
#include "extract/redaction.h"
#include "fakedatabricks.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
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

// A loopback port nothing listens on: bound once, then released.
quint16 closedPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

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

    void connectionRefusedFailsAtOnceWithTheCause()
    {
        const quint16 port = closedPort();
        CancelToken cancel;
        DatabricksClient client(fastOptions(QStringLiteral("http://127.0.0.1:%1").arg(port)),
            {credentials::AuthType::Pat, QStringLiteral("dapi-x1234567"), {}, {}, {}}, cancel);
        QElapsedTimer t;
        t.start();
        auto r = client.get(kMe, QStringLiteral("checking"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY2(r.error().message.contains(QStringLiteral("Nothing listens at 127.0.0.1:%1").arg(port)), qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(QLatin1String("check the workspace URL")));
        QVERIFY(client.requestedWaits().isEmpty()); // not retried
        QVERIFY(client.fatal());
        // Later calls do not knock again: they fail at once with the same cause.
        auto again = client.get(kMe, QStringLiteral("checking again"));
        QVERIFY(!again);
        QCOMPARE(again.error().message, r.error().message);
        QVERIFY(t.elapsed() < 2000);
    }

    void unknownHostFailsAtOnceWithTheCause()
    {
        CancelToken cancel;
        ClientOptions o = fastOptions(QStringLiteral("https://no-such-workspace.invalid"));
        DatabricksClient client(o, {credentials::AuthType::Pat, QStringLiteral("dapi-x1234567"), {}, {}, {}}, cancel);
        auto r = client.get(kMe, QStringLiteral("checking"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY2(
            r.error().message.contains(QLatin1String("no-such-workspace.invalid could not be found")), qPrintable(r.error().toString()));
        QVERIFY(client.requestedWaits().isEmpty());
    }

    void plainHttpAnswerToHttpsIsNamed()
    {
        // What a plain-HTTP server sends back to a TLS hello.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        int connections = 0;
        connect(&server, &QTcpServer::newConnection, &server, [&] {
            while (QTcpSocket *s = server.nextPendingConnection()) {
                ++connections;
                connect(s, &QTcpSocket::readyRead, s, [s] {
                    s->readAll();
                    s->write(
                        "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 11\r\nConnection: close\r\n\r\nBad request");
                    s->disconnectFromHost();
                });
            }
        });
        CancelToken cancel;
        DatabricksClient client(fastOptions(QStringLiteral("https://127.0.0.1:%1").arg(server.serverPort())),
            {credentials::AuthType::Pat, QStringLiteral("dapi-x1234567"), {}, {}, {}}, cancel);
        auto r = client.get(kMe, QStringLiteral("checking"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY2(r.error().message.contains(QLatin1String("plain HTTP, not HTTPS")), qPrintable(r.error().toString()));
        QCOMPARE(connections, 1);
        QVERIFY(client.requestedWaits().isEmpty());
    }

    void hangingServerFailsWithinTheDeadline()
    {
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        fake.addFault({{}, test::FaultKind::Hang, 0, 0, 0, -1});
        CancelToken cancel;
        ClientOptions o = fastOptions(fake.url());
        o.requestTimeoutMs = 200; // the timer aborts: the server never sends a byte
        o.maxAttempts = 10;
        o.maxConsecutiveFailures = 3;
        DatabricksClient client(o, pat(fake), cancel);
        QElapsedTimer t;
        t.start();
        auto r = client.get(kMe, QStringLiteral("checking"));
        QVERIFY(!r);
        QVERIFY(t.elapsed() >= 3 * 180); // QTimer is coarse (5 %)
        QVERIFY2(t.elapsed() < 3 * 200 + 1500, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(fake.requests.size(), 3);
        QCOMPARE(r.error().code, ErrorCode::Network);
        QVERIFY2(r.error().message.contains(QLatin1String("Stopped after 3 failed requests in a row")), qPrintable(r.error().message));
        QVERIFY(r.error().message.contains(QLatin1String("no complete answer within 0.2 s")));
        QVERIFY(client.fatal());
        QVERIFY(!client.get(kMe, QStringLiteral("checking")));
        QCOMPARE(fake.requests.size(), 3);
    }

    void retryBudgetIsSharedByEveryRequest()
    {
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        fake.addFault({kMe, test::FaultKind::Unavailable, 0, 0, 0, -1});
        CancelToken cancel;
        ClientOptions o = fastOptions(fake.url());
        o.retryBudget = 3;
        o.maxAttempts = 3;
        o.maxConsecutiveFailures = 100;
        DatabricksClient client(o, pat(fake), cancel);
        QVERIFY(!client.get(kMe, QStringLiteral("checking")));     // 3 attempts, 2 retries
        auto second = client.get(kMe, QStringLiteral("checking")); // 1 retry left
        QVERIFY(!second);
        auto third = client.get(kMe, QStringLiteral("checking")); // none left: one attempt
        QVERIFY(!third);
        QVERIFY2(third.error().message.contains(QLatin1String("used its 3 retries")), qPrintable(third.error().message));
        QCOMPARE(client.requestedWaits().size(), 3);
        QCOMPARE(client.retriesUsed(), 3);
        QCOMPARE(fake.requests.size(), 3 + 2 + 1);
    }

    void html500IsRetriedAndShownReadably()
    {
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        fake.addFault({kMe, test::FaultKind::Html500, 0, 0, 0, 1});
        CancelToken cancel;
        DatabricksClient client(fastOptions(fake.url()), pat(fake), cancel);
        QVERIFY(client.get(kMe, QStringLiteral("checking")));
        QCOMPARE(fake.requests.size(), 2);

        fake.addFault({kMe, test::FaultKind::Html500, 0, 0, 0, -1});
        auto r = client.get(kMe, QStringLiteral("checking"));
        QVERIFY(!r);
        const QString text = r.error().toString();
        QVERIFY2(text.contains(QLatin1String("HTTP 500")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("500 Internal Server Error")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("upstream connect error")), qPrintable(text));
        QVERIFY(!text.contains(QLatin1Char('<')));
        QVERIFY(!text.contains(QLatin1String("color:red")));
        QVERIFY(!text.contains(QLatin1String("()")));
    }

    void resetMidBodyIsRetried()
    {
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        fake.addFault({kMe, test::FaultKind::Reset, 0, 0, 0, 1});
        CancelToken cancel;
        DatabricksClient client(fastOptions(fake.url()), pat(fake), cancel);
        auto me = client.get(kMe, QStringLiteral("checking"));
        QVERIFY2(me, qPrintable(me ? QString() : me.error().toString()));
        QCOMPARE(fake.requests.size(), 2);
    }

    void echoedCredentialsAreRedacted_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addRow("token endpoint, JSON 400") << QStringLiteral("/oidc/v1/token") << 400;
        QTest::addRow("token endpoint, text 500") << QStringLiteral("/oidc/v1/token") << 500;
        QTest::addRow("API call, JSON 400") << kMe << 400;
        QTest::addRow("API call, text 502") << kMe << 502;
    }
    void echoedCredentialsAreRedacted()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        test::FakeDatabricks fake;
        QVERIFY(fake.start());
        fake.clientSecret = QStringLiteral("CANARY s3cr3t+/=&x");
        fake.addFault({path, test::FaultKind::EchoHeaders, 0, 0, 0, -1, status});
        CancelToken cancel;
        DatabricksClient client(fastOptions(fake.url()), oauth(fake), cancel);
        auto r = client.get(kMe, QStringLiteral("checking"));
        QVERIFY(!r);
        const QString text = r.error().toString();
        QVERIFY2(text.contains(QLatin1String("Malformed request")) || text.contains(QLatin1String("Request rejected")), qPrintable(text));
        const QByteArray basic = (fake.clientId + QLatin1Char(':') + fake.clientSecret).toUtf8().toBase64();
        for (const QString &leak : {fake.clientSecret, QStringLiteral("CANARY"), QString::fromLatin1(basic),
                 QString::fromLatin1(fake.clientSecret.toUtf8().toBase64()),
                 QString::fromLatin1(QUrl::toPercentEncoding(fake.clientSecret)), QStringLiteral("fake-access-1")})
            QVERIFY2(!text.contains(leak), qPrintable(leak + QStringLiteral(" in: ") + text));
    }

    void redactionCoversEncodingsAndPatterns()
    {
        const QString secret = QStringLiteral("my secret+/=");
        const QString basic = QString::fromLatin1(QStringLiteral("sp:my secret+/=").toUtf8().toBase64());
        const QString in = QStringLiteral("raw=%1 b64=%2 url=%3 form=%4 basic=%5")
                               .arg(secret, QString::fromLatin1(secret.toUtf8().toBase64()),
                                   QString::fromLatin1(QUrl::toPercentEncoding(secret)), QStringLiteral("my+secret%2B%2F%3D"), basic);
        const QString out = redaction::scrub(in, {secret, QStringLiteral("sp:my secret+/=")});
        QVERIFY2(!out.contains(QLatin1String("secret")), qPrintable(out));
        QVERIFY(!out.contains(basic));
        QCOMPARE(out.count(redaction::kMask), 5);
        // Without knowing the secret.
        const QString p =
            redaction::scrubPatterns(QStringLiteral("Authorization: Basic c3A6c2VjcmV0MTIz\nsee https://alice:pw0rd@host/x?y=1, "
                                                    "Bearer eyJhbGciOiJIUzI1NiJ9.x.y {\"client_secret\":\"cs-456789\"} "
                                                    "access_token=tok-abcdef&x=1 dapi0123456789abcdef"));
        for (const char *leak :
            {"c3A6c2VjcmV0MTIz", "alice", "pw0rd", "eyJhbGciOiJIUzI1NiJ9", "cs-456789", "tok-abcdef", "dapi0123456789abcdef"})
            QVERIFY2(!p.contains(QLatin1String(leak)), qPrintable(p));
        QVERIFY(p.contains(QLatin1String("host/x?y=1")));
        QCOMPARE(redaction::scrubPatterns(QStringLiteral("Invalid access token.")), QStringLiteral("Invalid access token."));
    }

    void bodySnippetStripsTagsAndTruncates()
    {
        const QString s = redaction::bodySnippet("<html><head><title>502 Bad Gateway</title><script>var a=1;</script></head><body><h1>Bad "
                                                 "&amp; Gateway</h1>"
                + QByteArray(500, 'x') + "</body></html>",
            80);
        QVERIFY2(s.startsWith(QLatin1String("502 Bad Gateway: Bad & Gateway")), qPrintable(s));
        QVERIFY(!s.contains(QLatin1String("var a")));
        QVERIFY(s.endsWith(QLatin1String("...")));
        QVERIFY(s.size() <= 83);
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

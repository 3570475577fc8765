// Drives `lakeledger-cli sync` against the fake Databricks, as a user would.
#include "syncfixture.h"

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace ll;
using namespace ll::test;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Asynchronous, so this process's event loop keeps serving the fake while the CLI runs.
Run cli(const QStringList &args, const QProcessEnvironment &env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(qEnvironmentVariable("LAKELEDGER_CLI"), args);
    Run r;
    if (!finished.wait(50000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestSyncCommand : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_home;

    QProcessEnvironment baseEnv() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const QString &k : env.keys()) {
            if (k.startsWith(QLatin1String("DATABRICKS_")))
                env.remove(k);
        }
        env.insert(QStringLiteral("HOME"), m_home.path());
        return env;
    }

private slots:
    void initTestCase() { QVERIFY(!qEnvironmentVariable("LAKELEDGER_CLI").isEmpty()); }

    void helpDescribesEveryOption()
    {
        const Run r = cli({QStringLiteral("sync"), QStringLiteral("--help")}, baseEnv());
        QCOMPARE(r.exitCode, 0);
        for (const char *o : {"--profile", "--host", "--warehouse", "--sources", "--since", "--lookback-days", "--ca-file", "DATABRICKS_TOKEN", "billing_usage"})
            QVERIFY2(r.out.contains(o), o);
        QVERIFY(r.out.contains("--since and --history-days bound event tables only"));
        QVERIFY(cli({QStringLiteral("--help")}, baseEnv()).out.contains("sync"));
    }

    void syncsWithEnvironmentCredentialsAndLeaksNoSecret()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        fake.clientSecret = QStringLiteral("CANARY-cli-secret-9d8e7f");
        QTemporaryDir dir;
        const QString storePath = dir.filePath(QStringLiteral("prod.lakeledger"));
        QProcessEnvironment env = baseEnv();
        env.insert(QStringLiteral("DATABRICKS_HOST"), fake.url());
        env.insert(QStringLiteral("DATABRICKS_CLIENT_ID"), fake.clientId);
        env.insert(QStringLiteral("DATABRICKS_CLIENT_SECRET"), fake.clientSecret);
        env.insert(QStringLiteral("DATABRICKS_WAREHOUSE_ID"), QStringLiteral("wh1"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("lakeledger.*=true"));
        const Run r = cli({QStringLiteral("--store"), storePath, QStringLiteral("sync"), QStringLiteral("--history-days"), QStringLiteral("30")}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        if (qEnvironmentVariableIsSet("SHOW_CLI"))
            qDebug().noquote() << r.out << r.err.right(3000);
        QVERIFY(r.err.contains("system.billing.usage"));      // a progress line per source
        QVERIFY(r.out.contains("billing_usage"));             // the summary
        QVERIFY(r.out.contains("query_history"));
        QVERIFY(r.out.contains("unavailable"));
        QVERIFY(r.out.contains("stage ledger"));
        QVERIFY(fake.tokensIssued >= 1);
        const QByteArray storeBytes = fileBytes(storePath) + fileBytes(storePath + QStringLiteral("-wal"));
        QVERIFY(storeBytes.size() > 0);
        QStringList secrets = {fake.clientSecret, QStringLiteral("CANARY")};
        for (int i = 1; i <= fake.tokensIssued; ++i)
            secrets.append(QStringLiteral("fake-access-%1").arg(i));
        for (const QString &s : secrets) {
            QVERIFY2(!r.out.contains(s.toUtf8()), qPrintable(s));
            QVERIFY2(!r.err.contains(s.toUtf8()), qPrintable(s));
            QVERIFY2(!storeBytes.contains(s.toUtf8()), qPrintable(s));
        }
    }

    void usesADatabricksCfgProfile()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        QTemporaryDir home;
        QFile cfg(home.filePath(QStringLiteral(".databrickscfg")));
        QVERIFY(cfg.open(QIODevice::WriteOnly));
        cfg.write("[DEFAULT]\nhost = https://wrong.example.com\n\n[fake]\nhost = " + fake.url().toUtf8() + "\ntoken = " + fake.pat.toUtf8()
                  + "\nwarehouse_id = wh1\n");
        cfg.close();
        QProcessEnvironment env = baseEnv();
        env.insert(QStringLiteral("HOME"), home.path());
        QTemporaryDir dir;
        const Run r = cli({QStringLiteral("--store"), dir.filePath(QStringLiteral("s.lakeledger")), QStringLiteral("sync"), QStringLiteral("--profile"),
                           QStringLiteral("fake"), QStringLiteral("--sources"), QStringLiteral("billing_usage,billing_list_prices"),
                           QStringLiteral("--since"), QStringLiteral("2026-11-20")}, env);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(fake.requests.first().headers.value("authorization"), "Bearer " + fake.pat.toUtf8());
        QVERIFY(!r.out.contains("compute_clusters"));
    }

    void requiredSourceFailureExitsNonZero()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        fake.deniedSchemas.insert(QStringLiteral("system.billing"));
        QProcessEnvironment env = baseEnv();
        env.insert(QStringLiteral("DATABRICKS_HOST"), fake.url());
        env.insert(QStringLiteral("DATABRICKS_TOKEN"), fake.pat);
        QTemporaryDir dir;
        const Run r = cli({QStringLiteral("--store"), dir.filePath(QStringLiteral("s.lakeledger")), QStringLiteral("sync"), QStringLiteral("--warehouse"),
                           QStringLiteral("wh1"), QStringLiteral("--no-rest")}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("system.billing"));
        QVERIFY(r.err.contains("USE SCHEMA"));
        QVERIFY(r.out.contains("failed"));
    }

    void helpDocumentsExitCodesAndDeadlines()
    {
        const Run r = cli({QStringLiteral("sync"), QStringLiteral("--help")}, baseEnv());
        QCOMPARE(r.exitCode, 0);
        for (const char *s : {"Exit codes", "0 every source read", "1 the sync failed", "3 completed with failures", "130 cancelled",
                 "--request-timeout", "--retry-budget", "--max-failures-in-a-row"})
            QVERIFY2(r.out.contains(s), s);
    }

    void closedPortFailsInSecondsNamingTheCause()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        QProcessEnvironment env = baseEnv();
        env.insert(QStringLiteral("DATABRICKS_TOKEN"), QStringLiteral("dapi-x1234567"));
        QTemporaryDir dir;
        QElapsedTimer t;
        t.start();
        const Run r =
            cli({QStringLiteral("--store"), dir.filePath(QStringLiteral("s.lakeledger")), QStringLiteral("sync"), QStringLiteral("--host"),
                    QStringLiteral("http://127.0.0.1:%1").arg(port), QStringLiteral("--warehouse"), QStringLiteral("wh1")},
                env);
        QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Nothing listens at 127.0.0.1:%1").arg(port).toUtf8()), r.err.constData());
        QVERIFY(!r.err.contains("try again later"));
    }

    void hangingServerFailsWithinItsDeadline()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        fake.addFault({{}, FaultKind::Hang, 0, 0, 0, -1});
        QProcessEnvironment env = baseEnv();
        env.insert(QStringLiteral("DATABRICKS_HOST"), fake.url());
        env.insert(QStringLiteral("DATABRICKS_TOKEN"), fake.pat);
        QTemporaryDir dir;
        QElapsedTimer t;
        t.start();
        // 3 x 0.5 s requests and two backoff waits (~1 s, ~2 s).
        const Run r = cli({QStringLiteral("--store"), dir.filePath(QStringLiteral("s.lakeledger")), QStringLiteral("sync"),
                              QStringLiteral("--warehouse"), QStringLiteral("wh1"), QStringLiteral("--request-timeout"),
                              QStringLiteral("0.5"), QStringLiteral("--max-failures-in-a-row"), QStringLiteral("3")},
            env);
        QVERIFY2(t.elapsed() < 12000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("Stopped after 3 failed requests in a row"), r.err.constData());
        QVERIFY(r.err.contains("no complete answer within 0.5 s"));
        QCOMPARE(fake.requests.size(), 3);
    }

    void failedOptionalSourceExitsCompletedWithFailures()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        fake.addFault({QStringLiteral("/api/2.1/clusters/list"), FaultKind::Html500, 0, 0, 0, -1});
        QProcessEnvironment env = baseEnv();
        env.insert(QStringLiteral("DATABRICKS_HOST"), fake.url());
        env.insert(QStringLiteral("DATABRICKS_TOKEN"), fake.pat);
        QTemporaryDir dir;
        const Run r = cli({QStringLiteral("--store"), dir.filePath(QStringLiteral("s.lakeledger")), QStringLiteral("sync"),
                              QStringLiteral("--warehouse"), QStringLiteral("wh1"), QStringLiteral("--retry-budget"), QStringLiteral("1")},
            env);
        QVERIFY2(r.exitCode == 3, r.err.constData());
        QVERIFY(r.out.contains("Completed with failures: 1 source(s) failed"));
        QVERIFY(r.out.contains("stage ledger")); // the rest was processed
        QVERIFY2(r.err.contains("HTTP 500: 500 Internal Server Error"), r.err.constData());
        QVERIFY(r.err.contains("upstream connect error"));
        QVERIFY(!r.err.contains("<h1>"));
        // Two requests: the first and its one retry from the sync's budget.
        QCOMPARE(std::count_if(fake.requests.begin(), fake.requests.end(),
                     [](const auto &q) { return q.path.contains(QLatin1String("clusters/list")); }),
            2);
    }

    void echoedHeadersLeakNoSecret_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("exitCode");
        QTest::addRow("token endpoint echoes in JSON") << QStringLiteral("/oidc/v1/token") << 400 << 1;
        QTest::addRow("token endpoint echoes in text") << QStringLiteral("/oidc/v1/token") << 500 << 1;
        QTest::addRow("REST list echoes the bearer token") << QStringLiteral("/api/2.1/clusters/list") << 400 << 3;
        QTest::addRow("statement submit echoes in text") << QStringLiteral("/api/2.0/sql/statements") << 502 << 1;
    }
    void echoedHeadersLeakNoSecret()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(int, exitCode);
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        fake.clientSecret = QStringLiteral("CANARY s3cr3t/+=x");
        fake.addFault({path, FaultKind::EchoHeaders, 0, 0, 0, -1, status});
        QTemporaryDir dir;
        const QString storePath = dir.filePath(QStringLiteral("s.lakeledger"));
        QProcessEnvironment env = baseEnv();
        env.insert(QStringLiteral("DATABRICKS_HOST"), fake.url());
        env.insert(QStringLiteral("DATABRICKS_CLIENT_ID"), fake.clientId);
        env.insert(QStringLiteral("DATABRICKS_CLIENT_SECRET"), fake.clientSecret);
        env.insert(QStringLiteral("DATABRICKS_WAREHOUSE_ID"), QStringLiteral("wh1"));
        env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("lakeledger.*=true"));
        const Run r = cli({QStringLiteral("--store"), storePath, QStringLiteral("sync"), QStringLiteral("--retry-budget"),
                              QStringLiteral("2"), QStringLiteral("--max-failures-in-a-row"), QStringLiteral("3")},
            env);
        QVERIFY2(r.exitCode == exitCode, r.err.right(2000).constData());
        QVERIFY2(
            r.err.contains("Malformed request") || r.err.contains("Request rejected"), r.err.right(2000).constData()); // the echo arrived
        // The secret was on the wire in all these forms.
        const QByteArray basic = (fake.clientId + QLatin1Char(':') + fake.clientSecret).toUtf8().toBase64();
        QVERIFY(std::any_of(fake.requests.begin(), fake.requests.end(),
            [&](const auto &q) { return q.headers.value("authorization") == "Basic " + basic; }));
        QList<QByteArray> leaks = {fake.clientSecret.toUtf8(), "CANARY", basic, basic.left(basic.size() - 4),
            fake.clientSecret.toUtf8().toBase64(), QUrl::toPercentEncoding(fake.clientSecret)};
        for (int i = 1; i <= fake.tokensIssued; ++i)
            leaks.append(QStringLiteral("fake-access-%1").arg(i).toUtf8());
        const QByteArray storeBytes = fileBytes(storePath) + fileBytes(storePath + QStringLiteral("-wal"));
        QVERIFY(storeBytes.size() > 0);
        for (const QByteArray &leak : leaks) {
            QVERIFY2(!r.out.contains(leak), leak.constData());
            QVERIFY2(!r.err.contains(leak), leak.constData());
            QVERIFY2(!storeBytes.contains(leak), leak.constData());
        }
    }

    void refusesPlainHttpToARemoteHost()
    {
        QProcessEnvironment env = baseEnv();
        env.insert(QStringLiteral("DATABRICKS_TOKEN"), QStringLiteral("dapi-x"));
        QTemporaryDir dir;
        const Run r = cli({QStringLiteral("--store"), dir.filePath(QStringLiteral("s.lakeledger")), QStringLiteral("sync"), QStringLiteral("--host"),
                           QStringLiteral("http://dbc-1.cloud.databricks.com"), QStringLiteral("--warehouse"), QStringLiteral("wh1")}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains("https"));
    }
};

QTEST_GUILESS_MAIN(TestSyncCommand)
#include "tst_synccommand.moc"

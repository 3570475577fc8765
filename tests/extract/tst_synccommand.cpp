// Drives `lakeledger-cli sync` against the fake Databricks, as a user would.
#include "syncfixture.h"

#include <QFile>
#include <QProcess>
#include <QSignalSpy>
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

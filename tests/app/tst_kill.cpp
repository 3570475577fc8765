// SIGKILL at random points during `demo`, `rebuild` and `sync` never costs data (issue 18): after
// every kill the store passes PRAGMA integrity_check, rerunning the command completes, and the
// totals equal those of an uninterrupted run with no duplicate ledger line.
//
// Kill points are random delays after the CLI started, drawn from a logged seed; only runs that
// the kill really ended count. LL_KILL_POINTS (default 25) sets the kills per command and
// LL_KILL_SEED replays a run: `LL_KILL_POINTS=500 ctest -R tst_kill` is the long mode.
#include "../extract/syncfixture.h"
#include "childcli.h"
#include "store/database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace ll;
using namespace ll::test;

namespace {

Child runCli(const QStringList &args, const QProcessEnvironment &env, int killAfterMs)
{
    ChildOptions o;
    o.env = env;
    o.killAfterMs = killAfterMs;
    return runChild(args, o);
}

// What a finished run must reproduce exactly.
struct Totals {
    qint64 lines = -1;
    qint64 distinctRecords = -1;
    qint64 costNanos = -1;
    qint64 quantityNanos = -1;
    qint64 metricsCostNanos = -1;
    qint64 metricsLines = -1;
    qint64 attributedLines = -1;
    bool operator==(const Totals &) const = default;
    QByteArray text() const
    {
        return QStringLiteral("lines %1, distinct record ids %2, cost %3, quantity %4, metrics cost %5, metrics lines %6, attributed %7")
            .arg(lines)
            .arg(distinctRecords)
            .arg(costNanos)
            .arg(quantityNanos)
            .arg(metricsCostNanos)
            .arg(metricsLines)
            .arg(attributedLines)
            .toUtf8();
    }
};

qint64 scalarOf(store::Database &db, const char *sql)
{
    auto v = db.queryInt(sql);
    return v && *v ? **v : -1;
}

// PRAGMA integrity_check of the store as the kill left it (opening it also replays the WAL,
// as the next real open would): "ok" or SQLite's complaint.
QString integrity(const QString &path)
{
    if (!QFile::exists(path))
        return QStringLiteral("ok"); // killed before the store was created: nothing to corrupt
    auto db = store::Database::open(path, false);
    if (!db)
        return db.error().toString();
    auto st = db->prepare("PRAGMA integrity_check");
    if (!st)
        return st.error().toString();
    QStringList problems;
    const Status s = st->forEachRow([&](const store::Statement &row) { problems.append(row.text(0)); });
    if (!s)
        return s.error().toString();
    return problems.join(QLatin1Char('\n'));
}

Totals totals(const QString &path)
{
    Totals t;
    auto db = store::Database::open(path, false, true);
    if (!db)
        return t;
    t.lines = scalarOf(*db, "SELECT count(*) FROM ledger_usage_line");
    t.distinctRecords = scalarOf(*db, "SELECT count(DISTINCT record_id) FROM ledger_usage_line");
    t.costNanos = scalarOf(*db, "SELECT coalesce(sum(cost_nanos), 0) FROM ledger_usage_line");
    t.quantityNanos = scalarOf(*db, "SELECT coalesce(sum(quantity_nanos), 0) FROM ledger_usage_line");
    t.metricsCostNanos = scalarOf(*db, "SELECT coalesce(sum(cost_nanos), 0) FROM metrics_daily_cost");
    t.metricsLines = scalarOf(*db, "SELECT coalesce(sum(line_count), 0) FROM metrics_daily_cost");
    t.attributedLines = scalarOf(*db, "SELECT count(*) FROM attr_line");
    return t;
}

bool copyStore(const QString &from, const QString &to)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile::remove(to + suffix);
        if (QFile::exists(from + suffix) && !QFile::copy(from + suffix, to + suffix))
            return false;
    }
    return true;
}

void removeStore(const QString &path)
{
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        QFile::remove(path + suffix);
}

int killPointsPerCommand()
{
    bool ok = false;
    const int n = qEnvironmentVariableIntValue("LL_KILL_POINTS", &ok);
    return ok && n > 0 ? n : 25;
}

quint32 baseSeed()
{
    bool ok = false;
    const uint s = qEnvironmentVariable("LL_KILL_SEED").toUInt(&ok);
    return ok ? s : QRandomGenerator::system()->generate();
}

} // namespace

class TestKill : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QTemporaryDir m_home;
    QString m_demoStore; // an uninterrupted demo, the input of the rebuild kills
    quint32 m_seed = 0;
    QHash<QString, int> m_killPoints;

    QProcessEnvironment env() const
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        for (const QString &k : e.keys()) {
            if (k.startsWith(QLatin1String("DATABRICKS_")))
                e.remove(k);
        }
        e.insert(QStringLiteral("HOME"), m_home.path());
        return e;
    }

    static QStringList demoArgs(const QString &store)
    {
        // A small account keeps one run under a second, so 25 kills + resumes stay cheap, yet
        // long enough that most kills land in ingest and processing rather than start-up.
        return {QStringLiteral("--store"), store, QStringLiteral("demo"), QStringLiteral("--days"), QStringLiteral("10"),
            QStringLiteral("--workspaces"), QStringLiteral("2"), QStringLiteral("--jobs"), QStringLiteral("3"), QStringLiteral("--end"),
            QStringLiteral("2026-11-30")};
    }

    // Kills `args` at random points until `points` kills really landed mid-run; after each kill:
    // integrity, resume to completion, totals as `expected`. prepare() makes the store the command
    // starts from.
    void killLoop(const QString &command, const QStringList &args, const QProcessEnvironment &e, const QString &store,
        const std::function<bool()> &prepare, const Totals &expected, qint64 uninterruptedMs)
    {
        const int points = killPointsPerCommand();
        QRandomGenerator rng(m_seed ^ static_cast<quint32>(qHash(command)));
        int kills = 0;
        int finishedFirst = 0;
        int midWork = 0; // kills that left committed work short of the final figures
        // A kill drawn past the end of a run does not count; the cap ends a run whose timing
        // makes kills impossible instead of looping forever.
        for (int attempt = 0; kills < points && attempt < points * 4; ++attempt) {
            QVERIFY(prepare());
            const int delay = static_cast<int>(rng.bounded(static_cast<quint32>(qMax<qint64>(2, uninterruptedMs))));
            const Child killedRun = runCli(args, e, delay);
            QVERIFY2(killedRun.started && !killedRun.timedOut, qPrintable(command));
            if (!killedRun.killed) {
                ++finishedFirst;
                QVERIFY2(killedRun.exitCode == 0, killedRun.err.constData());
                continue;
            }
            ++kills;
            const QString check = integrity(store);
            QVERIFY2(check == QLatin1String("ok"), qPrintable(QStringLiteral("%1 killed at %2 ms: %3").arg(command).arg(delay).arg(check)));
            if (QFile::exists(store) && !(totals(store) == expected))
                ++midWork;
            const Child resumed = runCli(args, e, -1);
            QVERIFY2(resumed.exitCode == 0,
                qPrintable(QStringLiteral("%1 resumed after a kill at %2 ms: exit %3\n%4")
                               .arg(command)
                               .arg(delay)
                               .arg(resumed.exitCode)
                               .arg(QString::fromUtf8(resumed.err.right(2000)))));
            QCOMPARE(integrity(store), QStringLiteral("ok"));
            const Totals after = totals(store);
            QVERIFY2(after.lines == after.distinctRecords, after.text());
            if (!(after == expected))
                QFAIL(qPrintable(QStringLiteral("%1 killed at %2 ms, resumed:\n  %3\nuninterrupted:\n  %4")
                                     .arg(command)
                                     .arg(delay)
                                     .arg(QString::fromUtf8(after.text()), QString::fromUtf8(expected.text()))));
        }
        qInfo().noquote() << QStringLiteral("%1: %2 kill points, %3 of them mid-work (seed %4, %5 runs finished before their kill, "
                                            "uninterrupted run %6 ms)")
                                 .arg(command)
                                 .arg(kills)
                                 .arg(midWork)
                                 .arg(m_seed)
                                 .arg(finishedFirst)
                                 .arg(uninterruptedMs);
        m_killPoints.insert(command, kills);
        QVERIFY2(kills >= points, qPrintable(QStringLiteral("%1: only %2 of %3 kills landed mid-run").arg(command).arg(kills).arg(points)));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(!qEnvironmentVariable("LAKELEDGER_CLI").isEmpty());
        QVERIFY(m_dir.isValid() && m_home.isValid());
        m_seed = baseSeed();
        qInfo().noquote() << QStringLiteral("kill seed %1 (replay with LL_KILL_SEED=%1), %2 kill points per command")
                                 .arg(m_seed)
                                 .arg(killPointsPerCommand());
        m_demoStore = m_dir.filePath(QStringLiteral("reference-demo.lakeledger"));
        const Child c = runCli(demoArgs(m_demoStore), env(), -1);
        QVERIFY2(c.exitCode == 0, c.err.constData());
        QVERIFY(totals(m_demoStore).lines > 0);
    }

    void demoSurvivesKills()
    {
        const QString store = m_dir.filePath(QStringLiteral("demo.lakeledger"));
        QElapsedTimer timer;
        timer.start();
        removeStore(store);
        const Child first = runCli(demoArgs(store), env(), -1);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const Totals expected = totals(store);
        QCOMPARE(expected, totals(m_demoStore)); // the same options give the same account
        killLoop(
            QStringLiteral("demo"), demoArgs(store), env(), store,
            [&] {
                removeStore(store);
                return true;
            },
            expected, first.elapsedMs);
    }

    void rebuildSurvivesKills()
    {
        const QString store = m_dir.filePath(QStringLiteral("rebuild.lakeledger"));
        const QStringList args = {QStringLiteral("--store"), store, QStringLiteral("rebuild")};
        QVERIFY(copyStore(m_demoStore, store));
        const Child first = runCli(args, env(), -1);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const Totals expected = totals(store);
        QCOMPARE(expected, totals(m_demoStore)); // a rebuild re-derives the same figures
        killLoop(
            QStringLiteral("rebuild"), args, env(), store, [&] { return copyStore(m_demoStore, store); }, expected, first.elapsedMs);
    }

    void syncSurvivesKills()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        fake.addCatalogTables();
        // Billing relative to the real clock: the CLI's sync window ends now.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime hour(now.date(), QTime(now.time().hour(), 0), Qt::UTC);
        seedBilling(fake, hour.addDays(-4), hour.addSecs(-2 * 3600));
        fake.addRow(QStringLiteral("system.billing.list_prices"),
            priceRow(QStringLiteral("PREMIUM_JOBS_COMPUTE"), QStringLiteral("2025-01-01T00:00:00.000Z"), {}, QStringLiteral("0.15"),
                QStringLiteral("0.15")));
        fake.addRow(QStringLiteral("system.access.workspaces_latest"),
            {{QStringLiteral("workspace_id"), QStringLiteral("w1")}, {QStringLiteral("workspace_name"), QStringLiteral("prod")}});
        fake.chunkRows = 10; // several chunks, so kills land between chunk fetches too
        for (int i = 0; i < 3; ++i)
            fake.jobs.append(QJsonObject{{QStringLiteral("job_id"), 100 + i},
                {QStringLiteral("settings"), QJsonObject{{QStringLiteral("name"), QStringLiteral("job %1").arg(i)}}}});
        QProcessEnvironment e = env();
        e.insert(QStringLiteral("DATABRICKS_HOST"), fake.url());
        e.insert(QStringLiteral("DATABRICKS_TOKEN"), fake.pat);
        e.insert(QStringLiteral("DATABRICKS_WAREHOUSE_ID"), QStringLiteral("wh1"));
        const QString store = m_dir.filePath(QStringLiteral("sync.lakeledger"));
        const QStringList args = {
            QStringLiteral("--store"), store, QStringLiteral("sync"), QStringLiteral("--history-days"), QStringLiteral("5")};
        removeStore(store);
        const Child first = runCli(args, e, -1);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        const Totals expected = totals(store);
        QVERIFY2(expected.lines > 0, expected.text());
        killLoop(
            QStringLiteral("sync"), args, e, store,
            [&] {
                removeStore(store);
                return true;
            },
            expected, first.elapsedMs);
    }

    void cleanupTestCase()
    {
        int total = 0;
        for (int n : std::as_const(m_killPoints))
            total += n;
        qInfo().noquote() << QStringLiteral("kill points in total: %1 (demo %2, rebuild %3, sync %4)")
                                 .arg(total)
                                 .arg(m_killPoints.value(QStringLiteral("demo")))
                                 .arg(m_killPoints.value(QStringLiteral("rebuild")))
                                 .arg(m_killPoints.value(QStringLiteral("sync")));
    }
};

QTEST_GUILESS_MAIN(TestKill)
#include "tst_kill.moc"

// The store on a full disk or read-only (issue 18): a `demo`, `sync` or `rebuild` that cannot
// write fails with an actionable error and a non-zero exit; the store then passes
// PRAGMA integrity_check, every line saved before is still there with its cost, and once space is
// back the same command completes with the figures of a run that never failed. A read-only file
// or folder is refused with a clear error and left byte for byte as it was.
//
// A full disk is RLIMIT_FSIZE in the child (writes fail with EFBIG, as ENOSPC would); read-only is
// mode bits, honoured even by root because the child drops CAP_DAC_OVERRIDE.
#include "../extract/syncfixture.h"
#include "childcli.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ll;
using namespace ll::test;

namespace {

QString integrity(const QString &path)
{
    auto db = store::Database::open(path, false);
    if (!db)
        return db.error().toString();
    auto st = db->prepare("PRAGMA integrity_check");
    if (!st)
        return st.error().toString();
    QStringList out;
    const Status s = st->forEachRow([&](const store::Statement &row) { out.append(row.text(0)); });
    return s ? out.join(QLatin1Char('\n')) : s.error().toString();
}

// record id -> cost, of every ledger line; and the totals a report shows.
struct Figures {
    QHash<QString, qint64> lines;
    qint64 metricsCost = -1;
    qint64 metricsLines = -1;
    bool operator==(const Figures &) const = default;
};

Figures figures(const QString &path)
{
    Figures f;
    // Read-write, so closing the last connection removes -wal and -shm again as the CLI does.
    auto db = store::Database::open(path, false);
    if (!db)
        return f;
    auto st = db->prepare("SELECT record_id, coalesce(cost_nanos, -1) FROM ledger_usage_line");
    if (!st || !st->forEachRow([&](const store::Statement &row) { f.lines.insert(row.text(0), row.int64(1)); }))
        return f;
    if (auto v = db->queryInt("SELECT coalesce(sum(cost_nanos), 0) FROM metrics_daily_cost"); v && *v)
        f.metricsCost = **v;
    if (auto v = db->queryInt("SELECT coalesce(sum(line_count), 0) FROM metrics_daily_cost"); v && *v)
        f.metricsLines = **v;
    return f;
}

// Lines of `before` missing from `after` or with another cost.
int linesLost(const Figures &before, const Figures &after)
{
    int lost = 0;
    for (auto it = before.lines.cbegin(); it != before.lines.cend(); ++it)
        lost += after.lines.value(it.key(), -2) != it.value() ? 1 : 0;
    return lost;
}

qint64 largestFile(const QString &store)
{
    qint64 largest = 0;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        largest = qMax(largest, QFileInfo(store + suffix).size());
    return largest;
}

QByteArray sha(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
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

QStringList demo(const QString &store, int days, const QString &end)
{
    return {QStringLiteral("--store"), store, QStringLiteral("demo"), QStringLiteral("--days"), QString::number(days),
        QStringLiteral("--workspaces"), QStringLiteral("2"), QStringLiteral("--end"), end};
}

} // namespace

class TestStoreFull : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QTemporaryDir m_home;

    ChildOptions options(qint64 limit = -1) const
    {
        ChildOptions o;
        for (const QString &k : o.env.keys()) {
            if (k.startsWith(QLatin1String("DATABRICKS_")))
                o.env.remove(k);
        }
        o.env.insert(QStringLiteral("HOME"), m_home.path());
        o.fileSizeLimit = limit;
        return o;
    }

    // Runs `args` on `store` under a file size limit (-1: a little above the store's size): it must
    // fail cleanly, keep what was saved, and complete once the limit is gone with the figures of
    // `reference`, where the same command ran without a limit.
    void failsCleanlyWhenFull(
        const QStringList &args, const QString &store, const QString &reference, const ChildOptions &base, qint64 limit = -1)
    {
        const Figures before = figures(store);
        QVERIFY(!before.lines.isEmpty());
        QVERIFY(copyStore(store, reference));
        ChildOptions unlimited = base;
        QStringList refArgs = args;
        refArgs[refArgs.indexOf(store)] = reference;
        const Child ref = runChild(refArgs, unlimited);
        QVERIFY2(ref.exitCode == 0, ref.err.constData());
        const Figures expected = figures(reference);

        ChildOptions limited = base;
        limited.fileSizeLimit = limit >= 0 ? limit : largestFile(store) + 16 * 1024;
        const Child full = runChild(args, limited);
        QVERIFY2(!full.timedOut, "hung on a full disk");
        QVERIFY2(full.exitCode == 1, qPrintable(QStringLiteral("exit %1: %2").arg(full.exitCode).arg(QString::fromUtf8(full.err))));
        QVERIFY2(full.err.contains("disk is full or a file size limit was reached"), full.err.constData());
        QVERIFY2(full.err.contains("Free some space"), full.err.constData());
        QCOMPARE(integrity(store), QStringLiteral("ok"));
        const Figures afterFailure = figures(store);
        QCOMPARE(linesLost(before, afterFailure), 0);

        const Child again = runChild(args, unlimited);
        QVERIFY2(again.exitCode == 0, again.err.constData());
        QCOMPARE(integrity(store), QStringLiteral("ok"));
        const Figures done = figures(store);
        QCOMPARE(done.lines.size(), expected.lines.size());
        QCOMPARE(done.metricsCost, expected.metricsCost);
        QCOMPARE(done.metricsLines, expected.metricsLines);
        QVERIFY(done == expected);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(!qEnvironmentVariable("LAKELEDGER_CLI").isEmpty());
        QVERIFY(m_dir.isValid() && m_home.isValid());
    }

    void demoOnAFullDisk()
    {
        const QString store = m_dir.filePath(QStringLiteral("demo.lakeledger"));
        const Child first = runChild(demo(store, 3, QStringLiteral("2026-11-10")), options());
        QVERIFY2(first.exitCode == 0, first.err.constData());
        failsCleanlyWhenFull(
            demo(store, 40, QStringLiteral("2026-11-30")), store, m_dir.filePath(QStringLiteral("demo-ref.lakeledger")), options());
    }

    void rebuildOnAFullDisk()
    {
        const QString store = m_dir.filePath(QStringLiteral("rebuild.lakeledger"));
        const Child first = runChild(demo(store, 30, QStringLiteral("2026-11-30")), options());
        QVERIFY2(first.exitCode == 0, first.err.constData());
        // A rebuild rewrites the derived layer in place and need not grow the file: what it needs
        // is room for its write-ahead log, so the limit is set below one stage's worth of WAL.
        failsCleanlyWhenFull({QStringLiteral("--store"), store, QStringLiteral("rebuild")}, store,
            m_dir.filePath(QStringLiteral("rebuild-ref.lakeledger")), options(), 512 * 1024);
    }

    void syncOnAFullDisk()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        fake.addCatalogTables();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime hour(now.date(), QTime(now.time().hour(), 0), Qt::UTC);
        const int next = seedBilling(fake, hour.addDays(-10), hour.addDays(-6));
        fake.addRow(QStringLiteral("system.billing.list_prices"),
            priceRow(QStringLiteral("PREMIUM_JOBS_COMPUTE"), QStringLiteral("2025-01-01T00:00:00.000Z"), {}, QStringLiteral("0.15"),
                QStringLiteral("0.15")));
        ChildOptions o = options();
        o.env.insert(QStringLiteral("DATABRICKS_HOST"), fake.url());
        o.env.insert(QStringLiteral("DATABRICKS_TOKEN"), fake.pat);
        o.env.insert(QStringLiteral("DATABRICKS_WAREHOUSE_ID"), QStringLiteral("wh1"));
        const QString store = m_dir.filePath(QStringLiteral("sync.lakeledger"));
        const QStringList args = {
            QStringLiteral("--store"), store, QStringLiteral("sync"), QStringLiteral("--history-days"), QStringLiteral("12")};
        const Child first = runChild(args, o);
        QVERIFY2(first.exitCode == 0, first.err.constData());
        // Newer usage, several times what the store holds: the next sync outgrows the limit.
        for (int copy = 0, id = next; copy < 12; ++copy)
            id = seedBilling(fake, hour.addDays(-6), hour.addSecs(-2 * 3600), id);
        failsCleanlyWhenFull(args, store, m_dir.filePath(QStringLiteral("sync-ref.lakeledger")), o);
    }

    void readOnlyStoreIsRefusedAndUntouched_data()
    {
        QTest::addColumn<bool>("readOnlyFolder"); // else the file itself is read-only
        QTest::addColumn<QStringList>("command");
        for (bool folder : {false, true}) {
            const QString where = folder ? QStringLiteral("folder") : QStringLiteral("file");
            QTest::addRow("%s: demo", qPrintable(where))
                << folder << QStringList{QStringLiteral("demo"), QStringLiteral("--days"), QStringLiteral("2")};
            QTest::addRow("%s: rebuild", qPrintable(where)) << folder << QStringList{QStringLiteral("rebuild")};
            QTest::addRow("%s: process", qPrintable(where)) << folder << QStringList{QStringLiteral("process")};
        }
    }
    void readOnlyStoreIsRefusedAndUntouched()
    {
        QFETCH(bool, readOnlyFolder);
        QFETCH(QStringList, command);
        QTemporaryDir folder(m_dir.filePath(QStringLiteral("ro-XXXXXX")));
        const QString store = folder.filePath(QStringLiteral("ro.lakeledger"));
        const Child first = runChild(demo(store, 3, QStringLiteral("2026-11-10")), options());
        QVERIFY2(first.exitCode == 0, first.err.constData());
        QVERIFY(!QFile::exists(store + QStringLiteral("-wal"))); // closed cleanly: one file
        const QByteArray before = sha(store);
        const Figures figuresBefore = figures(store);
        QVERIFY(!QFile::exists(store + QStringLiteral("-wal")) && !QFile::exists(store + QStringLiteral("-shm")));
        const QString locked = readOnlyFolder ? folder.path() : store;
        const QFile::Permissions old = QFile::permissions(locked);
        QVERIFY(QFile::setPermissions(locked, readOnlyFolder ? (QFile::ReadOwner | QFile::ExeOwner) : QFile::ReadOwner));
        ChildOptions o = options();
        o.honourPermissions = true;
        const Child r = runChild(QStringList{QStringLiteral("--store"), store} + command, o);
        QVERIFY(QFile::setPermissions(locked, old));
        QVERIFY2(r.exitCode == 1, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(QString::fromUtf8(r.err))));
        QVERIFY2(r.err.contains("read-only") && r.err.contains("permissions"), r.err.constData());
        QCOMPARE(sha(store), before);
        QCOMPARE(integrity(store), QStringLiteral("ok"));
        QVERIFY(figures(store) == figuresBefore);
    }
};

QTEST_GUILESS_MAIN(TestStoreFull)
#include "tst_storefull.moc"

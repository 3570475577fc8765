// What the CLI reads and writes must be safe: an export never destroys the store or leaves a
// half file, a full disk is an error, files are private, dates are read strictly, and a path
// that is not a store stays untouched (issue 18).
#include "clirun.h"
#include "job/job.h"
#include "rawbuilder.h"
#include "store/store.h"
#include "tempstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace ll;

namespace {

struct Limits {
    qint64 fileSizeLimit = -1; // RLIMIT_FSIZE for the child, -1 = none
    bool umaskZero = false;
};

test::CliRun cliWith(const QStringList &args, const Limits &limits)
{
    QProcess p;
    p.setChildProcessModifier([limits] {
        if (limits.umaskZero)
            ::umask(0);
        if (limits.fileSizeLimit >= 0) {
            // Ignored, SIGXFSZ does not kill the CLI: write() fails with EFBIG as on a full disk.
            std::signal(SIGXFSZ, SIG_IGN);
            const rlimit rl{static_cast<rlim_t>(limits.fileSizeLimit), static_cast<rlim_t>(limits.fileSizeLimit)};
            ::setrlimit(RLIMIT_FSIZE, &rl);
        }
    });
    p.start(qEnvironmentVariable("LAKELEDGER_CLI"), args);
    test::CliRun r;
    if (!p.waitForFinished(300000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QByteArray sha(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256) : QByteArray();
}

int mode(const QString &path)
{
    struct stat st { };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCliFiles : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_store;
    QStringList base() const { return {QStringLiteral("--store"), m_store}; }

private slots:
    void initTestCase()
    {
        QVERIFY(!qEnvironmentVariable("LAKELEDGER_CLI").isEmpty());
        m_store = m_dir.filePath(QStringLiteral("demo.lakeledger"));
        const test::CliRun r = test::cli(base()
            + QStringList{QStringLiteral("demo"), QStringLiteral("--days"), QStringLiteral("20"), QStringLiteral("--end"),
                QStringLiteral("2026-11-20")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    // Issue 18.1: every writer refuses the store, its -wal/-shm and any SQLite file.
    void exportsRefuseTheStoreAndSqliteFiles_data()
    {
        QTest::addColumn<QStringList>("command"); // the target is appended or follows --out
        QTest::addColumn<bool>("outOption");
        QTest::addRow("report cost") << QStringList{QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"),
            QStringLiteral("day")} << true;
        QTest::addRow("report attribution") << QStringList{QStringLiteral("report"), QStringLiteral("attribution")} << true;
        QTest::addRow("report focus") << QStringList{QStringLiteral("report"), QStringLiteral("focus")} << true;
        QTest::addRow("rules export") << QStringList{QStringLiteral("rules"), QStringLiteral("export")} << false;
        QTest::addRow("prices contract export")
            << QStringList{QStringLiteral("prices"), QStringLiteral("contract"), QStringLiteral("export")} << false;
    }
    void exportsRefuseTheStoreAndSqliteFiles()
    {
        QFETCH(QStringList, command);
        QFETCH(bool, outOption);
        const QString other = m_dir.filePath(QStringLiteral("other.sqlite"));
        if (!QFile::exists(other)) {
            auto db = store::Store::open(other);
            QVERIFY(db);
        }
        const QByteArray storeBefore = sha(m_store);
        const QByteArray otherBefore = sha(other);
        for (const QString &target : {m_store, m_store + QStringLiteral("-wal"), m_store + QStringLiteral("-shm"), other,
                 m_dir.filePath(QStringLiteral("./demo.lakeledger"))}) {
            const QStringList args = base() + command + (outOption ? QStringList{QStringLiteral("--out"), target} : QStringList{target});
            const test::CliRun r = test::cli(args);
            QVERIFY2(r.exitCode != 0, qPrintable(target));
            QVERIFY2(r.err.contains("Refusing to write"), r.err.constData());
        }
        QCOMPARE(sha(m_store), storeBefore);
        QCOMPARE(sha(other), otherBefore);
        QVERIFY(!QFile::exists(m_store + QStringLiteral("-wal"))); // nothing created beside the store
        const test::CliRun status = test::cli(base() + QStringList{QStringLiteral("status")});
        QCOMPARE(status.exitCode, 0);
    }

    // Issue 18.2: a write that fails (file size limit = disk full) fails the export, with the
    // OS error, and leaves no file.
    void failedWriteExitsNonZeroAndLeavesNoFile_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<bool>("outOption");
        QTest::addRow("rules export") << QStringList{QStringLiteral("rules"), QStringLiteral("export")} << false;
        QTest::addRow("prices contract export")
            << QStringList{QStringLiteral("prices"), QStringLiteral("contract"), QStringLiteral("export")} << false;
        QTest::addRow("report attribution") << QStringList{QStringLiteral("report"), QStringLiteral("attribution")} << true;
        QTest::addRow("report cost") << QStringList{QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"),
            QStringLiteral("day,sku")}
                                     << true;
    }
    void failedWriteExitsNonZeroAndLeavesNoFile()
    {
        QFETCH(QStringList, command);
        QFETCH(bool, outOption);
        // A contract price, so the contract export has more than its header to write.
        const QString in = m_dir.filePath(QStringLiteral("one-contract.csv"));
        QFile f(in);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("scope,scope_key,kind,value,valid_from,valid_to\nall,*,discount,5,2026-01-01,\n");
        f.close();
        QCOMPARE(
            test::cli(base() + QStringList{QStringLiteral("prices"), QStringLiteral("contract"), QStringLiteral("import"), in}).exitCode,
            0);
        // Hold the store open so its -shm exists: the child then reads without growing any file
        // and only the export meets the limit.
        auto held = store::Store::open(m_store, {.create = false});
        QVERIFY(held);
        QVERIFY(held->queryInt("SELECT count(*) FROM app_setting"));
        const QString target = m_dir.filePath(QStringLiteral("full-disk.out"));
        QFile::remove(target);
        const QStringList args = base() + command + (outOption ? QStringList{QStringLiteral("--out"), target} : QStringList{target});
        const test::CliRun r = cliWith(args, {.fileSizeLimit = 40});
        QVERIFY2(r.exitCode == 1, r.err.constData());
        QVERIFY2(r.err.contains("File too large") || r.err.contains("No space"), r.err.constData());
        QVERIFY2(!QFile::exists(target), "a failed export left a file");
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("full-disk.out*")}, QDir::Files | QDir::Hidden), QStringList());
        // Without the limit the same command writes the file.
        const test::CliRun ok = test::cli(args);
        QVERIFY2(ok.exitCode == 0, ok.err.constData());
        QVERIFY(QFileInfo(target).size() > 40);
    }

    // Issue 18.8: exports are 0600 and the folders created for them or a store 0700, at umask 000.
    void exportsAndFoldersArePrivateAtUmaskZero()
    {
        const QString out = m_dir.filePath(QStringLiteral("new/sub/cost.csv"));
        const test::CliRun r = cliWith(base()
                + QStringList{QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("day"),
                    QStringLiteral("--out"), out},
            {.umaskZero = true});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(mode(out), 0600);
        QCOMPARE(mode(m_dir.filePath(QStringLiteral("new/sub"))), 0700);
        QCOMPARE(mode(m_dir.filePath(QStringLiteral("new"))), 0700);
        const QString rules = m_dir.filePath(QStringLiteral("rules-umask.json"));
        QCOMPARE(cliWith(base() + QStringList{QStringLiteral("rules"), QStringLiteral("export"), rules}, {.umaskZero = true}).exitCode, 0);
        QCOMPARE(mode(rules), 0600);
        const QString contracts = m_dir.filePath(QStringLiteral("contracts-umask.csv"));
        QCOMPARE(cliWith(base() + QStringList{QStringLiteral("prices"), QStringLiteral("contract"), QStringLiteral("export"), contracts},
                     {.umaskZero = true})
                     .exitCode,
            0);
        QCOMPARE(mode(contracts), 0600);

        const QString store = m_dir.filePath(QStringLiteral("a/b/c.lakeledger"));
        const test::CliRun demo = cliWith({QStringLiteral("--store"), store, QStringLiteral("demo"), QStringLiteral("--days"),
                                              QStringLiteral("1"), QStringLiteral("--end"), QStringLiteral("2026-11-20")},
            {.umaskZero = true});
        QVERIFY2(demo.exitCode == 0, demo.err.constData());
        QCOMPARE(mode(store), 0600);
        QCOMPARE(mode(m_dir.filePath(QStringLiteral("a/b"))), 0700);
        QCOMPARE(mode(m_dir.filePath(QStringLiteral("a"))), 0700);
    }

    // Issue 18.8: read-only commands on a path that is not a store say so and create nothing.
    void readOnlyCommandsLeaveANonStoreAlone_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addRow("zero bytes") << QByteArray();
        QTest::addRow("text") << QByteArray("hello\n");
        QTest::addRow("foreign sqlite") << QByteArray("sqlite");
    }
    void readOnlyCommandsLeaveANonStoreAlone()
    {
        QFETCH(QByteArray, content);
        const QString path = m_dir.filePath(
            QStringLiteral("not-a-store-%1").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
        if (content == "sqlite") {
            QFile::remove(path);
            auto foreign = store::Database::open(path, /*create=*/true, /*readOnly=*/false);
            QVERIFY(foreign);
            QVERIFY(foreign->exec("CREATE TABLE t(x); INSERT INTO t VALUES (1);"));
        } else {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(content);
        }
        const QByteArray before = sha(path);
        const int modeBefore = mode(path);
        for (const QStringList &cmd : {QStringList{QStringLiteral("status")},
                 QStringList{QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("day")},
                 QStringList{QStringLiteral("report"), QStringLiteral("attribution")}}) {
            const test::CliRun r = test::cli(QStringList{QStringLiteral("--store"), path} + cmd);
            QVERIFY2(r.exitCode == 1, qPrintable(cmd.join(QLatin1Char(' ')) + QString::fromUtf8(r.err)));
            QVERIFY2(r.err.contains("not a LakeLedger store"), r.err.constData());
        }
        QCOMPARE(sha(path), before);
        QCOMPARE(mode(path), modeBefore);
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
        QVERIFY(!QFile::exists(path + QStringLiteral("-shm")));
    }

    // Issue 18.6: dates with trailing garbage are usage errors everywhere.
    void datesAreReadStrictly_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString bad = QStringLiteral("2026-11-30garbage");
        QTest::addRow("report cost --from") << QStringList{
            QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("day"), QStringLiteral("--from"), bad};
        QTest::addRow("report cost --to") << QStringList{
            QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("day"), QStringLiteral("--to"), bad};
        QTest::addRow("report cost --as-of") << QStringList{QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"),
            QStringLiteral("day"), QStringLiteral("--as-of"), bad};
        QTest::addRow("report attribution --from")
            << QStringList{QStringLiteral("report"), QStringLiteral("attribution"), QStringLiteral("--from"), bad};
        QTest::addRow("explain --to") << QStringList{
            QStringLiteral("explain"), QStringLiteral("--team"), QStringLiteral("ml"), QStringLiteral("--to"), bad};
        QTest::addRow("report trend --from") << QStringList{
            QStringLiteral("report"), QStringLiteral("trend"), QStringLiteral("--from"), bad};
        QTest::addRow("demo --end") << QStringList{QStringLiteral("demo"), QStringLiteral("--end"), bad};
        QTest::addRow("date-time as a day") << QStringList{QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"),
            QStringLiteral("day"), QStringLiteral("--from"), QStringLiteral("2026-11-30T10:00:00Z")};
    }
    void datesAreReadStrictly()
    {
        QFETCH(QStringList, args);
        const test::CliRun r = test::cli(base() + args);
        QVERIFY2(r.exitCode == 2, qPrintable(QString::number(r.exitCode) + QLatin1Char(' ') + QString::fromUtf8(r.err)));
        QVERIFY2(r.err.contains("2026-11-30"), r.err.constData());
    }

    // Issue 18.6: --as-of at an instant between two syncs reproduces the first sync's report,
    // not the end of that day (which would include the second sync's late rows).
    void asOfAnInstantBetweenTwoSyncs()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        CancelToken cancel;
        store.clock().set(QDateTime(QDate(2026, 12, 4), QTime(1, 0), Qt::UTC));
        test::RawBuilder prices(store.db(), store.clock(), QStringLiteral("billing_list_prices"));
        prices.addRow(test::priceRow(
            QStringLiteral("S"), QStringLiteral("2026-01-01T00:00:00Z"), QString(), QStringLiteral("0.5"), QStringLiteral("0.5")));
        QVERIFY(prices.flush());
        test::RawBuilder usage(store.db(), store.clock(), QStringLiteral("billing_usage"));
        usage.addRow(test::usageRow(QStringLiteral("first"), QStringLiteral("w"), QStringLiteral("S"),
            QStringLiteral("2026-12-03T10:00:00Z"), QStringLiteral("10")));
        QVERIFY(usage.flush());
        QVERIFY(job::runJob(store.db(), store.clock(), {job::JobKind::Process, {}}, cancel).ok());
        const QStringList report{QStringLiteral("--store"), store.path(), QStringLiteral("report"), QStringLiteral("cost"),
            QStringLiteral("--by"), QStringLiteral("day")};
        const test::CliRun first = test::cli(report);
        QCOMPARE(first.exitCode, 0);
        QVERIFY(first.out.contains("2026-12-03,5.00"));

        // The second sync, the same afternoon, brings a late row for the same day.
        store.clock().set(QDateTime(QDate(2026, 12, 4), QTime(15, 0), Qt::UTC));
        usage.addRow(test::usageRow(
            QStringLiteral("late"), QStringLiteral("w"), QStringLiteral("S"), QStringLiteral("2026-12-03T11:00:00Z"), QStringLiteral("4")));
        QVERIFY(usage.flush());
        QVERIFY(job::runJob(store.db(), store.clock(), {job::JobKind::Process, {}}, cancel).ok());
        const test::CliRun now = test::cli(report);
        QVERIFY(now.out.contains("2026-12-03,7.00"));

        const test::CliRun between = test::cli(report + QStringList{QStringLiteral("--as-of"), QStringLiteral("2026-12-04T03:49:16Z")});
        QVERIFY2(between.exitCode == 0, between.err.constData());
        QCOMPARE(between.out, first.out);
        const test::CliRun offset = test::cli(report + QStringList{QStringLiteral("--as-of"), QStringLiteral("2026-12-04T05:49:16+02:00")});
        QCOMPARE(offset.out, first.out);
        // A bare date still means the end of that day: both syncs.
        const test::CliRun endOfDay = test::cli(report + QStringList{QStringLiteral("--as-of"), QStringLiteral("2026-12-04")});
        QCOMPARE(endOfDay.out, now.out);
    }

    // Issue 18.5: the contract export goes through the one CSV writer: no formula cells.
    void contractExportNeutralisesFormulas()
    {
        const QString in = m_dir.filePath(QStringLiteral("formula.csv"));
        QFile f(in);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("scope,scope_key,kind,value,valid_from,valid_to\nall,*,discount,5,2026-01-01,\n");
        f.close();
        QCOMPARE(
            test::cli(base() + QStringList{QStringLiteral("prices"), QStringLiteral("contract"), QStringLiteral("import"), in}).exitCode,
            0);
        // A stored key a spreadsheet would run ("-" first); validation keeps new ones out, an
        // older store may hold one.
        {
            auto db = store::Store::open(m_store, {.create = false});
            QVERIFY(db);
            QVERIFY(db->exec("INSERT INTO app_contract_price (scope, scope_key, kind, value, valid_from, valid_to) "
                             "VALUES ('sku', ' =cmd|x', 'price', '1', '2026-01-01', NULL)"));
        }
        const QString out = m_dir.filePath(QStringLiteral("formula-out.csv"));
        QCOMPARE(
            test::cli(base() + QStringList{QStringLiteral("prices"), QStringLiteral("contract"), QStringLiteral("export"), out}).exitCode,
            0);
        const QByteArray csv = readAll(out);
        QVERIFY2(csv.contains("sku,' =cmd|x,price,1,2026-01-01,\r\n"), csv.constData());
        QVERIFY(csv.startsWith("scope,scope_key,kind,value,valid_from,valid_to\r\n"));
        auto db = store::Store::open(m_store, {.create = false});
        QVERIFY(db->exec("DELETE FROM app_contract_price WHERE scope_key = ' =cmd|x'"));
    }
};

QTEST_GUILESS_MAIN(TestCliFiles)
#include "tst_cli_files.moc"

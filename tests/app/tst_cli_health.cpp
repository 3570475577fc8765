// lakeledger-cli report quality and report coverage through the real binary on a demo store:
// CSV and table output, date ranges, --out, and bad input refused with a usage error.
#include "clirun.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = ll::test::CliRun;
using ll::test::cli;

QList<QByteArrayList> csvRows(const QByteArray &text)
{
    // The demo's names have no commas or quotes, so a plain split reads these reports.
    QList<QByteArrayList> rows;
    for (const QByteArray &line : text.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            rows.append(trimmed.split(','));
    }
    return rows;
}

// "123.45" -> 12345 (cents), exactly.
qint64 cents(const QByteArray &decimal)
{
    const QByteArrayList parts = decimal.split('.');
    const qint64 whole = parts.value(0).toLongLong();
    const qint64 fraction = parts.value(1).leftJustified(2, '0').left(2).toLongLong();
    return whole * 100 + (decimal.startsWith('-') ? -fraction : fraction);
}

} // namespace

class TestCliHealth : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_store;

    Run report(const QStringList &args) { return cli(QStringList{QStringLiteral("--store"), m_store, QStringLiteral("report")} + args); }

private slots:
    void initTestCase()
    {
        QVERIFY(!qEnvironmentVariable("LAKELEDGER_CLI").isEmpty());
        m_store = m_dir.filePath(QStringLiteral("demo.lakeledger"));
        const Run r = cli({QStringLiteral("--store"), m_store, QStringLiteral("demo"), QStringLiteral("--days"), QStringLiteral("30"),
                           QStringLiteral("--end"), QStringLiteral("2026-11-20")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void listedInHelp()
    {
        const Run list = report({QStringLiteral("--help")});
        QVERIFY(list.out.contains("quality"));
        QVERIFY(list.out.contains("coverage"));
        for (const char *name : {"quality", "coverage"}) {
            const Run r = report({QString::fromLatin1(name), QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains("--format") && r.out.contains("--from"), name);
        }
    }

    void qualityCsv()
    {
        const Run r = report({QStringLiteral("quality")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto rows = csvRows(r.out);
        QVERIFY(rows.size() >= 4);
        QCOMPARE(rows[0], (QByteArrayList{"metric", "key", "value", "share_percent"}));
        QCOMPARE(rows[1][0], QByteArray("total_cost"));
        QVERIFY(cents(rows[1][2]) > 0);
        QCOMPARE(rows[2][0], QByteArray("unattributed_cost"));
        // share = unattributed / total in percent with two decimals, rounded half up
        const qint64 total = cents(rows[1][2]);
        const qint64 unattributed = cents(rows[2][2]);
        const double share = static_cast<double>(unattributed) * 100.0 / static_cast<double>(total);
        QVERIFY2(qAbs(rows[2][3].toDouble() - share) < 0.011, rows[2][3].constData());
        QCOMPARE(rows[3][0], QByteArray("unpriced_quantity"));
        QCOMPARE(rows[4][0], QByteArray("unpriced_lines"));
        bool sawTag = false;
        for (const auto &row : rows) {
            if (row[0] == "tag_coverage") {
                sawTag = true;
                QVERIFY(!row[1].isEmpty());
                QVERIFY(row[3].toDouble() > 0.0 && row[3].toDouble() <= 100.0);
            }
        }
        QVERIFY(sawTag); // the demo tags its jobs and clusters

        const Run range = report({QStringLiteral("quality"), QStringLiteral("--from"), QStringLiteral("2026-11-15"), QStringLiteral("--to"),
                                  QStringLiteral("2026-11-16")});
        QCOMPARE(range.exitCode, 0);
        const qint64 rangeTotal = cents(csvRows(range.out)[1][2]);
        QVERIFY(rangeTotal > 0 && rangeTotal < total);
    }

    void qualityTable()
    {
        const Run r = report({QStringLiteral("quality"), QStringLiteral("--format"), QStringLiteral("table")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.split('\n');
        QVERIFY(lines.size() > 4);
        QVERIFY(lines[0].startsWith("metric  "));
        QVERIFY(!lines[0].contains(','));
        QVERIFY(lines[1].startsWith("total_cost"));
        // Columns are aligned and numbers right-aligned: the value column ends two spaces
        // before the next header, and total_cost's amount ends exactly there.
        const qsizetype valueEnd = lines[0].indexOf("share_percent") - 2;
        QVERIFY(lines[1].size() >= valueEnd);
        QVERIFY2(lines[1].at(valueEnd - 1) >= '0' && lines[1].at(valueEnd - 1) <= '9', lines[1].constData());
        QVERIFY(lines[1].size() == valueEnd || lines[1].at(valueEnd) == ' '); // trailing blanks are trimmed
    }

    void coverageCsv()
    {
        const Run r = report({QStringLiteral("coverage")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto rows = csvRows(r.out);
        QCOMPARE(rows[0], (QByteArrayList{"workspace_id", "workspace_name", "cloud", "region", "cost", "no_resource_percent", "no_owner_percent",
                                          "unattributed_percent", "system_table", "readable", "status", "rows", "newest_event_time",
                                          "newest_ingestion_date"}));
        QSet<QByteArray> workspaces;
        qint64 costSum = 0;
        const QSet<QByteArray> states{"ok", "stale", "no_rows", "failed", "unavailable", "never"};
        int usageRows = 0;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            const auto &row = rows[i];
            QCOMPARE(row.size(), 14);
            QVERIFY2(states.contains(row[10]), row[10].constData());
            QVERIFY(row[9] == "yes" || row[9] == "no");
            if (!workspaces.contains(row[0])) {
                workspaces.insert(row[0]);
                costSum += cents(row[4]);
            }
            if (row[8] == "system.billing.usage") {
                ++usageRows;
                QCOMPARE(row[9], QByteArray("yes"));
                QVERIFY(row[11].toLongLong() > 0);
                QVERIFY(!row[12].isEmpty());
                QVERIFY(!row[13].isEmpty()); // ingestion_date
            }
        }
        QVERIFY(workspaces.size() >= 2);
        QCOMPARE(rows.size() - 1, workspaces.size() * 13); // one row per workspace and table
        QCOMPARE(usageRows, workspaces.size());
        // The coverage table and the cost cube agree on the total (each rounded to cents per
        // workspace, so allow a cent per workspace).
        const Run quality = report({QStringLiteral("quality")});
        const qint64 total = cents(csvRows(quality.out)[1][2]);
        QVERIFY2(qAbs(costSum - total) <= workspaces.size(), qPrintable(QStringLiteral("%1 vs %2").arg(costSum).arg(total)));
    }

    void coverageTableToFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("coverage.txt"));
        const Run r = report({QStringLiteral("coverage"), QStringLiteral("--format"), QStringLiteral("TABLE"), QStringLiteral("--out"), path});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.isEmpty());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray text = f.readAll();
        QVERIFY(text.startsWith("workspace_id  "));
        QVERIFY(text.contains("system.billing.usage"));
    }

    void badInput_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("message");
        for (const QString &name : {QStringLiteral("quality"), QStringLiteral("coverage")}) {
            QTest::addRow("%s bad format", qPrintable(name)) << QStringList{name, QStringLiteral("--format"), QStringLiteral("xml")} << 2
                                                              << QByteArray("--format");
            QTest::addRow("%s bad date", qPrintable(name)) << QStringList{name, QStringLiteral("--from"), QStringLiteral("2026-13-01")} << 2
                                                            << QByteArray("--from");
            QTest::addRow("%s reversed range", qPrintable(name))
                << QStringList{name, QStringLiteral("--from"), QStringLiteral("2026-11-10"), QStringLiteral("--to"), QStringLiteral("2026-11-01")} << 2
                << QByteArray("after");
            QTest::addRow("%s extra argument", qPrintable(name)) << QStringList{name, QStringLiteral("extra")} << 2 << QByteArray("Unexpected");
            QTest::addRow("%s unknown option", qPrintable(name)) << QStringList{name, QStringLiteral("--nope")} << 2 << QByteArray("nope");
        }
    }
    void badInput()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, message);
        const Run r = report(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(message), r.err.constData());
        QVERIFY(r.out.isEmpty());
    }

    void missingStoreFails()
    {
        for (const char *name : {"quality", "coverage"}) {
            const Run r = cli({QStringLiteral("--store"), m_dir.filePath(QStringLiteral("none.lakeledger")), QStringLiteral("report"),
                               QString::fromLatin1(name)});
            QCOMPARE(r.exitCode, 1);
            QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.lakeledger"))));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliHealth)
#include "tst_cli_health.moc"

// Drives the real lakeledger-cli binary the way a user does.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList &args, int timeoutMs = 300000)
{
    QProcess p;
    p.start(qEnvironmentVariable("LAKELEDGER_CLI"), args);
    Run r;
    if (!p.waitForFinished(timeoutMs))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_store;

private slots:
    void initTestCase()
    {
        QVERIFY(!qEnvironmentVariable("LAKELEDGER_CLI").isEmpty());
        m_store = m_dir.filePath(QStringLiteral("demo.lakeledger"));
        const Run r = cli({QStringLiteral("--store"), m_store, QStringLiteral("demo"), QStringLiteral("--days"), QStringLiteral("40"),
                           QStringLiteral("--end"), QStringLiteral("2026-11-20")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void helpDescribesEveryCommand()
    {
        const Run r = cli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *c : {"demo", "process", "rebuild", "status", "report cost", "--store"})
            QVERIFY2(r.out.contains(c), c);
        for (const QStringList &args : {QStringList{QStringLiteral("demo"), QStringLiteral("--help")},
                                        QStringList{QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--help")},
                                        QStringList{QStringLiteral("status"), QStringLiteral("--help")},
                                        QStringList{QStringLiteral("rebuild"), QStringLiteral("--help")}}) {
            const Run h = cli(args);
            QCOMPARE(h.exitCode, 0);
            QVERIFY2(h.out.contains("--help"), qPrintable(args.join(QLatin1Char(' '))));
        }
        QVERIFY(cli({QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--help")}).out.contains("--by"));
    }

    void mistakesGiveOneClearLineAndNonZeroExit_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addRow("unknown global option") << QStringList{QStringLiteral("--bogus"), QStringLiteral("status")} << 2;
        QTest::addRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << 2;
        QTest::addRow("unknown command option") << QStringList{QStringLiteral("status"), QStringLiteral("--bogus")} << 2;
        QTest::addRow("bad dimension") << QStringList{QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("day,colour")} << 2;
        QTest::addRow("bad date") << QStringList{QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("day"), QStringLiteral("--from"), QStringLiteral("31/12/2026")} << 2;
        QTest::addRow("bad days") << QStringList{QStringLiteral("demo"), QStringLiteral("--days"), QStringLiteral("-4")} << 2;
        QTest::addRow("no --by") << QStringList{QStringLiteral("report"), QStringLiteral("cost")} << 2;
        QTest::addRow("no command") << QStringList{} << 2;
    }
    void mistakesGiveOneClearLineAndNonZeroExit()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        const Run r = cli(QStringList{QStringLiteral("--store"), m_store} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.err.startsWith("lakeledger-cli: ") || args.isEmpty());
    }

    void missingStoreIsAClearError()
    {
        const QString missing = m_dir.filePath(QStringLiteral("nope.lakeledger"));
        for (const QStringList &args : {QStringList{QStringLiteral("status")}, QStringList{QStringLiteral("rebuild")},
                                        QStringList{QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("day")}}) {
            const Run r = cli(QStringList{QStringLiteral("--store"), missing} + args);
            QCOMPARE(r.exitCode, 1);
            QVERIFY(r.err.contains("does not exist"));
            QCOMPARE(r.err.count('\n'), 1);
        }
        QVERIFY(!QFile::exists(missing));
    }

    void reportCostByDayAndWorkspace()
    {
        const Run r = cli({QStringLiteral("--store"), m_store, QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("day,workspace")});
        QCOMPARE(r.exitCode, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.first().trimmed(), QByteArray("day,workspace,cost,list_cost,quantity,unpriced_quantity,workspace_name"));
        QVERIFY(lines.size() > 40);
        double total = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const auto cells = lines[i].trimmed().split(',');
            QCOMPARE(cells.size(), 7);
            QVERIFY(QDate::fromString(QString::fromLatin1(cells[0]), Qt::ISODate).isValid());
            QVERIFY2(!cells[6].isEmpty() && cells[6] != cells[1], cells[6].constData()); // the demo names its workspaces
            total += cells[2].toDouble();
        }
        QVERIFY(total > 100); // a real account costs something
    }

    void reportToFileWithRange()
    {
        const QString out = m_dir.filePath(QStringLiteral("oct.csv"));
        const Run r = cli({QStringLiteral("--store"), m_store, QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("month,team"),
                           QStringLiteral("--from"), QStringLiteral("2026-10-15"), QStringLiteral("--to"), QStringLiteral("2026-10-31"), QStringLiteral("--out"), out});
        QCOMPARE(r.exitCode, 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray csv = f.readAll();
        QVERIFY(csv.startsWith("month,team,cost"));
        QVERIFY(csv.contains("2026-10,unattributed,"));
        QVERIFY(!csv.contains("2026-11"));
    }

    void statusShowsStagesAndFreshness()
    {
        const Run r = cli({QStringLiteral("--store"), m_store, QStringLiteral("status")});
        QCOMPARE(r.exitCode, 0);
        for (const char *s : {"ledger", "attribution", "metrics", "insights", "system.billing.usage", "succeeded"})
            QVERIFY2(r.out.contains(s), s);
    }

    void contractPricesImportExportAndContractCost()
    {
        const QString in = m_dir.filePath(QStringLiteral("contracts.csv"));
        QFile f(in);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("scope,scope_key,kind,value,valid_from,valid_to\n"
                "family,SQL,discount,15,2026-01-01,\n"
                "sku,PREMIUM_JOBS_COMPUTE,price,0.12,2026-01-01,2026-10-31\n"
                "sku,PREMIUM_JOBS_COMPUTE,price,0.11,2026-11-01,\n");
        f.close();
        const QStringList base{QStringLiteral("--store"), m_store};
        const Run imported = cli(base + QStringList{QStringLiteral("prices"), QStringLiteral("contract"), QStringLiteral("import"), in});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QCOMPARE(cli(base + QStringList{QStringLiteral("process")}).exitCode, 0);
        const Run report = cli(base + QStringList{QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("product")});
        QCOMPARE(report.exitCode, 0);
        QVERIFY(report.out.startsWith("product,cost,list_cost,contract_cost,quantity,unpriced_quantity"));
        for (const QByteArray &line : report.out.split('\n')) {
            const auto cells = line.trimmed().split(',');
            if (cells.first() == "SQL")
                QVERIFY(qAbs(QString::fromLatin1(cells[3]).toDouble() - QString::fromLatin1(cells[2]).toDouble() * 0.85) <= 0.011);
        }
        const QString out = m_dir.filePath(QStringLiteral("exported.csv"));
        QCOMPARE(cli(base + QStringList{QStringLiteral("prices"), QStringLiteral("contract"), QStringLiteral("export"), out}).exitCode, 0);
        QFile e(out);
        QVERIFY(e.open(QIODevice::ReadOnly));
        QCOMPARE(e.readAll().count('\n'), 4);

        // Overlapping periods are rejected with a clear line and nothing changes.
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("scope,scope_key,kind,value,valid_from,valid_to\nall,*,discount,5,2026-01-01,2026-06-30\nall,*,discount,6,2026-06-01,\n");
        f.close();
        const Run rejected = cli(base + QStringList{QStringLiteral("prices"), QStringLiteral("contract"), QStringLiteral("import"), in});
        QCOMPARE(rejected.exitCode, 1);
        QVERIFY(rejected.err.contains("overlap"));
    }

    void correctionsAndAsOfReports()
    {
        const QStringList base{QStringLiteral("--store"), m_store};
        const Run corrections = cli(base + QStringList{QStringLiteral("report"), QStringLiteral("corrections")});
        QCOMPARE(corrections.exitCode, 0);
        QVERIFY(corrections.out.startsWith("batch_id,extracted_at,usage_day,retractions,restatements,net_cost"));
        QVERIFY(corrections.out.count('\n') > 1); // the demo carries corrections
        const Run asOf = cli(base + QStringList{QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("month"),
                                                 QStringLiteral("--as-of"), QStringLiteral("2000-01-01")});
        QCOMPARE(asOf.exitCode, 0);
        QCOMPARE(asOf.out.trimmed().count('\n'), 0); // nothing had been extracted in 2000
        QCOMPARE(cli(base + QStringList{QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("month"),
                                        QStringLiteral("--as-of"), QStringLiteral("last tuesday")}).exitCode, 2);
        const Run tags = cli(base + QStringList{QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("tag:team,job")});
        QCOMPARE(tags.exitCode, 0);
        QVERIFY(tags.out.startsWith("tag:team,job,cost"));
    }

    void rebuildReproducesTheSameReport()
    {
        const QStringList report{QStringLiteral("--store"), m_store, QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"),
                                 QStringLiteral("day,workspace,sku,team,project"), QStringLiteral("--decimals"), QStringLiteral("9")};
        const Run before = cli(report);
        QCOMPARE(cli({QStringLiteral("--store"), m_store, QStringLiteral("rebuild")}).exitCode, 0);
        const Run after = cli(report);
        QCOMPARE(after.exitCode, 0);
        QCOMPARE(after.out, before.out);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

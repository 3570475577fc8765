// The workload, utilization, trend and FOCUS reports through the real lakeledger-cli binary.
#include "clirun.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = ll::test::CliRun;
using ll::test::cli;

} // namespace

class TestCliReports : public QObject {
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
        const Run r = cli({QStringLiteral("--store"), m_store, QStringLiteral("demo"), QStringLiteral("--days"), QStringLiteral("40"),
                           QStringLiteral("--end"), QStringLiteral("2026-11-20")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void helpForEachReport()
    {
        for (const char *name : {"focus", "workloads", "utilization", "trend"}) {
            const Run r = report({QString::fromLatin1(name), QStringLiteral("--help")});
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.contains("--out"), name);
        }
        const Run list = report({QStringLiteral("--help")});
        for (const char *name : {"focus", "workloads", "utilization", "trend"})
            QVERIFY2(list.out.contains(name), name);
    }

    void focusWritesAFile()
    {
        const QString file = m_dir.filePath(QStringLiteral("focus.csv"));
        const Run r = report({QStringLiteral("focus"), QStringLiteral("--from"), QStringLiteral("2026-11-01"), QStringLiteral("--to"),
                              QStringLiteral("2026-11-20"), QStringLiteral("--out"), file});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray head = f.readLine();
        QVERIFY(head.startsWith("BilledCost,BillingAccountId,"));
        QVERIFY(head.contains("x_WorkUnitType"));
        QVERIFY(f.size() > 10000);
    }

    void tablesHaveRows_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("header");
        QTest::addRow("workloads") << QStringList{QStringLiteral("workloads")} << QByteArray("work_unit_type,work_unit_id,name");
        QTest::addRow("jobs") << QStringList{QStringLiteral("workloads"), QStringLiteral("--by"), QStringLiteral("job")} << QByteArray("work_unit_type");
        QTest::addRow("warehouses") << QStringList{QStringLiteral("workloads"), QStringLiteral("--by"), QStringLiteral("warehouse"),
                                                   QStringLiteral("--from"), QStringLiteral("2026-11-01")} << QByteArray("work_unit_type");
        QTest::addRow("utilization") << QStringList{QStringLiteral("utilization")} << QByteArray("kind,id,name,workspace,node_hours");
        QTest::addRow("trend") << QStringList{QStringLiteral("trend")} << QByteArray("scope,day,cost,ma7,ma30");
        QTest::addRow("trend workspace") << QStringList{QStringLiteral("trend"), QStringLiteral("--scope"), QStringLiteral("workspace")}
                                         << QByteArray("scope,day");
        QTest::addRow("forecast") << QStringList{QStringLiteral("trend"), QStringLiteral("--view"), QStringLiteral("forecast")}
                                  << QByteArray("scope,month,kind,made_on");
    }
    void tablesHaveRows()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, header);
        const Run r = report(args);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.startsWith(header), r.out.left(200).constData());
        QVERIFY(r.out.count('\n') >= 2); // header + at least one row (40 days hold no complete month to backtest)
    }

    void mistakes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addRow("focus without --out") << QStringList{QStringLiteral("focus")};
        QTest::addRow("bad grouping") << QStringList{QStringLiteral("workloads"), QStringLiteral("--by"), QStringLiteral("colour")};
        QTest::addRow("bad date") << QStringList{QStringLiteral("utilization"), QStringLiteral("--from"), QStringLiteral("1/2/2026")};
        QTest::addRow("reversed range") << QStringList{QStringLiteral("workloads"), QStringLiteral("--from"), QStringLiteral("2026-11-02"),
                                                       QStringLiteral("--to"), QStringLiteral("2026-11-01")};
        QTest::addRow("bad scope") << QStringList{QStringLiteral("trend"), QStringLiteral("--scope"), QStringLiteral("team")};
        QTest::addRow("bad backtest day") << QStringList{QStringLiteral("trend"), QStringLiteral("--backtest-day"), QStringLiteral("31")};
    }
    void mistakes()
    {
        QFETCH(QStringList, args);
        const Run r = report(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.startsWith("lakeledger-cli: "));
        QCOMPARE(r.err.count('\n'), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliReports)
#include "tst_cli_reports.moc"

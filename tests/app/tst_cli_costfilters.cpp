// `report cost --filter/--preset` through the real lakeledger-cli binary on the demo account:
// filtered figures reconcile with the unfiltered report, bad input is one clear line.
#include "clirun.h"

#include <QTemporaryDir>
#include <QTest>

namespace {

using Run = ll::test::CliRun;
using ll::test::cli;

// key -> cost in nanos from a "key,cost,..." CSV written with --decimals 9 (keys without commas).
QMap<QString, qint64> costByKey(const QByteArray &csv)
{
    QMap<QString, qint64> m;
    const QList<QByteArray> lines = csv.trimmed().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> cells = lines.at(i).trimmed().split(',');
        QByteArray cost = cells.value(1);
        cost.replace('.', "");
        m[QString::fromUtf8(cells.value(0)).remove(QLatin1Char('"'))] += cost.toLongLong();
    }
    return m;
}

} // namespace

class TestCliCostFilters : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_store;

    Run cost(const QStringList &args)
    {
        return cli(QStringList{QStringLiteral("--store"), m_store, QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--decimals"),
                               QStringLiteral("9")} + args);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(!qEnvironmentVariable("LAKELEDGER_CLI").isEmpty());
        m_store = m_dir.filePath(QStringLiteral("demo.lakeledger"));
        const Run r = cli({QStringLiteral("--store"), m_store, QStringLiteral("demo"), QStringLiteral("--days"), QStringLiteral("20"),
                           QStringLiteral("--end"), QStringLiteral("2026-11-20")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
    }

    void teamFilterReconcilesWithTheUnfilteredReport()
    {
        const Run all = cost({QStringLiteral("--by"), QStringLiteral("team")});
        QVERIFY2(all.exitCode == 0, all.err.constData());
        const QMap<QString, qint64> teams = costByKey(all.out);
        QVERIFY(teams.size() >= 3);
        const QStringList picked{teams.firstKey(), teams.lastKey()};
        const Run some = cost({QStringLiteral("--by"), QStringLiteral("team"), QStringLiteral("--filter"), QStringLiteral("team=") + picked.join(QLatin1Char(','))});
        QVERIFY2(some.exitCode == 0, some.err.constData());
        const QMap<QString, qint64> filtered = costByKey(some.out);
        QCOMPARE(filtered.keys(), picked);
        for (const QString &t : picked)
            QCOMPARE(filtered.value(t), teams.value(t));
        // The same team filter under another grouping (through the line items) adds up alike.
        const Run byJob = cost({QStringLiteral("--by"), QStringLiteral("principal"), QStringLiteral("--filter"), QStringLiteral("team=") + picked.join(QLatin1Char(','))});
        QVERIFY2(byJob.exitCode == 0, byJob.err.constData());
        qint64 total = 0;
        for (const qint64 v : costByKey(byJob.out))
            total += v;
        QCOMPARE(total, teams.value(picked[0]) + teams.value(picked[1]));
    }

    void presetAndTagFilter()
    {
        const Run r = cost({QStringLiteral("--preset"), QStringLiteral("org"), QStringLiteral("--filter"), QStringLiteral("tag:env=prod"),
                            QStringLiteral("--filter"), QStringLiteral("tag:env=nonsense-value,prod")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.startsWith("org_unit,department,team,principal,cost,"), r.out.left(100).constData());
        QVERIFY(r.out.count('\n') >= 2);
        QVERIFY2(r.err.contains("warning: no cost matches tag:env 'nonsense-value'"), r.err.constData());
    }

    void mistakes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addRow("filter without =") << QStringList{QStringLiteral("--by"), QStringLiteral("team"), QStringLiteral("--filter"), QStringLiteral("team")};
        QTest::addRow("filter without values") << QStringList{QStringLiteral("--by"), QStringLiteral("team"), QStringLiteral("--filter"), QStringLiteral("team=,")};
        QTest::addRow("unknown filter dimension") << QStringList{QStringLiteral("--by"), QStringLiteral("team"), QStringLiteral("--filter"), QStringLiteral("colour=red")};
        QTest::addRow("tag filter without key") << QStringList{QStringLiteral("--by"), QStringLiteral("team"), QStringLiteral("--filter"), QStringLiteral("tag:=prod")};
        QTest::addRow("unknown preset") << QStringList{QStringLiteral("--preset"), QStringLiteral("teams")};
        QTest::addRow("preset and by") << QStringList{QStringLiteral("--preset"), QStringLiteral("org"), QStringLiteral("--by"), QStringLiteral("team")};
        QTest::addRow("neither") << QStringList{QStringLiteral("--filter"), QStringLiteral("team=a")};
    }
    void mistakes()
    {
        QFETCH(QStringList, args);
        const Run r = cost(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith("lakeledger-cli: "), r.err.constData());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(r.out.isEmpty());
    }

    void helpNamesFiltersAndPresets()
    {
        const Run r = cost({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--filter"));
        QVERIFY(r.out.contains("--preset"));
        QVERIFY(r.out.contains("(org_unit,department,team,principal)"));
    }
};

QTEST_GUILESS_MAIN(TestCliCostFilters)
#include "tst_cli_costfilters.moc"

// lakeledger-cli budgets list|set|remove|thresholds|import|export and report budgets through the
// real binary, on the synthetic store of budgetfixture.h (figures worked out in
// tst_budgetforecast.cpp): CSV output, validation errors that change nothing, audit entries.
#include "../core/budgetfixture.h"
#include "clirun.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

namespace {

using ll::test::cli;
using Run = ll::test::CliRun;

QList<QByteArrayList> csvRows(const QByteArray &text)
{
    // The fixture's names have no commas or quotes, so a plain split reads these reports.
    QList<QByteArrayList> rows;
    for (const QByteArray &line : text.split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            rows.append(trimmed.split(','));
    }
    return rows;
}

} // namespace

class TestCliBudgets : public QObject {
    Q_OBJECT
private:
    ll::test::TempStore m_store;

    Run run(const QStringList &args) { return cli(QStringList{QStringLiteral("--store"), m_store.path()} + args); }
    Run budgets(const QStringList &args) { return run(QStringList{QStringLiteral("budgets")} + args); }
    std::int64_t count(const char *sql) { return m_store.db().queryInt(sql)->value_or(-1); }

private slots:
    void initTestCase()
    {
        QVERIFY(!qEnvironmentVariable("LAKELEDGER_CLI").isEmpty());
        QVERIFY(m_store.ok());
        QVERIFY(ll::test::budgetfixture::seed(m_store));
    }

    void listedInHelp()
    {
        QVERIFY(run({QStringLiteral("--help")}).out.contains("budgets list|set"));
        const Run help = budgets({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("import FILE"));
        QVERIFY(run({QStringLiteral("report"), QStringLiteral("--help")}).out.contains("budgets"));
        QCOMPARE(budgets({}).exitCode, 2);
        QCOMPARE(budgets({QStringLiteral("frobnicate")}).exitCode, 2);
    }

    void setAndList()
    {
        // By name: the stored key is the hierarchy's.
        const Run set =
            budgets({QStringLiteral("set"), QStringLiteral("team"), QStringLiteral("Machine Learning"), QStringLiteral("3000")});
        QVERIFY2(set.exitCode == 0, set.err.constData());
        const Run set2 = budgets({QStringLiteral("set"), QStringLiteral("workspace"), QStringLiteral("100"), QStringLiteral("2500.50"),
            QStringLiteral("--from"), QStringLiteral("2026-12")});
        QVERIFY2(set2.exitCode == 0, set2.err.constData());
        const Run list = budgets({QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        const auto rows = csvRows(list.out);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].join(','), QByteArray("scope,scope_type,scope_key,scope_name,effective_from,amount,currency"));
        QCOMPARE(rows[1].join(','), QByteArray("workspace:100,workspace,100,Prod,2026-12,2500.50,USD"));
        QCOMPARE(rows[2].join(','), QByteArray("team:ml,team,ml,Machine Learning,,3000.00,USD"));
        QCOMPARE(count("SELECT count(*) FROM app_audit_log WHERE action = 'budgets.set'"), 2);
    }

    void badSetsChangeNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QByteArray>("mentions");
        QTest::addRow("unknown team") << QStringList{QStringLiteral("team"), QStringLiteral("nobody"), QStringLiteral("10")} << 1
                                      << QByteArray("nobody");
        QTest::addRow("unknown scope type") << QStringList{QStringLiteral("tribe"), QStringLiteral("ml"), QStringLiteral("10")} << 2
                                            << QByteArray("tribe");
        QTest::addRow("zero") << QStringList{QStringLiteral("team"), QStringLiteral("ml"), QStringLiteral("0")} << 2
                              << QByteArray("AMOUNT");
        QTest::addRow("not a number") << QStringList{QStringLiteral("team"), QStringLiteral("ml"), QStringLiteral("lots")} << 2
                                      << QByteArray("AMOUNT");
        QTest::addRow("month") << QStringList{QStringLiteral("team"), QStringLiteral("ml"), QStringLiteral("10"), QStringLiteral("--from"),
            QStringLiteral("2026-13")}
                               << 2 << QByteArray("YYYY-MM");
        QTest::addRow("currency") << QStringList{QStringLiteral("team"), QStringLiteral("ml"), QStringLiteral("10"),
            QStringLiteral("--currency"), QStringLiteral("EUR")}
                                  << 1 << QByteArray("EUR");
        QTest::addRow("missing amount") << QStringList{QStringLiteral("team"), QStringLiteral("ml")} << 2 << QByteArray("SCOPE KEY AMOUNT");
    }
    void badSetsChangeNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QByteArray, mentions);
        const QByteArray before = budgets({QStringLiteral("list")}).out;
        const std::int64_t audit = count("SELECT count(*) FROM app_audit_log");
        const Run r = budgets(QStringList{QStringLiteral("set")} + args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(mentions), r.err.constData());
        QCOMPARE(budgets({QStringLiteral("list")}).out, before);
        QCOMPARE(count("SELECT count(*) FROM app_audit_log"), audit);
    }

    // December as of 10 December (the newest data): team ml spent 990, forecast 2880 of 3000
    // = 96 % -> amber; backtest MAPE 31.4447592 / 3 = 10.48 %. Workspace 100 = ml + bi's 5 a day
    // from 1 December: spent 990 + 50 = 1040. Weekday medians of the sums over 13 Nov .. 10 Dec:
    // Mondays (120, 120, 1000, 125) and Tuesday-Thursday (120, 120, 125, 125) -> 122.5, Fridays
    // (120, 120, 120, 125) -> 120, Saturdays 20, Sundays 10. 11..31 Dec: 12 Mon-Thu x 122.5 +
    // 3 Fri x 120 + 3 x 20 + 3 x 10 = 1920; forecast 2960 = 118.38 % of 2500.50 -> red. Its earlier
    // months are ml's: MAPE 10.48 %.
    void reportBudgets()
    {
        const Run r = run({QStringLiteral("report"), QStringLiteral("budgets"), QStringLiteral("--month"), QStringLiteral("2026-12")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const auto rows = csvRows(r.out);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows[0].mid(0, 6).join(','), QByteArray("scope,month,budget,spent,forecast,status"));
        QCOMPARE(rows[1].join(','),
            QByteArray("workspace:100,2026-12,2500.50,1040.00,2960.00,red,workspace,100,Prod,USD,2026-12-10,118.38,10.48,"
                       "same_weekday_median"));
        QCOMPARE(rows[2].join(','),
            QByteArray("team:ml,2026-12,3000.00,990.00,2880.00,amber,team,ml,Machine Learning,USD,2026-12-10,96.00,10.48,"
                       "same_weekday_median"));
        // November is over: its forecast is its total; the workspace budget starts in December.
        const Run nov = run({QStringLiteral("report"), QStringLiteral("budgets"), QStringLiteral("--month"), QStringLiteral("2026-11")});
        const auto novRows = csvRows(nov.out);
        QCOMPARE(novRows.size(), 2);
        QCOMPARE(novRows[1].mid(0, 6).join(','), QByteArray("team:ml,2026-11,3000.00,3530.00,3530.00,red"));
        QCOMPARE(
            run({QStringLiteral("report"), QStringLiteral("budgets"), QStringLiteral("--month"), QStringLiteral("December")}).exitCode, 2);
    }

    void thresholdsChangeTheStatus()
    {
        const Run t = budgets({QStringLiteral("thresholds"), QStringLiteral("--amber"), QStringLiteral("97"), QStringLiteral("--red"),
            QStringLiteral("120")});
        QVERIFY2(t.exitCode == 0, t.err.constData());
        QVERIFY(t.out.contains("amber_percent 97"));
        const auto rows =
            csvRows(run({QStringLiteral("report"), QStringLiteral("budgets"), QStringLiteral("--month"), QStringLiteral("2026-12")}).out);
        QCOMPARE(rows[1][5], QByteArray("amber")); // 118 %: red only from 120 now
        QCOMPARE(rows[2][5], QByteArray("green")); // 96 % < 97 %
        QCOMPARE(budgets({QStringLiteral("thresholds"), QStringLiteral("--amber"), QStringLiteral("130")}).exitCode, 2); // amber above red
        QVERIFY(budgets({QStringLiteral("thresholds")}).out.contains("red_percent 120"));
        QVERIFY(budgets({QStringLiteral("thresholds"), QStringLiteral("--amber"), QStringLiteral("80"), QStringLiteral("--red"),
                            QStringLiteral("100")})
                    .exitCode
            == 0);
    }

    void exportImportRoundTripAndBadFilesChangeNothing()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("budgets.json"));
        const Run exported = budgets({QStringLiteral("export"), file});
        QVERIFY2(exported.exitCode == 0, exported.err.constData());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray json = f.readAll();
        f.close();
        QVERIFY(json.contains("\"amount\": \"2500.50\""));
        QVERIFY(json.contains("\"effective_from\": \"2026-12\""));
        const QByteArray listBefore = budgets({QStringLiteral("list")}).out;

        // A bad entry: refused with the file and the entry's path; nothing changes.
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile b(bad);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write("{\"budgets\": [{\"scope\": \"team\", \"key\": \"bi\", \"amount\": \"10\", \"currency\": \"USD\"},"
                "{\"scope\": \"project\", \"key\": \"churn\", \"amount\": \"-1\", \"currency\": \"USD\"}]}");
        b.close();
        const Run refused = budgets({QStringLiteral("import"), bad});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("bad.json: budgets[1].amount"), refused.err.constData());
        QCOMPARE(budgets({QStringLiteral("list")}).out, listBefore);
        // An unknown scope fails on save, also naming the entry.
        QVERIFY(b.open(QIODevice::WriteOnly | QIODevice::Truncate));
        b.write("{\"budgets\": [{\"scope\": \"team\", \"key\": \"ghost\", \"amount\": \"10\", \"currency\": \"USD\"}]}");
        b.close();
        const Run unknown = budgets({QStringLiteral("import"), bad});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains("budgets[0].key") && unknown.err.contains("nothing was imported"), unknown.err.constData());
        QCOMPARE(budgets({QStringLiteral("list")}).out, listBefore);
        QVERIFY(budgets({QStringLiteral("import"), dir.filePath(QStringLiteral("missing.json"))}).exitCode == 1);

        // Remove one, import the export: both are back, and the import was audit-logged.
        QCOMPARE(budgets({QStringLiteral("remove"), QStringLiteral("team"), QStringLiteral("ml")}).exitCode, 0);
        QCOMPARE(csvRows(budgets({QStringLiteral("list")}).out).size(), 2);
        QCOMPARE(budgets({QStringLiteral("remove"), QStringLiteral("team"), QStringLiteral("ml")}).exitCode, 1);
        const Run imported = budgets({QStringLiteral("import"), file});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QCOMPARE(budgets({QStringLiteral("list")}).out, listBefore);
        QCOMPARE(count("SELECT count(*) FROM app_audit_log WHERE action = 'budgets.import'"), 1);
        QCOMPARE(count("SELECT count(*) FROM app_audit_log WHERE action = 'budgets.remove'"), 1);
    }

    void reportToAFile()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("b.csv"));
        const Run r = run({QStringLiteral("report"), QStringLiteral("budgets"), QStringLiteral("--as-of"), QStringLiteral("2026-12-10"),
            QStringLiteral("--out"), out});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readAll().startsWith("scope,month,budget,spent,forecast,status"));
    }
};

QTEST_GUILESS_MAIN(TestCliBudgets)
#include "tst_cli_budgets.moc"

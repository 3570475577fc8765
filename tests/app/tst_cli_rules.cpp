// Configuration files in: `rules import` replaces the attribution configuration only with a
// valid, complete file whose references resolve, emptying needs --allow-empty and can be
// undone from the audit log; `prices contract import` re-prices at once and rejects junk
// (issues 16 and 18).
#include "clirun.h"
#include "store/store.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace ll;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestCliRules : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_store;
    QStringList base() const { return {QStringLiteral("--store"), m_store}; }

    QByteArray exportRules()
    {
        const QString path = m_dir.filePath(QStringLiteral("current.json"));
        QFile::remove(path);
        const test::CliRun r = test::cli(base() + QStringList{QStringLiteral("rules"), QStringLiteral("export"), path});
        return r.exitCode == 0 ? readAll(path) : QByteArray();
    }
    QByteArray teamReport()
    {
        return test::cli(base()
            + QStringList{QStringLiteral("report"), QStringLiteral("attribution"), QStringLiteral("--by"), QStringLiteral("month,team")})
            .out;
    }
    test::CliRun import(const QByteArray &json, const QStringList &extra = {})
    {
        const QString path = m_dir.filePath(QStringLiteral("import.json"));
        writeFile(path, json);
        return test::cli(base() + QStringList{QStringLiteral("rules"), QStringLiteral("import"), path} + extra);
    }

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

    void invalidImportsChangeNothing_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("mentions");
        const QByteArray sections = "\"version\":1,\"hierarchy\":[{\"key\":\"eng\",\"kind\":\"org_unit\",\"name\":\"Eng\"},"
                                    "{\"key\":\"data\",\"kind\":\"department\",\"name\":\"Data\",\"parent\":\"eng\"},"
                                    "{\"key\":\"ml\",\"kind\":\"team\",\"name\":\"ML\",\"parent\":\"data\"}],"
                                    "\"buckets\":[],\"idle_policy\":\"owner\",";
        QTest::addRow("empty object") << QByteArray("{}") << "incomplete";
        QTest::addRow("array") << QByteArray("[1,2,3]") << "must be a JSON object";
        QTest::addRow("syntax") << QByteArray("{\"version\": 1,\n  \"rules\": [}") << "line 2";
        QTest::addRow("section of the wrong type") << QByteArray(
            "{\"version\":1,\"hierarchy\":{},\"projects\":[],\"buckets\":[],\"identities\":[],\"rules\":[],\"idle_policy\":\"owner\"}")
                                                   << "hierarchy: expected an array";
        QTest::addRow("rule naming an unknown team") << QByteArray("{" + sections
            + "\"projects\":[],\"identities\":[],\"rules\":[{\"name\":\"a\",\"kind\":\"exact\","
              "\"match\":{\"resource\":\"job\",\"ids\":[\"1\"]},\"assign\":{\"mode\":\"direct\",\"team\":\"ml\"}},"
              "{\"name\":\"ghost\",\"kind\":\"exact\",\"match\":{\"resource\":\"job\",\"ids\":[\"2\"]},"
              "\"assign\":{\"mode\":\"direct\",\"team\":\"no-such-team\"}}]}")
                                                     << "rules[1]";
        QTest::addRow("identity naming an unknown team")
            << QByteArray("{" + sections + "\"projects\":[],\"identities\":[{\"principal\":\"a@x.com\",\"team\":\"nobody\"}],\"rules\":[]}")
            << "identities[0].team";
        QTest::addRow("rule naming an unknown project") << QByteArray("{" + sections
            + "\"projects\":[{\"key\":\"p1\",\"name\":\"P1\",\"team\":\"ml\"}],\"identities\":[],\"rules\":["
              "{\"name\":\"p\",\"kind\":\"exact\",\"match\":{\"resource\":\"job\",\"ids\":[\"1\"]},"
              "\"assign\":{\"mode\":\"direct\",\"project\":\"p2\"}}]}")
                                                        << "project 'p2'";
        QTest::addRow("string where a number belongs")
            << QByteArray("{" + sections + "\"projects\":[],\"identities\":[{\"principal\":7,\"team\":\"ml\"}],\"rules\":[]}")
            << "identities[0].principal: expected a string";
    }
    void invalidImportsChangeNothing()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, mentions);
        const QByteArray before = exportRules();
        QVERIFY(before.contains("\"rules\""));
        const QByteArray reportBefore = teamReport();
        const test::CliRun r = import(json);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(mentions.toUtf8()), r.err.constData());
        QVERIFY2(r.err.contains("nothing changed"), r.err.constData());
        QVERIFY(!r.err.contains("no error occurred"));
        QCOMPARE(exportRules(), before);
        QCOMPARE(teamReport(), reportBefore);
    }

    void emptyingNeedsAFlagAndCanBeUndone()
    {
        const QByteArray original = exportRules();
        const QByteArray reportBefore = teamReport();
        const QByteArray empty =
            "{\"version\":1,\"hierarchy\":[],\"projects\":[],\"buckets\":[],\"identities\":[],\"rules\":[],\"idle_policy\":\"owner\"}";
        const test::CliRun refused = import(empty);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("--allow-empty"), refused.err.constData());
        QCOMPARE(exportRules(), original);

        const test::CliRun emptied = import(empty, {QStringLiteral("--allow-empty")});
        QVERIFY2(emptied.exitCode == 0, emptied.err.constData());
        QVERIFY(exportRules().contains("\"rules\": [\n    ]") || !exportRules().contains("\"name\""));
        QVERIFY(teamReport() != reportBefore);
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("audit entry (\\d+)")).match(QString::fromUtf8(emptied.err));
        QVERIFY2(m.hasMatch(), emptied.err.constData());
        const QString auditId = m.captured(1);
        {
            // The audit entry holds the full configuration it replaced.
            auto db = store::Store::open(m_store, {.create = false});
            QVERIFY(db);
            auto stmt = db->prepare("SELECT action, before FROM app_audit_log WHERE entry_id = ?");
            QVERIFY(stmt);
            stmt->bind(1, auditId.toInt());
            QVERIFY(*stmt->step());
            QCOMPARE(stmt->text(0), QStringLiteral("attribution.replace"));
            QCOMPARE(QJsonDocument::fromJson(stmt->bytes(1)).object(), QJsonDocument::fromJson(original).object());
        }
        const test::CliRun restored =
            test::cli(base() + QStringList{QStringLiteral("rules"), QStringLiteral("restore"), QStringLiteral("--audit-id"), auditId});
        QVERIFY2(restored.exitCode == 0, restored.err.constData());
        QCOMPARE(exportRules(), original);
        QCOMPARE(teamReport(), reportBefore);
        // Only configuration changes can be restored.
        QCOMPARE(
            test::cli(base()
                + QStringList{QStringLiteral("rules"), QStringLiteral("restore"), QStringLiteral("--audit-id"), QStringLiteral("999999")})
                .exitCode,
            1);
    }

    void aCompleteValidImportIsSaved()
    {
        const QByteArray original = exportRules();
        const test::CliRun r = import(original);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(exportRules(), original);
    }

    // Issue 16: right after the import, reports show the contract cost (no 'process' needed).
    void contractImportRepricesAtOnceAndWarnsOfUnknownSkus()
    {
        const QString in = m_dir.filePath(QStringLiteral("contracts.csv"));
        writeFile(in,
            "scope,scope_key,kind,value,valid_from,valid_to\n"
            "family,SQL,discount,15,2026-01-01,\n"
            "all,*,discount,10,2026-01-01,\n"
            "sku,PREMIUM_JOBS_COMPUTE,price,0.05,2026-01-01,\n"
            "sku,NO_SUCH_SKU_TYPO,price,0.5,2026-01-01,\n");
        const QStringList report = base()
            + QStringList{QStringLiteral("report"), QStringLiteral("cost"), QStringLiteral("--by"), QStringLiteral("sku"),
                QStringLiteral("--decimals"), QStringLiteral("9")};
        const test::CliRun imported =
            test::cli(base() + QStringList{QStringLiteral("prices"), QStringLiteral("contract"), QStringLiteral("import"), in});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY2(imported.err.contains("warning") && imported.err.contains("NO_SUCH_SKU_TYPO"), imported.err.constData());
        QVERIFY(!imported.err.contains("PREMIUM_JOBS_COMPUTE,")); // a known SKU is not listed
        const test::CliRun right = test::cli(report);
        QCOMPARE(right.exitCode, 0);
        QVERIFY(right.out.startsWith("sku,cost,list_cost,contract_cost"));
        QCOMPARE(test::cli(base() + QStringList{QStringLiteral("process")}).exitCode, 0);
        QCOMPARE(test::cli(report).out, right.out);
        // And the figure is the contract's: 10 % off the list cost for a SKU only 'all' covers.
        bool checked = false;
        for (const QByteArray &line : right.out.split('\n')) {
            const QList<QByteArray> cells = line.trimmed().split(',');
            if (cells.size() < 4 || !cells[0].contains("ALL_PURPOSE"))
                continue;
            const double list = cells[2].toDouble(), contract = cells[3].toDouble();
            QVERIFY2(qAbs(contract - list * 0.9) < 0.0001, line.constData());
            checked = true;
        }
        QVERIFY(checked);
    }

    void contractImportRejectsJunk_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<QString>("mentions");
        const QByteArray header = "scope,scope_key,kind,value,valid_from,valid_to\n";
        QTest::addRow("unknown family") << QByteArray(header + "family,NOT_A_PRODUCT,discount,5,2026-01-01,\n")
                                        << "not a billing product family";
        QTest::addRow("non-UTF-8 SKU") << QByteArray(header + "sku,PREMIUM_\xff\xfe_JOBS,price,1,2026-01-01,\n") << "line 2 is not UTF-8";
        QTest::addRow("10 MB SKU") << QByteArray(header + "sku," + QByteArray(10 * 1024 * 1024, 'A') + ",price,1,2026-01-01,\n")
                                   << "line 2";
        QTest::addRow("long SKU") << QByteArray(header + "sku," + QByteArray(300, 'A') + ",price,1,2026-01-01,\n")
                                  << "line 2, field scope_key";
        QTest::addRow("date with garbage") << QByteArray(header + "all,*,discount,5,2026-11-30garbage,\n") << "line 2, field valid_from";
        QTest::addRow("end date with garbage") << QByteArray(header + "all,*,discount,5,2026-01-01,2026-12-31x\n")
                                               << "line 2, field valid_to";
        QTest::addRow("control character") << QByteArray(header
            + "sku,A\x01"
              "B,price,1,2026-01-01,\n") << "control character";
    }
    void contractImportRejectsJunk()
    {
        QFETCH(QByteArray, csv);
        QFETCH(QString, mentions);
        const QString out = m_dir.filePath(QStringLiteral("before.csv"));
        QCOMPARE(
            test::cli(base() + QStringList{QStringLiteral("prices"), QStringLiteral("contract"), QStringLiteral("export"), out}).exitCode,
            0);
        const QByteArray before = readAll(out);
        const QString in = m_dir.filePath(QStringLiteral("junk.csv"));
        writeFile(in, csv);
        const test::CliRun r =
            test::cli(base() + QStringList{QStringLiteral("prices"), QStringLiteral("contract"), QStringLiteral("import"), in});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(mentions.toUtf8()), r.err.left(400).constData());
        QVERIFY(r.err.size() < 2000); // the message names the problem; it does not echo 10 MB
        QCOMPARE(
            test::cli(base() + QStringList{QStringLiteral("prices"), QStringLiteral("contract"), QStringLiteral("export"), out}).exitCode,
            0);
        QCOMPARE(readAll(out), before);
    }
};

QTEST_GUILESS_MAIN(TestCliRules)
#include "tst_cli_rules.moc"

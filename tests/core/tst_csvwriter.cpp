#include "reports/csvwriter.h"

#include <QBuffer>
#include <QTest>

using namespace ll;

class TestCsvWriter : public QObject {
    Q_OBJECT
private slots:
    void escape_data()
    {
        QTest::addColumn<QString>("in");
        QTest::addColumn<QString>("out");
        QTest::addRow("plain") << "analytics-prod" << "analytics-prod";
        QTest::addRow("formula") << "=HYPERLINK(\"http://x\")" << "\"'=HYPERLINK(\"\"http://x\"\")\"";
        QTest::addRow("plus") << "+1" << "'+1";
        QTest::addRow("minus") << "-cmd" << "'-cmd";
        QTest::addRow("at") << "@SUM(A1)" << "'@SUM(A1)";
        QTest::addRow("tab") << "\tx" << "'\tx";
        QTest::addRow("carriage return") << "\rx" << "\"'\rx\"";
        QTest::addRow("comma") << "a,b" << "\"a,b\"";
        QTest::addRow("newline") << "a\nb" << "\"a\nb\"";
        QTest::addRow("space then formula") << " =HYPERLINK(1)"
                                            << "' =HYPERLINK(1)";
        QTest::addRow("spaces then plus") << "   +1"
                                          << "'   +1";
        QTest::addRow("nbsp then at") << QString::fromUtf8("\u00a0@SUM(A1)") << QString::fromUtf8("'\u00a0@SUM(A1)");
        QTest::addRow("space then tab") << " \tx"
                                        << "' \tx";
        QTest::addRow("space then text") << " plain"
                                         << " plain";
        QTest::addRow("only spaces") << "   "
                                     << "   ";
        QTest::addRow("utf8") << "équipe-données" << "équipe-données";
    }
    void escape()
    {
        QFETCH(QString, in);
        QFETCH(QString, out);
        QCOMPARE(reports::CsvWriter::escapeText(in), out);
    }

    void moneyStaysNumericAndNegative()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        reports::CsvWriter csv(buffer);
        csv.addText(QStringLiteral("credit"));
        csv.addMoney(-1'234'500'000, 2);
        QVERIFY(csv.endRow());
        QCOMPARE(buffer.data(), QByteArray("credit,-1.23\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"

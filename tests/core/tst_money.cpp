#include "common/money.h"

#include <QTest>

using namespace ll;

class TestMoney : public QObject {
    Q_OBJECT
private slots:
    void decimalToNanos_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("nanos");
        QTest::addRow("integer") << "2" << true << qint64(2'000'000'000);
        QTest::addRow("18-digit scale") << "1.500000000000000000" << true << qint64(1'500'000'000);
        QTest::addRow("negative retraction") << "-0.250000000000000000" << true << qint64(-250'000'000);
        QTest::addRow("round half away up") << "0.0000000015" << true << qint64(2);
        QTest::addRow("round half away negative") << "-0.0000000015" << true << qint64(-2);
        QTest::addRow("below half") << "0.0000000014999" << true << qint64(1);
        QTest::addRow("leading plus and spaces") << " +3.25 " << true << qint64(3'250'000'000);
        QTest::addRow("exponent rejected") << "1e3" << false << qint64(0);
        QTest::addRow("empty rejected") << "" << false << qint64(0);
        QTest::addRow("two points rejected") << "1.2.3" << false << qint64(0);
        QTest::addRow("letters rejected") << "12a" << false << qint64(0);
        QTest::addRow("too large for int64 nanos") << "10000000000" << false << qint64(0);
        QTest::addRow("39 digits rejected") << "123456789012345678901234567890123456789" << false << qint64(0);
    }
    void decimalToNanos()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, nanos);
        const auto d = parseDecimal(text);
        const auto n = d ? toNanos(*d) : std::nullopt;
        QCOMPARE(n.has_value(), valid);
        if (valid)
            QCOMPARE(*n, nanos);
    }

    void multiply_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<qint64>("nanos");
        QTest::addRow("dbu times price") << "1.250000000000000000" << "0.550000000000000000" << qint64(687'500'000);
        QTest::addRow("negative quantity") << "-1.250000000000000000" << "0.55" << qint64(-687'500'000);
        QTest::addRow("thirds round once") << "0.333333333333333333" << "0.070000000000000000" << qint64(23'333'333);
        QTest::addRow("half rounds away") << "0.000000001" << "0.5" << qint64(1);
        QTest::addRow("36 product digits exact") << "123456.123456789012345678" << "0.123456789012345678" << qint64(15'241'496'585'887);
        QTest::addRow("zero") << "0" << "0.55" << qint64(0);
    }
    void multiply()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(qint64, nanos);
        const auto r = multiplyToNanos(*parseDecimal(a), *parseDecimal(b));
        QVERIFY(r.has_value());
        QCOMPARE(*r, nanos);
    }

    void multiplyOverflowIsReported()
    {
        QVERIFY(!multiplyToNanos(*parseDecimal(u"99999999999"), *parseDecimal(u"99999999999")).has_value());
    }

    // Summing per-line rounded nanos equals an exact sum within half a nano per line, and
    // int64 sums are exact: no float anywhere.
    void sumOfManyLinesIsExact()
    {
        std::int64_t total = 0;
        for (int i = 0; i < 100000; ++i)
            total += *multiplyToNanos(*parseDecimal(u"0.100000000000000000"), *parseDecimal(u"0.10"));
        QCOMPARE(total, qint64(1'000'000'000'000));
    }

    void format_data()
    {
        QTest::addColumn<qint64>("nanos");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("text");
        QTest::addRow("cents") << qint64(12'345'000'000) << 2 << "12.35";
        QTest::addRow("half cent up") << qint64(5'000'000) << 2 << "0.01";
        QTest::addRow("negative half cent") << qint64(-5'000'000) << 2 << "-0.01";
        QTest::addRow("just below half") << qint64(4'999'999) << 2 << "0.00";
        QTest::addRow("all nine") << qint64(-1) << 9 << "-0.000000001";
        QTest::addRow("whole") << qint64(7'600'000'000) << 0 << "8";
    }
    void format()
    {
        QFETCH(qint64, nanos);
        QFETCH(int, decimals);
        QFETCH(QString, text);
        QCOMPARE(formatNanos(nanos, decimals), text);
    }
};

QTEST_GUILESS_MAIN(TestMoney)
#include "tst_money.moc"

#include "common/timeparse.h"

#include <QDateTime>
#include <QTest>

using namespace ll;

class TestTimeParse : public QObject {
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("utc");
        QTest::addRow("statement api") << "2026-09-01T10:00:00.000Z" << true << "2026-09-01T10:00:00Z";
        QTest::addRow("no fraction") << "2026-09-01T10:00:00Z" << true << "2026-09-01T10:00:00Z";
        QTest::addRow("offset colon") << "2026-09-01T12:00:00.123456+02:00" << true << "2026-09-01T10:00:00Z";
        QTest::addRow("offset compact") << "2026-09-01T05:30:00-0430" << true << "2026-09-01T10:00:00Z";
        QTest::addRow("space separator") << "2026-09-01 10:00:00" << true << "2026-09-01T10:00:00Z";
        QTest::addRow("date only") << "2026-09-01" << true << "2026-09-01T00:00:00Z";
        QTest::addRow("leap day") << "2028-02-29T23:59:59Z" << true << "2028-02-29T23:59:59Z";
        QTest::addRow("garbage") << "yesterday" << false << "";
        QTest::addRow("bad month") << "2026-13-01T00:00:00Z" << false << "";
        QTest::addRow("trailing junk") << "2026-09-01T10:00:00Zjunk" << false << "";
        QTest::addRow("empty") << "" << false << "";
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(QString, utc);
        const QByteArray b = text.toLatin1();
        const auto v = parseTimestamp(b.constData(), static_cast<std::size_t>(b.size()));
        QCOMPARE(v.has_value(), valid);
        if (valid)
            QCOMPARE(QDateTime::fromSecsSinceEpoch(*v, Qt::UTC).toString(Qt::ISODate), utc);
    }
};

QTEST_GUILESS_MAIN(TestTimeParse)
#include "tst_timeparse.moc"

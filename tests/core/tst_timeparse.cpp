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

    void strictDate_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("date");
        QTest::addRow("plain") << "2026-11-30" << QDate(2026, 11, 30);
        QTest::addRow("spaces around") << " 2026-11-30 " << QDate(2026, 11, 30);
        QTest::addRow("trailing garbage") << "2026-11-30garbage" << QDate();
        QTest::addRow("date-time") << "2026-12-04T03:49:16Z" << QDate();
        QTest::addRow("short month") << "2026-2-03" << QDate();
        QTest::addRow("no such day") << "2026-02-30" << QDate();
        QTest::addRow("slashes") << "2026/11/30" << QDate();
        QTest::addRow("non-ascii digit") << QString::fromUtf8("2026-11-3\u0663") << QDate();
        QTest::addRow("empty") << "" << QDate();
    }
    void strictDate()
    {
        QFETCH(QString, text);
        QFETCH(QDate, date);
        const auto d = parseIsoDate(text);
        QCOMPARE(d.has_value(), date.isValid());
        if (d)
            QCOMPARE(*d, date);
    }

    void asOf_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("at");
        QTest::addRow("bare date = end of day") << "2026-12-04" << QDateTime(QDate(2026, 12, 5), QTime(0, 0), Qt::UTC);
        QTest::addRow("instant") << "2026-12-04T03:49:16Z" << QDateTime(QDate(2026, 12, 4), QTime(3, 49, 16), Qt::UTC);
        QTest::addRow("offset") << "2026-12-04T05:49:16+02:00" << QDateTime(QDate(2026, 12, 4), QTime(3, 49, 16), Qt::UTC);
        QTest::addRow("no zone = UTC") << "2026-12-04T03:49" << QDateTime(QDate(2026, 12, 4), QTime(3, 49), Qt::UTC);
        QTest::addRow("garbage after") << "2026-12-04T03:49:16Zx" << QDateTime();
        QTest::addRow("date garbage") << "2026-12-04garbage" << QDateTime();
        QTest::addRow("bad hour") << "2026-12-04T25:00:00Z" << QDateTime();
    }
    void asOf()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, at);
        const auto t = parseAsOf(text);
        QCOMPARE(t.has_value(), at.isValid());
        if (t)
            QCOMPARE(t->toSecsSinceEpoch(), at.toSecsSinceEpoch());
    }
};

QTEST_GUILESS_MAIN(TestTimeParse)
#include "tst_timeparse.moc"

#include "extract/apierror.h"
#include "extract/statementrunner.h"
#include "fakedatabricks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimer>

using namespace ll;
using namespace ll::extract;
using namespace ll::test;

namespace {

struct Collected {
    QList<raw::ResultColumn> columns;
    QList<QJsonArray> rows;
    QList<bool> lastFlags;
};

class Harness {
public:
    explicit Harness(int rows)
    {
        fake.start();
        FakeTable t{{QStringLiteral("id"), QStringLiteral("at"), QStringLiteral("meta")}, QStringLiteral("at"), {}};
        for (int i = 0; i < rows; ++i)
            t.rows.append(QJsonArray{QString::number(i), QStringLiteral("2026-11-01T%1:00:00.000Z").arg(i % 24, 2, 10, QLatin1Char('0')),
                                     QStringLiteral("{\"k\":[1,2]}")});
        fake.setTable(QStringLiteral("system.test.t"), t);
        ClientOptions o;
        o.host = fake.url();
        o.waitScale = 0.001;
        client = std::make_unique<DatabricksClient>(o, ClientCredentials{credentials::AuthType::Pat, fake.pat, {}, {}, {}}, cancel);
        runner = std::make_unique<StatementRunner>(*client);
        runner->setPollDelays(10, 40);
    }

    Result<StatementOutcome> run(Collected &out, const QString &sql = QStringLiteral("SELECT * FROM system.test.t"))
    {
        return runner->run(
            {sql, {}, QStringLiteral("wh"), QStringLiteral("testing"), QStringLiteral("system.test.t")},
            [&](const QList<raw::ResultColumn> &c) {
                out.columns = c;
                return Status{};
            },
            [&](const QByteArray &chunk, bool last) {
                for (const QJsonValue &v : QJsonDocument::fromJson(chunk).object().value(QLatin1String("data_array")).toArray())
                    out.rows.append(v.toArray());
                out.lastFlags.append(last);
                return Status{};
            });
    }

    FakeDatabricks fake;
    CancelToken cancel;
    std::unique_ptr<DatabricksClient> client;
    std::unique_ptr<StatementRunner> runner;
};

} // namespace

class TestStatementRunner : public QObject {
    Q_OBJECT
private slots:
    void pollsAndFetchesEveryChunk()
    {
        Harness h(25);
        h.fake.chunkRows = 10;
        h.fake.pendingPolls = 3;
        Collected c;
        auto r = h.run(c);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(r->rows, 25);
        QCOMPARE(r->chunks, 3);
        QCOMPARE(c.lastFlags, (QList<bool>{false, false, true}));
        QCOMPARE(c.columns.size(), 3);
        QCOMPARE(c.columns[2].name, QStringLiteral("meta"));
        QCOMPARE(c.rows[24][0].toString(), QStringLiteral("24"));
        QCOMPARE(c.rows[0][2].toString(), QStringLiteral("{\"k\":[1,2]}")); // complex values stay JSON text
        QCOMPARE(h.client->requestedWaits(), (QList<int>{10, 20, 40})); // poll backoff, capped
        const QJsonObject submit = QJsonDocument::fromJson(h.fake.requests.first().body).object();
        QCOMPARE(submit.value(QLatin1String("disposition")).toString(), QStringLiteral("INLINE"));
        QCOMPARE(submit.value(QLatin1String("format")).toString(), QStringLiteral("JSON_ARRAY"));
        QCOMPARE(submit.value(QLatin1String("wait_timeout")).toString(), QStringLiteral("10s"));
    }

    void namedParametersAreSent()
    {
        Harness h(48);
        auto r = h.runner->run({QStringLiteral("SELECT id FROM system.test.t WHERE `at` >= :since AND `at` < :until"),
                                {{QStringLiteral("since"), QStringLiteral("2026-11-01T05:00:00Z"), QStringLiteral("TIMESTAMP")},
                                 {QStringLiteral("until"), QStringLiteral("2026-11-01T07:00:00Z"), QStringLiteral("TIMESTAMP")}},
                                QStringLiteral("wh"), QStringLiteral("testing"), QStringLiteral("system.test.t")},
                               [](const QList<raw::ResultColumn> &) { return Status{}; },
                               [](const QByteArray &, bool) { return Status{}; });
        QVERIFY(r);
        QCOMPARE(r->rows, 4); // hours 5 and 6 of two days' worth of rows
        const QJsonArray params = QJsonDocument::fromJson(h.fake.requests.first().body).object().value(QLatin1String("parameters")).toArray();
        QCOMPARE(params.size(), 2);
        QCOMPARE(params[0].toObject().value(QLatin1String("type")).toString(), QStringLiteral("TIMESTAMP"));
    }

    void emptyResultStillEndsWithALastChunk()
    {
        Harness h(0);
        Collected c;
        auto r = h.run(c);
        QVERIFY(r);
        QCOMPARE(r->rows, 0);
        QCOMPARE(c.lastFlags, QList<bool>{true});
    }

    void damagedChunkIsFetchedAgain()
    {
        Harness h(30);
        h.fake.chunkRows = 10;
        h.fake.addFault({QStringLiteral("/result/chunks/1"), FaultKind::Truncated, 1, 0, 0});
        h.fake.addFault({QStringLiteral("/result/chunks/2"), FaultKind::Malformed, 1, 0, 0});
        Collected c;
        auto r = h.run(c);
        QVERIFY2(r, qPrintable(r ? QString() : r.error().toString()));
        QCOMPARE(c.rows.size(), 30);
        QCOMPARE(h.fake.pendingFaults(), 0);
    }

    void failedStatementCarriesTheServerMessage()
    {
        Harness h(5);
        h.fake.failStatementsContaining = {QStringLiteral("system.test.t")};
        Collected c;
        auto r = h.run(c);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Remote);
        QVERIFY(r.error().message.contains(QLatin1String("DIVIDE_BY_ZERO")));
        QVERIFY(c.lastFlags.isEmpty());
    }

    void missingTableIsUnavailable()
    {
        Harness h(5);
        Collected c;
        auto r = h.run(c, QStringLiteral("SELECT * FROM system.nope.t"));
        QVERIFY(!r);
        QCOMPARE(remoteErrorCode(r.error()), QStringLiteral("TABLE_OR_VIEW_NOT_FOUND"));
    }

    void cancelBetweenChunksCancelsTheStatement()
    {
        Harness h(50);
        h.fake.chunkRows = 10;
        h.fake.onChunkServed = [&] {
            if (h.fake.chunksServed == 2)
                h.cancel.cancel();
        };
        Collected c;
        auto r = h.run(c);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QCOMPARE(h.fake.cancelCalls, 1);
        QCOMPARE(c.rows.size(), 20); // what arrived before the cancel was handed on
    }

    void cancelWhilePollingCancelsTheStatement()
    {
        Harness h(5);
        h.fake.pendingPolls = 1000;
        h.runner->setPollDelays(50000, 50000); // scaled to 50 ms
        QTimer::singleShot(20, [&] { h.cancel.cancel(); });
        Collected c;
        auto r = h.run(c);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Cancelled);
        QCOMPARE(h.fake.cancelCalls, 1);
    }
};

QTEST_GUILESS_MAIN(TestStatementRunner)
#include "tst_statementrunner.moc"

#include "extract/connectiontest.h"
#include "syncfixture.h"

#include <QTcpServer>
#include <QTest>

using namespace ll;
using namespace ll::extract;
using namespace ll::test;

namespace {

struct Setup {
    Setup()
    {
        fake.start();
        seedAccount(fake);
        fake.warehouses = {QJsonObject{{QStringLiteral("id"), QStringLiteral("wh1")}, {QStringLiteral("name"), QStringLiteral("Shared")},
                                       {QStringLiteral("state"), QStringLiteral("RUNNING")}, {QStringLiteral("cluster_size"), QStringLiteral("Small")}},
                           QJsonObject{{QStringLiteral("id"), QStringLiteral("wh2")}, {QStringLiteral("state"), QStringLiteral("STOPPED")}},
                           QJsonObject{{QStringLiteral("id"), QStringLiteral("wh3")}, {QStringLiteral("enable_serverless_compute"), true}}};
    }
    FakeDatabricks fake;
    CancelToken cancel;
};

} // namespace

class TestConnectionTest : public QObject {
    Q_OBJECT
private slots:
    void listsEveryWarehouse()
    {
        Setup s;
        DatabricksClient c(fastClient(s.fake), {credentials::AuthType::Pat, s.fake.pat, {}, {}, {}}, s.cancel);
        auto list = listWarehouses(c);
        QVERIFY(list);
        QCOMPARE(list->size(), 3); // two pages
        QCOMPARE(list->at(0).name, QStringLiteral("Shared"));
        QCOMPARE(list->at(1).state, QStringLiteral("STOPPED"));
        QVERIFY(list->at(2).serverless);
    }

    void reportsExactlyWhatIsMissing()
    {
        Setup s;
        DatabricksClient c(fastClient(s.fake), {credentials::AuthType::Pat, s.fake.pat, {}, {}, {}}, s.cancel);
        auto report = testConnection(c, QStringLiteral("wh1"));
        QVERIFY(report);
        QVERIFY(report->authenticated);
        QCOMPARE(report->identity, QStringLiteral("finops@example.com"));
        QVERIFY(report->warehouseOk);
        QVERIFY(report->ready()); // only optional schemas lack access
        const QStringList problems = report->problems();
        QCOMPARE(problems.size(), 2);
        QVERIFY(problems.join(QLatin1Char('\n')).contains(QLatin1String("system.query.history")));
        QVERIFY(problems.join(QLatin1Char('\n')).contains(QLatin1String("system.lakeflow.pipeline_update_timeline")));
        QVERIFY(!problems.join(QLatin1Char('\n')).contains(QLatin1String("system.lakeflow.jobs")));
    }

    void missingBillingAccessIsNotReady()
    {
        Setup s;
        s.fake.deniedSchemas.insert(QStringLiteral("system.billing"));
        DatabricksClient c(fastClient(s.fake), {credentials::AuthType::Pat, s.fake.pat, {}, {}, {}}, s.cancel);
        auto report = testConnection(c, QStringLiteral("wh1"));
        QVERIFY(report);
        QVERIFY(!report->ready());
        QVERIFY(report->problems().first().startsWith(QLatin1String("system.billing: no access to system.billing.usage, system.billing.list_prices")));
    }

    void unknownWarehouseAndBadCredentials()
    {
        Setup s;
        DatabricksClient c(fastClient(s.fake), {credentials::AuthType::Pat, s.fake.pat, {}, {}, {}}, s.cancel);
        auto noWarehouse = testConnection(c, QStringLiteral("nope"));
        QVERIFY(noWarehouse);
        QVERIFY(noWarehouse->authenticated);
        QVERIFY(!noWarehouse->warehouseOk);
        QVERIFY(noWarehouse->problems().first().contains(QLatin1String("nope")));

        DatabricksClient wrong(fastClient(s.fake), {credentials::AuthType::Pat, QStringLiteral("dapi-wrong"), {}, {}, {}}, s.cancel);
        auto denied = testConnection(wrong, QStringLiteral("wh1"));
        QVERIFY(denied);
        QVERIFY(!denied->authenticated);
        QVERIFY(!denied->ready());
        QVERIFY(denied->problems().first().contains(QLatin1String("credentials")));
    }

    void unreachableHostIsNotReportedAsAFailedSignIn()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        CancelToken cancel;
        ClientOptions o;
        o.host = QStringLiteral("http://127.0.0.1:%1").arg(port);
        o.accountsHost = o.host;
        DatabricksClient c(o, {credentials::AuthType::Pat, QStringLiteral("dapi-x1234567"), {}, {}, {}}, cancel);
        auto report = testConnection(c, QStringLiteral("wh1"));
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::Network);
        QVERIFY(report.error().message.contains(QStringLiteral("Nothing listens at 127.0.0.1:%1").arg(port)));
    }
};

QTEST_GUILESS_MAIN(TestConnectionTest)
#include "tst_connectiontest.moc"

#include "contracts/contractbook.h"
#include "job/job.h"
#include "pipeline/pipelinerunner.h"
#include "rawbuilder.h"
#include "reports/costreport.h"
#include "tempstore.h"

#include <QTest>

using namespace ll;
using contracts::ContractBook;
using contracts::ContractPrice;

namespace {

ContractPrice entry(const char *scope, const char *key, const char *kind, const char *value, QDate from, QDate to = {})
{
    return {QString::fromLatin1(scope), QString::fromLatin1(key), QString::fromLatin1(kind), QString::fromLatin1(value), from, to};
}

bool process(test::TempStore &store)
{
    const job::JobSpec runnerSpec{job::JobKind::Process, {}};
    CancelToken cancel;
    return job::runJob(store.db(), store.clock(), runnerSpec, cancel).ok();
}

} // namespace

class TestContracts : public QObject {
    Q_OBJECT
private slots:
    void validation_data()
    {
        QTest::addColumn<QList<ContractPrice>>("contracts");
        QTest::addColumn<bool>("valid");
        const QDate jan(2026, 1, 1), jun(2026, 6, 30), jul(2026, 7, 1), aug(2026, 8, 1);
        QTest::addRow("contiguous periods") << QList<ContractPrice>{entry("sku", "S", "price", "0.4", jan, jun), entry("sku", "S", "price", "0.38", jul)} << true;
        QTest::addRow("overlap") << QList<ContractPrice>{entry("sku", "S", "price", "0.4", jan, jul), entry("sku", "S", "price", "0.38", jul)} << false;
        QTest::addRow("gap") << QList<ContractPrice>{entry("sku", "S", "price", "0.4", jan, jun), entry("sku", "S", "price", "0.38", aug)} << false;
        QTest::addRow("open period followed by another") << QList<ContractPrice>{entry("sku", "S", "price", "0.4", jan), entry("sku", "S", "price", "0.38", aug)} << false;
        QTest::addRow("different scopes may overlap") << QList<ContractPrice>{entry("sku", "S", "price", "0.4", jan), entry("all", "*", "discount", "10", jan)} << true;
        QTest::addRow("discount over 100") << QList<ContractPrice>{entry("family", "JOBS", "discount", "101", jan)} << false;
        QTest::addRow("negative price") << QList<ContractPrice>{entry("sku", "S", "price", "-1", jan)} << false;
        QTest::addRow("not a number") << QList<ContractPrice>{entry("sku", "S", "price", "ten", jan)} << false;
        QTest::addRow("price for a family") << QList<ContractPrice>{entry("family", "JOBS", "price", "0.1", jan)} << false;
        QTest::addRow("end before start") << QList<ContractPrice>{entry("sku", "S", "price", "0.1", jul, jan)} << false;
        QTest::addRow("unknown scope") << QList<ContractPrice>{entry("team", "x", "discount", "5", jan)} << false;
    }
    void validation()
    {
        QFETCH(QList<ContractPrice>, contracts);
        QFETCH(bool, valid);
        const auto s = ContractBook::validate(contracts);
        QCOMPARE(s.ok(), valid);
        if (!valid)
            QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
    }

    void csvRoundTripAndBadCsv()
    {
        const QByteArray csv = "scope,scope_key,kind,value,valid_from,valid_to\r\n"
                               "sku,PREMIUM_JOBS_COMPUTE,price,0.12,2026-01-01,\r\n"
                               "all,*,discount,5,2026-01-01,2026-12-31\r\n";
        auto list = ContractBook::parseCsv(csv);
        QVERIFY2(list, qPrintable(list ? QString() : list.error().toString()));
        QCOMPARE(list->size(), 2);
        auto again = ContractBook::parseCsv(ContractBook::toCsv(*list));
        QVERIFY(again);
        QCOMPARE(again->size(), 2);
        QCOMPARE(again->at(1).validTo, QDate(2026, 12, 31));
        QVERIFY(!ContractBook::parseCsv("sku,S,price\n"));
        QVERIFY(!ContractBook::parseCsv("scope,scope_key,kind,value,valid_from,valid_to\nsku,S,price,0.1,01/02/2026,\n"));
        QVERIFY(!ContractBook::parseCsv(""));
    }

    void contractCostsApplyAndAreAudited()
    {
        test::TempStore store;
        test::RawBuilder prices(store.db(), store.clock(), QStringLiteral("billing_list_prices"));
        prices.addRow(test::priceRow(QStringLiteral("PREMIUM_JOBS_COMPUTE"), QStringLiteral("2026-01-01T00:00:00Z"), QString(), QStringLiteral("0.15"), QStringLiteral("0.15")));
        prices.addRow(test::priceRow(QStringLiteral("PREMIUM_ALL_PURPOSE_COMPUTE"), QStringLiteral("2026-01-01T00:00:00Z"), QString(), QStringLiteral("0.55"), QStringLiteral("0.55")));
        QVERIFY(prices.flush());
        test::RawBuilder usage(store.db(), store.clock(), QStringLiteral("billing_usage"));
        usage.addRow(test::usageRow(QStringLiteral("a"), QStringLiteral("w"), QStringLiteral("PREMIUM_JOBS_COMPUTE"), QStringLiteral("2026-10-01T00:00:00Z"), QStringLiteral("10")));
        usage.addRow(test::usageRow(QStringLiteral("b"), QStringLiteral("w"), QStringLiteral("PREMIUM_ALL_PURPOSE_COMPUTE"), QStringLiteral("2026-10-01T00:00:00Z"), QStringLiteral("10")));
        usage.addRow(test::usageRow(QStringLiteral("c"), QStringLiteral("w"), QStringLiteral("PREMIUM_ALL_PURPOSE_COMPUTE"), QStringLiteral("2027-02-01T00:00:00Z"), QStringLiteral("10")));
        QVERIFY(usage.flush());
        QVERIFY(process(store));
        reports::CostQuery q;
        q.by = {reports::Dimension::Sku};
        auto before = reports::queryCost(store.db(), q);
        QVERIFY(!before->hasContracts);
        QCOMPARE(before->rows[0].contractCostNanos, before->rows[0].costNanos); // no contract: contract cost = effective

        // Jobs SKU at 0.12 (2026); 20 % off everything else in 2026 only.
        const QList<ContractPrice> book{entry("sku", "PREMIUM_JOBS_COMPUTE", "price", "0.12", QDate(2026, 1, 1)),
                                        entry("all", "*", "discount", "20", QDate(2026, 1, 1), QDate(2026, 12, 31))};
        QVERIFY(ContractBook::replaceAll(store.db(), store.clock(), QStringLiteral("tester"), book));
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM app_audit_log WHERE action = 'contracts.replace' AND after LIKE '%PREMIUM_JOBS_COMPUTE%'")->value_or(0), 1);
        QVERIFY(process(store));
        auto after = reports::queryCost(store.db(), q);
        QVERIFY(after->hasContracts);
        QCOMPARE(after->rows.size(), 2);
        QCOMPARE(after->rows[0].keys.first(), QStringLiteral("PREMIUM_ALL_PURPOSE_COMPUTE"));
        // 2026 line: 10 x 0.55 x 0.8 = 4.40; 2027 line (outside the discount): 5.50 at effective.
        QCOMPARE(after->rows[0].contractCostNanos, qint64(9'900'000'000));
        QCOMPARE(after->rows[0].costNanos, qint64(11'000'000'000));
        QCOMPARE(after->rows[1].contractCostNanos, qint64(1'200'000'000)); // 10 x 0.12
        QCOMPARE(after->rows[1].listCostNanos, qint64(1'500'000'000));

        // A rejected import changes nothing.
        const QList<ContractPrice> bad{entry("sku", "S", "price", "1", QDate(2026, 1, 1), QDate(2026, 3, 1)), entry("sku", "S", "price", "1", QDate(2026, 2, 1))};
        QVERIFY(!ContractBook::replaceAll(store.db(), store.clock(), QStringLiteral("tester"), bad));
        QCOMPARE(ContractBook::load(store.db())->size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestContracts)
#include "tst_contracts.moc"

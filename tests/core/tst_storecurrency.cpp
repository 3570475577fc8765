// storeCurrency: the currency carrying the most cost, USD for a store without cost.
#include "reports/storecurrency.h"
#include "tempstore.h"

#include <QTest>

using namespace ll;

class TestStoreCurrency : public QObject {
    Q_OBJECT
private slots:
    void emptyStoreIsUsd()
    {
        test::TempStore store;
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QCOMPARE(reports::storeCurrency(store.db()).value(), QStringLiteral("USD"));
    }

    void currencyWithTheMostCost()
    {
        test::TempStore store;
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QVERIFY(store.db().exec(
            "INSERT INTO metrics_daily_cost (day, workspace_id, sku_name, billing_origin_product, team_key, project_key, "
            "currency_code, cost_nanos, list_cost_nanos, quantity_nanos, unpriced_quantity_nanos, line_count) VALUES "
            "('2026-11-01', 'w1', 's', 'JOBS', '', '', 'EUR', 5000, 5000, 1, 0, 1), "
            "('2026-11-02', 'w1', 's', 'JOBS', '', '', 'EUR', 5000, 5000, 1, 0, 1), "
            "('2026-11-01', 'w2', 's', 'JOBS', '', '', 'USD', 7000, 7000, 1, 0, 1)"));
        QCOMPARE(reports::storeCurrency(store.db()).value(), QStringLiteral("EUR"));
    }
};

QTEST_GUILESS_MAIN(TestStoreCurrency)
#include "tst_storecurrency.moc"

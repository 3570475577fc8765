#include "raw/rawingestor.h"
#include "rawbuilder.h"
#include "tempstore.h"

#include <QJsonArray>
#include <QTest>

using namespace ll;

namespace {

std::int64_t count(store::Database &db, const QByteArray &table)
{
    return db.queryInt("SELECT count(*) FROM " + table)->value_or(-1);
}

QList<raw::ResultColumn> columnsOf(const QStringList &names)
{
    QList<raw::ResultColumn> list;
    for (const auto &n : names)
        list.append({n, QStringLiteral("STRING")});
    return list;
}

} // namespace

class TestRawIngestor : public QObject {
    Q_OBJECT
private slots:
    void rowsKeepTheirBatchAndTime()
    {
        test::TempStore store;
        test::RawBuilder b(store.db(), store.clock(), QStringLiteral("billing_usage"));
        b.addRow(test::usageRow(QStringLiteral("r1"), QStringLiteral("w1"), QStringLiteral("PREMIUM_JOBS_COMPUTE"),
                                QStringLiteral("2026-11-01T10:00:00.000Z"), QStringLiteral("1.5")));
        auto batch = b.flush();
        QVERIFY(batch);
        auto stmt = store.db().prepare("SELECT batch_id, extracted_at, record_id, usage_quantity FROM raw_billing_usage");
        QVERIFY(stmt && *stmt->step());
        QCOMPARE(stmt->int64(0), *batch);
        QCOMPARE(stmt->int64(1), store.clock().nowEpoch());
        QCOMPARE(stmt->text(2), QStringLiteral("r1"));
        QCOMPARE(stmt->text(3), QStringLiteral("1.5")); // verbatim
        auto state = store.db().prepare("SELECT status, newest_event_time, last_success_at FROM raw_source_state WHERE source = 'billing_usage'");
        QVERIFY(state && *state->step());
        QCOMPARE(state->text(0), QStringLiteral("ok"));
        QCOMPARE(QDateTime::fromSecsSinceEpoch(state->int64(1), Qt::UTC), QDateTime(QDate(2026, 11, 1), QTime(11, 0), Qt::UTC));
        QCOMPARE(state->int64(2), store.clock().nowEpoch());
    }

    void rawIsAppendOnly()
    {
        test::TempStore store;
        test::RawBuilder b(store.db(), store.clock(), QStringLiteral("billing_usage"));
        b.addRow(test::usageRow(QStringLiteral("r1"), QStringLiteral("w1"), QStringLiteral("SKU"), QStringLiteral("2026-11-01T10:00:00Z"), QStringLiteral("1")));
        QVERIFY(b.flush());
        QVERIFY(!store.db().exec("UPDATE raw_billing_usage SET usage_quantity = '2'"));
        QVERIFY(!store.db().exec("DELETE FROM raw_billing_usage"));
        QVERIFY(store.db().exec("INSERT INTO raw_rest_object (batch_id, extracted_at, api, object_id, payload) VALUES (1, 1, 'jobs', '7', '{}')"));
        QVERIFY(!store.db().exec("UPDATE raw_rest_object SET payload = '[]'"));
        QVERIFY(!store.db().exec("DELETE FROM raw_rest_object"));
        QCOMPARE(count(store.db(), "raw_billing_usage"), 1);
        auto q = store.db().prepare("SELECT usage_quantity FROM raw_billing_usage");
        QVERIFY(q && *q->step());
        QCOMPARE(q->text(0), QStringLiteral("1"));
    }

    void extraColumnsAreIgnoredMissingOptionalOnesAreNull()
    {
        test::TempStore store;
        raw::RawIngestor ingestor(store.db(), store.clock());
        const auto *spec = raw::SourceCatalog::find(QStringLiteral("billing_list_prices"));
        auto batch = ingestor.beginBatch(spec->id, QStringLiteral("direct"));
        QVERIFY(batch);
        // A schema from a newer Databricks: an extra column, and currency_code missing.
        QVERIFY(ingestor.setSchema(*spec, columnsOf({QStringLiteral("sku_name"), QStringLiteral("brand_new_column"), QStringLiteral("cloud"),
                                                     QStringLiteral("usage_unit"), QStringLiteral("PRICE_START_TIME"), QStringLiteral("pricing")})));
        QCOMPARE(ingestor.ignoredColumns(), QStringList{QStringLiteral("brand_new_column")});
        const QByteArray chunk = "{\"chunk_index\":0,\"row_offset\":0,\"row_count\":1,\"data_array\":[[\"SKU\",\"x\",\"AWS\",\"DBU\",\"2026-01-01T00:00:00Z\",\"{\\\"default\\\":1}\"]]}";
        auto stats = ingestor.appendChunk(*batch, chunk);
        QVERIFY2(stats, qPrintable(stats ? QString() : stats.error().toString()));
        QCOMPARE(stats->rows, 1);
        auto q = store.db().prepare("SELECT sku_name, currency_code, price_start_time FROM raw_billing_list_prices");
        QVERIFY(q && *q->step());
        QCOMPARE(q->text(0), QStringLiteral("SKU"));
        QVERIFY(q->isNull(1));
        QCOMPARE(q->text(2), QStringLiteral("2026-01-01T00:00:00Z"));
    }

    void missingRequiredColumnIsAClearError()
    {
        test::TempStore store;
        raw::RawIngestor ingestor(store.db(), store.clock());
        const auto *spec = raw::SourceCatalog::find(QStringLiteral("billing_usage"));
        auto s = ingestor.setSchema(*spec, columnsOf({QStringLiteral("workspace_id"), QStringLiteral("sku_name")}));
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::BadInput);
        QVERIFY(s.error().message.contains(QStringLiteral("record_id")));
    }

    void badChunksStoreNothingAndKeepEarlierRows_data()
    {
        QTest::addColumn<QByteArray>("chunk");
        QTest::addRow("truncated") << QByteArray("{\"chunk_index\":0,\"row_count\":2,\"data_array\":[[\"a\",\"b\"],[\"c\"");
        QTest::addRow("not json") << QByteArray("<html>502 Bad Gateway</html>");
        QTest::addRow("row count disagrees") << QByteArray("{\"row_count\":3,\"data_array\":[[\"a\",\"w\"],[\"b\",\"w\"]]}");
        QTest::addRow("short row") << QByteArray("{\"row_count\":2,\"data_array\":[[\"a\",\"w\"],[\"b\"]]}");
    }
    void badChunksStoreNothingAndKeepEarlierRows()
    {
        QFETCH(QByteArray, chunk);
        test::TempStore store;
        raw::RawIngestor ingestor(store.db(), store.clock());
        const auto *spec = raw::SourceCatalog::find(QStringLiteral("access_workspaces_latest"));
        auto batch = ingestor.beginBatch(spec->id, QStringLiteral("direct"));
        QVERIFY(ingestor.setSchema(*spec, columnsOf({QStringLiteral("workspace_id"), QStringLiteral("workspace_name")})));
        QVERIFY(ingestor.appendChunk(*batch, "{\"row_count\":1,\"data_array\":[[\"1\",\"first\"]]}", QStringLiteral("w1")));
        auto bad = ingestor.appendChunk(*batch, chunk, QStringLiteral("w2"));
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::BadInput);
        QCOMPARE(count(store.db(), "raw_access_workspaces_latest"), 1);
        auto wm = store.db().prepare("SELECT watermark FROM raw_source_state WHERE source = 'access_workspaces_latest'");
        QVERIFY(wm && *wm->step());
        QCOMPARE(wm->text(0), QStringLiteral("w1")); // the watermark only covers committed rows
    }
};

QTEST_GUILESS_MAIN(TestRawIngestor)
#include "tst_rawingestor.moc"

#include "rawbuilder.h"

#include "common/timeparse.h"

#include <QJsonDocument>

namespace ll::test {

RawBuilder::RawBuilder(store::Database &db, const Clock &clock, const QString &sourceId)
    : m_db(db), m_clock(clock), m_spec(raw::SourceCatalog::find(sourceId))
{
    Q_ASSERT(m_spec);
}

void RawBuilder::addRow(const QHash<QString, QString> &values)
{
    QJsonArray row;
    for (const QByteArray &column : m_spec->columns) {
        const QString v = values.value(QString::fromLatin1(column));
        row.append(v.isNull() ? QJsonValue(QJsonValue::Null) : QJsonValue(v));
    }
    m_rows.append(row);
}

QByteArray RawBuilder::chunkJson(const QList<QJsonArray> &rows)
{
    QJsonArray data;
    for (const auto &r : rows)
        data.append(r);
    QJsonObject chunk{{QStringLiteral("chunk_index"), 0}, {QStringLiteral("row_offset"), 0},
                      {QStringLiteral("row_count"), static_cast<int>(rows.size())}, {QStringLiteral("data_array"), data}};
    return QJsonDocument(chunk).toJson(QJsonDocument::Compact);
}

Result<std::int64_t> RawBuilder::flush()
{
    raw::RawIngestor ingestor(m_db, m_clock);
    auto batch = ingestor.beginBatch(m_spec->id, QStringLiteral("direct"));
    if (!batch)
        return batch.error();
    QList<raw::ResultColumn> columns;
    for (const QByteArray &c : m_spec->columns)
        columns.append({QString::fromLatin1(c), QStringLiteral("STRING")});
    if (auto s = ingestor.setSchema(*m_spec, columns); !s)
        return s.error();
    auto appended = ingestor.appendChunk(*batch, chunkJson(m_rows));
    m_rows.clear();
    if (!appended)
        return appended.error();
    if (auto s = ingestor.finishBatch(*batch, raw::BatchStatus::Succeeded); !s)
        return s.error();
    return *batch;
}

QHash<QString, QString> usageRow(const QString &recordId, const QString &workspace, const QString &sku, const QString &start,
                                 const QString &quantity, const QString &recordType, const QString &tagsJson, const QString &metadataJson)
{
    const QByteArray s = start.toLatin1();
    const auto epoch = parseTimestamp(s.constData(), static_cast<std::size_t>(s.size())).value_or(0);
    const QDateTime begin = QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC);
    return {
        {QStringLiteral("record_id"), recordId},
        {QStringLiteral("account_id"), QStringLiteral("acc-1")},
        {QStringLiteral("workspace_id"), workspace},
        {QStringLiteral("sku_name"), sku},
        {QStringLiteral("cloud"), QStringLiteral("AWS")},
        {QStringLiteral("usage_start_time"), start},
        {QStringLiteral("usage_end_time"), begin.addSecs(3600).toString(Qt::ISODateWithMs)},
        {QStringLiteral("usage_date"), begin.date().toString(Qt::ISODate)},
        {QStringLiteral("custom_tags"), tagsJson},
        {QStringLiteral("usage_unit"), QStringLiteral("DBU")},
        {QStringLiteral("usage_quantity"), quantity},
        {QStringLiteral("usage_metadata"), metadataJson},
        {QStringLiteral("identity_metadata"), QStringLiteral("{\"run_as\":\"alice@example.com\"}")},
        {QStringLiteral("record_type"), recordType},
        {QStringLiteral("ingestion_date"), begin.date().addDays(1).toString(Qt::ISODate)},
        {QStringLiteral("billing_origin_product"), sku.contains(QLatin1String("ALL_PURPOSE")) ? QStringLiteral("ALL_PURPOSE") : QStringLiteral("JOBS")},
        {QStringLiteral("product_features"), QStringLiteral("{}")},
        {QStringLiteral("usage_type"), QStringLiteral("COMPUTE_TIME")},
    };
}

QHash<QString, QString> priceRow(const QString &sku, const QString &start, const QString &end, const QString &listPrice,
                                 const QString &effectivePrice)
{
    return {
        {QStringLiteral("price_start_time"), start},
        {QStringLiteral("price_end_time"), end},
        {QStringLiteral("account_id"), QStringLiteral("acc-1")},
        {QStringLiteral("sku_name"), sku},
        {QStringLiteral("cloud"), QStringLiteral("AWS")},
        {QStringLiteral("currency_code"), QStringLiteral("USD")},
        {QStringLiteral("usage_unit"), QStringLiteral("DBU")},
        {QStringLiteral("pricing"), QStringLiteral("{\"default\":%1,\"promotional\":{\"default\":null},\"effective_list\":{\"default\":%2}}")
                                        .arg(listPrice, effectivePrice)},
    };
}

} // namespace ll::test

#pragma once

#include "common/clock.h"
#include "raw/rawingestor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

namespace ll::test {

// Builds Statement API JSON_ARRAY chunks for a catalog source from named values, and appends
// them through the real RawIngestor: tests feed raw exactly the way extraction does.
class RawBuilder {
public:
    RawBuilder(store::Database &db, const Clock &clock, const QString &sourceId);

    // One row; columns not given are null. Values are strings (or null QString).
    void addRow(const QHash<QString, QString> &values);
    // Appends all added rows as one chunk in one batch; returns the batch id (or an error).
    Result<std::int64_t> flush();

    static QByteArray chunkJson(const QList<QJsonArray> &rows);

private:
    store::Database &m_db;
    const Clock &m_clock;
    const raw::SourceSpec *m_spec;
    QList<QJsonArray> m_rows;
};

// Billing usage and price rows in Databricks' shapes, for ledger and reconciliation tests.
QHash<QString, QString> usageRow(const QString &recordId, const QString &workspace, const QString &sku, const QString &start,
                                 const QString &quantity, const QString &recordType = QStringLiteral("ORIGINAL"),
                                 const QString &tagsJson = QStringLiteral("{}"), const QString &metadataJson = QStringLiteral("{}"));
QHash<QString, QString> priceRow(const QString &sku, const QString &start, const QString &end, const QString &listPrice,
                                 const QString &effectivePrice);

} // namespace ll::test

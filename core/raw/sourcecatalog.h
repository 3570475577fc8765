#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace ll::raw {

// One Databricks system table that LakeLedger extracts into an append-only raw table.
struct SourceSpec {
    QString id;                     // "billing_usage": stable name used in state and the CLI
    QString systemTable;            // "system.billing.usage"
    QByteArray rawTable;            // "raw_billing_usage"
    QList<QByteArray> columns;      // named columns, in raw-table order
    QList<QByteArray> requiredColumns; // a result without one of these is rejected
    QByteArray eventTimeColumn;     // drives freshness and incremental windows; empty = none
    bool required = false;          // a failure of a required source fails the sync
};

class SourceCatalog {
public:
    static const QList<SourceSpec> &systemTables();
    static const SourceSpec *find(const QString &id);

    // Slowly changing (SCD) tables: one row per change of an entity, whose latest row is its
    // current state. Returns the columns naming one entity (empty for an event table).
    static QList<QByteArray> entityKey(const QString &id);
    // The column telling when a row arrived in the table, when it differs from the event time:
    // billing corrections keep their usage hours but carry a new ingestion_date. Empty = none.
    static QByteArray arrivalColumn(const QString &id);
};

} // namespace ll::raw

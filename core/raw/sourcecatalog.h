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
};

} // namespace ll::raw

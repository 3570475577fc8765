#pragma once

#include "databricksclient.h"

#include <QList>
#include <QString>

namespace ll::extract {

struct WarehouseInfo {
    QString id;
    QString name;
    QString state;     // RUNNING, STOPPED...
    QString size;      // cluster_size
    bool serverless = false;
};

struct SchemaAccess {
    QString schema;          // system.billing
    bool required = false;   // holds a required source
    bool ok = false;
    QStringList missingTables; // tables without access (TABLE_OR_VIEW_NOT_FOUND / PERMISSION_DENIED)
    QString message;         // plain words, empty when ok
};

struct ConnectionReport {
    bool authenticated = false;
    QString identity;        // userName of the principal
    QString authMessage;
    bool warehouseOk = false;
    QString warehouseMessage;
    QList<SchemaAccess> schemas;
    // True when the sync can run: signed in, warehouse usable and the required schemas readable.
    bool ready() const;
    // Every problem, one line each, in the order a user should fix them.
    QStringList problems() const;
};

// Lists the workspace's SQL warehouses (all pages).
Result<QList<WarehouseInfo>> listWarehouses(DatabricksClient &client);

// "Test connection": signs in (SCIM Me), checks the warehouse exists, then reads zero rows from
// every catalog system table through it and reports, per system schema, exactly which tables
// lack access. Problems are data in the report; an Error means the test itself could not run
// (cancelled, or the network failed).
Result<ConnectionReport> testConnection(DatabricksClient &client, const QString &warehouseId);

} // namespace ll::extract

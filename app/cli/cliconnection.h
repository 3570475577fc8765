#pragma once

// How every command that talks to a workspace (sync, plans apply) finds it and signs in: one
// resolution, so `plans apply` takes the same options and environment as `sync`.

#include "common/result.h"
#include "extract/databricksclient.h"
#include "store/database.h"

#include <QString>

namespace ll::cli {

struct ConnectionOptions {
    QString profile;     // --profile
    QString host;        // --host
    QString warehouseId; // --warehouse (sync only)
};

struct Connection {
    extract::ClientCredentials credentials;
    QString host;
    QString warehouseId;
};

// Connection settings, strongest first: command-line options, DATABRICKS_* environment,
// ~/.databrickscfg, then a profile saved by the GUI in the store (secret from the keychain).
// Secrets stay in memory: never printed, logged or stored.
Result<Connection> resolveConnection(store::Database &db, const ConnectionOptions &options);

} // namespace ll::cli

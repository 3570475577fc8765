#pragma once

#include "database.h"

#include <QByteArray>
#include <QList>

namespace ll::store {

struct Migration {
    int version;
    QByteArray sql;
};

// The ordered, forward-only migration ladder, read from the :/migrations resources.
// PRAGMA user_version records the applied version; each step runs in its own transaction.
class Migrations {
public:
    static QList<Migration> all();
    static int latestVersion();

    static Result<int> currentVersion(Database &db);
    // Applies every step above the current version up to `target` (-1 = latest).
    static Status migrate(Database &db, int target = -1);
};

} // namespace ll::store

#pragma once

#include "database.h"

#include <QString>

namespace ll::store {

struct OpenOptions {
    bool create = true;      // create the file (0600, directory 0700) when missing
    bool readOnly = false;   // for view/report connections on other threads
    int migrateTo = -1;      // -1 = latest; tests use lower values to build old stores
};

// Opens a LakeLedger store: one SQLite file per Databricks account profile.
// Sets WAL, synchronous=NORMAL (a power cut may lose the last commit, never corrupt),
// foreign keys on, registers SQL functions and applies pending migrations.
class Store {
public:
    static Result<Database> open(const QString &path, const OpenOptions &options = {});

    // <AppDataLocation>/profiles/<profile>.lakeledger
    static QString defaultPath(const QString &profile = QStringLiteral("demo"));
};

} // namespace ll::store

#pragma once

#include "store/database.h"

#include <QByteArray>

namespace ll::test {

// Every row of a table as text, in primary-key order: two stores whose dumps are equal hold
// byte-identical rows (used to prove rebuild == incremental).
QByteArray dumpTable(store::Database &db, const QByteArray &table, const QByteArray &orderBy);

} // namespace ll::test

#pragma once

#include "store/database.h"

#include <QByteArray>
#include <QList>
#include <QPair>

namespace ll::test {

// Every row of a table as text, in primary-key order: two stores whose dumps are equal hold
// byte-identical rows (used to prove rebuild == incremental).
QByteArray dumpTable(store::Database &db, const QByteArray &table, const QByteArray &orderBy);

// Every derived table a rebuild recomputes (ledger, attribution, metrics, insights), one dump
// per table labelled with its name, so a mismatch names the table.
QList<QPair<QByteArray, QByteArray>> dumpDerived(store::Database &db);

} // namespace ll::test

#pragma once

struct sqlite3;

namespace ll::store {

// Registers LakeLedger's deterministic SQL functions on a connection, so set-based stages can
// price and parse inside SQLite without pulling rows into C++:
//   ll_epoch(text)           -> Unix seconds of a Databricks timestamp, or NULL
//   ll_nanos(text)           -> decimal text as int64 nano-units, or NULL
//   ll_cost(qty, price)      -> exact qty x price rounded once to nano-units, or NULL
//   ll_discount(nanos, pct)  -> nanos x (100 - pct) / 100, exact, rounded once, or NULL
//   regexp(pattern, text)    -> 1 when the (Qt/PCRE) pattern matches anywhere in text
//   ll_sha256_fields(...)    -> hex SHA-256 of the arguments' CanonicalRecord encoding
bool registerSqlFunctions(sqlite3 *db);

} // namespace ll::store

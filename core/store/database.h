#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <atomic>
#include <memory>
#include <optional>
#include <type_traits>

struct sqlite3;
struct sqlite3_stmt;

namespace ll::store {

// A thin RAII layer over the sqlite3 C API. Debian's QSQLITE plugin links the same libsqlite3,
// but QSqlQuery was measured 2x slower on inserts and 2-3x on reads (shared/pitfalls.md), so
// LakeLedger talks to SQLite directly. Nothing outside core/ sees these types' SQL.
//
// One Database per thread, never shared: SQLite is opened without its own mutex.
class Statement;

class Database {
public:
    Database() = default;
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    Database(Database &&other) noexcept;
    Database &operator=(Database &&other) noexcept;

    // Opens (and creates when `create`) the file. Pragmas and functions are set by Store.
    static Result<Database> open(const QString &path, bool create, bool readOnly = false);

    bool isOpen() const { return m_db != nullptr; }
    sqlite3 *handle() const { return m_db; }
    QString path() const { return m_path; }

    // Runs one or more statements without results (schema scripts, pragmas).
    Status exec(const QByteArray &sql);
    Result<Statement> prepare(const QByteArray &sql);

    // Convenience for single-value queries.
    Result<std::optional<std::int64_t>> queryInt(const QByteArray &sql);

    std::int64_t changes() const;
    bool inTransaction() const;
    std::int64_t lastInsertRowId() const;
    Error lastError(const QString &what) const;

    // Cooperative cancellation: a long statement checks this flag through a progress handler.
    void setInterruptFlag(const std::atomic<bool> *flag);

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
};

class Statement {
public:
    Statement() = default;
    Statement(sqlite3_stmt *stmt, sqlite3 *db) : m_stmt(stmt), m_db(db) {}
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;

    // Parameters are 1-based, as in SQLite. Named parameters: index(":name").
    int index(const char *name) const;
    void bindNull(int i);
    void bind(int i, std::int64_t v);
    void bind(int i, int v) { bind(i, static_cast<std::int64_t>(v)); }
    void bind(int i, double v);
    void bind(int i, const QString &v);       // null QString binds NULL
    void bindText(int i, const char *utf8, int bytes); // SQLITE_TRANSIENT copy
    void bind(int i, const std::optional<std::int64_t> &v);
    void bind(const char *name, std::int64_t v) { bind(index(name), v); }
    void bind(const char *name, const QString &v) { bind(index(name), v); }

    // step(): true when a row is available, false when done; errors via the Result.
    Result<bool> step();
    Status run(); // step to completion, ignoring rows

    // Calls onRow(*this) for every result row; stops at the first step error (or the first
    // error onRow returns, when it returns a Status).
    template<typename F>
    Status forEachRow(F &&onRow)
    {
        for (;;) {
            auto row = step();
            if (!row)
                return row.error();
            if (!*row)
                return {};
            if constexpr (std::is_same_v<std::invoke_result_t<F &, const Statement &>, Status>) {
                if (Status s = onRow(static_cast<const Statement &>(*this)); !s)
                    return s;
            } else {
                onRow(static_cast<const Statement &>(*this));
            }
        }
    }
    void reset();

    int columnCount() const;
    bool isNull(int col) const;
    std::int64_t int64(int col) const;
    double real(int col) const;
    QString text(int col) const;
    QByteArray bytes(int col) const;
    // The column's UTF-8 text without a copy: valid until the next step() or reset() (or a
    // conversion of that column to another type).
    QByteArrayView view(int col) const;
    std::optional<std::int64_t> optInt(int col) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
};

// Begins IMMEDIATE (one writer, no upgrade deadlocks) and rolls back unless commit() succeeded.
// Inside an open transaction it nests as a SAVEPOINT, so a caller can run whole stages in a
// transaction it later rolls back (the attribution preview does).
class Transaction {
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    const Status &begun() const { return m_begun; }
    Status commit();

private:
    Database &m_db;
    Status m_begun;
    bool m_active = false;
    QByteArray m_savepoint; // empty for a top-level transaction
};

} // namespace ll::store

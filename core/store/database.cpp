#include "database.h"

#include "common/coretext.h"

#include <sqlite3.h>

#include <cerrno>
#include <cstring>

namespace ll::store {

namespace {

// Every SQLite failure is classified here. The file system's refusals (a full disk, a file size
// limit, a read-only file or folder) get a message that says what happened and what to do, with
// the OS error in the detail: "Database statement failed (disk I/O error)" helps nobody.
Error sqliteError(sqlite3 *db, int rc, const QString &what, const QString &sqliteMessage)
{
    const int primary = rc & 0xff;
    const int os = db ? sqlite3_system_errno(db) : 0;
    const char *file = db ? sqlite3_db_filename(db, "main") : nullptr;
    const QString path = file && *file ? QString::fromUtf8(file) : CoreText::tr("(in memory)");
    QString detail = what + QStringLiteral(": ") + sqliteMessage;
    if (os != 0 && primary != SQLITE_FULL)
        detail += QStringLiteral(" (") + QString::fromLocal8Bit(std::strerror(os)) + QLatin1Char(')');
    const bool fileSystem = primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY;
    if (primary == SQLITE_FULL || (fileSystem && (os == ENOSPC || os == EFBIG || os == EDQUOT)))
        return makeError(ErrorCode::Io,
            CoreText::tr("The store %1 cannot grow: the disk is full or a file size limit was reached. Free some space "
                         "and run the command again; what was saved before is intact.")
                .arg(path),
            detail);
    if (primary == SQLITE_READONLY || (fileSystem && (os == EROFS || os == EACCES || os == EPERM)))
        return makeError(ErrorCode::Io,
            CoreText::tr("The store %1 cannot be written: it or its folder is read-only. LakeLedger needs to write the file "
                         "and to create its -wal and -shm files beside it; check the permissions (or the mount).")
                .arg(path),
            detail);
    // SQLite reports a write that failed for want of space (EFBIG, EDQUOT, and ENOSPC on some
    // paths) as a plain write error, and the OS error it keeps is not reliable by then.
    const int extended = rc;
    if (extended == SQLITE_IOERR_WRITE || extended == SQLITE_IOERR_SHMSIZE || extended == SQLITE_IOERR_TRUNCATE
        || extended == SQLITE_IOERR_FSYNC)
        return makeError(ErrorCode::Io,
            CoreText::tr("The store %1 could not be written: the disk is full or a file size limit was reached (or the "
                         "disk failed). Free some space and run the command again; what was saved before is intact.")
                .arg(path),
            detail);
    if (primary == SQLITE_IOERR)
        return makeError(ErrorCode::Io,
            CoreText::tr("The store %1 could not be read or written: the disk reported an error. Check the disk and "
                         "run the command again; what was saved before is intact.")
                .arg(path),
            detail);
    const ErrorCode code = primary == SQLITE_INTERRUPT          ? ErrorCode::Cancelled
        : primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB ? ErrorCode::Corrupt
                                                                : ErrorCode::Database;
    return makeError(code, what, sqliteMessage);
}

} // namespace

Database::~Database()
{
    if (m_db)
        sqlite3_close_v2(m_db);
}

Database::Database(Database &&other) noexcept : m_db(other.m_db), m_path(std::move(other.m_path)) { other.m_db = nullptr; }

Database &Database::operator=(Database &&other) noexcept
{
    if (this != &other) {
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = other.m_db;
        m_path = std::move(other.m_path);
        other.m_db = nullptr;
    }
    return *this;
}

Result<Database> Database::open(const QString &path, bool create, bool readOnly)
{
    Database db;
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI;
    flags |= readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (create && !readOnly)
        flags |= SQLITE_OPEN_CREATE;
    const QByteArray utf8 = path.toUtf8();
    const int rc = sqlite3_open_v2(utf8.constData(), &db.m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString detail = db.m_db ? QString::fromUtf8(sqlite3_errmsg(db.m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
        return makeError(rc == SQLITE_CANTOPEN ? ErrorCode::NotFound : ErrorCode::Database,
                         QStringLiteral("Cannot open the store %1").arg(path), detail);
    }
    sqlite3_extended_result_codes(db.m_db, 1);
    sqlite3_busy_timeout(db.m_db, 10000);
    db.m_path = path;
    return db;
}

Status Database::exec(const QByteArray &sql)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.constData(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const QString detail = err ? QString::fromUtf8(err) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_free(err);
        return sqliteError(m_db, rc, QStringLiteral("Database statement failed"), detail);
    }
    return {};
}

Result<Statement> Database::prepare(const QByteArray &sql)
{
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sql.constData(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return lastError(QStringLiteral("Cannot prepare a database statement"));
    return Statement(stmt, m_db);
}

Result<std::optional<std::int64_t>> Database::queryInt(const QByteArray &sql)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<std::int64_t>{};
    return stmt->optInt(0);
}

std::int64_t Database::changes() const { return sqlite3_changes64(m_db); }
bool Database::inTransaction() const { return sqlite3_get_autocommit(m_db) == 0; }
std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }

Error Database::lastError(const QString &what) const
{
    return sqliteError(m_db, sqlite3_extended_errcode(m_db), what, QString::fromUtf8(sqlite3_errmsg(m_db)));
}

void Database::setInterruptFlag(const std::atomic<bool> *flag)
{
    if (!flag) {
        sqlite3_progress_handler(m_db, 0, nullptr, nullptr);
        return;
    }
    sqlite3_progress_handler(
        m_db, 10000,
        [](void *p) -> int { return static_cast<const std::atomic<bool> *>(p)->load(std::memory_order_relaxed) ? 1 : 0; },
        const_cast<std::atomic<bool> *>(flag));
}

Statement::~Statement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

Statement::Statement(Statement &&other) noexcept : m_stmt(other.m_stmt), m_db(other.m_db) { other.m_stmt = nullptr; }

Statement &Statement::operator=(Statement &&other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_stmt = other.m_stmt;
        m_db = other.m_db;
        other.m_stmt = nullptr;
    }
    return *this;
}

int Statement::index(const char *name) const { return sqlite3_bind_parameter_index(m_stmt, name); }
void Statement::bindNull(int i) { sqlite3_bind_null(m_stmt, i); }
void Statement::bind(int i, std::int64_t v) { sqlite3_bind_int64(m_stmt, i, v); }
void Statement::bind(int i, double v) { sqlite3_bind_double(m_stmt, i, v); }

void Statement::bind(int i, const QString &v)
{
    if (v.isNull()) {
        sqlite3_bind_null(m_stmt, i);
        return;
    }
    const QByteArray utf8 = v.toUtf8();
    sqlite3_bind_text(m_stmt, i, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
}

void Statement::bindText(int i, const char *utf8, int bytes) { sqlite3_bind_text(m_stmt, i, utf8, bytes, SQLITE_TRANSIENT); }

void Statement::bind(int i, const std::optional<std::int64_t> &v)
{
    if (v)
        bind(i, *v);
    else
        bindNull(i);
}

Result<bool> Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error e = sqliteError(m_db, rc, QStringLiteral("Database statement failed"), QString::fromUtf8(sqlite3_errmsg(m_db)));
    sqlite3_reset(m_stmt);
    return e;
}

Status Statement::run()
{
    for (;;) {
        auto r = step();
        if (!r)
            return r.error();
        if (!*r)
            break;
    }
    sqlite3_reset(m_stmt);
    return {};
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const { return sqlite3_column_count(m_stmt); }
bool Statement::isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }
std::int64_t Statement::int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
double Statement::real(int col) const { return sqlite3_column_double(m_stmt, col); }

QString Statement::text(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, col));
}

QByteArray Statement::bytes(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
    return p ? QByteArray(p, sqlite3_column_bytes(m_stmt, col)) : QByteArray();
}

QByteArrayView Statement::view(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
    return p ? QByteArrayView(p, sqlite3_column_bytes(m_stmt, col)) : QByteArrayView();
}

std::optional<std::int64_t> Statement::optInt(int col) const
{
    if (isNull(col))
        return std::nullopt;
    return int64(col);
}

Transaction::Transaction(Database &db) : m_db(db)
{
    static std::atomic<int> counter{0};
    if (m_db.inTransaction()) {
        m_savepoint = "ll_sp_" + QByteArray::number(++counter);
        m_begun = m_db.exec("SAVEPOINT " + m_savepoint);
    } else {
        m_begun = m_db.exec("BEGIN IMMEDIATE");
    }
    m_active = m_begun.ok();
}

Transaction::~Transaction()
{
    if (!m_active)
        return;
    if (m_savepoint.isEmpty())
        (void)m_db.exec("ROLLBACK");
    else
        (void)m_db.exec("ROLLBACK TO " + m_savepoint + "; RELEASE " + m_savepoint);
}

Status Transaction::commit()
{
    if (!m_active)
        return m_begun.ok() ? Status(makeError(ErrorCode::Database, QStringLiteral("Transaction already finished"))) : m_begun;
    Status s = m_db.exec(m_savepoint.isEmpty() ? QByteArray("COMMIT") : "RELEASE " + m_savepoint);
    if (s)
        m_active = false;
    return s;
}

} // namespace ll::store

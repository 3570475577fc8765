#include "store.h"

#include "migrations.h"
#include "sqlfunctions.h"

#include "common/coretext.h"
#include "common/outputfile.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ll::store {
namespace {

// SQLite creates files 0644. Create the directory 0700 and the file 0600 ourselves before
// SQLite touches them; -wal and -shm then inherit the file's mode.
Status createPrivateFile(const QString &path)
{
    const QFileInfo info(path);
    const QString dir = info.absolutePath();
    // Every folder created on the way is 0700, not only the last one (mkpath would leave the
    // others at 0777 less the umask).
    if (auto s = makePrivateDirs(dir); !s)
        return s;
    const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return {};
        return makeError(ErrorCode::Io, CoreText::tr("Cannot create the store file %1").arg(path), QString::fromLocal8Bit(strerror(errno)));
    }
    ::close(fd);
    return {};
}

} // namespace

QString Store::defaultPath(const QString &profile)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(base).filePath(QStringLiteral("profiles/%1.lakeledger").arg(profile));
}

Result<Database> Store::open(const QString &path, const OpenOptions &options)
{
    if (path.isEmpty())
        return makeError(ErrorCode::InvalidArgument, CoreText::tr("No store file given"));
    const bool exists = QFileInfo::exists(path);
    if (!exists && (!options.create || options.readOnly))
        return makeError(ErrorCode::NotFound, CoreText::tr("The store %1 does not exist").arg(path),
            QStringLiteral("create it with 'lakeledger-cli --store FILE demo' or a sync"));
    if (!exists) {
        if (auto s = createPrivateFile(path); !s)
            return s.error();
    }
    auto db = Database::open(path, options.create, options.readOnly);
    if (!db)
        return db.error();
    // Reject files that are not SQLite before any pragma writes to them.
    // A file system refusal (a read-only folder, a full disk) is not damage: say what it is.
    if (auto probe = db->queryInt("SELECT count(*) FROM sqlite_master"); !probe)
        return probe.error().code == ErrorCode::Io
            ? probe.error()
            : makeError(ErrorCode::Corrupt, CoreText::tr("%1 is not a LakeLedger store or is damaged").arg(path), probe.error().detail);
    if (!options.readOnly) {
        if (auto s = db->exec("PRAGMA journal_mode=WAL"); !s)
            return s.error();
    }
    if (auto s = db->exec("PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-65536"); !s)
        return s.error();
    if (!registerSqlFunctions(db->handle()))
        return db->lastError(QStringLiteral("Cannot register SQL functions"));
    if (options.readOnly) {
        auto version = Migrations::currentVersion(*db);
        if (!version)
            return version.error();
        if (*version != Migrations::latestVersion())
            return makeError(ErrorCode::SchemaTooNew,
                CoreText::tr("The store %1 has schema %2; expected %3").arg(path).arg(*version).arg(Migrations::latestVersion()));
        return db;
    }
    if (auto s = Migrations::migrate(*db, options.migrateTo); !s)
        return s.error();
    return db;
}

} // namespace ll::store

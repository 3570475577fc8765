#include "outputfile.h"

#include "common/coretext.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>

namespace ll {
namespace {

// The path as the file system resolves it, so "./x", "../d/x" and symlinks compare equal;
// a file that does not exist yet resolves through its folder.
QString resolved(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists())
        return info.canonicalFilePath();
    const QString dir = info.absoluteDir().canonicalPath();
    return dir.isEmpty() ? info.absoluteFilePath() : QDir(dir).filePath(info.fileName());
}

} // namespace

bool isSqliteFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    static const QByteArray magic("SQLite format 3\0", 16);
    return file.read(magic.size()) == magic;
}

Status checkExportTarget(const QString &path, const QString &storePath)
{
    if (path.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, CoreText::tr("No output file given"));
    const QFileInfo info(path);
    if (info.isDir())
        return makeError(ErrorCode::InvalidArgument, CoreText::tr("%1 is a folder, not a file").arg(path));
    const QString target = resolved(path);
    if (!storePath.isEmpty()) {
        const QString store = resolved(storePath);
        for (const char *suffix : {"", "-wal", "-shm", "-journal"}) {
            if (target == store + QLatin1String(suffix))
                return makeError(ErrorCode::InvalidArgument,
                    CoreText::tr("Refusing to write %1: it is the open store%2; choose another file")
                        .arg(path, *suffix ? CoreText::tr("'s %1 file").arg(QLatin1String(suffix + 1)) : QString()));
        }
    }
    if (isSqliteFile(path))
        return makeError(ErrorCode::InvalidArgument,
            CoreText::tr("Refusing to write %1: it is a SQLite database (perhaps a store); choose another file").arg(path));
    for (const char *suffix : {"-wal", "-shm", "-journal"}) {
        if (path.endsWith(QLatin1String(suffix)) && isSqliteFile(path.chopped(int(std::strlen(suffix)))))
            return makeError(ErrorCode::InvalidArgument,
                CoreText::tr("Refusing to write %1: it belongs to the SQLite database %2")
                    .arg(path, path.chopped(int(std::strlen(suffix)))));
    }
    return {};
}

Status makePrivateDirs(const QString &dir)
{
    const QString absolute = QDir::cleanPath(QFileInfo(dir).absoluteFilePath());
    if (QFileInfo(absolute).isDir())
        return {};
    const QString parent = QFileInfo(absolute).path();
    if (parent != absolute) {
        if (auto s = makePrivateDirs(parent); !s)
            return s;
    }
    // mkdir's mode is masked by the umask; chmod afterwards makes it exactly 0700.
    const QByteArray native = QFile::encodeName(absolute);
    if (::mkdir(native.constData(), 0700) != 0 && errno != EEXIST)
        return makeError(
            ErrorCode::Io, CoreText::tr("Cannot create the folder %1").arg(absolute), QString::fromLocal8Bit(std::strerror(errno)));
    ::chmod(native.constData(), 0700);
    return {};
}

Error OutputFile::ioError(const QString &detail) const
{
    return makeError(ErrorCode::Io, CoreText::tr("Cannot write %1").arg(m_path), detail);
}

Status OutputFile::open(const QString &path)
{
    m_path = path;
    if (auto s = checkExportTarget(path, m_storePath); !s)
        return s;
    if (auto s = makePrivateDirs(QFileInfo(path).absolutePath()); !s)
        return s;
    const bool existed = QFileInfo::exists(path);
    m_file.setFileName(path);
    if (!m_file.open(QIODevice::WriteOnly))
        return ioError(m_file.errorString());
    // QSaveFile creates new files 0666 less the umask; an export holds cost data.
    if (!existed && !m_file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        m_file.cancelWriting();
        return ioError(m_file.errorString());
    }
    return {};
}

Status OutputFile::write(const QByteArray &bytes)
{
    if (m_file.write(bytes) != bytes.size())
        return ioError(m_file.errorString());
    return {};
}

Status OutputFile::commit()
{
    // Qt 6.4's QSaveFile::commit() reports success after a short write (a full disk or
    // RLIMIT_FSIZE lets the first write() through in part and reports no error), and renames
    // the truncated file into place. So flush first and compare what reached the file with what
    // was written; a retry of the flush then fails with the OS error (ENOSPC, EFBIG) to show.
    const bool flushed = m_file.flush();
    if (!flushed || m_file.size() != m_file.pos()) {
        (void)m_file.flush();
        QString why = m_file.errorString();
        if (why.isEmpty() || why == QLatin1String("Unknown error"))
            why = CoreText::tr("only %1 of %2 bytes could be written").arg(m_file.size()).arg(m_file.pos());
        m_file.cancelWriting(); // the destructor then removes the temporary; the target is untouched
        return ioError(why);
    }
    if (!m_file.commit())
        return ioError(m_file.errorString());
    return {};
}

Status writeFileAtomically(const QString &path, const QByteArray &bytes, const QString &storePath)
{
    OutputFile file(storePath);
    if (auto s = file.open(path); !s)
        return s;
    if (auto s = file.write(bytes); !s)
        return s;
    return file.commit();
}

} // namespace ll

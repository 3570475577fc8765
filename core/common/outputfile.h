#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QSaveFile>
#include <QString>

namespace ll {

// True when the file begins with SQLite's header magic "SQLite format 3\0" (any database,
// ours or not); false for missing, unreadable or short files.
bool isSqliteFile(const QString &path);

// Every file an export writes goes through here. An export must never destroy data, so a
// target is refused when it is the open store, one of its -wal, -shm or -journal files, or any
// SQLite database; a folder is refused too. `storePath` may be empty (no store open).
Status checkExportTarget(const QString &path, const QString &storePath);

// Creates `dir` and any missing parents with mode 0700 (whatever the umask): the folders
// hold cost data. Existing folders keep their mode.
Status makePrivateDirs(const QString &dir);

// A file written atomically (QSaveFile: a temporary beside the target, renamed on commit),
// so a failed or interrupted write leaves the previous file or none, never half of one. New
// files are 0600 (an existing file keeps its mode: the user chose it); missing parent folders
// are created 0700. Every write's result counts: commit() fails with the OS error (disk full,
// file too large, ...) and removes the temporary.
class OutputFile {
public:
    explicit OutputFile(QString storePath = {}) : m_storePath(std::move(storePath)) { }
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    Status open(const QString &path);
    QIODevice &device() { return m_file; }
    Status write(const QByteArray &bytes);
    Status commit();

private:
    Error ioError(const QString &detail) const;

    QString m_storePath;
    QString m_path;
    QSaveFile m_file;
};

// open + write + commit in one call, for writers that hold the whole file in memory.
Status writeFileAtomically(const QString &path, const QByteArray &bytes, const QString &storePath = {});

} // namespace ll

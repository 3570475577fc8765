#pragma once

#include "clicommands.h"

#include "common/outputfile.h"
#include "common/result.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QDate>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

#include <functional>

namespace ll::cli {

QTextStream &out();
QTextStream &err();
// Prints "lakeledger-cli: <message>" and returns the exit code for the error.
int fail(const Error &e);
int usage(const QString &message);
// Adds --help and parses a command's options; returns -1 to continue, else the exit code.
int parseCommand(QCommandLineParser &parser, const CommandEnv &env, const QString &description);
// Opens a store that must already exist (reports never create an empty one).
Result<store::Database> openExisting(const QString &path);

// Reads a report's --from/--to dates (both optional, YYYY-MM-DD, from <= to); returns -1 to
// continue, else the exit code of a usage error.
int readDateRange(const QCommandLineParser &parser, const QCommandLineOption &fromOption, const QCommandLineOption &toOption,
                  QDate &from, QDate &to);
// The command and its options without --out FILE, as the audit log records an export.
QString commandLineOf(const CommandEnv &env);
// Opens the store and the output (--out FILE or standard output), runs `write`, commits; a
// file is recorded in the audit log as an export.
// Errors print one line and return the exit code.
int writeReport(const CommandEnv &env, const QString &outPath, const std::function<Status(store::Database &, QIODevice &)> &write);

// Where a report goes: --out FILE or standard output. A file goes through ll::OutputFile:
// never the store (or its -wal/-shm) or any SQLite file, written atomically, 0600, and a failed
// write (disk full) fails the command with the OS error and leaves no file.
//
// A file is an export and is recorded in the audit log once recordExportIn() named the store
// (call it after open(): a refused target, such as the store itself, changes nothing):
// commit() writes an 'export' entry with outcome ok or failed, abandon() (the content could not
// be produced) one with outcome failed, and so does an output dropped unfinished (an early
// error return). Standard output is a report read, not an export.
class ReportOutput {
public:
    explicit ReportOutput(const QString &storePath) : m_file(storePath) { }
    ~ReportOutput();
    ReportOutput(const ReportOutput &) = delete;
    ReportOutput &operator=(const ReportOutput &) = delete;
    Status open(const QString &path);
    QIODevice &device() { return m_path.isEmpty() ? static_cast<QIODevice &>(m_stdout) : m_file.device(); }
    // `what`: the command line that produced it ("report cost --by team").
    void recordExportIn(store::Database &db, const QString &what)
    {
        m_auditDb = &db;
        m_auditWhat = what;
    }
    Status commit();
    void abandon(const Error &why);

private:
    void recordExport(const Status &outcome);

    QString m_path;
    OutputFile m_file;
    QFile m_stdout;
    store::Database *m_auditDb = nullptr;
    QString m_auditWhat;
    bool m_recorded = false;
};

// Records a written (or failed) file as an 'export' audit entry with the outcome of the write;
// a log that cannot be written is reported, not fatal. ReportOutput calls it.
void recordFileExport(store::Database &db, const QString &what, const QString &path, const Status &written);

// Reads a date option strictly (YYYY-MM-DD, nothing after it); returns -1 to continue, else
// the exit code of a usage error.
int readDateOption(const QCommandLineParser &parser, const QCommandLineOption &option, QDate &date);

} // namespace ll::cli

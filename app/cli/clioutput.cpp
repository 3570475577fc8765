#include "clicommon.h"

#include "audit/auditlog.h"
#include "common/clock.h"
#include "common/timeparse.h"

namespace ll::cli {

Status ReportOutput::open(const QString &path)
{
    m_path = path;
    if (!path.isEmpty())
        return m_file.open(path);
    if (!m_stdout.open(stdout, QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, QStringLiteral("Cannot write to standard output"));
    return {};
}

Status ReportOutput::commit()
{
    if (!m_path.isEmpty()) {
        Status s = m_file.commit();
        recordExport(s);
        return s;
    }
    if (!m_stdout.flush())
        return makeError(ErrorCode::Io, QStringLiteral("Cannot write to standard output"), m_stdout.errorString());
    return {};
}

ReportOutput::~ReportOutput()
{
    if (!m_recorded)
        recordExport(makeError(ErrorCode::Io, QStringLiteral("the export stopped before the file was complete; no file was written")));
}

void ReportOutput::abandon(const Error &why)
{
    if (!m_path.isEmpty())
        recordExport(why);
}

void ReportOutput::recordExport(const Status &outcome)
{
    if (!m_auditDb || m_path.isEmpty() || m_recorded)
        return;
    m_recorded = true;
    recordFileExport(*m_auditDb, m_auditWhat, m_path, outcome);
}

void recordFileExport(store::Database &db, const QString &what, const QString &path, const Status &written)
{
    SystemClock clock;
    // The export happened (or failed) whatever the log says; a log that cannot be written is
    // reported, not turned into a failed export.
    if (Status s = audit::AuditLog::record(db, clock, audit::AuditLog::currentActor(), QStringLiteral("export"),
            QStringLiteral("%1 -> %2").arg(what, path), {}, written ? QString() : written.error().message,
            written ? audit::Outcome::Ok : audit::Outcome::Failed);
        !s)
        err() << "lakeledger-cli: the export was not recorded in the audit log: " << s.error().toString() << Qt::endl;
}

} // namespace ll::cli

namespace ll::cli {

int readDateRange(const QCommandLineParser &parser, const QCommandLineOption &fromOption, const QCommandLineOption &toOption,
                  QDate &from, QDate &to)
{
    for (const auto &[opt, date] : {std::pair{&fromOption, &from}, std::pair{&toOption, &to}}) {
        if (int rc = readDateOption(parser, *opt, *date); rc >= 0)
            return rc;
    }
    if (from.isValid() && to.isValid() && from > to)
        return usage(QStringLiteral("--from %1 is after --to %2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    return -1;
}

int readDateOption(const QCommandLineParser &parser, const QCommandLineOption &option, QDate &date)
{
    if (!parser.isSet(option))
        return -1;
    const std::optional<QDate> parsed = parseIsoDate(parser.value(option));
    if (!parsed)
        return usage(QStringLiteral("--%1 takes a date as YYYY-MM-DD, not '%2'").arg(option.names().first(), parser.value(option)));
    date = *parsed;
    return -1;
}

QString commandLineOf(const CommandEnv &env)
{
    // The target is recorded on its own ("... -> FILE"), so --out is left out here.
    QStringList words;
    for (qsizetype i = 0; i < env.args.size(); ++i) {
        if (env.args[i] == QLatin1String("--out")) {
            ++i;
            continue;
        }
        if (!env.args[i].startsWith(QLatin1String("--out=")))
            words << env.args[i];
    }
    return words.join(QLatin1Char(' '));
}

int writeReport(const CommandEnv &env, const QString &outPath, const std::function<Status(store::Database &, QIODevice &)> &write)
{
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    ReportOutput output(env.storePath);
    if (auto s = output.open(outPath); !s)
        return fail(s.error());
    output.recordExportIn(*db, commandLineOf(env));
    if (auto s = write(*db, output.device()); !s) {
        output.abandon(s.error());
        return fail(s.error());
    }
    if (auto s = output.commit(); !s)
        return fail(s.error());
    return ExitOk;
}

} // namespace ll::cli

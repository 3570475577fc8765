#include "clicommon.h"

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
    if (!m_path.isEmpty())
        return m_file.commit();
    if (!m_stdout.flush())
        return makeError(ErrorCode::Io, QStringLiteral("Cannot write to standard output"), m_stdout.errorString());
    return {};
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

int writeReport(const CommandEnv &env, const QString &outPath, const std::function<Status(store::Database &, QIODevice &)> &write)
{
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    ReportOutput output(env.storePath);
    if (auto s = output.open(outPath); !s)
        return fail(s.error());
    if (auto s = write(*db, output.device()); !s)
        return fail(s.error());
    if (auto s = output.commit(); !s)
        return fail(s.error());
    return ExitOk;
}

} // namespace ll::cli

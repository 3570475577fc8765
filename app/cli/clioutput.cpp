#include "clicommon.h"

namespace ll::cli {

Status ReportOutput::open(const QString &path)
{
    m_path = path;
    if (!path.isEmpty()) {
        m_file.setFileName(path);
        if (!m_file.open(QIODevice::WriteOnly))
            return makeError(ErrorCode::Io, QStringLiteral("Cannot write %1").arg(path), m_file.errorString());
        return {};
    }
    if (!m_stdout.open(stdout, QIODevice::WriteOnly))
        return makeError(ErrorCode::Io, QStringLiteral("Cannot write to standard output"));
    return {};
}

Status ReportOutput::commit()
{
    if (!m_path.isEmpty() && !m_file.commit())
        return makeError(ErrorCode::Io, QStringLiteral("Cannot write %1").arg(m_path), m_file.errorString());
    return {};
}

} // namespace ll::cli

namespace ll::cli {

int readDateRange(const QCommandLineParser &parser, const QCommandLineOption &fromOption, const QCommandLineOption &toOption,
                  QDate &from, QDate &to)
{
    for (const auto &[opt, date] : {std::pair{&fromOption, &from}, std::pair{&toOption, &to}}) {
        if (!parser.isSet(*opt))
            continue;
        *date = QDate::fromString(parser.value(*opt), Qt::ISODate);
        if (!date->isValid())
            return usage(QStringLiteral("--%1 takes a date as YYYY-MM-DD, not '%2'").arg(opt->names().first(), parser.value(*opt)));
    }
    if (from.isValid() && to.isValid() && from > to)
        return usage(QStringLiteral("--from %1 is after --to %2").arg(from.toString(Qt::ISODate), to.toString(Qt::ISODate)));
    return -1;
}

int writeReport(const CommandEnv &env, const QString &outPath, const std::function<Status(store::Database &, QIODevice &)> &write)
{
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    ReportOutput output;
    if (auto s = output.open(outPath); !s)
        return fail(s.error());
    if (auto s = write(*db, output.device()); !s)
        return fail(s.error());
    if (auto s = output.commit(); !s)
        return fail(s.error());
    return ExitOk;
}

} // namespace ll::cli

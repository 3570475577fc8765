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

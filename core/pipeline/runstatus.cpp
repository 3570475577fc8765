#include "runstatus.h"

namespace ll::pipeline {

QString toText(RunStatus status)
{
    switch (status) {
    case RunStatus::Running: return QStringLiteral("running");
    case RunStatus::Succeeded: return QStringLiteral("succeeded");
    case RunStatus::Failed: return QStringLiteral("failed");
    case RunStatus::Cancelled: return QStringLiteral("cancelled");
    case RunStatus::Skipped: return QStringLiteral("skipped");
    case RunStatus::Interrupted: return QStringLiteral("interrupted");
    }
    return {};
}

std::optional<RunStatus> runStatusFromText(QStringView text)
{
    for (RunStatus s :
        {RunStatus::Running, RunStatus::Succeeded, RunStatus::Failed, RunStatus::Cancelled, RunStatus::Skipped, RunStatus::Interrupted})
        if (text == toText(s))
            return s;
    return std::nullopt;
}

} // namespace ll::pipeline

#include "batchstatus.h"

#include "common/enumtext.h"

namespace ll::raw {

QString toText(BatchStatus status)
{
    switch (status) {
    case BatchStatus::Running: return QStringLiteral("running");
    case BatchStatus::Succeeded: return QStringLiteral("succeeded");
    case BatchStatus::Failed: return QStringLiteral("failed");
    case BatchStatus::Cancelled: return QStringLiteral("cancelled");
    case BatchStatus::Unavailable: return QStringLiteral("unavailable");
    case BatchStatus::Interrupted: return QStringLiteral("interrupted");
    }
    return {};
}

std::optional<BatchStatus> batchStatusFromText(QStringView text) { return enumFromText<BatchStatus, BatchStatus::Interrupted>(text); }

} // namespace ll::raw

#include "sourcestatus.h"

#include "common/enumtext.h"

namespace ll::raw {

QString toText(SourceStatus status)
{
    switch (status) {
    case SourceStatus::Never: return QStringLiteral("never");
    case SourceStatus::Ok: return QStringLiteral("ok");
    case SourceStatus::Failed: return QStringLiteral("failed");
    case SourceStatus::Unavailable: return QStringLiteral("unavailable");
    }
    return {};
}

std::optional<SourceStatus> sourceStatusFromText(QStringView text) { return enumFromText<SourceStatus, SourceStatus::Unavailable>(text); }

} // namespace ll::raw

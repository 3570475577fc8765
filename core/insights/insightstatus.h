#pragma once

#include "common/enumtext.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace ll::insights {

// An insight's place in its review (insight_finding.status):
//   New -> Acknowledged -> Resolved | Dismissed.
// Resolved is the insights stage's ("the condition stopped holding"); Acknowledged and
// Dismissed are the analyst's and survive recomputation and rebuilds.
enum class InsightStatus { New, Acknowledged, Resolved, Dismissed };

inline QString toText(InsightStatus status)
{
    switch (status) {
    case InsightStatus::New: return QStringLiteral("new");
    case InsightStatus::Acknowledged: return QStringLiteral("acknowledged");
    case InsightStatus::Resolved: return QStringLiteral("resolved");
    case InsightStatus::Dismissed: return QStringLiteral("dismissed");
    }
    return {};
}

inline std::optional<InsightStatus> insightStatusFromText(QStringView text)
{
    return enumFromText<InsightStatus, InsightStatus::Dismissed>(text);
}

// Still asks for the analyst's attention: shown by default, counted on the Overview.
inline bool isActive(InsightStatus status) { return status == InsightStatus::New || status == InsightStatus::Acknowledged; }

} // namespace ll::insights

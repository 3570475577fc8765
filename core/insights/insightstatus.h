#pragma once

#include "common/enumtext.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace ll::insights {

// An insight's place in its review (insight_finding.status). Open findings are re-derived by
// every run; the analyst's decisions are kept across rebuilds.
enum class InsightStatus { Open, Dismissed, Resolved };

inline QString toText(InsightStatus status)
{
    switch (status) {
    case InsightStatus::Open: return QStringLiteral("open");
    case InsightStatus::Dismissed: return QStringLiteral("dismissed");
    case InsightStatus::Resolved: return QStringLiteral("resolved");
    }
    return {};
}

inline std::optional<InsightStatus> insightStatusFromText(QStringView text)
{
    return enumFromText<InsightStatus, InsightStatus::Resolved>(text);
}

} // namespace ll::insights

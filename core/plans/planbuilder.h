#pragma once

// Turns one insight into the plan that acts on it: the exact steps with their before and after
// values, taken from the finding's evidence (docs/insights.md) and the target's current
// configuration in the ledger; the risk; the owner. docs/plans.md lists what each insight type
// becomes. Pure reads: PlanSync stores the result.

#include "common/result.h"
#include "plan.h"
#include "store/database.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace ll::plans {

// The insight_finding columns a plan is built from.
struct FindingInput {
    std::int64_t findingId = 0;
    QString kind;
    QString fingerprint;
    QString scopeType;
    QString scopeId;
    QString scopeName;
    QString workspaceId;
    QString title;
    std::int64_t impactNanos = 0;
    QString currency;
    QJsonObject evidence;
    QJsonObject lineFilter;
};

// The insight types that get a plan.
QStringList plannedKinds();

// The plan (status, ids and timestamps unset), or none when there is nothing to change (the
// setting is already at the target, no run is still going, the worker count is unknown...).
Result<std::optional<Plan>> buildPlan(store::Database &db, const FindingInput &finding);

} // namespace ll::plans

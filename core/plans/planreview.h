#pragma once

// The analyst's decision on a plan. Each is one transaction with its audit-log entry.

#include "common/clock.h"
#include "common/result.h"
#include "plan.h"
#include "store/database.h"

namespace ll::plans {

// pending -> approved. Records the actor, the time, the comment and the exact step text
// approved (with its SHA-256): apply refuses if the steps no longer hash to it. Errors:
// NotFound; InvalidArgument for a plan that is not pending or has no step LakeLedger can apply
// or export.
Result<Plan> approvePlan(store::Database &db, const Clock &clock, std::int64_t planId, const QString &actor, const QString &comment = {});

// pending or approved -> rejected; the comment is required (InvalidArgument without one).
Result<Plan> rejectPlan(store::Database &db, const Clock &clock, std::int64_t planId, const QString &actor, const QString &comment);

} // namespace ll::plans

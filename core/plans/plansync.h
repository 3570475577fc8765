#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "store/database.h"

namespace ll::plans {

struct PlanSyncStats {
    int created = 0;
    int updated = 0;    // a live plan regenerated in place (same id)
    int reopened = 0;   // an approved plan whose steps changed: pending again
    int superseded = 0; // its insight resolved or was dismissed before it was applied
};

// Brings the plans in line with the insights, right after the insights stage wrote them, in its
// transaction: each active insight of a planned type has one live plan (created, or regenerated
// in place while pending: same id); an approved plan whose steps would change returns to pending
// and needs approving again; a live plan whose insight resolved or was dismissed is superseded.
// Rejected and applied plans are the analyst's record and stay; after a failed, partially
// applied or superseded plan a new one is made if the insight still holds. Status changes are
// audit-logged with the actor "lakeledger".
Result<PlanSyncStats> syncPlans(store::Database &db, const Clock &clock);

} // namespace ll::plans

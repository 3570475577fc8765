#pragma once

// Reads and writes action_plan and action_plan_step. The one place their SQL lives; the GUI's
// plan pane and the CLI read plans through loadPlans()/loadPlan().

#include "common/result.h"
#include "plan.h"
#include "store/database.h"

#include <optional>

namespace ll::plans {

struct PlanFilter {
    std::optional<PlanStatus> status; // none: every plan
    std::optional<std::int64_t> findingId;
};

// Newest first; without their steps (loadPlan() has them).
Result<QList<Plan>> loadPlans(store::Database &db, const PlanFilter &filter = {});
// The plan with its steps in order; NotFound for an unknown id.
Result<Plan> loadPlan(store::Database &db, std::int64_t planId);
// The newest plan of a finding, without steps.
Result<std::optional<Plan>> latestPlanOf(store::Database &db, std::int64_t findingId);

namespace detail {

// Writers for PlanSync, PlanReview and PlanApplier; each runs inside the caller's transaction.
// insertPlan() writes the steps too and returns the new id.
Result<std::int64_t> insertPlan(store::Database &db, const Plan &plan);
Status updatePlanHeader(store::Database &db, const Plan &plan);
Status replaceSteps(store::Database &db, std::int64_t planId, const QList<PlanStep> &steps);
Status updateStepOutcome(store::Database &db, std::int64_t planId, const PlanStep &step);

} // namespace detail
} // namespace ll::plans

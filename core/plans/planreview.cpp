#include "planreview.h"

#include "audit/auditlog.h"
#include "planstore.h"

namespace ll::plans {

Result<Plan> approvePlan(store::Database &db, const Clock &clock, std::int64_t planId, const QString &actor, const QString &comment)
{
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun().error();
    auto plan = loadPlan(db, planId);
    if (!plan)
        return plan.error();
    if (plan->status != PlanStatus::Pending)
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("Plan %1 is %2; only a pending plan can be approved").arg(planId).arg(toText(plan->status)));
    if (plan->steps.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Plan %1 has no steps to approve").arg(planId));
    const PlanStatus before = plan->status;
    plan->status = PlanStatus::Approved;
    plan->statusReason.clear();
    plan->approvedBy = actor;
    plan->approvedAt = clock.nowEpoch();
    plan->approvedStepsText = stepsText(plan->steps);
    plan->approvedStepsSha256 = stepsSha256(plan->steps);
    plan->approvalComment = comment.trimmed();
    plan->updatedAt = clock.nowEpoch();
    if (auto s = detail::updatePlanHeader(db, *plan); !s)
        return s.error();
    QString after = QStringLiteral("approved (steps sha256 %1)").arg(plan->approvedStepsSha256);
    if (!plan->approvalComment.isEmpty())
        after += QStringLiteral(": ") + plan->approvalComment;
    after += QLatin1Char('\n') + plan->approvedStepsText;
    if (auto s = audit::AuditLog::record(
            db, clock, actor, QStringLiteral("plan.approve"), QStringLiteral("plan %1").arg(planId), toText(before), after);
        !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return plan;
}

Result<Plan> rejectPlan(store::Database &db, const Clock &clock, std::int64_t planId, const QString &actor, const QString &comment)
{
    const QString why = comment.trimmed();
    if (why.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("Say why the plan is rejected (--comment TEXT): the comment is kept with it and in the audit log"));
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun().error();
    auto plan = loadPlan(db, planId);
    if (!plan)
        return plan.error();
    if (!isLive(plan->status))
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("Plan %1 is %2; only a pending or approved plan can be rejected").arg(planId).arg(toText(plan->status)));
    const PlanStatus before = plan->status;
    plan->status = PlanStatus::Rejected;
    plan->statusReason.clear();
    plan->rejectedBy = actor;
    plan->rejectedAt = clock.nowEpoch();
    plan->rejectedComment = why;
    plan->updatedAt = clock.nowEpoch();
    if (auto s = detail::updatePlanHeader(db, *plan); !s)
        return s.error();
    if (auto s = audit::AuditLog::record(db, clock, actor, QStringLiteral("plan.reject"), QStringLiteral("plan %1").arg(planId),
            toText(before), QStringLiteral("rejected: ") + why);
        !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return plan;
}

} // namespace ll::plans

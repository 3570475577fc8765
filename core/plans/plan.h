#pragma once

// An action plan: the exact REST changes that act on one insight, with their before and after
// values, and where the analyst's review has got to (docs/plans.md). Stored in action_plan and
// action_plan_step (migration 0016); read with PlanStore, changed by PlanReview and PlanApplier.

#include "common/enumtext.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace ll::plans {

// pending -> approved | rejected; approved -> applied | failed | partially_applied, or back to
// pending when its steps or its target changed; pending/approved -> superseded when the insight
// resolves (or is dismissed) first.
enum class PlanStatus { Pending, Approved, Rejected, Applied, Failed, PartiallyApplied, Superseded };

inline QString toText(PlanStatus status)
{
    switch (status) {
    case PlanStatus::Pending: return QStringLiteral("pending");
    case PlanStatus::Approved: return QStringLiteral("approved");
    case PlanStatus::Rejected: return QStringLiteral("rejected");
    case PlanStatus::Applied: return QStringLiteral("applied");
    case PlanStatus::Failed: return QStringLiteral("failed");
    case PlanStatus::PartiallyApplied: return QStringLiteral("partially_applied");
    case PlanStatus::Superseded: return QStringLiteral("superseded");
    }
    return {};
}

inline std::optional<PlanStatus> planStatusFromText(QStringView text) { return enumFromText<PlanStatus, PlanStatus::Superseded>(text); }

// Pending and approved plans are live: at most one per insight.
inline bool isLive(PlanStatus status) { return status == PlanStatus::Pending || status == PlanStatus::Approved; }

enum class StepKind {
    ClusterUpdate,    // POST /api/2.1/clusters/update with update_mask
    ClusterTerminate, // POST /api/2.1/clusters/delete (terminates; the cluster can be started again)
    WarehouseEdit,    // POST /api/2.0/sql/warehouses/{id}/edit
    RunCancel,        // POST /api/2.1/jobs/runs/cancel
    JobClusterMove,   // a jobs/update payload moving tasks to a job cluster: exported, never applied
};

inline QString toText(StepKind kind)
{
    switch (kind) {
    case StepKind::ClusterUpdate: return QStringLiteral("cluster_update");
    case StepKind::ClusterTerminate: return QStringLiteral("cluster_terminate");
    case StepKind::WarehouseEdit: return QStringLiteral("warehouse_edit");
    case StepKind::RunCancel: return QStringLiteral("run_cancel");
    case StepKind::JobClusterMove: return QStringLiteral("job_cluster_move");
    }
    return {};
}

inline std::optional<StepKind> stepKindFromText(QStringView text) { return enumFromText<StepKind, StepKind::JobClusterMove>(text); }

// Steps LakeLedger sends itself; the others are only exported.
inline bool isAppliable(StepKind kind) { return kind != StepKind::JobClusterMove; }

enum class StepOutcome { Pending, Applied, Failed, Skipped };

inline QString toText(StepOutcome outcome)
{
    switch (outcome) {
    case StepOutcome::Pending: return QStringLiteral("pending");
    case StepOutcome::Applied: return QStringLiteral("applied");
    case StepOutcome::Failed: return QStringLiteral("failed");
    case StepOutcome::Skipped: return QStringLiteral("skipped");
    }
    return {};
}

inline std::optional<StepOutcome> stepOutcomeFromText(QStringView text) { return enumFromText<StepOutcome, StepOutcome::Skipped>(text); }

struct PlanStep {
    int ordinal = 1;
    StepKind kind = StepKind::ClusterUpdate;
    QString method = QStringLiteral("POST");
    QString path;       // workspace API path, e.g. /api/2.1/clusters/update
    QJsonObject body;   // sent as is
    QJsonObject before; // the target's fields as the plan expects them (checked before applying)
    QJsonObject after;  // the same fields once applied
    QString description;
    // Filled by apply.
    StepOutcome outcome = StepOutcome::Pending;
    std::optional<int> responseStatus;
    QString responseExcerpt;
    std::optional<std::int64_t> appliedAt;
};

struct Plan {
    std::int64_t planId = 0;
    std::int64_t findingId = 0;
    QString insightKind;
    QString fingerprint;
    PlanStatus status = PlanStatus::Pending;
    QString statusReason;
    QString targetType; // cluster, warehouse, job
    QString targetId;
    QString targetName;
    QString workspaceId;
    std::int64_t estimatedMonthlyNanos = 0;
    QString currency = QStringLiteral("USD");
    QString risk;
    QString owner;
    QString title;
    QString stepsSha256;
    std::int64_t createdAt = 0;
    std::int64_t updatedAt = 0;
    QString approvedBy;
    std::optional<std::int64_t> approvedAt;
    QString approvedStepsSha256;
    QString approvedStepsText;
    QString approvalComment;
    QString rejectedBy;
    std::optional<std::int64_t> rejectedAt;
    QString rejectedComment;
    QString appliedBy;
    std::optional<std::int64_t> appliedAt;
    QString baselineFrom;
    QString baselineTo;
    QJsonObject lineFilter;
    QList<PlanStep> steps;
};

// The canonical text of a plan's steps, one line per step: what an approval records and what
// its hash covers. Any change to a method, path, body, before or after changes it.
QString stepsText(const QList<PlanStep> &steps);
QString stepsSha256(const QList<PlanStep> &steps);

} // namespace ll::plans

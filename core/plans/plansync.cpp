#include "plansync.h"

#include "audit/auditlog.h"
#include "insights/insightstatus.h"
#include "planbuilder.h"
#include "planstore.h"

#include <QJsonDocument>

namespace ll::plans {
namespace {

const QString kActor = QStringLiteral("lakeledger");

struct FindingRow {
    FindingInput input;
    insights::InsightStatus status = insights::InsightStatus::New;
};

Result<QList<FindingRow>> findings(store::Database &db)
{
    const QStringList kinds = plannedKinds();
    QByteArray placeholders;
    for (int i = 0; i < kinds.size(); ++i)
        placeholders += i == 0 ? "?" : ", ?";
    auto stmt = db.prepare("SELECT finding_id, kind, fingerprint, scope_type, scope_id, scope_name, coalesce(workspace_id, ''), title, "
                           "impact_nanos, currency_code, evidence, line_filter, status FROM insight_finding WHERE kind IN ("
        + placeholders + ") ORDER BY finding_id");
    if (!stmt)
        return stmt.error();
    for (int i = 0; i < kinds.size(); ++i)
        stmt->bind(i + 1, kinds[i]);
    QList<FindingRow> rows;
    if (auto s = stmt->forEachRow([&rows](const store::Statement &row) {
            FindingRow r;
            r.input.findingId = row.int64(0);
            r.input.kind = row.text(1);
            r.input.fingerprint = row.text(2);
            r.input.scopeType = row.text(3);
            r.input.scopeId = row.text(4);
            r.input.scopeName = row.text(5);
            r.input.workspaceId = row.text(6);
            r.input.title = row.text(7);
            r.input.impactNanos = row.int64(8);
            r.input.currency = row.text(9);
            r.input.evidence = QJsonDocument::fromJson(row.text(10).toUtf8()).object();
            r.input.lineFilter = QJsonDocument::fromJson(row.text(11).toUtf8()).object();
            r.status = insights::insightStatusFromText(row.text(12)).value_or(insights::InsightStatus::New);
            rows.append(r);
        });
        !s)
        return s.error();
    return rows;
}

Status audit(store::Database &db, const Clock &clock, std::int64_t planId, PlanStatus before, PlanStatus after, const QString &why)
{
    return audit::AuditLog::record(db, clock, kActor, QStringLiteral("plan.status"), QStringLiteral("plan %1").arg(planId), toText(before),
        toText(after) + QStringLiteral(": ") + why);
}

Status supersede(store::Database &db, const Clock &clock, Plan plan, const QString &why)
{
    const PlanStatus before = plan.status;
    plan.status = PlanStatus::Superseded;
    plan.statusReason = why;
    plan.updatedAt = clock.nowEpoch();
    if (auto s = detail::updatePlanHeader(db, plan); !s)
        return s;
    return audit(db, clock, plan.planId, before, plan.status, why);
}

} // namespace

Result<PlanSyncStats> syncPlans(store::Database &db, const Clock &clock)
{
    auto rows = findings(db);
    if (!rows)
        return rows.error();
    PlanSyncStats stats;
    for (const FindingRow &row : *rows) {
        auto latest = latestPlanOf(db, row.input.findingId);
        if (!latest)
            return latest.error();
        const bool live = *latest && isLive((*latest)->status);
        if (!insights::isActive(row.status)) {
            if (live) {
                const QString why = row.status == insights::InsightStatus::Dismissed
                    ? QStringLiteral("its insight was dismissed before the plan was applied")
                    : QStringLiteral("its insight resolved before the plan was applied");
                if (auto s = supersede(db, clock, **latest, why); !s)
                    return s.error();
                ++stats.superseded;
            }
            continue;
        }
        auto draft = buildPlan(db, row.input);
        if (!draft)
            return draft.error();
        if (!*draft) {
            if (live) {
                if (auto s = supersede(db, clock, **latest, QStringLiteral("there is nothing left to change for its insight")); !s)
                    return s.error();
                ++stats.superseded;
            }
            continue;
        }
        Plan next = **draft;
        if (live) {
            Plan current = **latest;
            next.planId = current.planId;
            next.createdAt = current.createdAt;
            next.status = current.status;
            next.statusReason = current.statusReason;
            next.approvedBy = current.approvedBy;
            next.approvedAt = current.approvedAt;
            next.approvedStepsSha256 = current.approvedStepsSha256;
            next.approvedStepsText = current.approvedStepsText;
            next.approvalComment = current.approvalComment;
            const bool stepsChanged = next.stepsSha256 != current.stepsSha256;
            const bool headerChanged = next.title != current.title || next.estimatedMonthlyNanos != current.estimatedMonthlyNanos
                || next.risk != current.risk || next.owner != current.owner || next.targetName != current.targetName
                || next.lineFilter != current.lineFilter || next.currency != current.currency;
            if (!stepsChanged && !headerChanged)
                continue;
            next.updatedAt = clock.nowEpoch();
            if (stepsChanged && current.status == PlanStatus::Approved) {
                next.status = PlanStatus::Pending;
                next.statusReason =
                    QStringLiteral("its steps changed since it was approved (the insight's evidence changed): approve it again");
                next.approvedBy.clear();
                next.approvedAt.reset();
                next.approvedStepsSha256.clear();
                next.approvedStepsText.clear();
                next.approvalComment.clear();
                if (auto s = audit(db, clock, next.planId, current.status, next.status, next.statusReason); !s)
                    return s.error();
                ++stats.reopened;
            }
            if (auto s = detail::updatePlanHeader(db, next); !s)
                return s.error();
            if (stepsChanged) {
                if (auto s = detail::replaceSteps(db, next.planId, next.steps); !s)
                    return s.error();
            }
            ++stats.updated;
            continue;
        }
        // Applied and rejected plans are the analyst's decision: no new plan behind their back.
        if (*latest && ((*latest)->status == PlanStatus::Applied || (*latest)->status == PlanStatus::Rejected))
            continue;
        next.status = PlanStatus::Pending;
        next.createdAt = next.updatedAt = clock.nowEpoch();
        auto id = detail::insertPlan(db, next);
        if (!id)
            return id.error();
        if (auto s = audit::AuditLog::record(db, clock, kActor, QStringLiteral("plan.create"), QStringLiteral("plan %1").arg(*id), {},
                QStringLiteral("pending: %1 (insight %2)").arg(next.title).arg(next.findingId));
            !s)
            return s.error();
        ++stats.created;
    }
    return stats;
}

} // namespace ll::plans

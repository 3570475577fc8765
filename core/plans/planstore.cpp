#include "planstore.h"

#include <QJsonDocument>

#include <functional>

namespace ll::plans {
namespace {

constexpr const char *kColumns =
    "plan_id, finding_id, insight_kind, fingerprint, status, status_reason, target_type, target_id, target_name, workspace_id, "
    "estimated_monthly_nanos, currency_code, risk, owner, title, steps_sha256, created_at, updated_at, approved_by, approved_at, "
    "approved_steps_sha256, approved_steps_text, approval_comment, rejected_by, rejected_at, rejected_comment, applied_by, applied_at, "
    "baseline_from, baseline_to, line_filter";

QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QJsonObject object(const QString &text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }
// NOT NULL text columns: a null QString would bind NULL.
QString text(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }
QString orNull(const QString &s) { return s.isEmpty() ? QString() : s; }

Result<Plan> planOf(const store::Statement &row)
{
    Plan p;
    p.planId = row.int64(0);
    p.findingId = row.int64(1);
    p.insightKind = row.text(2);
    p.fingerprint = row.text(3);
    const auto status = planStatusFromText(row.text(4));
    if (!status)
        return makeError(ErrorCode::Corrupt, QStringLiteral("Plan %1 has an unknown status '%2'").arg(p.planId).arg(row.text(4)));
    p.status = *status;
    p.statusReason = row.text(5);
    p.targetType = row.text(6);
    p.targetId = row.text(7);
    p.targetName = row.text(8);
    p.workspaceId = row.text(9);
    p.estimatedMonthlyNanos = row.int64(10);
    p.currency = row.text(11);
    p.risk = row.text(12);
    p.owner = row.text(13);
    p.title = row.text(14);
    p.stepsSha256 = row.text(15);
    p.createdAt = row.int64(16);
    p.updatedAt = row.int64(17);
    p.approvedBy = row.text(18);
    p.approvedAt = row.optInt(19);
    p.approvedStepsSha256 = row.text(20);
    p.approvedStepsText = row.text(21);
    p.approvalComment = row.text(22);
    p.rejectedBy = row.text(23);
    p.rejectedAt = row.optInt(24);
    p.rejectedComment = row.text(25);
    p.appliedBy = row.text(26);
    p.appliedAt = row.optInt(27);
    p.baselineFrom = row.text(28);
    p.baselineTo = row.text(29);
    p.lineFilter = object(row.text(30));
    return p;
}

Result<QList<Plan>> query(store::Database &db, const QByteArray &where, const std::function<void(store::Statement &)> &bind)
{
    auto stmt = db.prepare(QByteArray("SELECT ") + kColumns + " FROM action_plan " + where);
    if (!stmt)
        return stmt.error();
    bind(*stmt);
    QList<Plan> plans;
    if (auto s = stmt->forEachRow([&plans](const store::Statement &row) -> Status {
            auto p = planOf(row);
            if (!p)
                return p.error();
            plans.append(*p);
            return {};
        });
        !s)
        return s.error();
    return plans;
}

Result<QList<PlanStep>> loadSteps(store::Database &db, std::int64_t planId)
{
    auto stmt = db.prepare("SELECT ordinal, kind, api_method, api_path, request_body, before_state, after_state, description, outcome, "
                           "response_status, response_excerpt, applied_at FROM action_plan_step WHERE plan_id = ? ORDER BY ordinal");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, planId);
    QList<PlanStep> steps;
    if (auto s = stmt->forEachRow([&](const store::Statement &row) -> Status {
            PlanStep step;
            step.ordinal = static_cast<int>(row.int64(0));
            const auto kind = stepKindFromText(row.text(1));
            const auto outcome = stepOutcomeFromText(row.text(8));
            if (!kind || !outcome)
                return makeError(
                    ErrorCode::Corrupt, QStringLiteral("Plan %1 step %2 has an unknown kind or outcome").arg(planId).arg(step.ordinal));
            step.kind = *kind;
            step.method = row.text(2);
            step.path = row.text(3);
            step.body = object(row.text(4));
            step.before = object(row.text(5));
            step.after = object(row.text(6));
            step.description = row.text(7);
            step.outcome = *outcome;
            if (const auto status = row.optInt(9))
                step.responseStatus = static_cast<int>(*status);
            step.responseExcerpt = row.text(10);
            step.appliedAt = row.optInt(11);
            steps.append(step);
            return {};
        });
        !s)
        return s.error();
    return steps;
}

void bindHeader(store::Statement &stmt, const Plan &p)
{
    stmt.bind(":finding", p.findingId);
    stmt.bind(":kind", p.insightKind);
    stmt.bind(":fingerprint", p.fingerprint);
    stmt.bind(":status", toText(p.status));
    stmt.bind(":reason", text(p.statusReason));
    stmt.bind(":ttype", p.targetType);
    stmt.bind(":tid", p.targetId);
    stmt.bind(":tname", text(p.targetName));
    stmt.bind(":workspace", text(p.workspaceId));
    stmt.bind(":estimate", p.estimatedMonthlyNanos);
    stmt.bind(":currency", text(p.currency));
    stmt.bind(":risk", text(p.risk));
    stmt.bind(":owner", text(p.owner));
    stmt.bind(":title", text(p.title));
    stmt.bind(":sha", p.stepsSha256);
    stmt.bind(":created", p.createdAt);
    stmt.bind(":updated", p.updatedAt);
    stmt.bind(":approved_by", orNull(p.approvedBy));
    stmt.bind(stmt.index(":approved_at"), p.approvedAt);
    stmt.bind(":approved_sha", orNull(p.approvedStepsSha256));
    stmt.bind(":approved_text", orNull(p.approvedStepsText));
    stmt.bind(":approval_comment", orNull(p.approvalComment));
    stmt.bind(":rejected_by", orNull(p.rejectedBy));
    stmt.bind(stmt.index(":rejected_at"), p.rejectedAt);
    stmt.bind(":rejected_comment", orNull(p.rejectedComment));
    stmt.bind(":applied_by", orNull(p.appliedBy));
    stmt.bind(stmt.index(":applied_at"), p.appliedAt);
    stmt.bind(":baseline_from", orNull(p.baselineFrom));
    stmt.bind(":baseline_to", orNull(p.baselineTo));
    stmt.bind(":lines", compact(p.lineFilter));
}

} // namespace

Result<QList<Plan>> loadPlans(store::Database &db, const PlanFilter &filter)
{
    return query(db, "WHERE (:status IS NULL OR status = :status) AND (:finding IS NULL OR finding_id = :finding) ORDER BY plan_id DESC",
        [&filter](store::Statement &s) {
            s.bind(":status", filter.status ? toText(*filter.status) : QString());
            s.bind(s.index(":finding"), filter.findingId);
        });
}

Result<Plan> loadPlan(store::Database &db, std::int64_t planId)
{
    auto plans = query(db, "WHERE plan_id = ?", [planId](store::Statement &s) { s.bind(1, planId); });
    if (!plans)
        return plans.error();
    if (plans->isEmpty())
        return makeError(ErrorCode::NotFound, QStringLiteral("No action plan has the id %1 (see `plans list`)").arg(planId));
    Plan plan = plans->first();
    auto steps = loadSteps(db, planId);
    if (!steps)
        return steps.error();
    plan.steps = *steps;
    return plan;
}

Result<std::optional<Plan>> latestPlanOf(store::Database &db, std::int64_t findingId)
{
    auto plans =
        query(db, "WHERE finding_id = ? ORDER BY plan_id DESC LIMIT 1", [findingId](store::Statement &s) { s.bind(1, findingId); });
    if (!plans)
        return plans.error();
    return plans->isEmpty() ? std::nullopt : std::optional<Plan>(plans->first());
}

namespace detail {

Result<std::int64_t> insertPlan(store::Database &db, const Plan &plan)
{
    auto stmt = db.prepare(
        "INSERT INTO action_plan (finding_id, insight_kind, fingerprint, status, status_reason, target_type, target_id, target_name, "
        "workspace_id, estimated_monthly_nanos, currency_code, risk, owner, title, steps_sha256, created_at, updated_at, approved_by, "
        "approved_at, approved_steps_sha256, approved_steps_text, approval_comment, rejected_by, rejected_at, rejected_comment, applied_by, "
        "applied_at, baseline_from, baseline_to, line_filter) VALUES (:finding, :kind, :fingerprint, :status, :reason, :ttype, :tid, "
        ":tname, :workspace, :estimate, :currency, :risk, :owner, :title, :sha, :created, :updated, :approved_by, :approved_at, "
        ":approved_sha, :approved_text, :approval_comment, :rejected_by, :rejected_at, :rejected_comment, :applied_by, :applied_at, "
        ":baseline_from, :baseline_to, :lines)");
    if (!stmt)
        return stmt.error();
    bindHeader(*stmt, plan);
    if (auto s = stmt->run(); !s)
        return s.error();
    const std::int64_t id = db.lastInsertRowId();
    if (auto s = replaceSteps(db, id, plan.steps); !s)
        return s.error();
    return id;
}

Status updatePlanHeader(store::Database &db, const Plan &plan)
{
    auto stmt = db.prepare(
        "UPDATE action_plan SET finding_id = :finding, insight_kind = :kind, fingerprint = :fingerprint, status = :status, "
        "status_reason = :reason, target_type = :ttype, target_id = :tid, target_name = :tname, workspace_id = :workspace, "
        "estimated_monthly_nanos = :estimate, currency_code = :currency, risk = :risk, owner = :owner, title = :title, "
        "steps_sha256 = :sha, created_at = :created, updated_at = :updated, approved_by = :approved_by, approved_at = :approved_at, "
        "approved_steps_sha256 = :approved_sha, approved_steps_text = :approved_text, approval_comment = :approval_comment, "
        "rejected_by = :rejected_by, rejected_at = :rejected_at, rejected_comment = :rejected_comment, applied_by = :applied_by, "
        "applied_at = :applied_at, baseline_from = :baseline_from, baseline_to = :baseline_to, line_filter = :lines WHERE plan_id = :id");
    if (!stmt)
        return stmt.error();
    bindHeader(*stmt, plan);
    stmt->bind(":id", plan.planId);
    return stmt->run();
}

Status replaceSteps(store::Database &db, std::int64_t planId, const QList<PlanStep> &steps)
{
    auto clear = db.prepare("DELETE FROM action_plan_step WHERE plan_id = ?");
    if (!clear)
        return clear.error();
    clear->bind(1, planId);
    if (auto s = clear->run(); !s)
        return s;
    auto insert = db.prepare("INSERT INTO action_plan_step (plan_id, ordinal, kind, api_method, api_path, request_body, before_state, "
                             "after_state, description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    for (const PlanStep &step : steps) {
        insert->reset();
        insert->bind(1, planId);
        insert->bind(2, step.ordinal);
        insert->bind(3, toText(step.kind));
        insert->bind(4, step.method);
        insert->bind(5, step.path);
        insert->bind(6, compact(step.body));
        insert->bind(7, compact(step.before));
        insert->bind(8, compact(step.after));
        insert->bind(9, text(step.description));
        if (auto s = insert->run(); !s)
            return s;
    }
    return {};
}

Status updateStepOutcome(store::Database &db, std::int64_t planId, const PlanStep &step)
{
    auto stmt = db.prepare("UPDATE action_plan_step SET outcome = ?, response_status = ?, response_excerpt = ?, applied_at = ? "
                           "WHERE plan_id = ? AND ordinal = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, toText(step.outcome));
    stmt->bind(2, step.responseStatus ? std::optional<std::int64_t>(*step.responseStatus) : std::nullopt);
    stmt->bind(3, orNull(step.responseExcerpt));
    stmt->bind(4, step.appliedAt);
    stmt->bind(5, planId);
    stmt->bind(6, step.ordinal);
    return stmt->run();
}

} // namespace detail
} // namespace ll::plans

#include "planapplier.h"

#include "audit/auditlog.h"
#include "planstore.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

namespace ll::plans {
namespace {

constexpr int kExcerptChars = 400;

QString compact(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isString())
        return v.toString();
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("(not set)");
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

QString excerpt(const QString &text) { return text.size() > kExcerptChars ? text.left(kExcerptChars) + QStringLiteral("...") : text; }

QString encoded(const QString &id) { return QString::fromLatin1(QUrl::toPercentEncoding(id)); }

// A cluster field as clusters/get reports it; fields it leaves out read as Databricks' default.
QJsonValue clusterField(const QJsonObject &cluster, const QString &field)
{
    if (field == QLatin1String("autoscale")) {
        const QJsonObject a = cluster.value(field).toObject();
        if (a.isEmpty())
            return QJsonValue(QJsonValue::Null);
        return QJsonObject{{QStringLiteral("min_workers"), a.value(QLatin1String("min_workers")).toInteger()},
            {QStringLiteral("max_workers"), a.value(QLatin1String("max_workers")).toInteger()}};
    }
    if (field == QLatin1String("autotermination_minutes") || field == QLatin1String("num_workers"))
        return cluster.value(field).toInteger(0);
    return cluster.value(field);
}

// Numbers compare as integers (JSON has one number type; 30 and 30.0 are the same setting).
bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toInteger() == b.toInteger();
    return a == b;
}

QString stepWhat(const PlanStep &step) { return QStringLiteral("applying step %1 (%2 %3)").arg(step.ordinal).arg(step.method, step.path); }

bool clusterEnded(const QString &state) { return state == QLatin1String("TERMINATED") || state == QLatin1String("TERMINATING"); }

bool runEnded(const QString &lifeCycle)
{
    return lifeCycle == QLatin1String("TERMINATED") || lifeCycle == QLatin1String("TERMINATING") || lifeCycle == QLatin1String("SKIPPED")
        || lifeCycle == QLatin1String("INTERNAL_ERROR");
}

} // namespace

QString toText(StepVerdict verdict)
{
    switch (verdict) {
    case StepVerdict::Ready: return QStringLiteral("ready");
    case StepVerdict::Skip: return QStringLiteral("skip");
    case StepVerdict::Stale: return QStringLiteral("stale");
    case StepVerdict::Blocked: return QStringLiteral("blocked");
    case StepVerdict::ExportOnly: return QStringLiteral("export only");
    }
    return {};
}

QString ApplyReport::diffText() const
{
    QStringList lines;
    for (const StepCheck &c : checks) {
        lines << QStringLiteral("%1. [%2] %3").arg(c.ordinal).arg(toText(c.verdict), c.description);
        QStringList keys = c.after.keys();
        for (const QString &k : c.before.keys())
            if (!keys.contains(k))
                keys << k;
        for (const QString &k : keys) {
            const QString now = c.current.contains(k) ? compact(c.current.value(k)) : QStringLiteral("(not read)");
            lines << QStringLiteral("     %1: now %2; plan %3 -> %4")
                         .arg(k, now, c.before.contains(k) ? compact(c.before.value(k)) : QStringLiteral("(any)"),
                             compact(c.after.value(k)));
        }
        if (!c.reason.isEmpty())
            lines << QStringLiteral("     %1").arg(c.reason);
    }
    if (!reason.isEmpty())
        lines << reason;
    return lines.join(QLatin1Char('\n'));
}

Result<QJsonObject> PlanApplier::read(const QString &pathAndQuery, const QString &what)
{
    if (const auto it = m_reads.constFind(pathAndQuery); it != m_reads.constEnd())
        return *it;
    auto answer = m_client.get(pathAndQuery, what);
    if (!answer)
        return answer.error();
    m_reads.insert(pathAndQuery, *answer);
    return answer;
}

Result<QList<StepCheck>> PlanApplier::check(const Plan &plan)
{
    m_reads.clear();
    QList<StepCheck> checks;
    for (const PlanStep &step : plan.steps) {
        StepCheck c;
        c.ordinal = step.ordinal;
        c.kind = step.kind;
        c.description = step.description;
        c.before = step.before;
        c.after = step.after;
        switch (step.kind) {
        case StepKind::JobClusterMove:
            c.verdict = StepVerdict::ExportOnly;
            c.reason = QStringLiteral("exported for review (plans export); LakeLedger does not change a job's tasks");
            break;
        case StepKind::ClusterUpdate:
        case StepKind::ClusterTerminate: {
            const QString id = step.body.value(QLatin1String("cluster_id")).toString();
            auto cluster = read(QStringLiteral("/api/2.1/clusters/get?cluster_id=%1").arg(encoded(id)),
                QStringLiteral("reading cluster %1 before changing it").arg(id));
            if (!cluster)
                return cluster.error();
            const QString state = cluster->value(QLatin1String("state")).toString();
            c.current.insert(QStringLiteral("state"), state);
            for (auto it = step.before.begin(); it != step.before.end(); ++it)
                c.current.insert(it.key(), clusterField(*cluster, it.key()));
            if (cluster->value(QLatin1String("cluster_source")).toString() == QLatin1String("JOB")) {
                c.verdict = StepVerdict::Blocked;
                c.reason = QStringLiteral("cluster %1 is a job cluster, which cannot be edited or terminated by a plan").arg(id);
            } else if (step.kind == StepKind::ClusterTerminate) {
                if (clusterEnded(state)) {
                    c.verdict = StepVerdict::Skip;
                    c.reason = QStringLiteral("cluster %1 is already %2: nothing to terminate").arg(id, state);
                }
            } else if (state != QLatin1String("RUNNING") && state != QLatin1String("TERMINATED")) {
                c.verdict = StepVerdict::Blocked;
                c.reason = QStringLiteral("cluster %1 is %2; only a RUNNING or TERMINATED cluster can be edited: try again when it settles")
                               .arg(id, state.isEmpty() ? QStringLiteral("in an unknown state") : state);
            }
            if (c.verdict == StepVerdict::Ready) {
                for (auto it = step.before.begin(); it != step.before.end(); ++it) {
                    if (!sameValue(c.current.value(it.key()), it.value())) {
                        c.verdict = StepVerdict::Stale;
                        c.reason = QStringLiteral("cluster %1: %2 is now %3, the plan expected %4")
                                       .arg(id, it.key(), compact(c.current.value(it.key())), compact(it.value()));
                        break;
                    }
                }
            }
            if (c.verdict == StepVerdict::Ready && step.kind == StepKind::ClusterUpdate && state == QLatin1String("RUNNING"))
                c.reason = QStringLiteral("cluster %1 is RUNNING: the edit restarts it").arg(id);
            break;
        }
        case StepKind::WarehouseEdit: {
            const QString id = step.path.section(QLatin1Char('/'), -2, -2);
            auto warehouse = read(QStringLiteral("/api/2.0/sql/warehouses/%1").arg(encoded(id)),
                QStringLiteral("reading warehouse %1 before changing it").arg(id));
            if (!warehouse)
                return warehouse.error();
            c.current.insert(QStringLiteral("state"), warehouse->value(QLatin1String("state")));
            for (auto it = step.before.begin(); it != step.before.end(); ++it) {
                c.current.insert(it.key(), warehouse->value(it.key()));
                if (c.verdict == StepVerdict::Ready && !sameValue(warehouse->value(it.key()), it.value())) {
                    c.verdict = StepVerdict::Stale;
                    c.reason = QStringLiteral("warehouse %1: %2 is now %3, the plan expected %4")
                                   .arg(id, it.key(), compact(warehouse->value(it.key())), compact(it.value()));
                }
            }
            break;
        }
        case StepKind::RunCancel: {
            const QString id = step.body.value(QLatin1String("run_id")).toVariant().toString();
            auto run = read(QStringLiteral("/api/2.1/jobs/runs/get?run_id=%1").arg(encoded(id)),
                QStringLiteral("reading run %1 before cancelling it").arg(id));
            if (!run)
                return run.error();
            const QString lifeCycle = run->value(QLatin1String("state")).toObject().value(QLatin1String("life_cycle_state")).toString();
            c.current = QJsonObject{{QStringLiteral("run_id"), id}, {QStringLiteral("state"), lifeCycle}};
            if (runEnded(lifeCycle)) {
                c.verdict = StepVerdict::Skip;
                c.reason = QStringLiteral("run %1 already ended (%2): nothing to cancel").arg(id, lifeCycle);
            }
            break;
        }
        }
        checks.append(c);
    }
    return checks;
}

Result<ApplyReport> PlanApplier::dryRun(std::int64_t planId)
{
    auto plan = loadPlan(m_db, planId);
    if (!plan)
        return plan.error();
    auto checks = check(*plan);
    if (!checks)
        return checks.error();
    ApplyReport report;
    report.planId = planId;
    report.dryRun = true;
    report.status = plan->status;
    report.checks = *checks;
    report.steps = plan->steps;
    QStringList problems;
    for (const StepCheck &c : report.checks) {
        if (c.verdict == StepVerdict::Stale)
            report.stale = true;
        if (c.verdict == StepVerdict::Stale || c.verdict == StepVerdict::Blocked)
            problems << c.reason;
    }
    report.refused = !problems.isEmpty();
    if (report.refused)
        report.reason = QStringLiteral("Apply would be refused: %1").arg(problems.join(QStringLiteral("; ")));
    else if (plan->status != PlanStatus::Approved)
        report.reason = QStringLiteral("Dry run only: plan %1 is %2 and must be approved before it can be applied")
                            .arg(planId)
                            .arg(toText(plan->status));
    return report;
}

Status PlanApplier::recordStep(const Plan &plan, const PlanStep &step, const QString &actor)
{
    store::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    if (auto s = detail::updateStepOutcome(m_db, plan.planId, step); !s)
        return s;
    QString after = toText(step.outcome);
    if (step.responseStatus)
        after += QStringLiteral(" (HTTP %1)").arg(*step.responseStatus);
    if (!step.responseExcerpt.isEmpty())
        after += QStringLiteral(": ") + step.responseExcerpt;
    if (auto s = audit::AuditLog::record(m_db, m_clock, actor, QStringLiteral("plan.step"),
            QStringLiteral("plan %1 step %2").arg(plan.planId).arg(step.ordinal), step.description, after);
        !s)
        return s;
    return tx.commit();
}

Status PlanApplier::finish(Plan plan, const QString &actor, const ApplyReport &report)
{
    store::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    const PlanStatus before = plan.status;
    plan.status = report.status;
    plan.statusReason = report.reason;
    plan.updatedAt = m_clock.nowEpoch();
    if (report.status == PlanStatus::Applied || report.status == PlanStatus::PartiallyApplied) {
        plan.appliedBy = actor;
        plan.appliedAt = m_clock.nowEpoch();
        // The realised saving compares an equal window after the apply day with this one.
        const QDate from = QDate::fromString(plan.lineFilter.value(QLatin1String("from")).toString(), Qt::ISODate);
        const QDate to = QDate::fromString(plan.lineFilter.value(QLatin1String("to")).toString(), Qt::ISODate);
        const qint64 days = from.isValid() && to.isValid() && to >= from ? from.daysTo(to) + 1 : 30;
        const QDate appliedDay = QDateTime::fromSecsSinceEpoch(*plan.appliedAt, QTimeZone::utc()).date();
        plan.baselineTo = appliedDay.addDays(-1).toString(Qt::ISODate);
        plan.baselineFrom = appliedDay.addDays(-days).toString(Qt::ISODate);
    }
    if (auto s = detail::updatePlanHeader(m_db, plan); !s)
        return s;
    QStringList outcomes;
    for (const PlanStep &s : report.steps)
        outcomes << QStringLiteral("step %1 %2").arg(s.ordinal).arg(toText(s.outcome));
    QString after = toText(plan.status) + QStringLiteral(": ") + outcomes.join(QStringLiteral(", "));
    if (!report.reason.isEmpty())
        after += QStringLiteral(" (") + report.reason + QLatin1Char(')');
    if (auto s = audit::AuditLog::record(
            m_db, m_clock, actor, QStringLiteral("plan.apply"), QStringLiteral("plan %1").arg(plan.planId), toText(before), after);
        !s)
        return s;
    return tx.commit();
}

Result<ApplyReport> PlanApplier::apply(std::int64_t planId, const QString &actor, const CancelToken &cancel, const ApplyProgress &progress)
{
    auto loaded = loadPlan(m_db, planId);
    if (!loaded)
        return loaded.error();
    Plan plan = *loaded;
    if (plan.status != PlanStatus::Approved)
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("Plan %1 is %2; only an approved plan can be applied (plans approve %1)").arg(planId).arg(toText(plan.status)));
    if (plan.approvedStepsSha256 != stepsSha256(plan.steps))
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("Plan %1's steps are not the ones approved; review and approve it again").arg(planId));
    if (std::none_of(plan.steps.begin(), plan.steps.end(), [](const PlanStep &s) { return isAppliable(s.kind); }))
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("Plan %1 has only exported steps (a job cluster move); export it with `plans export %1` and apply it "
                           "through the Jobs API after review")
                .arg(planId));
    if (progress)
        progress(0, static_cast<int>(plan.steps.size()), QStringLiteral("Reading the current state of the targets"));
    auto checks = check(plan);
    if (!checks)
        return checks.error();
    ApplyReport report;
    report.planId = planId;
    report.checks = *checks;
    report.steps = plan.steps;
    report.status = plan.status;
    QStringList stale, blocked;
    for (const StepCheck &c : report.checks) {
        if (c.verdict == StepVerdict::Stale)
            stale << c.reason;
        else if (c.verdict == StepVerdict::Blocked)
            blocked << c.reason;
    }
    if (!stale.isEmpty()) {
        // The analyst approved a change from values that no longer hold: ask again.
        report.refused = report.stale = true;
        report.status = PlanStatus::Pending;
        report.reason = QStringLiteral("The target changed since the plan was approved (%1); nothing was sent. Review the plan and "
                                       "approve it again.")
                            .arg(stale.join(QStringLiteral("; ")));
        store::Transaction tx(m_db);
        if (!tx.begun())
            return tx.begun().error();
        plan.status = PlanStatus::Pending;
        plan.statusReason = report.reason;
        plan.approvedBy.clear();
        plan.approvedAt.reset();
        plan.approvedStepsSha256.clear();
        plan.approvedStepsText.clear();
        plan.approvalComment.clear();
        plan.updatedAt = m_clock.nowEpoch();
        if (auto s = detail::updatePlanHeader(m_db, plan); !s)
            return s.error();
        if (auto s = audit::AuditLog::record(m_db, m_clock, actor, QStringLiteral("plan.apply"), QStringLiteral("plan %1").arg(planId),
                toText(PlanStatus::Approved), QStringLiteral("refused, stale: ") + stale.join(QStringLiteral("; ")));
            !s)
            return s.error();
        if (auto s = tx.commit(); !s)
            return s.error();
        return report;
    }
    if (!blocked.isEmpty()) {
        report.refused = true;
        report.reason = QStringLiteral("Nothing was sent: %1").arg(blocked.join(QStringLiteral("; ")));
        if (auto s = audit::AuditLog::record(m_db, m_clock, actor, QStringLiteral("plan.apply"), QStringLiteral("plan %1").arg(planId),
                toText(plan.status), QStringLiteral("refused: ") + blocked.join(QStringLiteral("; ")));
            !s)
            return s.error();
        return report;
    }

    bool anyApplied = false;
    bool failed = false;
    const int total = static_cast<int>(report.steps.size());
    for (int i = 0; i < total; ++i) {
        PlanStep &step = report.steps[i];
        const StepCheck &c = report.checks[i];
        if (c.verdict == StepVerdict::ExportOnly || c.verdict == StepVerdict::Skip) {
            step.outcome = StepOutcome::Skipped;
            step.responseExcerpt = c.reason;
        } else {
            if (cancel.isCancelled()) {
                report.cancelled = true;
                report.reason = QStringLiteral("Cancelled before step %1; steps %1 to %2 were not sent").arg(step.ordinal).arg(total);
                break;
            }
            if (progress)
                progress(step.ordinal, total, step.description);
            // Every step LakeLedger sends sets fields to values, terminates or cancels: sending
            // one twice has the effect of once, so a retry after a reset is safe.
            auto answer = m_client.postWrite(step.path, step.body, stepWhat(step), extract::DatabricksClient::WriteSafety::Idempotent);
            step.appliedAt = m_clock.nowEpoch();
            const int status = m_client.lastHttpStatus();
            step.responseStatus = status > 0 ? std::optional<int>(status) : std::nullopt;
            if (answer) {
                step.outcome = StepOutcome::Applied;
                step.responseExcerpt = excerpt(m_client.scrub(compact(*answer)));
                anyApplied = true;
            } else {
                step.outcome = StepOutcome::Failed;
                step.responseExcerpt = excerpt(m_client.scrub(answer.error().toString()));
                failed = true;
            }
        }
        if (auto s = recordStep(plan, step, actor); !s)
            return s.error();
        if (failed) {
            QStringList notSent;
            for (int j = i + 1; j < total; ++j)
                notSent << QString::number(report.steps[j].ordinal);
            report.reason = QStringLiteral("Step %1 failed: %2.").arg(step.ordinal).arg(step.responseExcerpt);
            if (anyApplied)
                report.reason += QStringLiteral(" Earlier steps were applied (see their outcomes).");
            if (!notSent.isEmpty())
                report.reason += QStringLiteral(" Not sent: step(s) %1.").arg(notSent.join(QStringLiteral(", ")));
            break;
        }
    }
    if (failed)
        report.status = anyApplied ? PlanStatus::PartiallyApplied : PlanStatus::Failed;
    else if (report.cancelled)
        report.status = anyApplied ? PlanStatus::PartiallyApplied : PlanStatus::Approved;
    else
        report.status = PlanStatus::Applied;
    if (progress)
        progress(total, total, toText(report.status));
    if (auto s = finish(plan, actor, report); !s)
        return s.error();
    return report;
}

} // namespace ll::plans

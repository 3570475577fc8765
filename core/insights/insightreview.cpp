#include "insightreview.h"

#include "audit/auditlog.h"
#include "common/money.h"

namespace ll::insights {

Result<ReviewOutcome> reviewInsight(
    store::Database &db, const Clock &clock, std::int64_t findingId, ReviewAction action, const QString &actor, const QString &reason)
{
    const QString why = reason.trimmed();
    if (action == ReviewAction::Dismiss && why.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("Say why the insight is dismissed (--reason TEXT): the reason is kept with it and in the audit log"));
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun().error();
    auto current = db.prepare("SELECT status, title, fingerprint, impact_nanos FROM insight_finding WHERE finding_id = ?");
    if (!current)
        return current.error();
    current->bind(1, findingId);
    auto found = current->step();
    if (!found)
        return found.error();
    if (!*found)
        return makeError(
            ErrorCode::NotFound, QStringLiteral("No insight has the id %1 (see `report insights --status all`)").arg(findingId));
    const auto before = insightStatusFromText(current->text(0));
    if (!before)
        return makeError(ErrorCode::Corrupt, QStringLiteral("Insight %1 has an unknown status '%2'").arg(findingId).arg(current->text(0)));
    const QString title = current->text(1);
    const QString fingerprint = current->text(2);
    const std::int64_t impact = current->int64(3);

    InsightStatus after = *before;
    switch (action) {
    case ReviewAction::Acknowledge:
        if (*before != InsightStatus::New)
            return makeError(ErrorCode::InvalidArgument,
                QStringLiteral("Insight %1 is %2; only a new insight can be acknowledged").arg(findingId).arg(toText(*before)));
        after = InsightStatus::Acknowledged;
        break;
    case ReviewAction::Dismiss:
        if (*before == InsightStatus::Dismissed)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("Insight %1 is already dismissed").arg(findingId));
        after = InsightStatus::Dismissed;
        break;
    case ReviewAction::Reopen:
        if (*before != InsightStatus::Dismissed && *before != InsightStatus::Acknowledged)
            return makeError(ErrorCode::InvalidArgument,
                QStringLiteral("Insight %1 is %2; only an acknowledged or dismissed insight can be reopened")
                    .arg(findingId)
                    .arg(toText(*before)));
        after = InsightStatus::New;
        break;
    }
    auto update = db.prepare("UPDATE insight_finding SET status = ?, status_actor = ?, status_reason = ?, status_changed_at = ?, "
                             "dismissed_impact_nanos = ? WHERE finding_id = ?");
    if (!update)
        return update.error();
    update->bind(1, toText(after));
    update->bind(2, actor);
    update->bind(3, why.isEmpty() ? QString() : why);
    update->bind(4, clock.nowEpoch());
    update->bind(5, after == InsightStatus::Dismissed ? std::optional<std::int64_t>(impact) : std::nullopt);
    update->bind(6, findingId);
    if (auto s = update->run(); !s)
        return s.error();
    const QString afterText = why.isEmpty() ? toText(after) : toText(after) + QStringLiteral(": ") + why;
    if (auto s = audit::AuditLog::record(db, clock, actor, QStringLiteral("insight.status"), fingerprint, toText(*before), afterText); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return ReviewOutcome{*before, after, title};
}

} // namespace ll::insights

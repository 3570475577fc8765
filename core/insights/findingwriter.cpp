#include "findingwriter.h"

#include "audit/auditlog.h"
#include "common/money.h"
#include "insightstatus.h"

#include <QJsonDocument>

namespace ll::insights {
namespace {

const QString kActor = QStringLiteral("lakeledger");

// A null QString binds SQL NULL; these columns are NOT NULL and empty text is the answer.
QString notNull(const QString &text) { return text.isNull() ? QStringLiteral("") : text; }

QString compactJson(const QJsonObject &object) { return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)); }

constexpr const char *kUpsert = R"SQL(
INSERT INTO insight_finding (kind, fingerprint, workspace_id, scope_type, scope_id, scope_name, severity, title, detail,
                             impact_nanos, currency_code, savings_formula, evidence, line_filter, first_day, last_day, status,
                             status_actor, status_reason, status_changed_at)
VALUES (:kind, :fingerprint, :workspace, :scope_type, :scope_id, :scope_name, :severity, :title, :detail,
        :impact, :currency, :formula, :evidence, :lines, :first, :last, :status, :actor, :reason, :changed)
ON CONFLICT(fingerprint) DO UPDATE SET
    workspace_id = excluded.workspace_id, scope_name = excluded.scope_name, severity = excluded.severity,
    title = excluded.title, detail = excluded.detail, impact_nanos = excluded.impact_nanos,
    currency_code = excluded.currency_code, savings_formula = excluded.savings_formula, evidence = excluded.evidence,
    line_filter = excluded.line_filter, first_day = excluded.first_day, last_day = excluded.last_day,
    status = excluded.status,
    status_actor = CASE WHEN status = excluded.status THEN status_actor ELSE excluded.status_actor END,
    status_reason = CASE WHEN status = excluded.status THEN status_reason ELSE excluded.status_reason END,
    status_changed_at = CASE WHEN status = excluded.status THEN status_changed_at ELSE excluded.status_changed_at END
)SQL";

} // namespace

Status FindingWriter::write(const Finding &finding)
{
    const QString fingerprint = finding.fingerprint();
    if (m_seen.contains(fingerprint))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Two findings of one run share the fingerprint %1").arg(fingerprint));
    m_seen.insert(fingerprint);

    auto previous = m_db.prepare("SELECT status, dismissed_impact_nanos FROM insight_finding WHERE fingerprint = ?");
    if (!previous)
        return previous.error();
    previous->bind(1, fingerprint);
    auto found = previous->step();
    if (!found)
        return found.error();
    InsightStatus status = InsightStatus::New;
    QString reason;
    bool changed = !*found;
    if (*found) {
        const auto before = insightStatusFromText(previous->text(0)).value_or(InsightStatus::New);
        status = before;
        if (before == InsightStatus::Resolved) {
            status = InsightStatus::New;
            reason = QStringLiteral("The condition held again (up to %1)").arg(finding.lastDay.toString(Qt::ISODate));
        } else if (before == InsightStatus::Dismissed) {
            const std::int64_t atDismissal = previous->optInt(1).value_or(0);
            if (finding.monthlySavingsNanos > 0 && finding.monthlySavingsNanos > atDismissal * kDismissedGrowthFactor) {
                status = InsightStatus::New;
                reason = QStringLiteral("The estimated monthly saving grew from %1 to %2, more than %3x the saving when it was dismissed")
                             .arg(formatNanos(atDismissal, 2), formatNanos(finding.monthlySavingsNanos, 2))
                             .arg(kDismissedGrowthFactor);
            }
        }
        changed = status != before;
        if (changed) {
            if (auto s = audit(fingerprint, toText(before), toText(status), reason); !s)
                return s;
        }
    }

    auto upsert = m_db.prepare(kUpsert);
    if (!upsert)
        return upsert.error();
    upsert->bind(":kind", finding.kind);
    upsert->bind(":fingerprint", fingerprint);
    upsert->bind(":workspace", finding.workspaceId.isEmpty() ? QString() : finding.workspaceId);
    upsert->bind(":scope_type", toText(finding.scopeType));
    upsert->bind(":scope_id", finding.scopeId);
    upsert->bind(":scope_name", notNull(finding.scopeName));
    upsert->bind(":severity", toText(finding.severity));
    upsert->bind(":title", notNull(finding.title));
    upsert->bind(":detail", notNull(finding.detail));
    upsert->bind(":impact", finding.monthlySavingsNanos);
    upsert->bind(":currency", notNull(finding.currency));
    upsert->bind(":formula", notNull(finding.savingsFormula));
    upsert->bind(":evidence", compactJson(finding.evidence));
    upsert->bind(":lines", compactJson(finding.lineFilter));
    upsert->bind(":first", finding.firstDay.toString(Qt::ISODate));
    upsert->bind(":last", finding.lastDay.toString(Qt::ISODate));
    upsert->bind(":status", toText(status));
    // Automatic transitions carry the data day in the reason, not a wall-clock time: a rebuild
    // and an incremental run over the same raw data then write identical rows.
    upsert->bind(":actor", changed && !reason.isEmpty() ? kActor : QString());
    upsert->bind(":reason", reason.isEmpty() ? QString() : reason);
    upsert->bindNull(upsert->index(":changed"));
    if (auto s = upsert->run(); !s)
        return s;
    return writeEvidence(finding);
}

Status FindingWriter::writeEvidence(const Finding &finding)
{
    const QString fingerprint = finding.fingerprint();
    auto clear = m_db.prepare("DELETE FROM insight_evidence_day WHERE fingerprint = ?");
    auto insert = m_db.prepare("INSERT INTO insight_evidence_day (fingerprint, day, value_nanos, baseline_nanos) VALUES (?, ?, ?, ?)");
    if (!clear || !insert)
        return !clear ? clear.error() : insert.error();
    clear->bind(1, fingerprint);
    if (auto s = clear->run(); !s)
        return s;
    for (const EvidenceDay &day : finding.series) {
        insert->reset();
        insert->bind(1, fingerprint);
        insert->bind(2, day.day.toString(Qt::ISODate));
        insert->bind(3, day.valueNanos);
        insert->bind(4, day.baselineNanos);
        if (auto s = insert->run(); !s)
            return s;
    }
    return {};
}

Status FindingWriter::resolveUnseen(const QStringList &kinds)
{
    auto active = m_db.prepare("SELECT fingerprint, status FROM insight_finding WHERE kind = ? AND status IN ('new', 'acknowledged')");
    auto resolve = m_db.prepare("UPDATE insight_finding SET status = 'resolved', status_actor = ?, status_reason = ?, "
                                "status_changed_at = NULL WHERE fingerprint = ?");
    auto clear = m_db.prepare("DELETE FROM insight_evidence_day WHERE fingerprint = ?");
    if (!active || !resolve || !clear)
        return !active ? active.error() : !resolve ? resolve.error() : clear.error();
    const QString reason = QStringLiteral("The condition no longer held on the data up to %1").arg(m_lastCompleteDay.toString(Qt::ISODate));
    for (const QString &kind : kinds) {
        QList<QPair<QString, QString>> stale;
        active->reset();
        active->bind(1, kind);
        if (auto s = active->forEachRow([&](const store::Statement &row) {
                if (!m_seen.contains(row.text(0)))
                    stale.append({row.text(0), row.text(1)});
            });
            !s)
            return s;
        for (const auto &[fingerprint, before] : stale) {
            resolve->reset();
            resolve->bind(1, kActor);
            resolve->bind(2, reason);
            resolve->bind(3, fingerprint);
            if (auto s = resolve->run(); !s)
                return s;
            clear->reset();
            clear->bind(1, fingerprint);
            if (auto s = clear->run(); !s)
                return s;
            if (auto s = audit(fingerprint, before, toText(InsightStatus::Resolved), reason); !s)
                return s;
        }
    }
    return {};
}

Status FindingWriter::audit(const QString &fingerprint, const QString &before, const QString &after, const QString &why)
{
    return audit::AuditLog::record(m_db, m_clock, kActor, QStringLiteral("insight.status"), fingerprint, before,
        why.isEmpty() ? after : after + QStringLiteral(": ") + why);
}

} // namespace ll::insights

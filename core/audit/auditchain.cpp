#include "auditchain.h"

#include "common/coretext.h"

namespace ll::audit {

QString AuditVerification::summary() const
{
    if (problem != ChainProblem::None)
        return CoreText::tr("chain broken at entry %1: %2").arg(badEntryId).arg(detail);
    if (anchorChecked && !anchorFound)
        return CoreText::tr("chain intact (%1 entries, head %2) but it does not contain the anchor: entries after the anchor "
                            "were removed or the log was rewritten")
            .arg(entries)
            .arg(headHash);
    return CoreText::tr("chain intact: %1 entries, head %2").arg(entries).arg(headHash);
}

Result<AuditVerification> verifyAuditChain(store::Database &db, const QString &anchor)
{
    // The hash is recomputed by the same SQL function that wrote it, over the stored values.
    auto stmt = db.prepare("SELECT entry_id, prev_hash, entry_hash, "
                           "       ll_sha256_fields(?1, entry_id, at, actor, action, object, before, after, outcome, prev_hash) "
                           "FROM app_audit_log ORDER BY entry_id");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, QString::fromLatin1(kHashScheme));
    AuditVerification v;
    v.headHash = QString::fromLatin1(kGenesisHash);
    v.anchorChecked = !anchor.isEmpty();
    std::int64_t previousId = 0;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const std::int64_t id = stmt->int64(0);
        const QString prev = stmt->text(1);
        const QString stored = stmt->text(2);
        const QString computed = stmt->text(3);
        auto fail = [&](ChainProblem problem, const QString &detail) {
            v.problem = problem;
            v.badEntryId = id;
            v.detail = detail;
        };
        if (stmt->isNull(1) || stmt->isNull(2)) {
            fail(ChainProblem::Unsealed, CoreText::tr("the entry has no chain hash (it was not written by LakeLedger)"));
        } else if (prev != v.headHash) {
            fail(ChainProblem::LinkBroken,
                previousId == 0 ? CoreText::tr("the first entry does not start the chain: entries before it were removed")
                                : CoreText::tr("it does not follow entry %1: an entry between them was removed or inserted, or "
                                               "entry %1 was rewritten")
                                      .arg(previousId));
        } else if (computed != stored) {
            fail(ChainProblem::ContentChanged, CoreText::tr("its content no longer matches its hash (the entry was edited)"));
        }
        if (v.problem != ChainProblem::None)
            return v;
        ++v.entries;
        v.headEntryId = id;
        v.headHash = stored;
        previousId = id;
        if (v.anchorChecked && stored.compare(anchor.trimmed(), Qt::CaseInsensitive) == 0)
            v.anchorFound = true;
    }
    if (v.anchorChecked && anchor.trimmed().compare(QString::fromLatin1(kGenesisHash), Qt::CaseInsensitive) == 0)
        v.anchorFound = true;
    return v;
}

} // namespace ll::audit

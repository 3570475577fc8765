#include "auditlist.h"

#include "rowvalues.h"

namespace ll::reports {

Result<QList<AuditRow>> loadAuditLog(store::Database &db, const AuditFilter &filter)
{
    // Every condition is bound; an unset one is a NULL that makes it true.
    QByteArray sql = "SELECT entry_id, at, actor, action, coalesce(object, ''), coalesce(before, ''), coalesce(after, ''), "
                     "       outcome, coalesce(entry_hash, '') "
                     "FROM app_audit_log "
                     "WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR at < ?2) "
                     "  AND (?3 IS NULL OR action = ?3 OR substr(action, 1, length(?3) + 1) = ?3 || '.') "
                     "  AND (?4 IS NULL OR actor = ?4) "
                     "  AND (?5 IS NULL OR instr(lower(action || ' ' || coalesce(object, '') || ' ' || coalesce(before, '') || ' ' "
                     "                                || coalesce(after, '')), lower(?5)) > 0) ";
    sql += filter.newestFirst ? "ORDER BY entry_id DESC " : "ORDER BY entry_id ";
    sql += "LIMIT ?6";
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    const auto dayStart = [](const QDate &d) { return static_cast<std::int64_t>(QDateTime(d, QTime(0, 0), Qt::UTC).toSecsSinceEpoch()); };
    if (filter.from.isValid())
        stmt->bind(1, dayStart(filter.from));
    if (filter.to.isValid())
        stmt->bind(2, dayStart(filter.to.addDays(1)));
    const auto orNull = [](const QString &s) { return s.trimmed().isEmpty() ? QString() : s.trimmed(); };
    stmt->bind(3, orNull(filter.action));
    stmt->bind(4, orNull(filter.actor));
    stmt->bind(5, orNull(filter.text));
    stmt->bind(6, filter.limit > 0 ? static_cast<std::int64_t>(filter.limit) : std::int64_t{-1});
    QList<AuditRow> list;
    const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
        list.append({row.int64(0), utcFromEpoch(row, 1), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6), row.text(7),
            row.text(8)});
    });
    if (!rowsRead)
        return rowsRead.error();
    return list;
}

Result<AuditChoices> loadAuditChoices(store::Database &db)
{
    AuditChoices choices;
    for (auto [sql, target] : {std::pair{"SELECT DISTINCT action FROM app_audit_log ORDER BY action", &choices.actions},
             std::pair{"SELECT DISTINCT actor FROM app_audit_log ORDER BY actor", &choices.actors}}) {
        auto stmt = db.prepare(sql);
        if (!stmt)
            return stmt.error();
        if (Status s = stmt->forEachRow([&](const store::Statement &row) { target->append(row.text(0)); }); !s)
            return s.error();
    }
    return choices;
}

} // namespace ll::reports

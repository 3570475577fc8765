#include "auditlist.h"

#include "rowvalues.h"

namespace ll::reports {

Result<QList<AuditRow>> loadAuditLog(store::Database &db, int limit)
{
    auto stmt = db.prepare("SELECT entry_id, at, actor, action, coalesce(object, ''), coalesce(before, ''), coalesce(after, '') "
                           "FROM app_audit_log ORDER BY entry_id DESC LIMIT ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, limit);
    QList<AuditRow> list;
    const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
        list.append({row.int64(0), utcFromEpoch(row, 1), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6)});
    });
    if (!rowsRead)
        return rowsRead.error();
    return list;
}

} // namespace ll::reports

#include "insightlist.h"

namespace ll::reports {

Result<QList<InsightSummary>> loadInsights(store::Database &db)
{
    auto stmt = db.prepare("SELECT finding_id, kind, title, detail, coalesce(workspace_id, ''), status, impact_nanos, first_day, last_day "
                           "FROM insight_finding ORDER BY status = 'open' DESC, impact_nanos DESC, finding_id");
    if (!stmt)
        return stmt.error();
    QList<InsightSummary> list;
    const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
        InsightSummary s;
        s.findingId = row.int64(0);
        s.kind = row.text(1);
        s.title = row.text(2);
        s.detail = row.text(3);
        s.workspaceId = row.text(4);
        s.status = row.text(5);
        s.impactNanos = row.int64(6);
        s.firstDay = QDate::fromString(row.text(7), Qt::ISODate);
        s.lastDay = QDate::fromString(row.text(8), Qt::ISODate);
        list.append(s);
    });
    if (!rowsRead)
        return rowsRead.error();
    return list;
}

} // namespace ll::reports

#include "rundaily.h"

namespace ll::insights {

Result<QList<RunParent>> readRunDays(store::Database &db, const DayWindow &window)
{
    auto stmt = db.prepare("SELECT run_kind, workspace_id, parent_id, day, runs, failed_runs, run_cost_nanos, failed_run_cost_nanos "
                           "FROM metrics_run_daily WHERE day BETWEEN :first AND :last "
                           "ORDER BY run_kind, workspace_id, parent_id, day");
    if (!stmt)
        return stmt.error();
    stmt->bind(":first", window.firstText());
    stmt->bind(":last", window.lastText());
    QList<RunParent> parents;
    const Status read = stmt->forEachRow([&](const store::Statement &row) {
        if (parents.isEmpty() || parents.last().runKind != row.text(0) || parents.last().workspace != row.text(1)
            || parents.last().parent != row.text(2)) {
            RunParent p;
            p.runKind = row.text(0);
            p.workspace = row.text(1);
            p.parent = row.text(2);
            parents.append(p);
        }
        RunParent &p = parents.last();
        const RunDay d{QDate::fromString(row.text(3), Qt::ISODate), row.int64(4), row.int64(5), row.int64(6), row.int64(7)};
        p.days.append(d);
        p.runs += d.runs;
        p.failedRuns += d.failedRuns;
        p.runCost += d.runCost;
        p.failedCost += d.failedCost;
        if (d.failedRuns > 0) {
            if (!p.firstFailure.isValid())
                p.firstFailure = d.day;
            p.lastFailure = d.day;
        }
    });
    if (!read)
        return read.error();
    return parents;
}

Result<QStringList> failedRunIds(store::Database &db, const RunParent &parent, const DayWindow &window, int limit)
{
    auto stmt = db.prepare("SELECT run_id FROM metrics_run WHERE run_kind = :kind AND parent_id = :parent AND workspace_id = :ws "
                           "AND failed = 1 AND start_day BETWEEN :first AND :last ORDER BY start_day, run_id LIMIT :limit");
    if (!stmt)
        return stmt.error();
    stmt->bind(":kind", parent.runKind);
    stmt->bind(":parent", parent.parent);
    stmt->bind(":ws", parent.workspace);
    stmt->bind(":first", window.firstText());
    stmt->bind(":last", window.lastText());
    stmt->bind(":limit", static_cast<std::int64_t>(limit));
    QStringList ids;
    const Status read = stmt->forEachRow([&](const store::Statement &row) { ids << row.text(0); });
    if (!read)
        return read.error();
    return ids;
}

} // namespace ll::insights

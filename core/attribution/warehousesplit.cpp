#include "warehousesplit.h"

#include <QMap>

#include <algorithm>
#include <limits>

namespace ll::attribution {

Status WarehouseActivity::load(store::Database &db, std::int64_t from, std::int64_t to)
{
    m_byWarehouse.clear();
    // Only compute some decision splits by usage, only activity overlapping the days. Activity that
    // starts before :from minus the longest duration ends before :from: the start bounds (exact,
    // not a guessed timeout) let the (compute, start) indexes read a window, not all history.
    auto stmt = db.prepare(R"SQL(
WITH shared AS (
    SELECT DISTINCT CASE WHEN coalesce(w.warehouse_id, '') <> '' THEN 'w:' || w.warehouse_id ELSE 'c:' || w.cluster_id END AS k
    FROM temp.attr_decision d JOIN temp.attr_work w ON w.line_id = d.line_id
    WHERE d.mode = 'usage' AND (coalesce(w.warehouse_id, '') <> '' OR coalesce(w.cluster_id, '') <> ''))
SELECT k, who, s, e FROM (
    SELECT 'w:' || warehouse_id AS k, coalesce(executed_by, '') AS who, start_time AS s, end_time AS e, statement_id AS id
    FROM ledger_query WHERE warehouse_id IN (SELECT substr(k, 3) FROM shared WHERE k LIKE 'w:%')
                        AND warehouse_id <> '' AND start_time >= :from - (SELECT coalesce(max(end_time - start_time), 0) FROM ledger_query)
                        AND start_time < :to AND end_time > :from
    UNION ALL
    SELECT 'c:' || cluster_id, coalesce(executed_by, ''), start_time, end_time, statement_id
    FROM ledger_query WHERE cluster_id IS NOT NULL AND cluster_id IN (SELECT substr(k, 3) FROM shared WHERE k LIKE 'c:%')
                        AND start_time >= :from - (SELECT coalesce(max(end_time - start_time), 0) FROM ledger_query)
                        AND start_time < :to AND end_time > :from
    UNION ALL
    SELECT 'c:' || j.value, 'job:' || r.parent_id, r.start_time, r.end_time, r.run_id
    FROM ledger_run r, json_each(r.compute_ids) j
    WHERE +r.run_kind = 'job_run' AND r.compute_ids IS NOT NULL -- '+': read by start time, not every job run by kind
      AND r.start_time >= :from - (SELECT coalesce(max(end_time - start_time), 0) FROM ledger_run)
      AND r.start_time < :to AND r.end_time > :from)
WHERE k IN (SELECT k FROM shared)
ORDER BY k, s, id
)SQL");
    if (!stmt)
        return stmt.error();
    stmt->bind(":from", from);
    stmt->bind(":to", to);
    const Status stmtRead = stmt->forEachRow([&](const store::Statement &row) {
        const std::int64_t s = row.int64(2);
        const std::int64_t e = std::max(s, row.int64(3));
        m_byWarehouse[row.text(0)].append({s, e, row.text(1)});
    });
    if (!stmtRead)
        return stmtRead.error();
    for (auto &queries : m_byWarehouse) {
        std::int64_t reach = std::numeric_limits<std::int64_t>::min();
        for (Query &q : queries)
            q.reach = reach = std::max(reach, q.end);
    }
    return {};
}

WarehouseActivity::Split WarehouseActivity::split(const QString &computeKey, std::int64_t start, std::int64_t end) const
{
    Split result;
    result.spanSeconds = std::max<std::int64_t>(0, end - start);
    const auto it = m_byWarehouse.constFind(computeKey);
    if (it == m_byWarehouse.constEnd() || result.spanSeconds == 0)
        return result;
    QMap<QString, std::int64_t> perPrincipal;
    std::int64_t coveredUntil = start;
    // Queries whose reach ends by `start` (every one before them ended too) cannot overlap the
    // hour: skip them by binary search instead of walking the day group's whole list per line,
    // which made a group of days quadratic in its queries.
    const QList<Query> &queries = it.value();
    const auto first = std::partition_point(queries.cbegin(), queries.cend(), [start](const Query &q) { return q.reach <= start; });
    for (auto q = first; q != queries.cend(); ++q) {
        if (q->start >= end)
            break;
        const std::int64_t s = std::max(q->start, start);
        const std::int64_t e = std::min(q->end, end);
        if (e <= s)
            continue;
        perPrincipal[q->principal] += e - s;
        // Queries come sorted by start: the union grows by the part beyond what is covered.
        if (e > coveredUntil) {
            result.busySeconds += e - std::max(s, coveredUntil);
            coveredUntil = e;
        }
    }
    for (auto p = perPrincipal.cbegin(); p != perPrincipal.cend(); ++p)
        result.principalSeconds.append({p.key(), p.value()});
    return result;
}

} // namespace ll::attribution

#include "warehousesplit.h"

#include <QMap>

#include <algorithm>

namespace ll::attribution {

Status WarehouseActivity::load(store::Database &db, std::int64_t from, std::int64_t to)
{
    m_byWarehouse.clear();
    // Only warehouses some decision splits by usage, only queries overlapping the days.
    auto stmt = db.prepare("SELECT warehouse_id, coalesce(executed_by, ''), start_time, end_time FROM ledger_query "
                           "WHERE warehouse_id IN (SELECT DISTINCT w.warehouse_id FROM temp.attr_decision d "
                           "                      JOIN temp.attr_work w ON w.line_id = d.line_id WHERE d.mode = 'usage') "
                           "  AND start_time < ? AND end_time > ? ORDER BY warehouse_id, start_time, statement_id");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, to);
    stmt->bind(2, from);
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        const std::int64_t s = stmt->int64(2);
        const std::int64_t e = std::max(s, stmt->int64(3));
        m_byWarehouse[stmt->text(0)].append({s, e, stmt->text(1)});
    }
    return {};
}

WarehouseActivity::Split WarehouseActivity::split(const QString &warehouseId, std::int64_t start, std::int64_t end) const
{
    Split result;
    result.spanSeconds = std::max<std::int64_t>(0, end - start);
    const auto it = m_byWarehouse.constFind(warehouseId);
    if (it == m_byWarehouse.constEnd() || result.spanSeconds == 0)
        return result;
    QMap<QString, std::int64_t> perPrincipal;
    std::int64_t coveredUntil = start;
    for (const Query &q : it.value()) {
        if (q.start >= end)
            break;
        const std::int64_t s = std::max(q.start, start);
        const std::int64_t e = std::min(q.end, end);
        if (e <= s)
            continue;
        perPrincipal[q.principal] += e - s;
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

#include "tabledump.h"

namespace ll::test {

QByteArray dumpTable(store::Database &db, const QByteArray &table, const QByteArray &orderBy)
{
    auto stmt = db.prepare("SELECT * FROM " + table + " ORDER BY " + orderBy);
    if (!stmt)
        return "ERROR " + stmt.error().toString().toUtf8();
    QByteArray out;
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return "ERROR " + row.error().toString().toUtf8();
        if (!*row)
            break;
        for (int c = 0; c < stmt->columnCount(); ++c) {
            out += stmt->isNull(c) ? QByteArray("NULL") : stmt->bytes(c);
            out += '|';
        }
        out += '\n';
    }
    return out;
}

QList<QPair<QByteArray, QByteArray>> dumpDerived(store::Database &db)
{
    static const std::pair<const char *, const char *> tables[] = {{"ledger_usage_line", "line_id"}, {"ledger_list_price", "price_id"},
        {"ledger_workspace", "workspace_id"}, {"attr_line", "line_id"}, {"attr_team", "team_key"}, {"metrics_daily_cost", "1,2,3,4,5,6,7"},
        {"metrics_daily_product", "1, 2"}, {"metrics_daily_team", "1, 2"}, {"metrics_daily_workspace", "1, 2"},
        {"metrics_daily_team_project", "1, 2, 3"}, {"metrics_daily_owner", "1, 2, 3, 4, 5, 6, 7"},
        {"metrics_workspace_coverage_daily", "1, 2, 3"}, {"metrics_source_coverage", "1, 2"}, {"metrics_workspace_region", "1"},
        {"metrics_monthly_team_project", "1, 2, 3"}, {"metrics_monthly_owner", "1, 2, 3, 4, 5, 6, 7"}, {"insight_finding", "finding_id"},
        {"ledger_cluster", "1, 2"}, {"ledger_warehouse", "1, 2"}, {"ledger_job", "1, 2"}, {"ledger_job_task", "1, 2, 3"},
        {"ledger_pipeline", "1, 2"}, {"ledger_run", "1, 2"}, {"ledger_principal", "1"}, {"ledger_ownership", "1, 2, 3"},
        {"ledger_work_unit", "1, 2"}, {"metrics_work_unit_daily", "1, 2, 3, 4, 5"}, {"metrics_run", "1, 2"},
        {"metrics_run_daily", "1, 2, 3, 4"}, {"metrics_cluster_utilization_daily", "1, 2, 3"},
        {"metrics_warehouse_utilization_daily", "1, 2, 3"}, {"ledger_node_sample", "1, 2, 3"}, {"ledger_warehouse_event", "1, 2, 3"},
        {"ledger_warehouse_interval", "1, 2"}, {"ledger_query", "1"}};
    QList<QPair<QByteArray, QByteArray>> out;
    for (const auto &[table, order] : tables)
        out.append({QByteArray(table), dumpTable(db, table, order)});
    return out;
}

} // namespace ll::test

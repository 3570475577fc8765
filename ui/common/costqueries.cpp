#include "costqueries.h"

namespace ll::ui {

Result<QList<reports::CostTable>> runCostQueries(store::Database &db, const QList<reports::CostQuery> &queries)
{
    QList<reports::CostTable> tables;
    tables.reserve(queries.size());
    for (const reports::CostQuery &query : queries) {
        auto table = reports::queryCost(db, query);
        if (!table)
            return table.error();
        tables << std::move(table).value();
    }
    return tables;
}

reports::CostQuery lastDaysQuery(QList<reports::Dimension> by, const QDate &today, int days)
{
    reports::CostQuery query;
    query.by = std::move(by);
    query.from = today.addDays(-(days - 1));
    query.to = today;
    return query;
}

} // namespace ll::ui

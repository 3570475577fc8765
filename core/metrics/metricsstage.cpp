#include "metricsstage.h"

namespace ll::metrics {
namespace {

// Unpriced lines add their quantity to unpriced_quantity_nanos and nothing to cost: the cost
// stays honest and the gap stays visible.
constexpr const char *kDailyCost = R"SQL(
DELETE FROM metrics_daily_cost WHERE day IN (SELECT day FROM temp.work_day);
INSERT INTO metrics_daily_cost (day, workspace_id, sku_name, billing_origin_product, team_key, project_key,
                                currency_code, cost_nanos, list_cost_nanos, quantity_nanos,
                                unpriced_quantity_nanos, line_count, contract_cost_nanos)
SELECT l.usage_day, l.workspace_id, l.sku_name, l.billing_origin_product,
       coalesce(a.team_key, ''), coalesce(a.project_key, ''), l.currency_code,
       sum(coalesce(l.cost_nanos, 0)), sum(coalesce(l.list_cost_nanos, 0)), sum(l.quantity_nanos),
       sum(CASE WHEN l.cost_nanos IS NULL THEN l.quantity_nanos ELSE 0 END), count(*),
       sum(coalesce(l.contract_cost_nanos, 0))
FROM ledger_usage_line l
LEFT JOIN attr_line a ON a.line_id = l.line_id
WHERE l.usage_day IN (SELECT day FROM temp.work_day)
GROUP BY 1, 2, 3, 4, 5, 6, 7;
)SQL";

} // namespace

Result<std::int64_t> MetricsStage::processWorkDays(pipeline::StageContext &context)
{
    if (auto s = context.db.exec(kDailyCost); !s)
        return s.error();
    return context.db.changes();
}

} // namespace ll::metrics

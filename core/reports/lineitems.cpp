#include "lineitems.h"

#include "costfilter.h"
#include "entitynames.h"

namespace ll::reports {
namespace {

// Every filter is a bound parameter that is NULL when unused, so one statement serves all.
constexpr const char *kWhere = R"SQL(
WHERE (:from IS NULL OR l.usage_day >= :from) AND (:to IS NULL OR l.usage_day <= :to)
  AND (:workspace IS NULL OR l.workspace_id = :workspace)
  AND (:sku IS NULL OR l.sku_name = :sku)
  AND (:product IS NULL OR l.billing_origin_product = :product)
  AND (:team IS NULL OR EXISTS (
        SELECT 1 FROM attr_allocation x WHERE x.line_id = l.line_id AND (
            (:team IN ('', 'unattributed') AND x.kind = 'unattributed')
         OR (:team = 'idle' AND x.kind = 'idle')
         OR (:team LIKE 'shared:%' AND x.kind = 'bucket' AND x.bucket_key = substr(:team, 8))
         OR (x.kind = 'direct' AND x.team_key <> '' AND (x.team_key = lower(:team)
             OR x.team_key IN (SELECT team_key FROM attr_team WHERE display_name = :team)
             OR x.team_key IN (SELECT node_key FROM app_org_node WHERE display_name = :team))))))
  AND (:project IS NULL OR EXISTS (
        SELECT 1 FROM attr_allocation x WHERE x.line_id = l.line_id AND (
            (:project IN ('', 'none') AND x.project_key = '')
         OR (x.project_key <> '' AND (x.project_key = lower(:project)
             OR x.project_key IN (SELECT project_key FROM attr_project WHERE display_name = :project)
             OR x.project_key IN (SELECT project_key FROM app_project WHERE display_name = :project))))))
  AND (:wutype IS NULL OR l.work_unit_type = :wutype)
  AND (:wuid IS NULL OR l.work_unit_id = :wuid)
)SQL";

void bindFilter(store::Statement &stmt, const LineItemFilter &f)
{
    const auto opt = [](const QString &s) { return s.isEmpty() ? QString() : s; };
    stmt.bind(":from", f.from.isValid() ? f.from.toString(Qt::ISODate) : QString());
    stmt.bind(":to", f.to.isValid() ? f.to.toString(Qt::ISODate) : QString());
    stmt.bind(":workspace", opt(f.workspaceId));
    stmt.bind(":sku", opt(f.sku));
    stmt.bind(":product", opt(f.product));
    // An empty key is a real value here (unattributed / no project): keep it non-null.
    stmt.bind(":team", f.team ? (f.team->isNull() ? QStringLiteral("") : *f.team) : QString());
    stmt.bind(":project", f.project ? (f.project->isNull() ? QStringLiteral("") : *f.project) : QString());
    stmt.bind(":wutype", opt(f.workUnitType));
    stmt.bind(":wuid", opt(f.workUnitId));
    detail::bindFilters(stmt, f.costFilters);
}

// kWhere plus the cost filters, through the report's own allocation rows (so the drill-down
// picks the lines whose shares the figure counted). Expressions come from fixed code.
QByteArray whereSql(const LineItemFilter &f)
{
    QByteArray sql = kWhere;
    if (!f.costFilters.isEmpty())
        sql += "  AND l.line_id IN (SELECT m.line_id FROM " + detail::ledgerRowsSql() + " m LEFT JOIN attr_project p ON p.project_key = m.project_key "
               "WHERE 1 = 1" + detail::filterConditions(f.costFilters) + ")\n";
    return sql;
}

QDateTime epoch(const store::Statement &s, int col)
{
    return s.isNull(col) ? QDateTime() : QDateTime::fromSecsSinceEpoch(s.int64(col), Qt::UTC);
}

} // namespace

Result<LineItemPage> loadLineItems(store::Database &db, const LineItemFilter &filter)
{
    if (auto valid = detail::validateFilters(filter.costFilters); !valid)
        return valid.error();
    LineItemPage page;
    {
        auto total = db.prepare(
            QByteArray("SELECT count(*), coalesce(sum(l.cost_nanos), 0), "
                       "coalesce(sum(CASE WHEN l.cost_nanos IS NULL THEN l.quantity_nanos ELSE 0 END), 0) FROM ledger_usage_line l "
                       "LEFT JOIN attr_line a ON a.line_id = l.line_id ")
            + whereSql(filter));
        if (!total)
            return total.error();
        bindFilter(*total, filter);
        if (auto row = total->step(); !row)
            return row.error();
        page.totalCount = total->int64(0);
        page.totalCostNanos = total->int64(1);
        page.totalUnpricedQuantityNanos = total->int64(2);
    }
    auto stmt = db.prepare(QByteArray(R"SQL(
SELECT l.line_id, l.record_id, l.record_type, l.usage_day, l.usage_start, l.workspace_id, l.sku_name,
       l.billing_origin_product, l.quantity, l.cost_nanos, l.list_cost_nanos, l.contract_cost_nanos,
       p.list_price, p.effective_price, p.price_start, p.price_end, l.work_unit_type, coalesce(l.work_unit_id, ''),
       coalesce(w.name, ''), coalesce(l.job_run_id, ''), coalesce(l.run_as, ''), coalesce(a.team_key, ''),
       coalesce(a.project_key, ''), coalesce(a.method, ''), coalesce(a.confidence, ''), l.batch_id, b.started_at, l.quantity_nanos
FROM ledger_usage_line l
LEFT JOIN attr_line a ON a.line_id = l.line_id
LEFT JOIN ledger_list_price p ON p.price_id = l.price_id
LEFT JOIN ledger_work_unit w ON w.work_unit_type = l.work_unit_type AND w.work_unit_id = l.work_unit_id
LEFT JOIN raw_batch b ON b.batch_id = l.batch_id
)SQL") + whereSql(filter)
        + " ORDER BY l.usage_start, l.line_id LIMIT :limit");
    if (!stmt)
        return stmt.error();
    bindFilter(*stmt, filter);
    stmt->bind(stmt->index(":limit"), std::max(1, filter.limit));
    const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
        LineItemRow r;
        r.lineId = row.int64(0);
        r.recordId = row.text(1);
        r.recordType = row.text(2);
        r.usageDay = QDate::fromString(row.text(3), Qt::ISODate);
        r.usageStart = epoch(row, 4);
        r.workspaceId = row.text(5);
        r.sku = row.text(6);
        r.product = row.text(7);
        r.quantity = row.text(8);
        r.costNanos = row.optInt(9);
        r.listCostNanos = row.optInt(10);
        r.contractCostNanos = row.optInt(11);
        r.listPrice = row.text(12);
        r.effectivePrice = row.text(13);
        r.priceStart = epoch(row, 14);
        r.priceEnd = epoch(row, 15);
        r.workUnitType = row.text(16);
        r.workUnitId = row.text(17);
        r.workUnitName = row.text(18);
        r.jobRunId = row.text(19);
        r.runAs = row.text(20);
        r.teamKey = row.text(21);
        r.projectKey = row.text(22);
        r.attributionMethod = row.text(23);
        r.confidence = row.text(24);
        r.batchId = row.int64(25);
        r.extractedAt = epoch(row, 26);
        r.quantityNanos = row.int64(27);
        page.rows.append(r);
    });
    if (!rowsRead)
        return rowsRead.error();
    // Names after the rows (one statement at a time on the connection); cached per id.
    EntityNames names(db);
    for (LineItemRow &r : page.rows) {
        if (r.workUnitId.isEmpty())
            r.workUnitName = EntityNames::noIdLabel(QStringLiteral("work_unit"));
        if (Status named = fillWorkUnitNames(names, r.workUnitType, r.workUnitId, r.workspaceId, r.workUnitName, r.workspaceName); !named)
            return named.error();
        auto url = names.pageUrl(r.workUnitType, r.workUnitId, r.workspaceId);
        if (!url)
            return url.error();
        r.workUnitUrl = std::move(url).value();
    }
    return page;
}

} // namespace ll::reports

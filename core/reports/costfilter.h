#pragma once

// Internal to reports: the SQL behind CostQuery::filters, shared by the cost report and the
// line-item drill-down so both select exactly the same allocations.

#include "costreport.h"

namespace ll::reports::detail {

// The label expression of a dimension over a row source `m` (joined with attr_project p);
// tagKeyParameter names the bound parameter holding a tag dimension's key.
QByteArray dimensionSql(Dimension d, const QByteArray &tagKeyParameter);
// The key expression behind a label (team, project, department, org unit), else empty.
QByteArray dimensionKeySql(Dimension d);
// The ledger's allocations as rows shaped like metrics_daily_cost plus line-level columns
// (line_id, job_id, run_as, custom_tags...); parameters :from, :to, :asof (NULL = unbounded).
QByteArray ledgerRowsSql();

Status validateFilters(const QList<CostFilter> &filters);
bool filtersNeedLedger(const QList<CostFilter> &filters);
// " AND (...)" per filter over `m` and `p`; values and tag keys are bound by bindFilters
// (parameters :f0, :f0tag, :f1...). Empty for no filters.
QByteArray filterConditions(const QList<CostFilter> &filters);
void bindFilters(store::Statement &stmt, const QList<CostFilter> &filters);
// "team 'x'" for each filter value that matches no cost in the query's range and as-of.
Result<QStringList> unmatchedFilterValues(store::Database &db, const CostQuery &query);

} // namespace ll::reports::detail

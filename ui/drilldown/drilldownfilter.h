#pragma once

#include "reports/costreport.h"
#include "reports/lineitems.h"

#include <QDate>
#include <QStringList>

namespace ll::ui {

// What a drill-down from one cost figure asks for: the line-item filter, a caption for the
// dialog, and the parts of the figure the filter cannot express exactly (so the dialog can say
// that it shows more, or less, than the figure).
struct DrillDown {
    reports::LineItemFilter filter;
    QStringList criteria;    // "Team: unattributed", "Month: 2026-10", ...
    QStringList notNarrowed; // dimensions the line-item filter has no field for (principal, tag)
    QStringList approximate; // narrowed through the work unit (warehouse, cluster, pipeline)
    QStringList caveats;     // sentences the dialog shows as they are
};

// The filter behind one row of a cost report: each dimension key of the row narrows the line
// items, the report's date range [from, to] bounds the usage days (a Day or Month key narrows
// it further). Keys are the report's display form ("unattributed" team, "none" project).
// `filters` are the report's own filters: the line items honour them too. Org unit, department,
// principal and tag keys narrow through the same cost filters, so they are exact. `labels`
// (CostRow::labels) name the criteria: "Job: nightly_etl (866049302123312)".
DrillDown drillDownForCostRow(const QList<reports::Dimension> &by, const QStringList &tagKeys, const QStringList &keys, const QDate &from,
    const QDate &to, const QList<reports::CostFilter> &filters = {}, const QStringList &labels = {});

} // namespace ll::ui

#pragma once

#include "common/result.h"
#include "store/database.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace ll::reports {

// Dimensions a cost report can group by. Day..Project are read from metrics_daily_cost (fast);
// the others (and any --as-of report) are computed from the ledger's line items.
enum class Dimension { Day, Month, Workspace, Sku, Product, Team, Project, Job, Warehouse, Cluster, Pipeline, Principal, WorkUnit, Tag };

// "day" -> Dimension::Day ..., "tag:KEY" -> Dimension::Tag with KEY appended to *tagKeys
// (keys match tag keys case-insensitively). Unknown names are InvalidArgument errors naming
// the choices; tag dimensions without a tagKeys list are refused.
Result<QList<Dimension>> parseDimensions(const QString &commaSeparated, QStringList *tagKeys = nullptr);
bool isMetricsDimension(Dimension d);
QString dimensionName(Dimension d);
QStringList allDimensionNames();

struct CostQuery {
    QList<Dimension> by;
    QDate from; // inclusive; invalid = unbounded
    QDate to;   // inclusive; invalid = unbounded
    QStringList tagKeys; // one per Dimension::Tag in `by`, in order
    // Reproduces the figures the store held at this instant: only line items brought by
    // extraction batches started before it (corrections that arrived later are left out).
    QDateTime asOf;      // invalid = now
};

struct CostRow {
    QStringList keys;          // one per dimension, display form (team '' -> "unattributed")
    std::int64_t costNanos = 0;      // effective list cost (headline)
    std::int64_t listCostNanos = 0;  // pricing.default
    std::int64_t contractCostNanos = 0; // contract prices where entered, else effective list
    std::int64_t quantityNanos = 0;
    std::int64_t unpricedQuantityNanos = 0;
};

struct CostTable {
    QList<Dimension> by;
    QString currency = QStringLiteral("USD");
    bool hasContracts = false; // contract prices exist: show contract cost and its gap
    QList<CostRow> rows;       // ordered by keys ascending (days ascending)
    std::int64_t totalCostNanos() const;
};

Result<CostTable> queryCost(store::Database &db, const CostQuery &query);

} // namespace ll::reports

#pragma once

#include "common/result.h"
#include "store/database.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace ll::reports {

// Dimensions a cost report can group by; all read from metrics_daily_cost.
enum class Dimension { Day, Month, Workspace, Sku, Product, Team, Project };

// "day" -> Dimension::Day ...; an unknown name is an InvalidArgument error naming the choices.
Result<QList<Dimension>> parseDimensions(const QString &commaSeparated);
QString dimensionName(Dimension d);
QStringList allDimensionNames();

struct CostQuery {
    QList<Dimension> by;
    QDate from; // inclusive; invalid = unbounded
    QDate to;   // inclusive; invalid = unbounded
};

struct CostRow {
    QStringList keys;          // one per dimension, display form (team '' -> "unattributed")
    std::int64_t costNanos = 0;      // effective list cost (headline)
    std::int64_t listCostNanos = 0;  // pricing.default
    std::int64_t quantityNanos = 0;
    std::int64_t unpricedQuantityNanos = 0;
};

struct CostTable {
    QList<Dimension> by;
    QString currency = QStringLiteral("USD");
    QList<CostRow> rows;       // ordered by keys ascending (days ascending)
    std::int64_t totalCostNanos() const;
};

Result<CostTable> queryCost(store::Database &db, const CostQuery &query);

} // namespace ll::reports

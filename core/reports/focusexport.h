#pragma once

// FOCUS 1.2 cost and usage export (FinOps Open Cost and Usage Specification): one CSV row per
// ledger line item, streamed from SQLite to the device (nothing loads the table). How Billed,
// Effective, Contracted and List cost are derived from system tables, which carry no invoice,
// is documented in docs/focus-export.md.

#include "common/result.h"
#include "store/database.h"

#include <QDate>
#include <QIODevice>
#include <QStringList>

#include <cstdint>

namespace ll::reports {

struct FocusQuery {
    QDate from; // inclusive usage day (ChargePeriodStart, UTC); invalid = unbounded
    QDate to;   // inclusive
};

struct FocusStats {
    std::int64_t rows = 0;
    std::int64_t effectiveCostNanos = 0;
    std::int64_t billedCostNanos = 0;
};

// The header, in order: the 21 mandatory columns, the conditional ones the data supports, the
// 1.2 pricing-currency columns, then x_ Databricks columns.
QStringList focusColumns();
QStringList focusMandatoryColumns();

Result<FocusStats> exportFocus(store::Database &db, const FocusQuery &query, QIODevice &device);

} // namespace ll::reports

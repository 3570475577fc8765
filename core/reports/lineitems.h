#pragma once

#include "common/result.h"
#include "reports/costreport.h"
#include "store/database.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace ll::reports {

// Drill-down from any cost figure to the billing records behind it. Every field of the filter
// is optional; set the ones that identify the figure (e.g. day + workspace from a report row).
struct LineItemFilter {
    QDate from;              // inclusive usage day
    QDate to;                // inclusive usage day
    QString workspaceId;
    QString sku;
    QString product;         // billing_origin_product
    // A line matches when one of its allocations does. Keys or the labels reports show are
    // accepted: "" / "unattributed", "idle", "shared:<bucket>", a team key or display name.
    std::optional<QString> team;
    std::optional<QString> project; // key or display name; "" / "none" = no project
    QString workUnitType;
    QString workUnitId;
    // The cost report's filters (CostQuery::filters): a line is listed when one of its
    // allocations passes them all (and the criteria above).
    QList<CostFilter> costFilters;
    int limit = 2000;
};

struct LineItemRow {
    std::int64_t lineId = 0;
    QString recordId;
    QString recordType;            // ORIGINAL, RETRACTION, RESTATEMENT
    QDate usageDay;
    QDateTime usageStart;
    QString workspaceId;
    QString workspaceName; // its name, or the reason it has none (EntityNames)
    QString sku;
    QString product;
    QString quantity;              // verbatim decimal text
    std::int64_t quantityNanos = 0;
    std::optional<std::int64_t> costNanos;     // NULL = unpriced
    std::optional<std::int64_t> listCostNanos;
    std::optional<std::int64_t> contractCostNanos;
    QString listPrice;             // price row's pricing.default
    QString effectivePrice;        // price row's effective_list.default
    QDateTime priceStart;
    QDateTime priceEnd;            // invalid = open
    QString workUnitType;
    QString workUnitId;
    QString workUnitName; // never blank: the reason when unknown (EntityNames)
    QString workUnitUrl;  // its Databricks page when the workspace URL is known
    QString jobRunId;
    QString runAs;
    QString teamKey;
    QString projectKey;
    QString attributionMethod;
    QString confidence;
    std::int64_t batchId = 0;
    QDateTime extractedAt;         // when the batch that brought it started
};

struct LineItemPage {
    QList<LineItemRow> rows;       // ordered by usage start, then line id
    std::int64_t totalCount = 0;   // lines matching, even beyond the limit
    std::int64_t totalCostNanos = 0;
    std::int64_t totalUnpricedQuantityNanos = 0; // quantity of the matching lines without a list price
};

Result<LineItemPage> loadLineItems(store::Database &db, const LineItemFilter &filter);

} // namespace ll::reports

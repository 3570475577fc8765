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

// Dimensions a cost report can group by. Day..Project, OrgUnit and Department are read from
// metrics_daily_cost (fast); the others (and any --as-of report) are computed from the ledger's
// line items. OrgUnit and Department map each allocation's team up the stored hierarchy
// (team -> department -> org unit); non-team owners keep their labels (unattributed, idle,
// shared:<bucket>) and teams outside the hierarchy show "(no department)" / "(no org unit)".
enum class Dimension { Day, Month, Workspace, Sku, Product, Team, Project, Job, Warehouse, Cluster, Pipeline, Principal, WorkUnit, Tag, OrgUnit, Department };

// "day" -> Dimension::Day ..., "tag:KEY" -> Dimension::Tag with KEY appended to *tagKeys
// (keys match tag keys case-insensitively). Unknown names are InvalidArgument errors naming
// the choices; tag dimensions without a tagKeys list are refused.
Result<QList<Dimension>> parseDimensions(const QString &commaSeparated, QStringList *tagKeys = nullptr);
bool isMetricsDimension(Dimension d);
QString dimensionName(Dimension d);
// The entity an id dimension's keys name: "workspace", "job", "warehouse", "cluster",
// "pipeline", "principal", "work_unit" (keys "type:id"); empty for the other dimensions.
QString entityTypeOf(Dimension d);
QStringList allDimensionNames();

// Keeps the cost whose `dimension` value is one of `values`. A value matches the label the
// report shows for that dimension or the underlying key (team/project/org node key), compared
// case-insensitively. Filters on owner dimensions (team, department, org unit, project,
// principal) apply per allocation: a split line counts only the shares that match.
struct CostFilter {
    Dimension dimension = Dimension::Team;
    QString tagKey;      // for Dimension::Tag
    QStringList values;  // accepted values (at least one)
    bool operator==(const CostFilter &) const = default;
};

// "team=a,b", "tag:env=prod", "org_unit=Analytics". Errors (InvalidArgument) name the problem:
// no '=', unknown dimension, no values.
Result<CostFilter> parseCostFilter(const QString &text);
QString costFilterText(const CostFilter &filter); // the inverse: "team=a,b"

// Named dimension orders for the questions analysts ask.
struct CostPreset {
    QString name;            // "org", as --preset takes it
    QList<Dimension> by;
};
QList<CostPreset> costPresets();
Result<QList<Dimension>> presetDimensions(const QString &name);

struct CostQuery {
    QList<Dimension> by;
    QList<CostFilter> filters; // all must hold
    QDate from; // inclusive; invalid = unbounded
    QDate to;   // inclusive; invalid = unbounded
    QStringList tagKeys; // one per Dimension::Tag in `by`, in order
    // Reproduces the figures the store held at this instant: only line items brought by
    // extraction batches started before it (corrections that arrived later are left out).
    QDateTime asOf;      // invalid = now
};

struct CostRow {
    QStringList keys;          // one per dimension, display form (team '' -> "unattributed")
    // One per dimension: for an id dimension (entityTypeOf) the entity's name, the reason it
    // has none, or why the key is empty (EntityNames::noIdLabel); otherwise the key itself.
    QStringList labels;
    std::int64_t costNanos = 0;      // effective list cost (headline)
    std::int64_t listCostNanos = 0;  // pricing.default
    std::int64_t contractCostNanos = 0; // contract prices where entered, else effective list
    std::int64_t quantityNanos = 0;
    std::int64_t unpricedQuantityNanos = 0;
};

struct CostTable {
    QList<Dimension> by;
    QString currency = QStringLiteral("USD"); // queryCost fills in the store's (storeCurrency)
    bool hasContracts = false; // contract prices exist: show contract cost and its gap
    QList<CostRow> rows;       // ordered by keys ascending (days ascending)
    // Filter values that match no cost in the range (ignoring the other filters), as
    // "team 'x'": most likely a typo; the report is still correct for the values that match.
    QStringList unmatchedFilterValues;
    std::int64_t totalCostNanos() const;
};

Result<CostTable> queryCost(store::Database &db, const CostQuery &query);

// Subtotal rows for a multi-level table: for each prefix of the keys (levels 1..n-1) a row
// summing its group, placed before the group's rows. `level` is the number of keys that
// identify the subtotal (1 = first dimension); detail rows have level n. Keys after the level
// are empty. Every first-level group has its subtotal; a deeper one is left out when it would
// repeat a single row or its parent's whole group.
struct CostTreeRow {
    int level = 0;
    CostRow row;
};
QList<CostTreeRow> withSubtotals(const CostTable &table);

} // namespace ll::reports

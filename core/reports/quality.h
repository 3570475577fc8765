#pragma once

// Data quality figures an analyst checks before trusting a chart: how much cost has no owner,
// how much usage has no price, which tag keys cover how much cost, and which sources are stale.

#include "common/result.h"
#include "store/database.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace ll::reports {

struct TagCoverage {
    QString key;                 // most common spelling (keys match case-insensitively)
    std::int64_t coveredCostNanos = 0;
    std::int64_t basisPoints = 0; // covered / total cost x 10000, rounded half up
};

struct StaleSource {
    QString source;
    QString status;
    QDateTime newestEventTime;   // invalid = no event yet
    std::optional<std::int64_t> lagSeconds;
};

struct QualityQuery {
    QDate from;                  // inclusive usage day; invalid = unbounded
    QDate to;
    QDateTime now;               // freshness reference
    std::int64_t staleAfterSeconds = 2 * 86400; // billing usage lands within ~12 h; two days is late
    int maxTagKeys = 50;
};

struct QualitySnapshot {
    std::int64_t totalCostNanos = 0;
    std::int64_t unattributedCostNanos = 0;   // metrics_daily_cost team_key = ''
    std::int64_t unattributedBasisPoints = 0;
    std::int64_t unpricedQuantityNanos = 0;
    std::int64_t unpricedLines = 0;
    QList<TagCoverage> tagCoverage;           // by covered cost, descending
    QList<StaleSource> staleSources;          // activity sources whose newest event is too old (see below)
};

// part x 10000 / total, rounded half up; 0 when total is 0. Exact integer math.
std::int64_t shareBasisPoints(std::int64_t part, std::int64_t total);

// Totals and unattributed share read metrics_daily_cost; tag coverage needs each line's tags,
// so it reads the line items of the date range (a bounded scan, run on a worker thread).
// A source is stale when it was extracted before (status not 'never'), its events follow
// activity (reports::expectsRecentEvents: usage, timelines, queries; dimension tables and REST
// enrichment have no meaningful event age) and its newest event is missing or older than
// now - staleAfterSeconds.
Result<QualitySnapshot> loadQuality(store::Database &db, const QualityQuery &query);

} // namespace ll::reports

#pragma once

// The Data Health view's snapshot: per-source freshness (raw_source_state and the raw tables'
// sizes), recent stage runs, recorded data issues, corrections per sync, and the unpriced and
// unattributed totals. Reads app_*, raw_* bookkeeping and the metrics rollups; the one ledger
// read is the count of unpriced lines (an indexed IS NULL).

#include "common/result.h"
#include "store/database.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace ll::reports {

struct StageRunRow {
    std::int64_t stageRunId = 0;
    QString stage;
    QString status;
    QDateTime startedAt;
    QDateTime finishedAt;
    std::int64_t rowsIn = 0;
    std::int64_t rowsOut = 0;
    QString error;
};

struct SourceStateRow {
    QString source;          // catalog id, e.g. billing_usage
    QString systemTable;     // system.billing.usage
    QString status;          // never, ok, failed, unavailable
    QDateTime lastSuccessAt; // invalid when never
    QDateTime newestEventTime;
    std::optional<std::int64_t> lagSeconds; // now - newest event
    std::int64_t rawRows = 0;
    QString message;
};

struct IssueRow {
    QDateTime at;
    QString severity;
    QString source;
    QString message;
    QString context;
};

// Corrections (RETRACTION / RESTATEMENT records) that one extraction batch brought, per usage
// day: answers "why did last month's total change since the report I sent?".
struct CorrectionRow {
    std::int64_t batchId = 0;
    QDateTime extractedAt;
    QDate usageDay;
    std::int64_t retractions = 0;
    std::int64_t restatements = 0;
    std::int64_t netCostNanos = 0; // effect of this batch's corrections on that day's cost
};

struct DataHealthSnapshot {
    QList<SourceStateRow> sources;
    QList<StageRunRow> recentStageRuns; // newest first, up to 200
    QList<IssueRow> issues;             // newest first, up to 200
    QList<CorrectionRow> corrections;   // newest batch first, up to 500
    std::int64_t lineItems = 0;
    std::int64_t unpricedLineItems = 0;
    std::int64_t unpricedQuantityNanos = 0;
    std::int64_t unattributedCostNanos = 0;
    std::int64_t totalCostNanos = 0;
};

Result<DataHealthSnapshot> loadDataHealth(store::Database &db, const QDateTime &now);
Result<QList<CorrectionRow>> loadCorrections(store::Database &db, int limit = 500);

} // namespace ll::reports

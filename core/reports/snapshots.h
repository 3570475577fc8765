#pragma once

// Read-only snapshots the views and the CLI show. Each loader runs a few indexed queries over
// metrics_* (never a ledger scan) and returns plain values: the UI builds them on a worker
// thread with its own read connection and swaps them into models on the GUI thread.

#include "common/result.h"
#include "reports/freshness.h"
#include "reports/trend.h"
#include "reports/workloads.h"
#include "store/database.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace ll::reports {

struct NamedCost {
    QString key;         // stable key (workspace id, team key, sku...)
    QString label;       // what to show ("unattributed" for the empty team key)
    std::int64_t costNanos = 0;
};

struct DailyProductCost {
    QDate day;
    QString product;     // billing_origin_product
    std::int64_t costNanos = 0;
};

struct InsightSummary {
    std::int64_t findingId = 0;
    QString kind;
    QString title;
    QString detail;
    QString workspaceId;
    QString status;
    std::int64_t impactNanos = 0;
    QDate firstDay;
    QDate lastDay;
};

struct OverviewSnapshot {
    QDate today;                        // the clock's date the figures were computed for
    QDate dataThrough;                  // newest usage day in metrics (invalid when empty)
    QString currency = QStringLiteral("USD"); // the store's (storeCurrency)
    std::int64_t monthToDateNanos = 0;  // 1st of today's month .. today
    std::int64_t lastMonthSamePeriodNanos = 0; // same day span of the previous month
    std::int64_t lastMonthTotalNanos = 0;
    std::int64_t unattributedMonthToDateNanos = 0;
    std::int64_t unpricedQuantityMonthToDateNanos = 0;
    QList<DailyProductCost> daily;      // last 60 days up to dataThrough, by product
    QList<NamedCost> topTeams;          // month to date, top 8
    QList<NamedCost> topWorkspaces;     // month to date, top 8
    QList<InsightSummary> topInsights;  // open, by impact, top 5
    QList<NamedCost> topProjects;       // month to date, top 8, cost with a project only
    // Jobs, pipelines, warehouses and clusters by month-to-date cost (metrics_work_unit_daily),
    // top 8; only type, id, workspace, name and cost are filled.
    QList<WorkloadRow> topWorkloads;
    // This month's month-end forecast by the method in trend.h, made on the last data day; empty
    // when the month has no data yet. The backtest is the same method on up to six complete past
    // months (mean absolute percentage error).
    std::optional<MonthForecast> forecast;
    std::optional<double> forecastMeanAbsolutePercentError;
    int forecastBacktestMonths = 0;
    FreshnessReport freshness;          // filled even when the store has no cost yet
    bool empty() const { return !dataThrough.isValid(); }
};

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

struct AuditRow {
    std::int64_t entryId = 0;
    QDateTime at;
    QString actor;
    QString action;
    QString object;
    QString before;
    QString after;
};

// `now` is the freshness reference; invalid = the end of `today` (UTC).
Result<OverviewSnapshot> loadOverview(store::Database &db, const QDate &today, const QDateTime &now = {});
Result<DataHealthSnapshot> loadDataHealth(store::Database &db, const QDateTime &now);
Result<QList<InsightSummary>> loadInsights(store::Database &db);
Result<QList<CorrectionRow>> loadCorrections(store::Database &db, int limit = 500);
Result<QList<AuditRow>> loadAuditLog(store::Database &db, int limit = 500);

} // namespace ll::reports

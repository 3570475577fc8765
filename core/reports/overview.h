#pragma once

// The Overview's snapshot: month-to-date figures, the daily series, the top teams, projects,
// workspaces and workloads, the forecast, top insights and freshness. Reads the metrics_*
// rollups (never a ledger scan), plus names from the small entity and configuration tables.

#include "common/result.h"
#include "reports/freshness.h"
#include "reports/insightlist.h"
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
    QString key;   // stable key (workspace id, team key, sku...)
    QString label; // what to show ("unattributed" for the empty team key)
    std::int64_t costNanos = 0;
    std::int64_t unpricedQuantityNanos = 0; // usage without a list price (not in costNanos); 0 where not read
};

struct DailyProductCost {
    QDate day;
    QString product; // billing_origin_product
    std::int64_t costNanos = 0;
};

struct OverviewSnapshot {
    QDate today;                               // the clock's date the figures were computed for
    QDate dataThrough;                         // newest usage day in metrics (invalid when empty)
    QString currency = QStringLiteral("USD");  // the store's (storeCurrency)
    std::int64_t monthToDateNanos = 0;         // 1st of today's month .. today
    std::int64_t lastMonthSamePeriodNanos = 0; // same day span of the previous month
    std::int64_t lastMonthTotalNanos = 0;
    std::int64_t unattributedMonthToDateNanos = 0;
    // Owners that are not teams, month to date: idle shared compute and shared buckets before
    // redistribution. topTeams lists teams only; these and unattributed have their own figures.
    std::int64_t idleMonthToDateNanos = 0;
    std::int64_t sharedMonthToDateNanos = 0;
    std::int64_t unpricedQuantityMonthToDateNanos = 0;
    QList<DailyProductCost> daily;     // last 60 days up to dataThrough, by product
    QList<NamedCost> topTeams;         // month to date, top 8, teams only
    QList<NamedCost> topWorkspaces;    // month to date, top 8, with unpriced quantity
    QList<InsightSummary> topInsights; // open, by impact, top 5
    QList<NamedCost> topProjects;      // month to date, top 8, cost with a project only
    // Jobs, pipelines, warehouses and clusters by month-to-date cost (metrics_work_unit_daily),
    // top 8; only type, id, workspace, name and cost are filled.
    QList<WorkloadRow> topWorkloads;
    // This month's month-end forecast by the method in trend.h, made on the last data day; empty
    // when the month has no data yet. The backtest is the same method on up to six complete past
    // months (mean absolute percentage error).
    std::optional<MonthForecast> forecast;
    std::optional<double> forecastMeanAbsolutePercentError;
    int forecastBacktestMonths = 0;
    FreshnessReport freshness; // filled even when the store has no cost yet
    bool empty() const { return !dataThrough.isValid(); }
};

// `now` is the freshness reference; invalid = the end of `today` (UTC).
Result<OverviewSnapshot> loadOverview(store::Database &db, const QDate &today, const QDateTime &now = {});

} // namespace ll::reports

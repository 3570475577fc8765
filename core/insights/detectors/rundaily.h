#pragma once

// Per job or pipeline, its days of metrics_run_daily in a window: the shared input of
// failed_run_waste and retry_storm.

#include "insights/detector.h"

namespace ll::insights {

struct RunDay {
    QDate day;
    std::int64_t runs = 0, failedRuns = 0;
    std::int64_t runCost = 0, failedCost = 0;
};

struct RunParent {
    QString runKind; // job_run or pipeline_update
    QString workspace, parent;
    QList<RunDay> days;
    std::int64_t runs = 0, failedRuns = 0, runCost = 0, failedCost = 0;
    QDate firstFailure, lastFailure;

    ScopeType scopeType() const { return runKind == QLatin1String("pipeline_update") ? ScopeType::Pipeline : ScopeType::Job; }
    QString entityType() const { return runKind == QLatin1String("pipeline_update") ? QStringLiteral("pipeline") : QStringLiteral("job"); }
    QString idKey() const { return runKind == QLatin1String("pipeline_update") ? QStringLiteral("pipeline_id") : QStringLiteral("job_id"); }
};

Result<QList<RunParent>> readRunDays(store::Database &db, const DayWindow &window);

// The failed run ids of one parent in the window, oldest first (at most `limit`).
Result<QStringList> failedRunIds(store::Database &db, const RunParent &parent, const DayWindow &window, int limit);

} // namespace ll::insights

#pragma once

// Maintains the coverage-map tables of migration 0009 for Data Health (reports/coverage.h):
// per-day cost without a resource, owner or team, and per source table and workspace the rows
// extracted and the newest event. Kept apart from MetricsStage's own SQL so either can change
// without touching the other.

#include "common/result.h"
#include "pipeline/stage.h"

namespace ll::metrics {

// Recomputes metrics_workspace_coverage_daily for the days in temp.work_day, inside the metrics
// stage's open transaction; returns rows written.
Result<std::int64_t> updateWorkspaceCoverageDays(store::Database &db);

// Folds raw rows appended since the last call into metrics_source_coverage and
// metrics_workspace_region, in bounded transactions that commit with their watermark. A missing
// watermark (new store, rebuild) starts that source over from zero.
Status foldSourceCoverage(pipeline::StageContext &context);

} // namespace ll::metrics

#pragma once

#include "pipeline/daybatchstage.h"

namespace ll::metrics {

// Stage 5: ledger + attribution -> metrics_daily_cost, recomputed per changed day, so views
// read small pre-aggregated tables and a new day of data touches only that day's rows.
class MetricsStage final : public pipeline::DayBatchStage {
public:
    MetricsStage() : DayBatchStage(QStringLiteral("metrics"), QStringList{QStringLiteral("insights"), QStringLiteral("workload_metrics")}, 31) {}

protected:
    Status prepare(pipeline::StageContext &context) override;
    Result<std::int64_t> processWorkDays(pipeline::StageContext &context) override;
};

} // namespace ll::metrics

#pragma once

#include "pipeline/daybatchstage.h"

namespace ll::metrics {

// Stage 5b: workload and utilization metrics, recomputed per changed day.
//  - Before the days: folds the utilization sources (node timeline, warehouse events, query
//    history) from raw into ledger-level tables under their own watermarks (stage name
//    'ledger_utilization'), and queues the days each fold touched; it also re-queues the start
//    days of runs whose timeline slices changed (a late result state).
//  - Per day: cost per work unit; per job run and pipeline update (cost, result, duration);
//    runs per job / pipeline per day; cluster CPU and memory weighted by node uptime; warehouse
//    running, busy (union of statements) and idle time.
// Fed by MetricsStage (usage days) and by its own fold; the last stage of its branch.
class WorkloadMetricsStage final : public pipeline::DayBatchStage {
public:
    explicit WorkloadMetricsStage(int chunkRows = 250000)
        : DayBatchStage(QStringLiteral("workload_metrics"), QString(), 31), m_chunkRows(chunkRows) {}

    static QString foldStageName() { return QStringLiteral("ledger_utilization"); }

protected:
    Status prepare(pipeline::StageContext &context) override;
    Result<std::int64_t> processWorkDays(pipeline::StageContext &context) override;

private:
    int m_chunkRows;
};

} // namespace ll::metrics

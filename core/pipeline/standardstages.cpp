#include "standardstages.h"

#include "attribution/attributionstage.h"
#include "insights/insightstage.h"
#include "ledger/ledgerstage.h"
#include "metrics/metricsstage.h"
#include "metrics/workloadmetricsstage.h"

namespace ll::pipeline {

void addDerivedStages(PipelineRunner &runner)
{
    runner.addStage(std::make_unique<ledger::LedgerStage>());
    runner.addStage(std::make_unique<attribution::AttributionStage>());
    runner.addStage(std::make_unique<metrics::MetricsStage>());
    runner.addStage(std::make_unique<metrics::WorkloadMetricsStage>());
    runner.addStage(std::make_unique<insights::InsightStage>());
}

} // namespace ll::pipeline

#include "insights/detector.h"

#include "alwaysonwarehouse.h"
#include "attributiondeclining.h"
#include "budgetatrisk.h"
#include "costanomaly.h"
#include "failedrunwaste.h"
#include "idlecluster.h"
#include "idlewarehouse.h"
#include "jobsonallpurpose.h"
#include "longautotermination.h"
#include "oversizedcompute.h"
#include "retrystorm.h"
#include "runaway.h"
#include "taghygiene.h"

namespace ll::insights {

std::vector<std::unique_ptr<Detector>> allDetectors()
{
    std::vector<std::unique_ptr<Detector>> detectors;
    detectors.push_back(std::make_unique<JobsOnAllPurposeDetector>());
    detectors.push_back(std::make_unique<CostAnomalyDetector>());
    // Runs and SQL warehouses.
    detectors.push_back(std::make_unique<RunawayRunDetector>());
    detectors.push_back(std::make_unique<FailedRunWasteDetector>());
    detectors.push_back(std::make_unique<RetryStormDetector>());
    detectors.push_back(std::make_unique<IdleWarehouseDetector>());
    detectors.push_back(std::make_unique<AlwaysOnWarehouseDetector>());
    // Clusters, tags and attribution.
    detectors.push_back(std::make_unique<IdleClusterDetector>());
    detectors.push_back(std::make_unique<LongAutoterminationDetector>());
    detectors.push_back(std::make_unique<OversizedComputeDetector>());
    detectors.push_back(std::make_unique<TagHygieneDetector>());
    detectors.push_back(std::make_unique<AttributionDecliningDetector>());
    // Budgets.
    detectors.push_back(std::make_unique<BudgetAtRiskDetector>());
    return detectors;
}

} // namespace ll::insights

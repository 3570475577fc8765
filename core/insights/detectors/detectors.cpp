#include "insights/detector.h"

#include "attributiondeclining.h"
#include "costanomaly.h"
#include "idlecluster.h"
#include "jobsonallpurpose.h"
#include "longautotermination.h"
#include "oversizedcompute.h"
#include "taghygiene.h"

namespace ll::insights {

std::vector<std::unique_ptr<Detector>> allDetectors()
{
    std::vector<std::unique_ptr<Detector>> detectors;
    detectors.push_back(std::make_unique<JobsOnAllPurposeDetector>());
    detectors.push_back(std::make_unique<CostAnomalyDetector>());
    // Runs and SQL warehouses.
    // Clusters, tags and attribution.
    detectors.push_back(std::make_unique<IdleClusterDetector>());
    detectors.push_back(std::make_unique<LongAutoterminationDetector>());
    detectors.push_back(std::make_unique<OversizedComputeDetector>());
    detectors.push_back(std::make_unique<TagHygieneDetector>());
    detectors.push_back(std::make_unique<AttributionDecliningDetector>());
    // Budgets.
    return detectors;
}

} // namespace ll::insights

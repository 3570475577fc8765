#include "insights/detector.h"

#include "costanomaly.h"
#include "jobsonallpurpose.h"

namespace ll::insights {

std::vector<std::unique_ptr<Detector>> allDetectors()
{
    std::vector<std::unique_ptr<Detector>> detectors;
    detectors.push_back(std::make_unique<JobsOnAllPurposeDetector>());
    detectors.push_back(std::make_unique<CostAnomalyDetector>());
    // Runs and SQL warehouses.
    // Clusters, tags and attribution.
    // Budgets.
    return detectors;
}

} // namespace ll::insights

#pragma once

#include "insights/detector.h"

namespace ll::insights {

// oversized_compute: an all-purpose cluster whose busy hours stay far below its capacity at
// the 95th percentile (CPU and memory), priced as the share a resize to the thresholds would
// cut; and a SQL warehouse that never scaled past its minimum clusters (informational: an
// unused ceiling is not billed, so there is no saving to claim).
class OversizedComputeDetector final : public Detector {
public:
    QStringList kinds() const override { return {QStringLiteral("oversized_compute")}; }
    Result<QList<Finding>> detect(const DetectorContext &context) override;
};

} // namespace ll::insights

#pragma once

#include "insights/detector.h"

namespace ll::insights {

// failed_run_waste: what a job's (or pipeline's) failed runs cost over the window. A failed run's
// compute produced nothing, and a retried attempt is a run of its own that failed; the run that
// finally succeeded is not waste. Saving: that cost per month (fixing the cause saves it).
class FailedRunWasteDetector final : public Detector {
public:
    QStringList kinds() const override { return {QStringLiteral("failed_run_waste")}; }
    Result<QList<Finding>> detect(const DetectorContext &context) override;
};

} // namespace ll::insights

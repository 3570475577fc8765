#pragma once

#include "insights/detector.h"

namespace ll::insights {

// retry_storm: a job failing over and over in a short time: at least min_failed_per_day failed
// runs on one day, or at least min_failure_pct of at least min_runs runs failed, within the last
// window_days. The saving is the storm's failed-run cost in that window, not extrapolated: a storm
// is an incident, the recurring cost of failures is failed_run_waste's.
class RetryStormDetector final : public Detector {
public:
    QStringList kinds() const override { return {QStringLiteral("retry_storm")}; }
    Result<QList<Finding>> detect(const DetectorContext &context) override;
};

} // namespace ll::insights

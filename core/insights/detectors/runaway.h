#pragma once

#include "insights/detector.h"

namespace ll::insights {

// runaway_run: a job run whose duration or cost is far above that job's own history: a robust
// z-score (median/MAD of the job's previous completed runs, at least min_history_runs of them)
// of min_z or more, on a spread floored at min_spread_pct of the median so a history of nearly
// identical runs does not call every slightly longer run a runaway. One finding per job, listing
// its runaway runs of the window; the saving is their cost above the median run cost.
class RunawayRunDetector final : public Detector {
public:
    QStringList kinds() const override { return {QStringLiteral("runaway_run")}; }
    Result<QList<Finding>> detect(const DetectorContext &context) override;
};

} // namespace ll::insights

#pragma once

#include "pipeline/daybatchstage.h"

namespace ll::insights {

// Stage 6: ledger + metrics -> insight_finding. Runs every detector (detector.h) once per run
// that changed any day, over trailing windows ending on the newest complete usage day, and
// writes their findings through FindingWriter (lifecycle, evidence, auto-resolution), then
// brings the action plans in line with them (plans/plansync.h). The
// thresholds come from app_setting (thresholds.h); a damaged setting fails the stage with a
// message saying how to fix it rather than running on guesses.
class InsightStage final : public pipeline::DayBatchStage {
public:
    // All queued days in one transaction: detectors judge windows, not single days.
    InsightStage() : DayBatchStage(QStringLiteral("insights"), QString(), 100000) {}

protected:
    Result<std::int64_t> processWorkDays(pipeline::StageContext &context) override;
};

} // namespace ll::insights

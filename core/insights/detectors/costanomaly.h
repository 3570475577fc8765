#pragma once

#include "insights/detector.h"

namespace ll::insights {

// cost_spike and cost_drop: a workspace's, team's or job's daily cost far from its seasonal
// baseline, the median of the same weekday over the trailing weeks (thresholds: cost_spike.*,
// cost_drop.*). Each recent complete day is judged against the same weekdays before it, so a
// weekday/weekend rhythm is its own baseline. A day counts only if its quantity (DBUs) is
// unusual the same way: a list-price change moves cost alone and stays quiet. A spike's saving
// is its excess over the baseline in the window (what is at stake if it recurs monthly is
// unknowable; the excess is what it cost); a drop has no saving: it is a risk (a broken
// pipeline) and its severity follows the shortfall.
class CostAnomalyDetector final : public Detector {
public:
    QStringList kinds() const override { return {QStringLiteral("cost_spike"), QStringLiteral("cost_drop")}; }
    Result<QList<Finding>> detect(const DetectorContext &context) override;
};

} // namespace ll::insights

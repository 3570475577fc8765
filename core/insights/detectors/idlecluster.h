#pragma once

#include "insights/detector.h"

namespace ll::insights {

// idle_cluster: an all-purpose cluster billed for hours with nothing attached and low CPU and
// memory (clusterhours.h). The saving is the billed cost of those hours; the severity follows
// the idle hours per day of the window.
class IdleClusterDetector final : public Detector {
public:
    QStringList kinds() const override { return {QStringLiteral("idle_cluster")}; }
    Result<QList<Finding>> detect(const DetectorContext &context) override;
};

} // namespace ll::insights

#pragma once

#include "insights/detector.h"

namespace ll::insights {

// long_autotermination: an all-purpose cluster with auto-termination disabled (0 or not set)
// or above the limit. The saving is what the recommended auto-termination would have cut: the
// cost of each idle stretch beyond its first recommended minutes.
class LongAutoterminationDetector final : public Detector {
public:
    QStringList kinds() const override { return {QStringLiteral("long_autotermination")}; }
    Result<QList<Finding>> detect(const DetectorContext &context) override;
};

} // namespace ll::insights

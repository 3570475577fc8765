#pragma once

#include "insights/detector.h"

namespace ll::insights {

// attribution_declining: the account's unattributed share of cost rose by at least the
// threshold in percentage points, the last 7 complete days against the 7 before. No saving;
// the severity follows the points.
class AttributionDecliningDetector final : public Detector {
public:
    QStringList kinds() const override { return {QStringLiteral("attribution_declining")}; }
    Result<QList<Finding>> detect(const DetectorContext &context) override;
};

} // namespace ll::insights

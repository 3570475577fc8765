#pragma once

#include "insights/detector.h"

namespace ll::insights {

// tag_hygiene: spend whose line items lack a tag key attribution relies on (the fallback's
// `team`, and every key an enabled tag rule matches on), and tag keys spelled several ways
// (`Team` vs `team`, `cost_center` vs `cost-center`). It fixes attribution, not spend: no
// saving; the dollars affected are in the title and evidence and set the severity.
class TagHygieneDetector final : public Detector {
public:
    QStringList kinds() const override { return {QStringLiteral("tag_hygiene")}; }
    Result<QList<Finding>> detect(const DetectorContext &context) override;
};

} // namespace ll::insights

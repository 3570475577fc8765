#pragma once

#include "insights/detector.h"

namespace ll::insights {

// jobs_on_all_purpose: a job's runs billed at all-purpose rates. The saving prices the same
// DBUs at the jobs-compute SKU's list price in force at the same hour (the effective list
// price; a contract price applies to both SKUs alike and leaves the comparison as it is).
class JobsOnAllPurposeDetector final : public Detector {
public:
    QStringList kinds() const override { return {QStringLiteral("jobs_on_all_purpose")}; }
    Result<QList<Finding>> detect(const DetectorContext &context) override;
};

} // namespace ll::insights

#pragma once

#include "pipeline/daybatchstage.h"

namespace ll::insights {

// Stage 6: ledger + metrics -> insight_finding. First detector: jobs running on all-purpose
// compute (the waste Databricks' own job-cost views leave out). For the last 30 days of data it
// prices each such job's DBUs at the matching jobs-compute SKU's effective price at the same
// hour; the difference is the finding's impact. Findings are upserted by fingerprint so an
// analyst's dismissal survives recomputation; findings that no longer hold are resolved.
class InsightStage final : public pipeline::DayBatchStage {
public:
    InsightStage() : DayBatchStage(QStringLiteral("insights"), QString(), 100000) {}

protected:
    Result<std::int64_t> processWorkDays(pipeline::StageContext &context) override;
};

} // namespace ll::insights

#pragma once

#include "pipeline/daybatchstage.h"

namespace ll::attribution {

// Stage 4: ledger -> attribution. For each group of changed days:
//  1. ordered rules (first match wins): exact ids, regex patterns on names, notebook paths,
//     principals, e-mail domains and tags, proportional splits; modes direct, split, shared
//     (into a bucket) and usage (a shared warehouse hour split by query time, idle explicit);
//  2. for lines no rule matched, the fallback waterfall: the line's tags, its work unit's tags,
//     identity mapping of the run-as principal, the resource owner's team, else unattributed;
//  3. allocation rows whose costs add up exactly to each line's (largest remainder), then
//     shared buckets redistributed to teams (even, proportional to direct cost, fixed shares).
// Every allocation records the rule or fallback step and a confidence tier.
class AttributionStage final : public pipeline::DayBatchStage {
public:
    AttributionStage() : DayBatchStage(QStringLiteral("attribution"), QStringLiteral("metrics"), 31) {}

protected:
    Result<std::int64_t> processWorkDays(pipeline::StageContext &context) override;
};

} // namespace ll::attribution

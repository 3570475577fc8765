#pragma once

#include "pipeline/daybatchstage.h"

namespace ll::attribution {

// Stage 4: ledger -> attribution. First slice of the engine: the line item's own `team` and
// `project` tags (keys case-insensitive, values trimmed and case-folded into keys, teams and
// projects created on first sight), else unattributed. Every decision records its method and
// confidence tier, so "why is this mine?" has an answer from day one.
class AttributionStage final : public pipeline::DayBatchStage {
public:
    AttributionStage() : DayBatchStage(QStringLiteral("attribution"), QStringLiteral("metrics"), 31) {}

protected:
    Result<std::int64_t> processWorkDays(pipeline::StageContext &context) override;
};

} // namespace ll::attribution

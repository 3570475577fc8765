#pragma once

#include "pipeline/stage.h"

namespace ll::ledger {

// Stage 3: raw -> ledger. Set-based SQL over raw rows above this stage's watermarks:
//  - workspaces (latest extraction wins, history kept: a cancelled workspace stays),
//  - clusters, warehouses, jobs, tasks and pipelines with their change history; job runs and
//    pipeline updates folded from their slices; principals, ownership and work units,
//  - list price periods (a re-extracted period updates in place; only real changes re-price),
//  - one usage line item per billing record id (re-extracted duplicates count once; RETRACTION
//    and RESTATEMENT rows are lines like any other, so sums apply corrections), priced exactly:
//    the period of the same SKU, cloud, currency and unit containing usage_start_time; and the
//    contract cost from the analyst's contract prices (re-applied to all lines when they change).
// Rejected rows (unparseable time, quantity, missing ids) are recorded in app_issue, never
// dropped silently. Changed days are queued for attribution. A rebuild runs this same code
// from watermark zero, and yields identical rows because every id follows raw order.
class LedgerStage final : public pipeline::Stage {
public:
    explicit LedgerStage(int chunkRows = 250000) : m_chunkRows(chunkRows) {}
    QString name() const override { return QStringLiteral("ledger"); }
    Result<pipeline::StageStats> run(pipeline::StageContext &context) override;

private:
    Status applyReferenceData(pipeline::StageContext &context, pipeline::StageStats &stats);
    Status applyEntities(pipeline::StageContext &context, pipeline::StageStats &stats, bool &changed);
    Status applyContractChanges(pipeline::StageContext &context);
    Result<std::int64_t> applyUsageChunk(pipeline::StageContext &context, std::int64_t from, std::int64_t to);

    int m_chunkRows;
};

} // namespace ll::ledger

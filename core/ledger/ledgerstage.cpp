#include "ledgerstage.h"

#include "entitysql.h"
#include "ledgersql.h"

#include "pipeline/progressstate.h"
#include "pipeline/steptimer.h"

namespace ll::ledger {

using pipeline::ProgressState;
using pipeline::StageContext;
using pipeline::StageStats;

namespace {

const QString kStage = QStringLiteral("ledger");

using Params = std::initializer_list<std::pair<const char *, std::int64_t>>;

Status runBound(store::Database &db, const QByteArray &sql, Params params)
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    for (const auto &[name, value] : params) {
        const int i = stmt->index(name);
        if (i > 0)
            stmt->bind(i, value);
    }
    return stmt->run();
}

// Contract cost for one line set: the contract statement, then the effective-cost fallback.
Status applyContracts(store::Database &db, const char *lineSet, Params params)
{
    if (auto s = runBound(db, QByteArray(sql::contractCost).replace("%1", lineSet), params); !s)
        return s;
    return runBound(db, QByteArray(sql::contractFallback).replace("%1", lineSet), params);
}

Result<std::int64_t> maxRawIdOf(store::Database &db, const QByteArray &table)
{
    auto v = db.queryInt(QByteArray(sql::maxRawId).replace("%1", table));
    if (!v)
        return v.error();
    return v->value_or(0);
}

Result<std::int64_t> maxLineId(store::Database &db)
{
    auto v = db.queryInt("SELECT coalesce(max(line_id), 0) FROM ledger_usage_line");
    if (!v)
        return v.error();
    return v->value_or(0);
}

// Runs `sql` over the raw rows of `source` above the stage watermark and advances it.
// Returns the number of raw rows consumed (0 when nothing was new).
Result<std::int64_t> consume(store::Database &db, const QString &source, const char *sql)
{
    auto from = ProgressState::watermark(db, kStage, source);
    if (!from)
        return from.error();
    auto to = maxRawIdOf(db, "raw_" + source.toLatin1());
    if (!to)
        return to.error();
    if (*to <= *from)
        return std::int64_t{0};
    if (auto s = runBound(db, QByteArray(sql), {{":from", *from}}); !s)
        return s.error();
    if (auto s = ProgressState::setWatermark(db, kStage, source, *to); !s)
        return s.error();
    return *to - *from;
}

} // namespace

Result<StageStats> LedgerStage::run(StageContext &context)
{
    StageStats stats;
    pipeline::StepTimer timer("ledger");
    if (auto s = applyReferenceData(context, stats); !s)
        return s.error();
    timer.lap("referenceData");
    if (auto s = applyContractChanges(context); !s)
        return s.error();

    auto start = ProgressState::watermark(context.db, kStage, QStringLiteral("billing_usage"));
    if (!start)
        return start.error();
    auto end = maxRawIdOf(context.db, "raw_billing_usage");
    if (!end)
        return end.error();
    std::int64_t from = *start;
    while (from < *end) {
        if (context.cancel.isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("Ledger update cancelled"));
        const std::int64_t to = std::min<std::int64_t>(*end, from + m_chunkRows);
        auto added = applyUsageChunk(context, from, to);
        if (!added)
            return added.error();
        stats.rowsIn += to - from;
        stats.rowsOut += *added;
        from = to;
        const double span = static_cast<double>(*end - *start);
        context.report(kStage, span > 0 ? static_cast<double>(from - *start) / span : 1.0,
                       QStringLiteral("%1 line items added").arg(stats.rowsOut));
    }
    // Work-unit names, owners and tags follow the current entities and the set of work units:
    // both may have changed above, and the table is small. Changed units requeue their days.
    store::Transaction tx(context.db);
    if (!tx.begun())
        return tx.begun().error();
    if (auto s = context.db.exec(sql::refreshWorkUnits); !s)
        return s.error();
    if (auto s = context.db.exec(sql::workspaceNamesFromRest); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return stats;
}

// Workspaces, list prices and entities: small or moderate tables, one transaction. Price
// changes re-price the affected line items and queue their days.
Status LedgerStage::applyReferenceData(StageContext &context, StageStats &stats)
{
    store::Database &db = context.db;
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();

    auto ws = consume(db, QStringLiteral("access_workspaces_latest"), sql::upsertWorkspaces);
    if (!ws)
        return ws.error();
    stats.rowsIn += *ws;

    auto pFrom = ProgressState::watermark(db, kStage, QStringLiteral("billing_list_prices"));
    auto pTo = maxRawIdOf(db, "raw_billing_list_prices");
    if (!pFrom || !pTo)
        return !pFrom ? pFrom.error() : pTo.error();
    if (*pTo > *pFrom) {
        if (auto s = db.exec(sql::createPriceWork); !s)
            return s;
        if (auto s = runBound(db, sql::fillPriceWork, {{":from", *pFrom}}); !s)
            return s;
        if (auto s = runBound(db, sql::rejectedPrices, {{":from", *pFrom}, {":now", context.clock.nowEpoch()}}); !s)
            return s;
        if (auto s = runBound(db, sql::changedPriceKeys, {}); !s)
            return s;
        if (auto s = runBound(db, sql::upsertPrices, {}); !s)
            return s;
        if (auto s = runBound(db, sql::priceLinesOfChangedKeys, {}); !s)
            return s;
        if (auto s = applyContracts(db, sql::linesOfChangedKeys, {}); !s)
            return s;
        if (auto s = runBound(db, sql::dirtyDaysOfChangedKeys, {}); !s)
            return s;
        if (auto s = ProgressState::setWatermark(db, kStage, QStringLiteral("billing_list_prices"), *pTo); !s)
            return s;
        stats.rowsIn += *pTo - *pFrom;
    }
    bool entitiesChanged = false;
    if (auto s = applyEntities(context, stats, entitiesChanged); !s)
        return s;
    return tx.commit();
}

Status LedgerStage::applyEntities(StageContext &context, StageStats &stats, bool &changed)
{
    store::Database &db = context.db;
    const std::pair<const char *, const char *> sources[] = {
        {"compute_clusters", sql::upsertClusters},
        {"compute_warehouses", sql::upsertWarehouses},
        {"lakeflow_jobs", sql::upsertJobs},
        {"lakeflow_job_tasks", sql::upsertJobTasks},
        {"lakeflow_pipelines", sql::upsertPipelines},
        {"lakeflow_job_run_timeline", sql::upsertJobRuns},
        {"lakeflow_pipeline_update_timeline", sql::upsertPipelineUpdates},
        {"query_history", sql::upsertQueries},
    };
    pipeline::StepTimer timer("ledger");
    for (const auto &[source, statement] : sources) {
        auto n = consume(db, QString::fromLatin1(source), statement);
        if (!n)
            return n.error();
        stats.rowsIn += *n;
        changed = changed || *n > 0;
        timer.lap(source);
    }
    // REST snapshots after the system tables, in both incremental runs and rebuilds, so the
    // precedence rules meet the same rows in the same order.
    auto restFrom = ProgressState::watermark(db, kStage, QStringLiteral("rest_object"));
    if (!restFrom)
        return restFrom.error();
    auto restTo = maxRawIdOf(db, "raw_rest_object");
    if (!restTo)
        return restTo.error();
    if (*restTo > *restFrom) {
        const std::pair<const char *, const char *> apis[] = {{"clusters", sql::clustersFromRest}, {"warehouses", sql::warehousesFromRest},
            {"jobs", sql::jobsFromRest}, {"pipelines", sql::pipelinesFromRest}};
        for (const auto &[api, statement] : apis) {
            const QByteArray objects = QByteArray(sql::restObjects).replace("%1", api);
            if (auto s = runBound(db, QByteArray(statement).replace("%1", objects), {{":from", *restFrom}}); !s)
                return s;
        }
        if (auto s = ProgressState::setWatermark(db, kStage, QStringLiteral("rest_object"), *restTo); !s)
            return s;
        stats.rowsIn += *restTo - *restFrom;
        changed = true;
        timer.lap("rest_object");
    }
    if (changed)
        return db.exec(sql::refreshOwnership);
    return {};
}

// Contract prices are analyst input: when they change (ContractBook bumps a version), every
// line's contract cost is recomputed and every day re-flows through attribution and metrics.
Status LedgerStage::applyContractChanges(StageContext &context)
{
    store::Database &db = context.db;
    auto version = db.queryInt("SELECT CAST(value AS INTEGER) FROM app_setting WHERE key = 'contracts_version'");
    if (!version)
        return version.error();
    auto applied = ProgressState::watermark(db, kStage, QStringLiteral("contracts"));
    if (!applied)
        return applied.error();
    const std::int64_t current = version->value_or(0);
    if (current == *applied)
        return {};
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    if (auto s = applyContracts(db, sql::allLines, {}); !s)
        return s;
    if (auto s = db.exec(sql::dirtyAllDays); !s)
        return s;
    if (auto s = ProgressState::setWatermark(db, kStage, QStringLiteral("contracts"), current); !s)
        return s;
    return tx.commit();
}

Result<std::int64_t> LedgerStage::applyUsageChunk(StageContext &context, std::int64_t from, std::int64_t to)
{
    store::Database &db = context.db;
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun().error();
    auto before = maxLineId(db);
    if (!before)
        return before.error();
    if (auto s = runBound(db, sql::rejectedUsage, {{":from", from}, {":to", to}, {":now", context.clock.nowEpoch()}}); !s)
        return s.error();
    pipeline::StepTimer timer("ledger");
    if (auto s = runBound(db, sql::insertUsageLines, {{":from", from}, {":to", to}}); !s)
        return s.error();
    timer.lap("insertUsageLines");
    auto after = maxLineId(db);
    if (!after)
        return after.error();
    if (*after > *before) {
        const Params newLines{{":after", *before}};
        const std::pair<const char *, const char *> statements[] = {
            {"priceLinesAfter", sql::priceLinesAfter}, {"workspacesFromUsage", sql::workspacesFromUsage},
            {"principalsFromLines", sql::principalsFromLines}, {"workUnitsFromLines", sql::workUnitsFromLines},
            {"dirtyDaysAfter", sql::dirtyDaysAfter}};
        for (const auto &[step, statement] : statements) {
            if (auto s = runBound(db, statement, newLines); !s)
                return s.error();
            timer.lap(step);
        }
        if (auto s = applyContracts(db, sql::linesAfter, newLines); !s)
            return s.error();
        timer.lap("contracts");
    }
    if (auto s = ProgressState::setWatermark(db, kStage, QStringLiteral("billing_usage"), to); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return *after - *before;
}

} // namespace ll::ledger

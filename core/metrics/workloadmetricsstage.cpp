#include "workloadmetricsstage.h"

#include "utilizationsql.h"
#include "workloadsql.h"

#include "pipeline/progressstate.h"
#include "pipeline/steptimer.h"

namespace ll::metrics {

using pipeline::ProgressState;
using pipeline::StageContext;

namespace {

using Params = std::initializer_list<std::pair<const char *, std::int64_t>>;

Status runBound(store::Database &db, const QByteArray &sql, Params params, const QString &kind = {})
{
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    for (const auto &[name, value] : params) {
        if (const int i = stmt->index(name); i > 0)
            stmt->bind(i, value);
    }
    if (const int i = stmt->index(":kind"); i > 0)
        stmt->bind(i, kind);
    return stmt->run();
}

// One raw source folded into ledger-level tables, chunk by chunk. `fold` runs inside the
// chunk's transaction; the watermark commits with it, so a kill resumes at the last chunk.
struct FoldSource {
    const char *source;       // raw table without the raw_ prefix; also the watermark source
    const char *ledgerSource; // when set: never read past LedgerStage's watermark of it
    std::function<Status(store::Database &, const Params &)> fold;
};

Status foldSource(StageContext &context, const FoldSource &src, int chunkRows)
{
    store::Database &db = context.db;
    const QString source = QString::fromLatin1(src.source);
    auto from = ProgressState::watermark(db, WorkloadMetricsStage::foldStageName(), source);
    if (!from)
        return from.error();
    auto end = db.queryInt("SELECT coalesce(max(raw_id), 0) FROM raw_" + QByteArray(src.source));
    if (!end)
        return end.error();
    std::int64_t limit = end->value_or(0);
    if (src.ledgerSource) {
        auto ledger = ProgressState::watermark(db, QStringLiteral("ledger"), QString::fromLatin1(src.ledgerSource));
        if (!ledger)
            return ledger.error();
        limit = std::min(limit, *ledger);
    }
    for (std::int64_t lo = *from; lo < limit;) {
        if (context.cancel.isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("Utilization update cancelled"));
        const std::int64_t hi = std::min<std::int64_t>(limit, lo + chunkRows);
        store::Transaction tx(db);
        if (!tx.begun())
            return tx.begun();
        if (auto s = src.fold(db, Params{{":from", lo}, {":to", hi}, {":now", context.clock.nowEpoch()}}); !s)
            return s;
        if (auto s = ProgressState::setWatermark(db, WorkloadMetricsStage::foldStageName(), source, hi); !s)
            return s;
        if (auto s = tx.commit(); !s)
            return s;
        lo = hi;
    }
    return {};
}

Status runAll(store::Database &db, std::initializer_list<const char *> statements, const Params &params)
{
    for (const char *statement : statements) {
        if (auto s = runBound(db, statement, params); !s)
            return s;
    }
    return {};
}

Status foldNodes(store::Database &db, const Params &p)
{
    return runAll(db, {sql::rejectedNodeRows, sql::upsertNodeSamples, sql::nodeSampleDays}, p);
}

Status foldWarehouseEvents(store::Database &db, const Params &p)
{
    if (auto s = db.exec(sql::createFoldSpan); !s)
        return s;
    return runAll(db, {sql::refoldWarehousesOfNewEvents, sql::refoldOpenIntervals, sql::rejectedWarehouseEvents,
                       sql::upsertWarehouseEvents, sql::spansOfRefoldedIntervals, sql::deleteRefoldedIntervals,
                       sql::insertRefoldedIntervals, sql::spansOfNewIntervals, sql::queueSpanDays},
                  p);
}

Status foldQueries(store::Database &db, const Params &p)
{
    if (auto s = db.exec(sql::createFoldSpan); !s)
        return s;
    return runAll(db, {sql::spansOfQueries, sql::queueSpanDays}, p);
}

std::function<Status(store::Database &, const Params &)> foldRuns(const char *table, const char *idColumn, const char *kind)
{
    return [=](store::Database &db, const Params &p) {
        const QByteArray statement = QByteArray(sql::runDays).replace("%1", table).replace("%2", idColumn);
        return runBound(db, statement, p, QString::fromLatin1(kind));
    };
}

} // namespace

Status WorkloadMetricsStage::prepare(StageContext &context)
{
    const FoldSource sources[] = {
        {"compute_node_timeline", nullptr, foldNodes},
        {"compute_warehouse_events", nullptr, foldWarehouseEvents},
        {"query_history", "query_history", foldQueries},
        {"lakeflow_job_run_timeline", "lakeflow_job_run_timeline",
         foldRuns("raw_lakeflow_job_run_timeline", "run_id", "job_run")},
        {"lakeflow_pipeline_update_timeline", "lakeflow_pipeline_update_timeline",
         foldRuns("raw_lakeflow_pipeline_update_timeline", "update_id", "pipeline_update")},
    };
    pipeline::StepTimer timer("workload_metrics");
    for (const auto &src : sources) {
        if (auto s = foldSource(context, src, m_chunkRows); !s)
            return s;
        timer.lap(src.source);
        context.report(name(), -1, QStringLiteral("folded %1").arg(QString::fromLatin1(src.source)));
    }
    return {};
}

Result<std::int64_t> WorkloadMetricsStage::processWorkDays(StageContext &context)
{
    store::Database &db = context.db;
    std::int64_t written = 0;
    pipeline::StepTimer timer("workload_metrics");
    const std::pair<const char *, const char *> statements[] = {
        {"workUnitDaily", sql::workUnitDaily}, {"touchedRuns", sql::touchedRuns}, {"insertRuns", sql::insertRuns},
        {"runDaily", sql::runDaily}, {"clusterUtilization", sql::clusterUtilization}, {"warehouseUtilization", sql::warehouseUtilization}};
    for (const auto &[step, statement] : statements) {
        if (auto s = db.exec(statement); !s)
            return s.error();
        written += db.changes();
        timer.lap(step);
    }
    return written;
}

} // namespace ll::metrics

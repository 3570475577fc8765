#include "job.h"

#include "attribution/attributionstage.h"
#include "audit/auditlog.h"
#include "common/coretext.h"
#include "common/logging.h"
#include "insights/insightstage.h"
#include "ledger/ledgerstage.h"
#include "metrics/metricsstage.h"
#include "metrics/workloadmetricsstage.h"
#include "pipeline/extractstage.h"
#include "store/store.h"

namespace ll::job {

namespace {

constexpr JobKind kAllKinds[] = {JobKind::Demo, JobKind::Sync, JobKind::Import, JobKind::Process, JobKind::Rebuild, JobKind::Attribution};

// The one place the derived stages and their order are written down.
void addDerivedStages(pipeline::PipelineRunner &runner)
{
    runner.addStage(std::make_unique<ledger::LedgerStage>());
    runner.addStage(std::make_unique<attribution::AttributionStage>());
    runner.addStage(std::make_unique<metrics::MetricsStage>());
    runner.addStage(std::make_unique<metrics::WorkloadMetricsStage>());
    runner.addStage(std::make_unique<insights::InsightStage>());
}

pipeline::RunSummary failedBeforeStart(const Error &error)
{
    pipeline::RunSummary summary;
    summary.status = error.code == ErrorCode::Cancelled ? pipeline::RunStatus::Cancelled : pipeline::RunStatus::Failed;
    summary.error = error;
    return summary;
}

} // namespace

QString toText(JobKind kind)
{
    switch (kind) {
    case JobKind::Demo: return QStringLiteral("demo");
    case JobKind::Sync: return QStringLiteral("sync");
    case JobKind::Import: return QStringLiteral("import");
    case JobKind::Process: return QStringLiteral("process");
    case JobKind::Rebuild: return QStringLiteral("rebuild");
    case JobKind::Attribution: return QStringLiteral("attribution");
    }
    return {};
}

std::optional<JobKind> jobKindFromText(QStringView text)
{
    for (JobKind k : kAllKinds)
        if (text == toText(k))
            return k;
    return std::nullopt;
}

pipeline::RunSummary runJob(
    store::Database &db, const Clock &clock, const JobSpec &spec, const CancelToken &cancel, const pipeline::ProgressCallback &progress)
{
    // A killed process leaves its run 'running'; mark it before anything reads or resets.
    if (Status s = pipeline::PipelineRunner::recoverInterrupted(db, clock); !s)
        return failedBeforeStart(s.error());
    pipeline::PipelineRunner runner(db, clock);
    if (spec.makeSource)
        runner.addStage(std::make_unique<pipeline::ExtractStage>(spec.makeSource()));
    addDerivedStages(runner);

    const QString kind = toText(spec.kind);
    pipeline::RunSummary summary;
    if (spec.kind == JobKind::Rebuild) {
        // A rebuild replaces every derived table in ONE transaction (each stage's own
        // transactions become savepoints in it). The views read on connections of their own and
        // keep seeing the previous figures until it commits; a cancel, a failure or a kill
        // leaves them exactly as they were. The price: the write lock is held for the whole
        // rebuild and the WAL grows by the size of the derived layers until the commit.
        const std::int64_t startedAt = clock.nowEpoch();
        {
            store::Transaction tx(db);
            if (!tx.begun())
                return failedBeforeStart(tx.begun().error());
            if (Status s = pipeline::PipelineRunner::resetDerivedLayers(db); !s)
                return failedBeforeStart(s.error());
            summary = runner.run(kind, cancel, progress);
            if (summary.ok()) {
                if (Status s = tx.commit(); !s) {
                    summary.status = pipeline::RunStatus::Failed;
                    summary.error = s.error();
                }
            }
        } // not committed: rolled back here
        if (!summary.ok()) {
            summary.error.message = ll::CoreText::tr("%1; the previous figures are unchanged").arg(summary.error.message);
            // The run's own records went with the rollback: keep a record of the attempt.
            if (auto id = pipeline::PipelineRunner::recordFinishedRun(db, clock, kind, startedAt, summary))
                summary.runId = *id;
        }
    } else {
        summary = runner.run(kind, cancel, progress);
    }
    const audit::Outcome outcome = summary.status == pipeline::RunStatus::Cancelled ? audit::Outcome::Cancelled
        : summary.ok()                                                              ? audit::Outcome::Ok
                                                                                    : audit::Outcome::Failed;
    if (Status s = audit::AuditLog::record(db, clock, audit::AuditLog::currentActor(), kind,
            QStringLiteral("pipeline run %1").arg(summary.runId), {}, pipeline::toText(summary.status), outcome);
        !s)
        qCWarning(lcPipeline) << "cannot write the audit log:" << s.error().toString();
    return summary;
}

pipeline::RunSummary runJob(
    const QString &storePath, const JobSpec &spec, const CancelToken &cancel, const pipeline::ProgressCallback &progress)
{
    auto db = store::Store::open(storePath, {.create = false});
    if (!db)
        return failedBeforeStart(db.error());
    SystemClock clock;
    return runJob(*db, clock, spec, cancel, progress);
}

} // namespace ll::job

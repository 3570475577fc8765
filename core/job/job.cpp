#include "job.h"

#include "attribution/attributionstage.h"
#include "audit/auditlog.h"
#include "common/logging.h"
#include "insights/insightstage.h"
#include "ledger/ledgerstage.h"
#include "metrics/metricsstage.h"
#include "metrics/workloadmetricsstage.h"
#include "pipeline/extractstage.h"
#include "store/store.h"

namespace ll::job {

namespace {

constexpr JobKind kAllKinds[] = { JobKind::Demo, JobKind::Sync, JobKind::Import, JobKind::Process, JobKind::Rebuild, JobKind::Attribution };

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
    case JobKind::Demo:
        return QStringLiteral("demo");
    case JobKind::Sync:
        return QStringLiteral("sync");
    case JobKind::Import:
        return QStringLiteral("import");
    case JobKind::Process:
        return QStringLiteral("process");
    case JobKind::Rebuild:
        return QStringLiteral("rebuild");
    case JobKind::Attribution:
        return QStringLiteral("attribution");
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
    if (spec.kind == JobKind::Rebuild) {
        if (Status s = pipeline::PipelineRunner::resetDerivedLayers(db); !s)
            return failedBeforeStart(s.error());
    }
    pipeline::PipelineRunner runner(db, clock);
    if (spec.makeSource)
        runner.addStage(std::make_unique<pipeline::ExtractStage>(spec.makeSource()));
    addDerivedStages(runner);

    const QString kind = toText(spec.kind);
    pipeline::RunSummary summary = runner.run(kind, cancel, progress);
    if (Status s = audit::AuditLog::record(db, clock, audit::AuditLog::currentActor(), kind,
            QStringLiteral("pipeline run %1").arg(summary.runId), {}, pipeline::toText(summary.status));
        !s)
        qCWarning(lcPipeline) << "cannot write the audit log:" << s.error().toString();
    return summary;
}

pipeline::RunSummary runJob(
    const QString &storePath, const JobSpec &spec, const CancelToken &cancel, const pipeline::ProgressCallback &progress)
{
    auto db = store::Store::open(storePath, { .create = false });
    if (!db)
        return failedBeforeStart(db.error());
    SystemClock clock;
    return runJob(*db, clock, spec, cancel, progress);
}

} // namespace ll::job

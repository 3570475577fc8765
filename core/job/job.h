#pragma once

#include "common/canceltoken.h"
#include "common/clock.h"
#include "pipeline/extractionsource.h"
#include "pipeline/pipelinerunner.h"
#include "store/database.h"

#include <QString>
#include <QStringView>

#include <functional>
#include <memory>
#include <optional>

namespace ll::job {

// What a job does; its text is the pipeline run's kind (app_pipeline_run.kind) and the audit
// log's action.
enum class JobKind {
    Demo,        // generate the demo account, then derive
    Sync,        // Direct Connection extraction, then derive
    Import,      // an extraction bundle, then derive
    Process,     // derive whatever raw holds that is not yet derived
    Rebuild,     // clear the derived layers, then derive everything from raw
    Attribution, // re-derive after an attribution configuration change
};

QString toText(JobKind kind);
std::optional<JobKind> jobKindFromText(QStringView text);

struct JobSpec {
    JobKind kind = JobKind::Process;
    // The extraction that runs first, if any. A factory, because the source is built on the
    // thread that runs the job (an HTTP client must live on the thread that uses it).
    std::function<std::unique_ptr<pipeline::ExtractionSource>()> makeSource;
};

// The one recipe every entry point (CLI commands, the GUI, tests, the bench) runs a pipeline
// with: recover runs a killed process left 'running', clear the derived layers for a rebuild,
// run extraction (when the spec has a source) and then ledger -> attribution -> metrics ->
// workload metrics -> insights strictly in order with progress and cancel, and record the
// outcome in the audit log. A failed or cancelled run keeps what earlier commits wrote and
// the next run resumes from there; a rebuild is all or nothing: cancelled or failed, it leaves
// the previous figures exactly as they were (and readers see them throughout).
pipeline::RunSummary runJob(store::Database &db, const Clock &clock, const JobSpec &spec, const CancelToken &cancel,
    const pipeline::ProgressCallback &progress = {});

// The same, on a connection of its own: for a worker thread (SQLite connections never cross
// threads). An existing store only: a job never creates one by accident.
pipeline::RunSummary runJob(
    const QString &storePath, const JobSpec &spec, const CancelToken &cancel, const pipeline::ProgressCallback &progress = {});

} // namespace ll::job

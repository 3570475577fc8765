#pragma once

#include "runstatus.h"
#include "stage.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace ll::pipeline {

struct StageOutcome {
    QString stage;
    RunStatus status = RunStatus::Skipped; // succeeded, failed, cancelled or skipped
    StageStats stats;
    QString error;
    qint64 elapsedMs = 0; // wall time of the stage (app_stage_run keeps whole seconds only)
};

struct RunSummary {
    std::int64_t runId = 0;
    RunStatus status = RunStatus::Succeeded; // succeeded, failed or cancelled
    QList<StageOutcome> stages;
    Error error;    // set when status != succeeded
    bool ok() const { return status == RunStatus::Succeeded; }
};

// The bottom of the pipeline: it knows the Stage interface and its bookkeeping tables, not which
// stages exist (core/job/job.h composes them). Runs stages strictly in the order they were added; the first failure or cancel stops the run
// and later stages are recorded as skipped. Every stage run is recorded in app_stage_run (start,
// end, rows in/out, status, error) in its own small transaction, so the record survives the
// stage's rollback. The runner itself holds no transaction: each stage owns its own.
class PipelineRunner {
public:
    PipelineRunner(store::Database &db, const Clock &clock);

    void addStage(std::unique_ptr<Stage> stage);
    QStringList stageNames() const;

    RunSummary run(const QString &kind, const CancelToken &cancel, const ProgressCallback &progress = {});

    // Records a whole run after the fact, for a run whose own records were rolled back with its
    // work (an atomic rebuild that was cancelled or failed). Returns the run id.
    static Result<std::int64_t> recordFinishedRun(
        store::Database &db, const Clock &clock, const QString &kind, std::int64_t startedAt, const RunSummary &summary);

    // Marks runs and batches left 'running' by a killed process as 'interrupted'.
    static Status recoverInterrupted(store::Database &db, const Clock &clock);

    // Clears every derived layer and their watermarks in one transaction, so the next run
    // re-derives everything from raw through the same stages. The tables are found by their
    // layer prefix (derivedTablePrefixes()), so a new derived table cannot be forgotten.
    static Status resetDerivedLayers(store::Database &db);
    static QStringList derivedTablePrefixes(); // ledger_, attr_, metrics_, insight_

private:
    Result<std::int64_t> recordStart(const QString &table, std::int64_t runId, const QString &name);
    Status recordEnd(const QString &table, std::int64_t id, RunStatus status, const StageStats &stats, const QString &error);

    store::Database &m_db;
    const Clock &m_clock;
    std::vector<std::unique_ptr<Stage>> m_stages;
};

} // namespace ll::pipeline

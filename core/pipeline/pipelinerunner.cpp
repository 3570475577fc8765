#include "pipelinerunner.h"

#include "common/logging.h"

namespace ll::pipeline {

PipelineRunner::PipelineRunner(store::Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

void PipelineRunner::addStage(std::unique_ptr<Stage> stage) { m_stages.push_back(std::move(stage)); }

QStringList PipelineRunner::stageNames() const
{
    QStringList names;
    for (const auto &s : m_stages)
        names.append(s->name());
    return names;
}

Result<std::int64_t> PipelineRunner::recordStart(const QString &table, std::int64_t runId, const QString &name)
{
    Result<store::Statement> stmt = table == QLatin1String("run")
        ? m_db.prepare("INSERT INTO app_pipeline_run (kind, started_at, status) VALUES (?, ?, 'running')")
        : m_db.prepare("INSERT INTO app_stage_run (stage, started_at, status, run_id) VALUES (?, ?, 'running', ?)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, name);
    stmt->bind(2, m_clock.nowEpoch());
    if (table != QLatin1String("run"))
        stmt->bind(3, runId);
    if (auto s = stmt->run(); !s)
        return s.error();
    return m_db.lastInsertRowId();
}

Status PipelineRunner::recordEnd(const QString &table, std::int64_t id, const QString &status, const StageStats &stats, const QString &error)
{
    Result<store::Statement> stmt = table == QLatin1String("run")
        ? m_db.prepare("UPDATE app_pipeline_run SET finished_at = ?, status = ?, error = ? WHERE run_id = ?")
        : m_db.prepare("UPDATE app_stage_run SET finished_at = ?, status = ?, error = ?, rows_in = ?, rows_out = ? WHERE stage_run_id = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, m_clock.nowEpoch());
    stmt->bind(2, status);
    stmt->bind(3, error.isEmpty() ? QString() : error);
    if (table == QLatin1String("run")) {
        stmt->bind(4, id);
    } else {
        stmt->bind(4, stats.rowsIn);
        stmt->bind(5, stats.rowsOut);
        stmt->bind(6, id);
    }
    return stmt->run();
}

RunSummary PipelineRunner::run(const QString &kind, const CancelToken &cancel, const ProgressCallback &progress)
{
    RunSummary summary;
    summary.status = QStringLiteral("succeeded");
    if (auto s = recoverInterrupted(m_db, m_clock); !s) {
        summary.status = QStringLiteral("failed");
        summary.error = s.error();
        return summary;
    }
    auto runId = recordStart(QStringLiteral("run"), 0, kind);
    if (!runId) {
        summary.status = QStringLiteral("failed");
        summary.error = runId.error();
        return summary;
    }
    summary.runId = *runId;
    m_db.setInterruptFlag(cancel.flag());

    StageContext context{m_db, m_clock, cancel, progress};
    for (const auto &stage : m_stages) {
        StageOutcome outcome;
        outcome.stage = stage->name();
        if (summary.status != QLatin1String("succeeded")) {
            outcome.status = QStringLiteral("skipped");
            summary.stages.append(outcome);
            continue;
        }
        if (cancel.isCancelled()) {
            summary.status = QStringLiteral("cancelled");
            summary.error = makeError(ErrorCode::Cancelled, QStringLiteral("Cancelled before %1").arg(outcome.stage));
            outcome.status = QStringLiteral("skipped");
            summary.stages.append(outcome);
            continue;
        }
        auto stageRunId = recordStart(QStringLiteral("stage"), summary.runId, outcome.stage);
        if (!stageRunId) {
            summary.status = QStringLiteral("failed");
            summary.error = stageRunId.error();
            break;
        }
        context.report(outcome.stage, 0.0, QStringLiteral("starting"));
        auto result = stage->run(context);
        if (result) {
            outcome.status = QStringLiteral("succeeded");
            outcome.stats = *result;
        } else {
            const bool cancelled = result.error().code == ErrorCode::Cancelled || cancel.isCancelled();
            outcome.status = cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed");
            outcome.error = result.error().toString();
            summary.status = outcome.status;
            summary.error = cancelled ? makeError(ErrorCode::Cancelled, QStringLiteral("Cancelled during %1; committed work is kept and the next run resumes").arg(outcome.stage))
                                      : result.error();
            qCWarning(lcPipeline) << "stage" << outcome.stage << outcome.status << outcome.error;
        }
        // The interrupt flag must not abort the bookkeeping write after a cancel.
        m_db.setInterruptFlag(nullptr);
        if (auto s = recordEnd(QStringLiteral("stage"), *stageRunId, outcome.status, outcome.stats, outcome.error); !s)
            qCWarning(lcPipeline) << "cannot record stage end" << s.error().toString();
        m_db.setInterruptFlag(cancel.flag());
        context.report(outcome.stage, 1.0, outcome.status);
        summary.stages.append(outcome);
    }
    m_db.setInterruptFlag(nullptr);
    if (auto s = recordEnd(QStringLiteral("run"), summary.runId, summary.status, {}, summary.status == QLatin1String("succeeded") ? QString() : summary.error.toString()); !s)
        qCWarning(lcPipeline) << "cannot record run end" << s.error().toString();
    return summary;
}

Status PipelineRunner::recoverInterrupted(store::Database &db, const Clock &clock)
{
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    const QByteArray now = QByteArray::number(static_cast<qlonglong>(clock.nowEpoch()));
    const QByteArray sql =
        "UPDATE app_pipeline_run SET status = 'interrupted', finished_at = " + now + " WHERE status = 'running';"
        "UPDATE app_stage_run SET status = 'interrupted', finished_at = " + now + " WHERE status = 'running';"
        "UPDATE raw_batch SET status = 'interrupted', finished_at = " + now + " WHERE status = 'running';";
    if (auto s = db.exec(sql); !s)
        return s;
    return tx.commit();
}

Status PipelineRunner::resetDerivedLayers(store::Database &db)
{
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    if (auto s = db.exec("DELETE FROM insight_finding WHERE status = 'open';"
                         "DELETE FROM metrics_daily_cost;"
                         "DELETE FROM metrics_work_unit_daily;"
                         "DELETE FROM metrics_run;"
                         "DELETE FROM metrics_run_daily;"
                         "DELETE FROM metrics_cluster_utilization_daily;"
                         "DELETE FROM metrics_warehouse_utilization_daily;"
                         "DELETE FROM ledger_node_sample;"
                         "DELETE FROM ledger_warehouse_event;"
                         "DELETE FROM ledger_warehouse_interval;"
                         "DELETE FROM attr_line;"
                         "DELETE FROM attr_team;"
                         "DELETE FROM attr_project;"
                         "DELETE FROM ledger_usage_line;"
                         "DELETE FROM ledger_list_price;"
                         "DELETE FROM ledger_workspace;"
                         "DELETE FROM ledger_cluster;"
                         "DELETE FROM ledger_warehouse;"
                         "DELETE FROM ledger_job;"
                         "DELETE FROM ledger_job_task;"
                         "DELETE FROM ledger_pipeline;"
                         "DELETE FROM ledger_run;"
                         "DELETE FROM ledger_principal;"
                         "DELETE FROM ledger_ownership;"
                         "DELETE FROM ledger_work_unit;"
                         "DELETE FROM ledger_query;"
                         "DELETE FROM attr_allocation;"
                         "DELETE FROM attr_redistribution;"
                         "DELETE FROM metrics_daily_attribution;"
                         "DELETE FROM metrics_daily_product;"
                         "DELETE FROM metrics_daily_team;"
                         "DELETE FROM metrics_daily_workspace;"
                         "DELETE FROM metrics_daily_team_project;"
                         "DELETE FROM metrics_daily_owner;"
                         "DELETE FROM metrics_workspace_coverage_daily;"
                         "DELETE FROM metrics_source_coverage;"
                         "DELETE FROM metrics_workspace_region;"
                         "DELETE FROM metrics_monthly_team_project;"
                         "DELETE FROM metrics_monthly_owner;"
                         "DELETE FROM app_stage_watermark;"
                         "DELETE FROM app_dirty_day;");
        !s)
        return s;
    return tx.commit();
}

} // namespace ll::pipeline

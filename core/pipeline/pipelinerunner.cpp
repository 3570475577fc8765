#include "pipelinerunner.h"

#include "common/coretext.h"
#include "common/logging.h"

#include <QElapsedTimer>

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

Status PipelineRunner::recordEnd(const QString &table, std::int64_t id, RunStatus status, const StageStats &stats, const QString &error)
{
    Result<store::Statement> stmt = table == QLatin1String("run")
        ? m_db.prepare("UPDATE app_pipeline_run SET finished_at = ?, status = ?, error = ? WHERE run_id = ?")
        : m_db.prepare("UPDATE app_stage_run SET finished_at = ?, status = ?, error = ?, rows_in = ?, rows_out = ? WHERE stage_run_id = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, m_clock.nowEpoch());
    stmt->bind(2, toText(status));
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
    if (auto s = recoverInterrupted(m_db, m_clock); !s) {
        summary.status = RunStatus::Failed;
        summary.error = s.error();
        return summary;
    }
    auto runId = recordStart(QStringLiteral("run"), 0, kind);
    if (!runId) {
        summary.status = RunStatus::Failed;
        summary.error = runId.error();
        return summary;
    }
    summary.runId = *runId;
    m_db.setInterruptFlag(cancel.flag());

    StageContext context{m_db, m_clock, cancel, progress};
    for (const auto &stage : m_stages) {
        StageOutcome outcome;
        outcome.stage = stage->name();
        if (summary.status != RunStatus::Succeeded) {
            summary.stages.append(outcome); // skipped
            continue;
        }
        if (cancel.isCancelled()) {
            summary.status = RunStatus::Cancelled;
            summary.error = makeError(ErrorCode::Cancelled, CoreText::tr("Cancelled before %1").arg(outcome.stage));
            summary.stages.append(outcome); // skipped
            continue;
        }
        auto stageRunId = recordStart(QStringLiteral("stage"), summary.runId, outcome.stage);
        if (!stageRunId) {
            summary.status = RunStatus::Failed;
            summary.error = stageRunId.error();
            break;
        }
        context.report(outcome.stage, 0.0, QStringLiteral("starting"));
        QElapsedTimer elapsed;
        elapsed.start();
        auto result = stage->run(context);
        outcome.elapsedMs = elapsed.elapsed();
        if (result) {
            outcome.status = RunStatus::Succeeded;
            outcome.stats = *result;
        } else {
            const bool cancelled = result.error().code == ErrorCode::Cancelled || cancel.isCancelled();
            outcome.status = cancelled ? RunStatus::Cancelled : RunStatus::Failed;
            outcome.error = result.error().toString();
            summary.status = outcome.status;
            summary.error = cancelled ? makeError(ErrorCode::Cancelled, CoreText::tr("Cancelled during %1; committed work is kept and the next run resumes").arg(outcome.stage))
                                      : result.error();
            qCWarning(lcPipeline) << "stage" << outcome.stage << toText(outcome.status) << outcome.error;
        }
        // The interrupt flag must not abort the bookkeeping write after a cancel.
        m_db.setInterruptFlag(nullptr);
        if (auto s = recordEnd(QStringLiteral("stage"), *stageRunId, outcome.status, outcome.stats, outcome.error); !s)
            qCWarning(lcPipeline) << "cannot record stage end" << s.error().toString();
        m_db.setInterruptFlag(cancel.flag());
        context.report(outcome.stage, 1.0, toText(outcome.status));
        summary.stages.append(outcome);
    }
    m_db.setInterruptFlag(nullptr);
    if (auto s = recordEnd(QStringLiteral("run"), summary.runId, summary.status, {}, summary.ok() ? QString() : summary.error.toString());
        !s)
        qCWarning(lcPipeline) << "cannot record run end" << s.error().toString();
    return summary;
}

Result<std::int64_t> PipelineRunner::recordFinishedRun(
    store::Database &db, const Clock &clock, const QString &kind, std::int64_t startedAt, const RunSummary &summary)
{
    auto stmt = db.prepare("INSERT INTO app_pipeline_run (kind, started_at, finished_at, status, error) VALUES (?, ?, ?, ?, ?)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, kind);
    stmt->bind(2, startedAt);
    stmt->bind(3, clock.nowEpoch());
    stmt->bind(4, toText(summary.status));
    stmt->bind(5, summary.ok() ? QString() : summary.error.toString());
    if (auto s = stmt->run(); !s)
        return s.error();
    return db.lastInsertRowId();
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

QStringList PipelineRunner::derivedTablePrefixes()
{
    return {QStringLiteral("ledger_"), QStringLiteral("attr_"), QStringLiteral("metrics_"), QStringLiteral("insight_")};
}

Status PipelineRunner::resetDerivedLayers(store::Database &db)
{
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    // Tables reference each other across layers; checking the keys once at commit lets the
    // delete order follow the catalogue instead of the dependency graph.
    if (auto s = db.exec("PRAGMA defer_foreign_keys = ON"); !s)
        return s;
    QStringList tables;
    auto list = db.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, instr(name, '_')) IN (?, ?, ?, ?) ORDER BY name");
    if (!list)
        return list.error();
    const QStringList prefixes = derivedTablePrefixes();
    for (int i = 0; i < prefixes.size(); ++i)
        list->bind(i + 1, prefixes[i]);
    if (auto s = list->forEachRow([&tables](const store::Statement &row) { tables.append(row.text(0)); }); !s)
        return s;
    QByteArray sql;
    for (const QString &table : tables) {
        // Findings are kept: the insights stage updates each in place by fingerprint and
        // resolves those that no longer hold, so finding ids and the analyst's decisions
        // (acknowledged, dismissed) survive a rebuild. Their evidence days are re-derived.
        if (table == QLatin1String("insight_finding"))
            continue;
        sql += "DELETE FROM " + table.toLatin1() + ";";
    }
    sql += "DELETE FROM app_stage_watermark; DELETE FROM app_dirty_day;";
    if (auto s = db.exec(sql); !s)
        return s;
    return tx.commit();
}

} // namespace ll::pipeline

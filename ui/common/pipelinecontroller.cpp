#include "pipelinecontroller.h"

#include "audit/auditlog.h"
#include "common/clock.h"
#include "pipeline/pipelinerunner.h"
#include "pipeline/standardstages.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QThread>

namespace ll::ui {

namespace {
constexpr qint64 kProgressIntervalMs = 100; // at most ~10 progress signals a second
}

PipelineController::PipelineController(QString storePath, QObject *parent)
    : QObject(parent)
    , m_storePath(std::move(storePath))
{
}

PipelineController::~PipelineController()
{
    if (m_thread) {
        m_cancel->cancel();
        m_thread->wait(); // stages poll the token between chunks and inside statements
        delete m_thread;
    }
}

QString PipelineController::actionName(Mode mode)
{
    return mode == Mode::Rebuild ? QStringLiteral("rebuild") : QStringLiteral("process");
}

bool PipelineController::start(Mode mode)
{
    if (m_thread)
        return false;
    m_cancel = std::make_shared<CancelToken>();
    m_outcome = std::make_shared<Outcome>();

    // The worker only holds copies and shared state; it reaches this object through queued
    // calls, which the destructor's wait() keeps valid.
    m_thread = QThread::create([this, path = m_storePath, mode, cancel = m_cancel, outcome = m_outcome] {
        const auto fail = [&outcome](const QString &status, const Error &error) {
            outcome->ok = false;
            outcome->status = status;
            outcome->error = error.toString();
        };
        auto db = store::Store::open(path, {.create = false});
        if (!db) {
            fail(QStringLiteral("failed"), db.error());
            return;
        }
        const QString kind = actionName(mode);
        if (mode == Mode::Rebuild) {
            if (Status s = pipeline::PipelineRunner::resetDerivedLayers(*db); !s) {
                fail(QStringLiteral("failed"), s.error());
                return;
            }
        }
        SystemClock clock;
        pipeline::PipelineRunner runner(*db, clock);
        pipeline::addDerivedStages(runner);

        QElapsedTimer sinceLast;
        QString lastStage;
        const pipeline::ProgressCallback progress = [this, &sinceLast, &lastStage](const QString &stage, double fraction,
                                                                                  const QString &message) {
            if (stage == lastStage && sinceLast.isValid() && sinceLast.elapsed() < kProgressIntervalMs && fraction < 1.0)
                return;
            lastStage = stage;
            sinceLast.start();
            QMetaObject::invokeMethod(
                this, [this, stage, fraction, message] { Q_EMIT progressChanged(stage, fraction, message); },
                Qt::QueuedConnection);
        };
        const pipeline::RunSummary summary = runner.run(kind, *cancel, progress);
        outcome->ok = summary.ok();
        outcome->status = summary.status;
        if (!summary.ok())
            outcome->error = summary.error.toString();
        if (Status s = audit::AuditLog::record(*db, clock, audit::AuditLog::currentActor(), kind,
                                               QStringLiteral("pipeline run %1").arg(summary.runId), {}, summary.status);
            !s)
            qWarning("lakeledger: cannot write the audit log: %s", qPrintable(s.error().toString()));
    });
    m_thread->setObjectName(QStringLiteral("pipeline"));
    connect(m_thread, &QThread::finished, this, &PipelineController::threadFinished);
    m_thread->start();
    Q_EMIT runningChanged(true);
    return true;
}

void PipelineController::cancel()
{
    if (m_cancel)
        m_cancel->cancel();
}

void PipelineController::threadFinished()
{
    if (!m_thread)
        return;
    m_thread->wait(); // already done: finished() is emitted as the thread ends
    m_thread->deleteLater();
    m_thread = nullptr;
    const Outcome outcome = *m_outcome;
    Q_EMIT runningChanged(false);
    Q_EMIT finished(outcome.ok, outcome.status, outcome.error);
}

} // namespace ll::ui

#include "synccontroller.h"

#include "audit/auditlog.h"
#include "common/clock.h"
#include "pipeline/extractstage.h"
#include "pipeline/pipelinerunner.h"
#include "pipeline/standardstages.h"
#include "store/store.h"

#include <QElapsedTimer>
#include <QThread>

namespace ll::ui {

namespace {
constexpr qint64 kProgressIntervalMs = 100; // at most ~10 progress signals a second
}

SyncController::SyncController(QString storePath, QObject *parent) : QObject(parent), m_storePath(std::move(storePath))
{
    connect(&m_schedule, &QTimer::timeout, this, [this] {
        if (m_scheduled && !isRunning())
            start(*m_scheduled);
    });
}

SyncController::~SyncController()
{
    if (m_thread) {
        m_cancel->cancel();
        m_thread->wait(); // the client notices the cancel within ~50 ms, stages between chunks
        delete m_thread;
    }
}

void SyncController::setSchedule(int minutes, const SyncRequest &request)
{
    m_scheduleMinutes = std::max(0, minutes);
    if (m_scheduleMinutes == 0) {
        m_schedule.stop();
        m_scheduled.reset();
        return;
    }
    m_scheduled = std::make_unique<SyncRequest>(request);
    m_schedule.start(m_scheduleMinutes * 60 * 1000);
}

bool SyncController::start(const SyncRequest &request)
{
    if (m_thread)
        return false;
    m_cancel = std::make_shared<CancelToken>();
    m_outcome = std::make_shared<Outcome>();
    m_thread = QThread::create([this, path = m_storePath, request, cancel = m_cancel, outcome = m_outcome] {
        auto db = store::Store::open(path);
        if (!db) {
            *outcome = {false, QStringLiteral("failed"), db.error().toString()};
            return;
        }
        SystemClock clock;
        (void)pipeline::PipelineRunner::recoverInterrupted(*db, clock);
        auto source = std::make_unique<extract::DirectSource>(request.client, request.credentials, request.options);
        source->setSourceFinishedCallback([this](const extract::SourceResult &r) {
            QMetaObject::invokeMethod(
                this, [this, r] { Q_EMIT sourceFinished(r.source, r.title, r.status, r.rows, r.error); }, Qt::QueuedConnection);
        });
        pipeline::PipelineRunner runner(*db, clock);
        runner.addStage(std::make_unique<pipeline::ExtractStage>(std::move(source)));
        pipeline::addDerivedStages(runner);

        QElapsedTimer sinceLast;
        QString lastStage;
        const pipeline::ProgressCallback progress = [this, &sinceLast, &lastStage](const QString &stage, double fraction, const QString &message) {
            if (stage == lastStage && sinceLast.isValid() && sinceLast.elapsed() < kProgressIntervalMs && fraction < 1.0)
                return;
            lastStage = stage;
            sinceLast.start();
            QMetaObject::invokeMethod(
                this, [this, stage, fraction, message] { Q_EMIT progressChanged(stage, fraction, message); }, Qt::QueuedConnection);
        };
        const pipeline::RunSummary summary = runner.run(QStringLiteral("sync"), *cancel, progress);
        *outcome = {summary.ok(), summary.status, summary.ok() ? QString() : summary.error.message};
        if (Status s = audit::AuditLog::record(*db, clock, audit::AuditLog::currentActor(), QStringLiteral("sync"),
                                               QStringLiteral("pipeline run %1").arg(summary.runId), {}, summary.status);
            !s)
            qWarning("lakeledger: cannot write the audit log: %s", qPrintable(s.error().toString()));
    });
    m_thread->setObjectName(QStringLiteral("sync"));
    connect(m_thread, &QThread::finished, this, &SyncController::threadFinished);
    m_thread->start();
    Q_EMIT runningChanged(true);
    return true;
}

void SyncController::cancel()
{
    if (m_cancel)
        m_cancel->cancel();
}

void SyncController::threadFinished()
{
    if (!m_thread)
        return;
    m_thread->wait();
    m_thread->deleteLater();
    m_thread = nullptr;
    const Outcome outcome = *m_outcome;
    Q_EMIT runningChanged(false);
    Q_EMIT finished(outcome.ok, outcome.status, outcome.error);
}

} // namespace ll::ui

#include "synccontroller.h"

#include "common/jobcontroller.h"

namespace ll::ui {

SyncController::SyncController(QString storePath, QObject *parent) : QObject(parent), m_jobs(new JobController(std::move(storePath), this))
{
    connectJobs();
}

SyncController::SyncController(JobController *jobs, QObject *parent) : QObject(parent), m_jobs(jobs) { connectJobs(); }

SyncController::~SyncController()
{
    // The running sync's source calls back into this object from the job's thread: stop it
    // before this object goes (the owned controller would only wait after it has gone).
    if (m_running)
        m_jobs->cancelAndWait();
}

void SyncController::connectJobs()
{
    connect(&m_schedule, &QTimer::timeout, this, [this] {
        if (m_scheduled && !m_jobs->isRunning())
            start(*m_scheduled);
    });
    connect(m_jobs, &JobController::progressChanged, this, [this](const QString &stage, double fraction, const QString &message) {
        if (m_running)
            Q_EMIT progressChanged(stage, fraction, message);
    });
    connect(m_jobs, &JobController::finished, this, [this](bool ok, const QString &status, const QString &error) {
        if (!m_running)
            return;
        m_running = false;
        Q_EMIT runningChanged(false);
        Q_EMIT finished(ok, status, error);
    });
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
    if (m_jobs->isRunning())
        return false;
    job::JobSpec spec;
    spec.kind = job::JobKind::Sync;
    // Runs on the job's thread; each source's outcome comes back to this object queued.
    spec.makeSource = [this, request] {
        auto source = std::make_unique<extract::DirectSource>(request.client, request.credentials, request.options);
        source->setSourceFinishedCallback([this](const extract::SourceResult &r) {
            QMetaObject::invokeMethod(
                this, [this, r] { Q_EMIT sourceFinished(r.source, r.title, raw::toText(r.status), r.rows, r.error); },
                Qt::QueuedConnection);
        });
        return source;
    };
    if (!m_jobs->start(std::move(spec)))
        return false;
    m_running = true;
    Q_EMIT runningChanged(true);
    return true;
}

void SyncController::cancel()
{
    if (m_running)
        m_jobs->cancel();
}

} // namespace ll::ui

#include "jobcontroller.h"

#include <QElapsedTimer>
#include <QThread>
#include <QWidget>

namespace ll::ui {

namespace {
constexpr qint64 kProgressIntervalMs = 100; // at most ~10 progress signals a second per stage
}

JobController::JobController(QString storePath, QObject *parent) : QObject(parent), m_storePath(std::move(storePath)) { }

JobController::~JobController()
{
    if (m_thread) {
        m_cancel->cancel();
        m_thread->wait(); // stages poll the token between chunks and inside statements
        delete m_thread;
    }
}

JobController *JobController::ofWindow(const QWidget *widget)
{
    const QWidget *window = widget ? widget->window() : nullptr;
    return window ? window->findChild<JobController *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

bool JobController::start(job::JobSpec spec)
{
    if (m_thread)
        return false;
    m_kind = spec.kind;
    m_cancel = std::make_shared<CancelToken>();
    m_outcome = std::make_shared<Outcome>();

    // The worker only holds copies and shared state; it reaches this object through queued
    // calls, which the destructor's wait() keeps valid.
    m_thread = QThread::create([this, path = m_storePath, spec = std::move(spec), cancel = m_cancel, outcome = m_outcome] {
        QElapsedTimer sinceLast;
        QString lastStage;
        const pipeline::ProgressCallback progress = [this, &sinceLast, &lastStage](
                                                        const QString &stage, double fraction, const QString &message) {
            if (stage == lastStage && sinceLast.isValid() && sinceLast.elapsed() < kProgressIntervalMs && fraction < 1.0)
                return;
            lastStage = stage;
            sinceLast.start();
            QMetaObject::invokeMethod(
                this, [this, stage, fraction, message] { Q_EMIT progressChanged(stage, fraction, message); }, Qt::QueuedConnection);
        };
        const pipeline::RunSummary summary = job::runJob(path, spec, *cancel, progress);
        outcome->ok = summary.ok();
        outcome->status = pipeline::toText(summary.status);
        if (!summary.ok()) {
            outcome->error = summary.error.message;
            qWarning("lakeledger: %s %s: %s", qPrintable(job::toText(spec.kind)), qPrintable(outcome->status),
                qPrintable(summary.error.toString()));
        }
    });
    m_thread->setObjectName(QStringLiteral("job-%1").arg(job::toText(m_kind)));
    connect(m_thread, &QThread::finished, this, &JobController::threadFinished);
    m_thread->start();
    Q_EMIT runningChanged(true);
    return true;
}

void JobController::cancel()
{
    if (m_cancel)
        m_cancel->cancel();
}

void JobController::cancelAndWait()
{
    if (!m_thread)
        return;
    m_cancel->cancel();
    m_thread->wait();
}

void JobController::threadFinished()
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

#pragma once

#include "common/canceltoken.h"
#include "job/job.h"

#include <QObject>
#include <QString>

#include <memory>

class QThread;
class QWidget;

namespace ll::ui {

// Runs one job::runJob at a time for the GUI on a QThread of its own: processing, rebuilds,
// syncs and every later entry point. The worker opens its OWN read-write connection on that
// thread (SQLite connections never cross threads) and builds the job's extraction source
// there. Progress and the outcome arrive as queued signals on the GUI thread. cancel() sets the
// token the stages poll between chunks and inside long statements; the destructor cancels and
// waits, so a window closed mid-run leaves a consistent store. One controller per window, so a
// sync and a rebuild never run against the same store at once.
class JobController : public QObject {
    Q_OBJECT
public:
    explicit JobController(QString storePath, QObject *parent = nullptr);
    ~JobController() override;

    // The controller of the window `widget` is in (a direct child of the window), or null for a
    // widget used on its own (tests), which then runs jobs on a controller of its own.
    static JobController *ofWindow(const QWidget *widget);

    bool isRunning() const { return m_thread != nullptr; }
    job::JobKind runningKind() const { return m_kind; } // the running job's, or the last one's
    // False (and nothing happens) while a job is in flight.
    bool start(job::JobSpec spec);
    void cancel();
    // Cancels and blocks until the worker has stopped: for an object that handed the job a
    // callback into itself and is about to be destroyed. finished() still follows, queued.
    void cancelAndWait();

Q_SIGNALS:
    void runningChanged(bool running);
    void progressChanged(const QString &stage, double fraction, const QString &message);
    // status: succeeded, failed or cancelled; error: the failure in plain words (empty on
    // success; the technical detail goes to the log).
    void finished(bool ok, const QString &status, const QString &error);

private:
    struct Outcome {
        bool ok = false;
        QString status;
        QString error;
    };
    void threadFinished();

    QString m_storePath;
    QThread *m_thread = nullptr;
    job::JobKind m_kind = job::JobKind::Process;
    CancelTokenPtr m_cancel;
    std::shared_ptr<Outcome> m_outcome;
};

} // namespace ll::ui

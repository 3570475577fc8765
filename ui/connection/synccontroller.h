#pragma once

#include "extract/directsource.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

namespace ll::ui {

class JobController;

// Everything a sync needs. Holds the secret in memory only, for as long as the request lives.
struct SyncRequest {
    extract::ClientOptions client;
    extract::ClientCredentials credentials;
    extract::DirectOptions options;
};

// A Direct Connection sync (extract, then the derived stages) as a job on a JobController: the
// window's shared one, so a sync never runs beside a rebuild, or one of its own. The HTTP client
// is built on the job's thread (QNetworkAccessManager must not cross threads). Adds what a sync
// has beyond a job: each source's outcome as it finishes, and an optional schedule that repeats
// the sync every N minutes while the app runs. Signals report this controller's syncs only.
class SyncController : public QObject {
    Q_OBJECT
public:
    explicit SyncController(QString storePath, QObject *parent = nullptr);
    explicit SyncController(JobController *jobs, QObject *parent = nullptr);
    ~SyncController() override;

    bool isRunning() const { return m_running; }
    bool start(const SyncRequest &request); // false while this or another job is in flight
    void cancel();

    // minutes <= 0 stops the schedule. A tick while a job runs is skipped.
    void setSchedule(int minutes, const SyncRequest &request);
    int scheduleMinutes() const { return m_scheduleMinutes; }

Q_SIGNALS:
    void runningChanged(bool running);
    void progressChanged(const QString &stage, double fraction, const QString &message);
    void sourceFinished(const QString &source, const QString &title, const QString &status, qint64 rows, const QString &error);
    // status: succeeded, failed or cancelled; error: plain words, never a secret.
    void finished(bool ok, const QString &status, const QString &error);

private:
    void connectJobs();

    JobController *m_jobs;
    bool m_running = false; // the shared controller's current job is this controller's sync
    QTimer m_schedule;
    int m_scheduleMinutes = 0;
    std::unique_ptr<SyncRequest> m_scheduled;
};

} // namespace ll::ui

#pragma once

#include "common/canceltoken.h"
#include "extract/directsource.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>

class QThread;

namespace ll::ui {

// Everything a sync needs. Holds the secret in memory only, for as long as the request lives.
struct SyncRequest {
    extract::ClientOptions client;
    extract::ClientCredentials credentials;
    extract::DirectOptions options;
};

// Runs a Direct Connection sync (extract, then ledger -> attribution -> metrics -> insights) on a
// QThread of its own. The worker opens its OWN read-write connection and creates the HTTP client
// on that thread (neither SQLite connections nor QNetworkAccessManager may cross threads).
// Progress, each source's outcome and the result arrive as queued signals. cancel() sets the
// token the client checks during waits and between chunks (the running statement is cancelled on
// the warehouse); the destructor cancels and waits, so closing the window leaves a consistent store.
// An optional schedule repeats the sync every N minutes while the app runs.
class SyncController : public QObject {
    Q_OBJECT
public:
    explicit SyncController(QString storePath, QObject *parent = nullptr);
    ~SyncController() override;

    bool isRunning() const { return m_thread != nullptr; }
    bool start(const SyncRequest &request); // false while a sync is in flight
    void cancel();

    // minutes <= 0 stops the schedule. A tick while a sync runs is skipped.
    void setSchedule(int minutes, const SyncRequest &request);
    int scheduleMinutes() const { return m_scheduleMinutes; }

Q_SIGNALS:
    void runningChanged(bool running);
    void progressChanged(const QString &stage, double fraction, const QString &message);
    void sourceFinished(const QString &source, const QString &title, const QString &status, qint64 rows, const QString &error);
    // status: succeeded, failed or cancelled; error: plain words, never a secret.
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
    CancelTokenPtr m_cancel;
    std::shared_ptr<Outcome> m_outcome;
    QTimer m_schedule;
    int m_scheduleMinutes = 0;
    std::unique_ptr<SyncRequest> m_scheduled;
};

} // namespace ll::ui

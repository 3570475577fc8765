#pragma once

#include "common/canceltoken.h"

#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace ll::ui {

// Runs the derived pipeline stages for the GUI on a QThread of its own.
//
// The worker opens its OWN read-write connection on that thread (SQLite connections never cross
// threads), runs ledger -> attribution -> metrics -> insights ("Process new data"), or first
// clears the derived layers ("Rebuild from raw"), and records the run in the audit log. Progress
// and the outcome arrive as queued signals on the GUI thread. cancel() sets the shared token the
// stages poll between chunks and inside long statements; the destructor cancels and waits, so a
// window closed mid-run leaves a consistent store.
class PipelineController : public QObject {
    Q_OBJECT
public:
    enum class Mode { Process, Rebuild };

    explicit PipelineController(QString storePath, QObject *parent = nullptr);
    ~PipelineController() override;

    bool isRunning() const { return m_thread != nullptr; }
    // False (and nothing happens) while a run is in flight.
    bool start(Mode mode);
    void cancel();

    static QString actionName(Mode mode); // "process" / "rebuild": pipeline kind and audit action

Q_SIGNALS:
    void runningChanged(bool running);
    void progressChanged(const QString &stage, double fraction, const QString &message);
    // status: succeeded, failed or cancelled; error: the failure's text (empty on success).
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
};

} // namespace ll::ui

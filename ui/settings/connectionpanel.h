#pragma once

#include "connection/synccontroller.h"

#include <QGroupBox>

#include <memory>
#include <optional>

class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace ll::credentials {
class MemorySecretStore;
}

namespace ll::ui {

// Direct Connection in Settings: opens the connection wizard, runs "Sync now" with progress and
// Cancel, and an optional schedule while the app runs. The credentials entered in the wizard
// stay in memory for this session (the secret itself lives in the keychain or, when none is
// usable and the user agreed, in the session-only store owned here).
class ConnectionPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit ConnectionPanel(QString storePath, QWidget *parent = nullptr);
    ~ConnectionPanel() override;

    SyncController *controller() const { return m_sync; }
    // The connection made in this session (the wizard's), for what else talks to the workspace
    // (action plans); none until the analyst connects. The secret lives in memory only.
    std::optional<SyncRequest> request() const { return m_request; }

Q_SIGNALS:
    void syncFinished(bool ok); // the store changed: pages should reload

private:
    void openWizard();
    void startSync();
    void applySchedule();
    void setStatus(const QString &text, bool error = false);

    QString m_storePath;
    std::unique_ptr<credentials::MemorySecretStore> m_sessionSecrets;
    std::optional<SyncRequest> m_request;
    SyncController *m_sync;
    QLabel *m_status;
    QPushButton *m_connect;
    QPushButton *m_syncNow;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QSpinBox *m_every;
};

} // namespace ll::ui

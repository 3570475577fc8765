#pragma once

#include "credentials/keychainsecretstore.h"
#include "credentials/profile.h"
#include "synccontroller.h"

#include <QWizard>

namespace ll::credentials {
class SecretStore;
}

namespace ll::ui {

// Sets up a Direct Connection profile: host, auth type (OAuth M2M recommended), credentials
// (typed or imported from DATABRICKS_* / ~/.databrickscfg), a warehouse from the live list, and
// "Test connection". On Finish the secret goes to the system keychain; when none is usable the
// user is told so and may keep it for this session only (in `sessionStore`, owned by the
// caller). The profile (no secret) is saved into the store on a worker thread.
//
// Self-contained: the owner shows it, listens to profileSaved and may start a sync with
// syncRequest().
class ConnectionWizard final : public QWizard {
    Q_OBJECT
public:
    ConnectionWizard(QString storePath, credentials::SecretStore *sessionStore, QWidget *parent = nullptr);
    ~ConnectionWizard() override;

    credentials::Profile profile() const;
    // Settings for an immediate sync with the entered credentials (held in memory only).
    SyncRequest syncRequest() const;

    void accept() override;

Q_SIGNALS:
    // persistent: false when the secret is kept for this session only (or not kept at all).
    void profileSaved(const QString &name, bool persistent);
    void saveFailed(const QString &message);

private:
    QString secret() const;
    void writeSecret(credentials::SecretStore &store, bool persistent);
    void askSessionOnly(const Error &keychainError);
    void saveProfile(bool persistent);
    void fail(const QString &message);

    QString m_storePath;
    credentials::SecretStore *m_sessionStore;
    credentials::KeychainSecretStore m_keychain;
    bool m_saving = false;
};

} // namespace ll::ui

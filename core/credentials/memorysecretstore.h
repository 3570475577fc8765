#pragma once

#include "secretstore.h"

#include <QHash>

namespace ll::credentials {

// Session-only storage: secrets are kept in this process's memory and forgotten on exit. Offered
// when no keychain backend is available, and used as the fake in tests. Callbacks run at once.
class MemorySecretStore final : public SecretStore {
public:
    void read(const QString &profile, SecretKind kind, ReadCallback done) override;
    void write(const QString &profile, SecretKind kind, const QString &secret, DoneCallback done) override;
    void remove(const QString &profile, SecretKind kind, DoneCallback done) override;
    bool isPersistent() const override { return false; }

private:
    QHash<QString, QString> m_secrets;
};

} // namespace ll::credentials

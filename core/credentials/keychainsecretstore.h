#pragma once

#include "secretstore.h"

namespace ll::credentials {

// Secrets in the OS keychain through QtKeychain (Secret Service on Linux), service "LakeLedger",
// key "<profile>/<kind>". The insecure plaintext fallback is switched off: when no keychain
// works, operations fail with a plain message and the caller offers session-only storage.
//
// With a bus but a locked or missing keyring, libsecret reports EntryNotFound on reads
// (shared/pitfalls.md), which must not be taken for "no secret stored": call probe() first.
class KeychainSecretStore final : public SecretStore {
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("LakeLedger"));

    // Writes and deletes a throw-away entry; fails with ErrorCode::Io and a message offering
    // session-only storage when the keychain is unusable.
    void probe(DoneCallback done);

    void read(const QString &profile, SecretKind kind, ReadCallback done) override;
    void write(const QString &profile, SecretKind kind, const QString &secret, DoneCallback done) override;
    void remove(const QString &profile, SecretKind kind, DoneCallback done) override;
    bool isPersistent() const override { return true; }

    // The message shown when no keychain is available (also used by probe()).
    static QString unavailableMessage();

private:
    QString m_service;
};

Status probeKeychainBlocking(KeychainSecretStore &store);

} // namespace ll::credentials

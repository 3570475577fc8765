#pragma once

#include "common/result.h"

#include <QString>

#include <functional>

namespace ll::credentials {

// The kinds of secret a profile can hold. Only these ever reach a SecretStore.
enum class SecretKind { Token, ClientSecret };

QString secretKindName(SecretKind kind);

// Where secrets live: the OS keychain, or memory for one session. Never the store, never a file.
//
// The API is asynchronous because QtKeychain is: a GUI calls it and continues from the callback,
// so the GUI thread never runs a nested event loop. Callbacks run on the caller's thread.
// Reading a secret that was never stored completes with ErrorCode::NotFound.
class SecretStore {
public:
    using ReadCallback = std::function<void(Result<QString>)>;
    using DoneCallback = std::function<void(Status)>;

    virtual ~SecretStore() = default;
    virtual void read(const QString &profile, SecretKind kind, ReadCallback done) = 0;
    virtual void write(const QString &profile, SecretKind kind, const QString &secret, DoneCallback done) = 0;
    virtual void remove(const QString &profile, SecretKind kind, DoneCallback done) = 0;
    // False for session-only storage: the user is told secrets are forgotten on exit.
    virtual bool isPersistent() const = 0;
};

// Blocking helpers for the CLI and worker threads: they spin a local event loop until the job
// ends. Never call them on a GUI thread (a warning is logged if it happens).
Result<QString> readSecretBlocking(SecretStore &store, const QString &profile, SecretKind kind);
Status writeSecretBlocking(SecretStore &store, const QString &profile, SecretKind kind, const QString &secret);
Status removeSecretBlocking(SecretStore &store, const QString &profile, SecretKind kind);

} // namespace ll::credentials

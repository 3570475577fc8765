#include "secretstore.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QThread>

#include <optional>

namespace ll::credentials {
namespace {

void warnIfGuiThread()
{
    // core cannot include QtGui; the class name is enough to notice a GUI application.
    auto *app = QCoreApplication::instance();
    if (app && app->inherits("QGuiApplication") && QThread::currentThread() == app->thread())
        qWarning("LakeLedger: a blocking keychain call ran on the GUI thread; use the asynchronous API there");
}

template<typename T, typename Start>
T waitFor(Start start)
{
    warnIfGuiThread();
    std::optional<T> result;
    QEventLoop loop;
    start([&](T r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result) // the callback may have run synchronously (MemorySecretStore)
        loop.exec();
    return std::move(*result);
}

} // namespace

QString secretKindName(SecretKind kind)
{
    switch (kind) {
    case SecretKind::Token:
        return QStringLiteral("token");
    case SecretKind::ClientSecret:
        return QStringLiteral("client-secret");
    }
    return QStringLiteral("unknown");
}

Result<QString> readSecretBlocking(SecretStore &store, const QString &profile, SecretKind kind)
{
    return waitFor<Result<QString>>([&](SecretStore::ReadCallback cb) { store.read(profile, kind, std::move(cb)); });
}

Status writeSecretBlocking(SecretStore &store, const QString &profile, SecretKind kind, const QString &secret)
{
    return waitFor<Status>([&](SecretStore::DoneCallback cb) { store.write(profile, kind, secret, std::move(cb)); });
}

Status removeSecretBlocking(SecretStore &store, const QString &profile, SecretKind kind)
{
    return waitFor<Status>([&](SecretStore::DoneCallback cb) { store.remove(profile, kind, std::move(cb)); });
}

} // namespace ll::credentials

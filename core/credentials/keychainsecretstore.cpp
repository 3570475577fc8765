#include "keychainsecretstore.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>
#include <QObject>

#include <memory>
#include <optional>

namespace ll::credentials {
namespace {

QString keyOf(const QString &profile, SecretKind kind)
{
    return profile + QLatin1Char('/') + secretKindName(kind);
}

Error jobError(const QKeychain::Job &job, const QString &what)
{
    // QtKeychain's errorString describes the backend ("Cannot autolaunch D-Bus..."), never the
    // secret, so it is safe as detail.
    if (job.error() == QKeychain::EntryNotFound)
        return makeError(ErrorCode::NotFound, QStringLiteral("No secret is stored in the keychain for %1").arg(what), job.errorString());
    return makeError(ErrorCode::Io, KeychainSecretStore::unavailableMessage(), job.errorString());
}

template<typename JobT>
JobT *newJob(const QString &service, const QString &key)
{
    auto *job = new JobT(service);
    job->setAutoDelete(true);
    // Never store secrets in a plaintext settings file when the keychain fails.
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service) : m_service(std::move(service)) {}

QString KeychainSecretStore::unavailableMessage()
{
    return QStringLiteral("The system keychain is not available or is locked, so LakeLedger cannot save the secret. "
                          "Unlock or install a keychain (Secret Service, e.g. GNOME Keyring or KWallet), or keep the "
                          "secret for this session only; LakeLedger never writes secrets to a file.");
}

void KeychainSecretStore::probe(DoneCallback done)
{
    const QString key = QStringLiteral("__lakeledger_probe__");
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, key);
    job->setTextData(QStringLiteral("probe"));
    // Captures copies only: the store may be gone when the job ends.
    QObject::connect(job, &QKeychain::Job::finished, job, [service = m_service, key, done = std::move(done)](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            done(makeError(ErrorCode::Io, unavailableMessage(), j->errorString()));
            return;
        }
        auto *del = newJob<QKeychain::DeletePasswordJob>(service, key);
        QObject::connect(del, &QKeychain::Job::finished, del, [done](QKeychain::Job *d) {
            if (d->error() != QKeychain::NoError && d->error() != QKeychain::EntryNotFound)
                done(makeError(ErrorCode::Io, unavailableMessage(), d->errorString()));
            else
                done({});
        });
        del->start();
    });
    job->start();
}

void KeychainSecretStore::read(const QString &profile, SecretKind kind, ReadCallback done)
{
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_service, keyOf(profile, kind));
    const QString what = QStringLiteral("profile %1 (%2)").arg(profile, secretKindName(kind));
    QObject::connect(job, &QKeychain::Job::finished, job, [done = std::move(done), what](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError)
            done(jobError(*j, what));
        else
            done(static_cast<QKeychain::ReadPasswordJob *>(j)->textData());
    });
    job->start();
}

void KeychainSecretStore::write(const QString &profile, SecretKind kind, const QString &secret, DoneCallback done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(m_service, keyOf(profile, kind));
    job->setTextData(secret);
    const QString what = QStringLiteral("profile %1 (%2)").arg(profile, secretKindName(kind));
    QObject::connect(job, &QKeychain::Job::finished, job, [done = std::move(done), what](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError ? Status{} : Status{jobError(*j, what)});
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &profile, SecretKind kind, DoneCallback done)
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_service, keyOf(profile, kind));
    const QString what = QStringLiteral("profile %1 (%2)").arg(profile, secretKindName(kind));
    QObject::connect(job, &QKeychain::Job::finished, job, [done = std::move(done), what](QKeychain::Job *j) {
        // Removing what is not there is success: the end state is the same.
        const bool ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        done(ok ? Status{} : Status{jobError(*j, what)});
    });
    job->start();
}

Status probeKeychainBlocking(KeychainSecretStore &store)
{
    std::optional<Status> result;
    QEventLoop loop;
    store.probe([&](Status s) {
        result.emplace(std::move(s));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

} // namespace ll::credentials

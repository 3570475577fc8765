#include "memorysecretstore.h"

namespace ll::credentials {
namespace {
QString keyOf(const QString &profile, SecretKind kind)
{
    return profile + QLatin1Char('/') + secretKindName(kind);
}
} // namespace

void MemorySecretStore::read(const QString &profile, SecretKind kind, ReadCallback done)
{
    const auto it = m_secrets.constFind(keyOf(profile, kind));
    if (it == m_secrets.constEnd())
        done(makeError(ErrorCode::NotFound, QStringLiteral("No %1 is stored for profile %2 in this session").arg(secretKindName(kind), profile)));
    else
        done(*it);
}

void MemorySecretStore::write(const QString &profile, SecretKind kind, const QString &secret, DoneCallback done)
{
    m_secrets.insert(keyOf(profile, kind), secret);
    done({});
}

void MemorySecretStore::remove(const QString &profile, SecretKind kind, DoneCallback done)
{
    m_secrets.remove(keyOf(profile, kind));
    done({});
}

} // namespace ll::credentials

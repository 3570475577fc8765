#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "store/database.h"

#include <QList>
#include <QString>

#include <optional>

namespace ll::credentials {

enum class AuthType { Pat, OAuthM2M };

QString toText(AuthType type);       // "pat", "oauth-m2m" (app_profile.auth_type)
QString authTypeName(AuthType type); // the same text
std::optional<AuthType> parseAuthType(const QString &name);

// A connection profile as kept in the store: everything but the secret, which lives in the
// keychain under the profile's name (a token for PAT, a client secret for OAuth M2M).
struct Profile {
    QString name;
    QString host;         // https://<workspace-host>
    QString warehouseId;
    AuthType authType = AuthType::OAuthM2M;
    QString clientId;     // OAuth M2M service principal
    QString accountId;    // for account APIs (workspaces)
};

class ProfileRepository {
public:
    static Result<std::optional<Profile>> load(store::Database &db, const QString &name);
    static Result<QList<Profile>> list(store::Database &db);
    // Inserts or updates by name. Both record the change (fields before/after, never a secret)
    // in the audit log, in the same transaction.
    static Status save(store::Database &db, const Clock &clock, const Profile &profile);
    static Status remove(store::Database &db, const Clock &clock, const QString &name);
};

} // namespace ll::credentials

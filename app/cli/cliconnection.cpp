#include "cliconnection.h"

#include "credentials/databricksconfig.h"
#include "credentials/keychainsecretstore.h"
#include "credentials/profile.h"

#include <QProcessEnvironment>

namespace ll::cli {

Result<Connection> resolveConnection(store::Database &db, const ConnectionOptions &options)
{
    const QString &profileName = options.profile;
    auto config = credentials::DatabricksConfig::resolve(QProcessEnvironment::systemEnvironment(), profileName);
    credentials::DatabricksConfig cfg;
    if (config)
        cfg = *config;
    std::optional<credentials::Profile> saved;
    if (!profileName.isEmpty()) {
        auto loaded = credentials::ProfileRepository::load(db, profileName);
        if (!loaded)
            return loaded.error();
        saved = *loaded;
    }
    if (!config && !saved)
        return config.error(); // the profile is in neither ~/.databrickscfg nor the store

    Connection c;
    c.host = options.host;
    if (c.host.isEmpty())
        c.host = !cfg.host.isEmpty() ? cfg.host : (saved ? saved->host : QString());
    c.host = credentials::normalizeHost(c.host);
    c.warehouseId = options.warehouseId;
    if (c.warehouseId.isEmpty())
        c.warehouseId = !cfg.warehouseId.isEmpty() ? cfg.warehouseId : (saved ? saved->warehouseId : QString());
    if (c.host.isEmpty())
        return makeError(
            ErrorCode::InvalidArgument, QStringLiteral("No workspace URL: give --host, set DATABRICKS_HOST, or use a profile"));

    if (cfg.hasOAuth()) {
        c.credentials = {credentials::AuthType::OAuthM2M, {}, cfg.clientId, cfg.clientSecret, cfg.accountId};
    } else if (cfg.hasPat()) {
        c.credentials = {credentials::AuthType::Pat, cfg.token, {}, {}, cfg.accountId};
    } else if (saved) {
        // Only here is the keychain needed; a blocking read is fine in the CLI.
        credentials::KeychainSecretStore keychain;
        if (Status probe = credentials::probeKeychainBlocking(keychain); !probe)
            return makeError(ErrorCode::Io,
                QStringLiteral("Profile %1 keeps its secret in the system keychain, which is not available. "
                               "Unlock it, or give the secret through DATABRICKS_TOKEN or DATABRICKS_CLIENT_SECRET "
                               "for this run.")
                    .arg(saved->name),
                probe.error().detail);
        const auto kind =
            saved->authType == credentials::AuthType::Pat ? credentials::SecretKind::Token : credentials::SecretKind::ClientSecret;
        auto secret = credentials::readSecretBlocking(keychain, saved->name, kind);
        if (!secret)
            return secret.error();
        c.credentials = saved->authType == credentials::AuthType::Pat
            ? extract::ClientCredentials{credentials::AuthType::Pat, *secret, {}, {}, saved->accountId}
            : extract::ClientCredentials{credentials::AuthType::OAuthM2M, {}, saved->clientId, *secret, saved->accountId};
    } else {
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("No credentials: set DATABRICKS_CLIENT_ID and DATABRICKS_CLIENT_SECRET (OAuth, recommended) or "
                           "DATABRICKS_TOKEN, use a ~/.databrickscfg profile with --profile, or save a connection in the app"));
    }
    if (!cfg.accountId.isEmpty())
        c.credentials.accountId = cfg.accountId;
    return c;
}

} // namespace ll::cli

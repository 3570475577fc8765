#pragma once

#include "common/result.h"

#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace ll::credentials {

// Databricks' unified client configuration, so users reuse what the CLI and SDKs already use:
// DATABRICKS_* environment variables and ~/.databrickscfg profiles.
struct DatabricksConfig {
    QString profile;      // the ~/.databrickscfg section used, if any
    QString host;
    QString token;        // secret
    QString clientId;
    QString clientSecret; // secret
    QString accountId;
    QString warehouseId;

    bool hasPat() const { return !token.isEmpty(); }
    bool hasOAuth() const { return !clientId.isEmpty() && !clientSecret.isEmpty(); }

    // Resolution as in Databricks' SDKs: environment variables first, then the profile's keys for
    // whatever is still unset. The profile is `profileName`, else DATABRICKS_CONFIG_PROFILE, else
    // DEFAULT; the file is DATABRICKS_CONFIG_FILE, else <home>/.databrickscfg. Naming a profile
    // that does not exist is an error; a missing file is not (unless a profile was asked for).
    static Result<DatabricksConfig> resolve(const QProcessEnvironment &env, const QString &profileName = {},
                                            const QString &homeDir = {});

    // The sections of a .databrickscfg file ([__settings__] is reserved and skipped).
    using Sections = QMap<QString, QMap<QString, QString>>;
    static Result<Sections> readConfigFile(const QString &path);
    static QString configFilePath(const QProcessEnvironment &env, const QString &homeDir = {});
};

// "adb-123.azuredatabricks.net" -> "https://adb-123.azuredatabricks.net" (no trailing slash).
QString normalizeHost(const QString &host);

} // namespace ll::credentials

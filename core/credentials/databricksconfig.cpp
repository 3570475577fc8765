#include "databricksconfig.h"

#include <QDir>
#include <QFile>

namespace ll::credentials {

QString normalizeHost(const QString &host)
{
    QString h = host.trimmed();
    if (h.isEmpty())
        return h;
    if (!h.contains(QLatin1String("://")))
        h.prepend(QStringLiteral("https://"));
    while (h.endsWith(QLatin1Char('/')))
        h.chop(1);
    return h;
}

QString DatabricksConfig::configFilePath(const QProcessEnvironment &env, const QString &homeDir)
{
    const QString fromEnv = env.value(QStringLiteral("DATABRICKS_CONFIG_FILE"));
    if (!fromEnv.isEmpty()) {
        if (fromEnv.startsWith(QLatin1String("~/")))
            return (homeDir.isEmpty() ? QDir::homePath() : homeDir) + fromEnv.mid(1);
        return fromEnv;
    }
    return QDir(homeDir.isEmpty() ? QDir::homePath() : homeDir).filePath(QStringLiteral(".databrickscfg"));
}

Result<DatabricksConfig::Sections> DatabricksConfig::readConfigFile(const QString &path)
{
    // A small INI reader rather than QSettings: QSettings rewrites keys and treats ';' and
    // quotes its own way, while .databrickscfg follows Python's configparser.
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return makeError(ErrorCode::NotFound, QStringLiteral("Cannot read the Databricks configuration file %1").arg(path), file.errorString());
    Sections sections;
    QString current;
    bool skipping = false;
    int lineNo = 0;
    while (!file.atEnd()) {
        ++lineNo;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char(';')))
            continue;
        if (line.startsWith(QLatin1Char('[')) && line.endsWith(QLatin1Char(']'))) {
            current = line.mid(1, line.size() - 2).trimmed();
            skipping = current == QLatin1String("__settings__");
            if (!skipping && !sections.contains(current))
                sections.insert(current, {});
            continue;
        }
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        const qsizetype sep = (eq < 0) ? colon : (colon < 0 ? eq : std::min(eq, colon));
        if (sep <= 0 || current.isEmpty())
            return makeError(ErrorCode::BadInput, QStringLiteral("%1 line %2 is not 'key = value' inside a [profile]").arg(path).arg(lineNo));
        if (skipping)
            continue;
        sections[current].insert(line.left(sep).trimmed().toLower(), line.mid(sep + 1).trimmed());
    }
    return sections;
}

Result<DatabricksConfig> DatabricksConfig::resolve(const QProcessEnvironment &env, const QString &profileName, const QString &homeDir)
{
    DatabricksConfig c;
    auto fromEnv = [&](const char *name) { return env.value(QString::fromLatin1(name)).trimmed(); };
    c.host = fromEnv("DATABRICKS_HOST");
    c.token = fromEnv("DATABRICKS_TOKEN");
    c.clientId = fromEnv("DATABRICKS_CLIENT_ID");
    c.clientSecret = fromEnv("DATABRICKS_CLIENT_SECRET");
    c.accountId = fromEnv("DATABRICKS_ACCOUNT_ID");
    c.warehouseId = fromEnv("DATABRICKS_WAREHOUSE_ID");

    const bool explicitProfile = !profileName.isEmpty() || !fromEnv("DATABRICKS_CONFIG_PROFILE").isEmpty();
    c.profile = !profileName.isEmpty() ? profileName : fromEnv("DATABRICKS_CONFIG_PROFILE");
    if (c.profile.isEmpty())
        c.profile = QStringLiteral("DEFAULT");

    const QString path = configFilePath(env, homeDir);
    if (!QFile::exists(path)) {
        if (explicitProfile)
            return makeError(ErrorCode::NotFound, QStringLiteral("Profile %1 was asked for, but there is no Databricks configuration file at %2").arg(c.profile, path));
        c.profile.clear();
        c.host = normalizeHost(c.host);
        return c;
    }
    auto sections = readConfigFile(path);
    if (!sections)
        return sections.error();
    if (!sections->contains(c.profile)) {
        if (explicitProfile)
            return makeError(ErrorCode::NotFound, QStringLiteral("There is no profile [%1] in %2; it has: %3")
                                                      .arg(c.profile, path, QStringList(sections->keys()).join(QStringLiteral(", "))));
        c.profile.clear();
        c.host = normalizeHost(c.host);
        return c;
    }
    const auto &keys = (*sections)[c.profile];
    auto fill = [&](QString &field, const char *key) {
        if (field.isEmpty())
            field = keys.value(QString::fromLatin1(key));
    };
    fill(c.host, "host");
    fill(c.token, "token");
    fill(c.clientId, "client_id");
    fill(c.clientSecret, "client_secret");
    fill(c.accountId, "account_id");
    fill(c.warehouseId, "warehouse_id");
    c.host = normalizeHost(c.host);
    return c;
}

} // namespace ll::credentials

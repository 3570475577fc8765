// Fuzzes the ~/.databrickscfg reader and profile resolution: any file gives sections or an error,
// never a crash. readConfigFile takes a path, so each input goes through a private temp file.
#include "credentials/databricksconfig.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("databrickscfg"));
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        f.write(reinterpret_cast<const char *>(data), static_cast<qint64>(size));
    }
    using ll::credentials::DatabricksConfig;
    auto sections = DatabricksConfig::readConfigFile(path);
    QProcessEnvironment env;
    env.insert(QStringLiteral("DATABRICKS_CONFIG_FILE"), path);
    if (sections) {
        // Resolve every profile the file has, as `--profile NAME` would.
        for (auto it = sections->cbegin(); it != sections->cend(); ++it)
            (void)DatabricksConfig::resolve(env, it.key(), dir.path());
    }
    (void)DatabricksConfig::resolve(env, {}, dir.path());
    return 0;
}

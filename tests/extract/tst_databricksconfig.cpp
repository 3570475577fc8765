#include "credentials/databricksconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ll;
using namespace ll::credentials;

namespace {

void write(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

const QByteArray kConfig = "# comment\n"
                           "[__settings__]\n"
                           "default_profile = prod\n"
                           "\n"
                           "[DEFAULT]\n"
                           "host = https://dbc-default.cloud.databricks.com/\n"
                           "token = dapi-default\n"
                           "\n"
                           "[prod]\n"
                           "host = adb-123.azuredatabricks.net\n"
                           "client_id = sp-id\n"
                           "client_secret = sp-secret\n"
                           "account_id = acc-9\n"
                           "warehouse_id = wh-7\n"
                           "; another comment\n"
                           "[empty]\n";

} // namespace

class TestDatabricksConfig : public QObject {
    Q_OBJECT
private slots:
    void readsSectionsAndSkipsSettings()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("cfg")), kConfig);
        auto sections = DatabricksConfig::readConfigFile(dir.filePath(QStringLiteral("cfg")));
        QVERIFY(sections);
        QCOMPARE(sections->keys(), (QStringList{QStringLiteral("DEFAULT"), QStringLiteral("empty"), QStringLiteral("prod")}));
        QCOMPARE(sections->value(QStringLiteral("prod")).value(QStringLiteral("client_secret")), QStringLiteral("sp-secret"));
    }

    void defaultProfileFromHomeFile()
    {
        QTemporaryDir home;
        write(home.filePath(QStringLiteral(".databrickscfg")), kConfig);
        auto c = DatabricksConfig::resolve(QProcessEnvironment(), {}, home.path());
        QVERIFY(c);
        QCOMPARE(c->profile, QStringLiteral("DEFAULT"));
        QCOMPARE(c->host, QStringLiteral("https://dbc-default.cloud.databricks.com"));
        QCOMPARE(c->token, QStringLiteral("dapi-default"));
        QVERIFY(c->hasPat());
    }

    void namedProfile()
    {
        QTemporaryDir home;
        write(home.filePath(QStringLiteral(".databrickscfg")), kConfig);
        auto c = DatabricksConfig::resolve(QProcessEnvironment(), QStringLiteral("prod"), home.path());
        QVERIFY(c);
        QCOMPARE(c->host, QStringLiteral("https://adb-123.azuredatabricks.net"));
        QVERIFY(c->hasOAuth());
        QCOMPARE(c->accountId, QStringLiteral("acc-9"));
        QCOMPARE(c->warehouseId, QStringLiteral("wh-7"));
        QVERIFY(c->token.isEmpty());
    }

    void environmentWinsAndPicksProfileAndFile()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("elsewhere.cfg")), kConfig);
        QProcessEnvironment env;
        env.insert(QStringLiteral("DATABRICKS_CONFIG_FILE"), dir.filePath(QStringLiteral("elsewhere.cfg")));
        env.insert(QStringLiteral("DATABRICKS_CONFIG_PROFILE"), QStringLiteral("prod"));
        env.insert(QStringLiteral("DATABRICKS_WAREHOUSE_ID"), QStringLiteral("wh-env"));
        env.insert(QStringLiteral("DATABRICKS_CLIENT_SECRET"), QStringLiteral("env-secret"));
        auto c = DatabricksConfig::resolve(env, {}, QStringLiteral("/nonexistent-home"));
        QVERIFY(c);
        QCOMPARE(c->profile, QStringLiteral("prod"));
        QCOMPARE(c->warehouseId, QStringLiteral("wh-env"));
        QCOMPARE(c->clientSecret, QStringLiteral("env-secret"));
        QCOMPARE(c->clientId, QStringLiteral("sp-id"));
    }

    void environmentOnly()
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("DATABRICKS_HOST"), QStringLiteral("dbc-1.cloud.databricks.com"));
        env.insert(QStringLiteral("DATABRICKS_TOKEN"), QStringLiteral("dapi-env"));
        QTemporaryDir home;
        auto c = DatabricksConfig::resolve(env, {}, home.path());
        QVERIFY(c);
        QVERIFY(c->profile.isEmpty());
        QCOMPARE(c->host, QStringLiteral("https://dbc-1.cloud.databricks.com"));
        QCOMPARE(c->token, QStringLiteral("dapi-env"));
    }

    void unknownProfileIsAnError()
    {
        QTemporaryDir home;
        write(home.filePath(QStringLiteral(".databrickscfg")), kConfig);
        auto c = DatabricksConfig::resolve(QProcessEnvironment(), QStringLiteral("staging"), home.path());
        QVERIFY(!c);
        QCOMPARE(c.error().code, ErrorCode::NotFound);
        QVERIFY(c.error().message.contains(QLatin1String("prod")));
        QVERIFY(!c.error().toString().contains(QLatin1String("sp-secret")));
        auto missing = DatabricksConfig::resolve(QProcessEnvironment(), QStringLiteral("prod"), QStringLiteral("/nonexistent-home"));
        QVERIFY(!missing);
    }

    void malformedFileIsAnError()
    {
        QTemporaryDir dir;
        write(dir.filePath(QStringLiteral("cfg")), "host = outside-any-section\n");
        auto sections = DatabricksConfig::readConfigFile(dir.filePath(QStringLiteral("cfg")));
        QVERIFY(!sections);
        QCOMPARE(sections.error().code, ErrorCode::BadInput);
    }
};

QTEST_GUILESS_MAIN(TestDatabricksConfig)
#include "tst_databricksconfig.moc"

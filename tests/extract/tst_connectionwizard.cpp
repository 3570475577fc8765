#include "connection/connectionpages.h"
#include "connection/connectionwizard.h"
#include "credentials/memorysecretstore.h"
#include "syncfixture.h"
#include "tempstore.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>

using namespace ll;
using namespace ll::test;

class TestConnectionWizard : public QObject {
    Q_OBJECT
private slots:
    void oauthIsTheDefaultAndFieldsMapToAProfile()
    {
        TempStore store;
        credentials::MemorySecretStore session;
        ui::ConnectionWizard wizard(store.path(), &session);
        QVERIFY(wizard.field(ui::fields::oauth).toBool());
        wizard.setField(ui::fields::name, QStringLiteral("prod"));
        wizard.setField(ui::fields::host, QStringLiteral("dbc-1.cloud.databricks.com/"));
        wizard.setField(ui::fields::clientId, QStringLiteral("sp"));
        wizard.setField(ui::fields::clientSecret, QStringLiteral("secret"));
        wizard.setField(ui::fields::warehouseId, QStringLiteral("wh1"));
        const credentials::Profile p = wizard.profile();
        QCOMPARE(p.host, QStringLiteral("https://dbc-1.cloud.databricks.com"));
        QCOMPARE(p.authType, credentials::AuthType::OAuthM2M);
        QCOMPARE(p.clientId, QStringLiteral("sp"));
        QCOMPARE(p.warehouseId, QStringLiteral("wh1"));
        QCOMPARE(wizard.syncRequest().credentials.clientSecret, QStringLiteral("secret"));
    }

    void importsADatabricksCfgProfile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cfg"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[staging]\nhost = https://dbc-9.cloud.databricks.com\ntoken = dapi-imported\nwarehouse_id = wh9\n");
        f.close();
        qputenv("DATABRICKS_CONFIG_FILE", path.toUtf8());
        TempStore store;
        ui::ConnectionWizard wizard(store.path(), nullptr);
        qunsetenv("DATABRICKS_CONFIG_FILE");
        auto *combo = wizard.page(0)->findChild<QComboBox *>();
        QVERIFY(combo);
        const int at = combo->findData(QStringLiteral("staging"));
        QVERIFY(at >= 0);
        combo->setCurrentIndex(at);
        QPushButton *import = nullptr;
        for (auto *b : wizard.page(0)->findChildren<QPushButton *>())
            if (b->text() == QLatin1String("Import"))
                import = b;
        QVERIFY(import);
        import->click();
        QCOMPARE(wizard.field(ui::fields::host).toString(), QStringLiteral("https://dbc-9.cloud.databricks.com"));
        QCOMPARE(wizard.field(ui::fields::name).toString(), QStringLiteral("staging"));
        QVERIFY(!wizard.field(ui::fields::oauth).toBool()); // a token profile
        QCOMPARE(wizard.field(ui::fields::token).toString(), QStringLiteral("dapi-imported"));
        QCOMPARE(wizard.field(ui::fields::warehouseId).toString(), QStringLiteral("wh9"));
    }

    void warehousePageListsAndTests()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        fake.warehouses = {QJsonObject{{QStringLiteral("id"), QStringLiteral("wh1")}, {QStringLiteral("name"), QStringLiteral("Shared")},
                                       {QStringLiteral("state"), QStringLiteral("RUNNING")}, {QStringLiteral("cluster_size"), QStringLiteral("Small")}}};
        TempStore store;
        ui::ConnectionWizard wizard(store.path(), nullptr);
        wizard.setField(ui::fields::name, QStringLiteral("fake"));
        wizard.setField(ui::fields::host, fake.url());
        wizard.setField(ui::fields::clientId, fake.clientId);
        wizard.setField(ui::fields::clientSecret, fake.clientSecret);
        wizard.show();
        wizard.next();
        wizard.next(); // the warehouse page loads the live list on a worker
        auto *combo = wizard.currentPage()->findChild<QComboBox *>();
        QVERIFY(combo);
        QTRY_COMPARE_WITH_TIMEOUT(combo->count(), 1, 10000);
        QCOMPARE(wizard.field(ui::fields::warehouseId).toString(), QStringLiteral("wh1"));
        QPushButton *test = nullptr;
        for (auto *b : wizard.currentPage()->findChildren<QPushButton *>())
            if (b->text() == QLatin1String("Test connection"))
                test = b;
        QVERIFY(test);
        QTRY_VERIFY(test->isEnabled());
        test->click();
        auto *results = wizard.currentPage()->findChild<QPlainTextEdit *>();
        QTRY_VERIFY_WITH_TIMEOUT(results->toPlainText().contains(QLatin1String("Ready to sync")), 15000);
        QVERIFY(results->toPlainText().contains(QLatin1String("system.query")));
        QVERIFY(results->toPlainText().contains(QLatin1String("finops@example.com")));
        QVERIFY(!results->toPlainText().contains(fake.clientSecret));
    }
};

QTEST_MAIN(TestConnectionWizard)
#include "tst_connectionwizard.moc"

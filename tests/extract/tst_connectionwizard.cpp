#include "connection/connectionpages.h"
#include "connection/connectionwizard.h"
#include "credentials/memorysecretstore.h"
#include "syncfixture.h"
#include "tempstore.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ll;
using namespace ll::test;

namespace {

QLabel *hint(QWidget *page, const char *name) { return page->findChild<QLabel *>(QString::fromLatin1(name)); }

QPushButton *buttonNamed(QWidget *page, const QString &text)
{
    for (auto *b : page->findChildren<QPushButton *>())
        if (b->text() == text)
            return b;
    return nullptr;
}

// The wizard on its warehouse page, signed in with `secret`, the warehouse list loaded.
void toWarehousePage(ui::ConnectionWizard &wizard, const FakeDatabricks &fake, const QString &secret)
{
    wizard.setField(ui::fields::host, fake.url());
    wizard.setField(ui::fields::clientId, fake.clientId);
    wizard.setField(ui::fields::clientSecret, secret);
    wizard.show();
    wizard.next();
    wizard.next();
}

} // namespace

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

    void nextIsEnabledWithThePrefilledNameAndProblemsAreShownByTheField()
    {
        TempStore store;
        ui::ConnectionWizard wizard(store.path(), nullptr);
        wizard.show();
        QWizardPage *page = wizard.currentPage();
        QCOMPARE(wizard.field(ui::fields::name).toString(), QStringLiteral("production"));
        auto *host = page->findChildren<QLineEdit *>().value(1);
        QVERIFY(host);
        // Nothing entered yet: the URL says what it needs, the name is fine.
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(hint(page, "nameHint")->isHidden());
        QVERIFY(!hint(page, "hostHint")->isHidden());
        QVERIFY(hint(page, "hostHint")->text().contains(QLatin1String("workspace URL")));

        // The pre-filled name untouched, a valid URL typed: Next is enabled.
        QTest::keyClicks(host, QStringLiteral("dbc-1.cloud.databricks.com"));
        QVERIFY(page->isComplete());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(hint(page, "hostHint")->isHidden());

        // A plain-http remote URL: the reason, next to the field.
        host->setText(QStringLiteral("http://dbc-1.cloud.databricks.com"));
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(!hint(page, "hostHint")->isHidden());
        QVERIFY2(hint(page, "hostHint")->text().contains(QLatin1String("https")), qPrintable(hint(page, "hostHint")->text()));
        host->setText(QStringLiteral("https://dbc-1.cloud.databricks.com"));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

        // An emptied name.
        auto *name = page->findChildren<QLineEdit *>().value(0);
        name->clear();
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        QVERIFY(!hint(page, "nameHint")->isHidden());
        QVERIFY(hint(page, "nameHint")->text().contains(QLatin1String("name")));

        // The credentials page says which field is missing.
        name->setText(QStringLiteral("prod"));
        wizard.next();
        QWizardPage *credentials = wizard.currentPage();
        QVERIFY(!hint(credentials, "clientIdHint")->isHidden());
        QVERIFY(!hint(credentials, "clientSecretHint")->isHidden());
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        wizard.setField(ui::fields::clientId, QStringLiteral("sp"));
        QVERIFY(hint(credentials, "clientIdHint")->isHidden());
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        wizard.setField(ui::fields::clientSecret, QStringLiteral("s"));
        QVERIFY(hint(credentials, "clientSecretHint")->isHidden());
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    }

    void finishNeedsAPassingTestOrSaveAnyway()
    {
        FakeDatabricks fake;
        QVERIFY(fake.start());
        seedAccount(fake);
        TempStore store;
        ui::ConnectionWizard wizard(store.path(), nullptr);
        QSignalSpy saved(&wizard, &ui::ConnectionWizard::profileSaved);
        toWarehousePage(wizard, fake, QStringLiteral("wrong-secret"));
        QWizardPage *page = wizard.currentPage();
        auto *results = page->findChild<QPlainTextEdit *>();
        auto *combo = page->findChild<QComboBox *>();
        QTRY_VERIFY_WITH_TIMEOUT(buttonNamed(page, QStringLiteral("Test connection"))->isEnabled(), 10000);
        combo->setEditText(QStringLiteral("wh1"));
        QCOMPARE(wizard.field(ui::fields::warehouseId).toString(), QStringLiteral("wh1"));
        // Not tested yet: Finish waits, and says why.
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
        QVERIFY(!hint(page, "finishHint")->isHidden());
        QVERIFY(hint(page, "finishHint")->text().contains(QLatin1String("Test connection")));

        buttonNamed(page, QStringLiteral("Test connection"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(results->toPlainText().contains(QLatin1String("Sign-in failed")), 15000);
        QTRY_VERIFY(buttonNamed(page, QStringLiteral("Test connection"))->isEnabled());
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
        QVERIFY(hint(page, "finishHint")->text().contains(QLatin1String("did not pass")));
        wizard.accept(); // Enter or a script: refused too
        QTest::qWait(200);
        QCOMPARE(saved.count(), 0);

        // An explicit choice to keep the failing profile.
        auto *anyway = page->findChild<QCheckBox *>(QStringLiteral("saveAnyway"));
        QVERIFY(anyway);
        anyway->setChecked(true);
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        QVERIFY(hint(page, "finishHint")->isHidden());
        anyway->setChecked(false);
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());

        // The right secret: back, fix, forward, test again.
        wizard.back();
        wizard.setField(ui::fields::clientSecret, fake.clientSecret);
        wizard.next();
        QTRY_VERIFY_WITH_TIMEOUT(buttonNamed(page, QStringLiteral("Test connection"))->isEnabled(), 10000);
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled()); // the earlier result no longer counts
        combo->setEditText(QStringLiteral("wh1"));
        buttonNamed(page, QStringLiteral("Test connection"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(results->toPlainText().contains(QLatin1String("Ready to sync")), 15000);
        QTRY_VERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
        // Another warehouse than the one tested: test again first.
        combo->setEditText(QStringLiteral("wh2"));
        QVERIFY(!wizard.button(QWizard::FinishButton)->isEnabled());
        QVERIFY(hint(page, "finishHint")->text().contains(QLatin1String("another warehouse")));
        combo->setEditText(QStringLiteral("wh1"));
        QVERIFY(wizard.button(QWizard::FinishButton)->isEnabled());
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

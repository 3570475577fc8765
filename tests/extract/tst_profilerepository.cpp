#include "credentials/profile.h"
#include "tempstore.h"

#include <QTest>

using namespace ll;
using namespace ll::credentials;

class TestProfileRepository : public QObject {
    Q_OBJECT
private slots:
    void saveLoadListRemove()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        const Profile prod{QStringLiteral("prod"), QStringLiteral("https://dbc-1.cloud.databricks.com"), QStringLiteral("wh1"),
                           AuthType::OAuthM2M, QStringLiteral("sp-id"), QStringLiteral("acc")};
        const Profile dev{QStringLiteral("dev"), QStringLiteral("https://dbc-2.cloud.databricks.com"), {}, AuthType::Pat, {}, {}};
        QVERIFY(ProfileRepository::save(store.db(), store.clock(), prod));
        QVERIFY(ProfileRepository::save(store.db(), store.clock(), dev));
        auto loaded = ProfileRepository::load(store.db(), QStringLiteral("prod"));
        QVERIFY(loaded && *loaded);
        QCOMPARE((*loaded)->host, prod.host);
        QCOMPARE((*loaded)->authType, AuthType::OAuthM2M);
        QCOMPARE((*loaded)->clientId, QStringLiteral("sp-id"));
        auto all = ProfileRepository::list(store.db());
        QVERIFY(all);
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->first().name, QStringLiteral("dev"));

        Profile changed = prod;
        changed.warehouseId = QStringLiteral("wh2");
        QVERIFY(ProfileRepository::save(store.db(), store.clock(), changed));
        QCOMPARE((*ProfileRepository::load(store.db(), QStringLiteral("prod")))->warehouseId, QStringLiteral("wh2"));
        QCOMPARE(ProfileRepository::list(store.db())->size(), 2);

        QVERIFY(ProfileRepository::remove(store.db(), store.clock(), QStringLiteral("dev")));
        QVERIFY(!*ProfileRepository::load(store.db(), QStringLiteral("dev")));

        // Every change is in the audit log with the fields before and after.
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM app_audit_log WHERE action = 'profile.save'")->value_or(0), 3);
        auto change = store.db().prepare("SELECT before, after FROM app_audit_log WHERE action = 'profile.save' ORDER BY entry_id DESC");
        QVERIFY(change && *change->step());
        QVERIFY(change->text(0).contains(QLatin1String("\"warehouse_id\":\"wh1\"")));
        QVERIFY(change->text(1).contains(QLatin1String("\"warehouse_id\":\"wh2\"")));
        QCOMPARE(store.db()
                     .queryInt("SELECT count(*) FROM app_audit_log WHERE action = 'profile.remove' AND object = 'dev' "
                               "AND after IS NULL")
                     ->value_or(0),
            1);
        QVERIFY(ProfileRepository::remove(store.db(), store.clock(), QStringLiteral("nobody")));
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM app_audit_log WHERE action = 'profile.remove'")->value_or(0), 1);
    }

    void noSecretColumns()
    {
        test::TempStore store;
        auto stmt = store.db().prepare("SELECT group_concat(name) FROM pragma_table_info('app_profile')");
        QVERIFY(stmt && *stmt->step());
        const QString columns = stmt->text(0);
        QVERIFY(!columns.contains(QLatin1String("secret")));
        QVERIFY(!columns.contains(QLatin1String("token")));
    }

    void rejectsIncompleteProfiles()
    {
        test::TempStore store;
        const Status s = ProfileRepository::save(store.db(), store.clock(), Profile{QStringLiteral("x"), {}, {}, AuthType::Pat, {}, {}});
        QVERIFY(!s);
        QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestProfileRepository)
#include "tst_profilerepository.moc"

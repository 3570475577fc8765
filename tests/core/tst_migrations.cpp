#include "raw/sourcecatalog.h"
#include "store/migrations.h"
#include "store/store.h"
#include "tempstore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace ll;

namespace {

QByteArray schemaOf(store::Database &db)
{
    auto stmt = db.prepare("SELECT type, name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name");
    QByteArray out;
    while (stmt && *stmt->step())
        out += stmt->bytes(0) + ' ' + stmt->bytes(1) + ' ' + stmt->bytes(2) + '\n';
    return out;
}

unsigned modeOf(const QString &path)
{
    struct stat st {};
    ::stat(QFile::encodeName(path).constData(), &st);
    return st.st_mode & 0777u;
}

} // namespace

class TestMigrations : public QObject {
    Q_OBJECT
private slots:
    void emptyFileReachesLatest()
    {
        test::TempStore store;
        QVERIFY2(store.ok(), qPrintable(store.error()));
        QCOMPARE(*store::Migrations::currentVersion(store.db()), store::Migrations::latestVersion());
        QVERIFY(store::Migrations::latestVersion() >= 1);
    }

    void everyEarlierVersionMigratesToTheSameSchema()
    {
        test::TempStore fresh;
        QVERIFY(fresh.ok());
        const QByteArray expected = schemaOf(fresh.db());
        QList<int> earlier{0};
        for (const auto &m : store::Migrations::all())
            earlier.append(m.version);
        earlier.removeLast();
        for (int v : earlier) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("old.lakeledger"));
            {
                auto old = store::Store::open(path, {.migrateTo = v});
                QVERIFY(old);
                QCOMPARE(*store::Migrations::currentVersion(*old), v);
            }
            auto upgraded = store::Store::open(path);
            QVERIFY2(upgraded, qPrintable(upgraded ? QString() : upgraded.error().toString()));
            QCOMPARE(schemaOf(*upgraded), expected);
        }
    }

    void newerSchemaIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("future.lakeledger"));
        {
            auto db = store::Store::open(path);
            QVERIFY(db);
            QVERIFY(db->exec("PRAGMA user_version = 999"));
        }
        auto again = store::Store::open(path);
        QVERIFY(!again);
        QCOMPARE(again.error().code, ErrorCode::SchemaTooNew);
    }

    void notAStoreIsReportedAsCorrupt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("junk.lakeledger"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(8192, 'x'));
        f.close();
        auto db = store::Store::open(path);
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::Corrupt);
    }

    void missingStoreIsNotCreatedWhenAskedNotTo()
    {
        QTemporaryDir dir;
        auto db = store::Store::open(dir.filePath(QStringLiteral("none.lakeledger")), {.create = false});
        QVERIFY(!db);
        QCOMPARE(db.error().code, ErrorCode::NotFound);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("none.lakeledger"))));
    }

    void fileAndFolderAreOwnerOnly()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("profiles"));
        const QString path = folder + QStringLiteral("/acme.lakeledger");
        auto db = store::Store::open(path);
        QVERIFY(db);
        QVERIFY(db->exec("CREATE TABLE IF NOT EXISTS app_setting_probe (x); DROP TABLE app_setting_probe;"));
        QCOMPARE(modeOf(path), 0600u);
        QCOMPARE(modeOf(folder), 0700u);
        QCOMPARE(modeOf(path + QStringLiteral("-wal")), 0600u);
    }

    void pragmasAreSet()
    {
        test::TempStore store;
        auto mode = store.db().prepare("PRAGMA journal_mode");
        QVERIFY(mode && *mode->step());
        QCOMPARE(mode->text(0), QStringLiteral("wal"));
        QCOMPARE(store.db().queryInt("PRAGMA foreign_keys")->value_or(0), 1);
        QCOMPARE(store.db().queryInt("PRAGMA synchronous")->value_or(0), 1); // NORMAL
    }

    void layersAreVisibleInTheSchema()
    {
        test::TempStore store;
        for (const char *prefix : {"raw_", "ledger_", "attr_", "metrics_", "insight_", "app_"}) {
            auto n = store.db().queryInt(QByteArray("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name LIKE '") + prefix + "%'");
            QVERIFY2(n && n->value_or(0) > 0, prefix);
        }
    }

    // The catalog's column lists and the raw tables created by the migrations must agree, or
    // extraction would silently lose columns.
    void sourceCatalogMatchesRawTables()
    {
        test::TempStore store;
        for (const auto &spec : raw::SourceCatalog::systemTables()) {
            auto stmt = store.db().prepare("SELECT name FROM pragma_table_info('" + spec.rawTable + "') ORDER BY cid");
            QVERIFY(stmt);
            QList<QByteArray> columns;
            while (*stmt->step())
                columns.append(stmt->bytes(0));
            QVERIFY2(columns.size() > 3, spec.rawTable.constData());
            QCOMPARE(columns.mid(0, 3), (QList<QByteArray>{"raw_id", "batch_id", "extracted_at"}));
            QCOMPARE(columns.mid(3), spec.columns);
        }
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"

// The audit log's hash chain: record() appends linked entries, verifyAuditChain() recomputes
// them and names the first entry that was edited, removed, inserted or forged, even with the
// append-only triggers dropped; a v14 store's entries are chained by migration 0015.
#include "audit/auditchain.h"
#include "audit/auditlog.h"
#include "common/canonicalrecord.h"
#include "store/store.h"
#include "tempstore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ll;
using audit::AuditLog;
using audit::ChainProblem;
using audit::Outcome;

namespace {

Status dropTriggers(store::Database &db)
{
    return db.exec("DROP TRIGGER app_audit_log_no_update; DROP TRIGGER app_audit_log_no_delete; DROP TRIGGER app_audit_log_sealed");
}

// Five entries, ids 1..5, of the kinds the app writes.
bool recordFive(store::Database &db, const Clock &clock)
{
    return AuditLog::record(
               db, clock, QStringLiteral("ana"), QStringLiteral("sync"), QStringLiteral("pipeline run 1"), {}, QStringLiteral("succeeded"))
        && AuditLog::record(db, clock, QStringLiteral("ana"), QStringLiteral("budgets.set"), QStringLiteral("team:ml"),
            QStringLiteral("{\"amount\":\"100\"}"), QStringLiteral("{\"amount\":\"200\"}"))
        && AuditLog::record(db, clock, QStringLiteral("bo"), QStringLiteral("insight.status"), QStringLiteral("abc"), QStringLiteral("new"),
            QStringLiteral("dismissed"))
        && AuditLog::record(
            db, clock, QStringLiteral("bo"), QStringLiteral("export"), QStringLiteral("report cost -> /tmp/x.csv"), {}, {}, Outcome::Failed)
        && AuditLog::record(db, clock, QStringLiteral("ana"), QStringLiteral("rebuild"), QStringLiteral("pipeline run 2"), {},
            QStringLiteral("cancelled"), Outcome::Cancelled);
}

audit::AuditVerification verified(store::Database &db, const QString &anchor = {})
{
    auto v = audit::verifyAuditChain(db, anchor);
    if (!v) {
        qWarning() << v.error().toString();
        return {};
    }
    return *v;
}

QString hashOf(store::Database &db, int entryId)
{
    auto stmt = db.prepare("SELECT entry_hash FROM app_audit_log WHERE entry_id = ?");
    stmt->bind(1, entryId);
    return stmt && *stmt->step() ? stmt->text(0) : QString();
}

} // namespace

class TestAuditChain : public QObject {
    Q_OBJECT
private slots:
    void encodingKeepsFieldBoundaries()
    {
        const auto hashOfFields = [](const QList<QByteArray> &fields) {
            CanonicalRecord r;
            for (const auto &f : fields)
                r.addText(f);
            return r.sha256Hex();
        };
        QVERIFY(hashOfFields({"ab", "c"}) != hashOfFields({"a", "bc"}));
        QVERIFY(hashOfFields({"a:1", ""}) != hashOfFields({"a", ":1"}));
        CanonicalRecord null, empty, zero;
        null.addNull();
        empty.addText("");
        zero.addInteger(0);
        QVERIFY(null.bytes() != empty.bytes() && empty.bytes() != zero.bytes() && null.bytes() != zero.bytes());
        QCOMPARE(empty.sha256Hex().size(), 64);
        QCOMPARE(zero.bytes(), QByteArray("I1:0"));
    }

    void sqlFunctionMatchesTheEncoding()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        auto stmt = store.db().prepare("SELECT ll_sha256_fields('x', 42, NULL, '')");
        QVERIFY(stmt && *stmt->step());
        CanonicalRecord r;
        r.addText("x");
        r.addInteger(42);
        r.addNull();
        r.addText("");
        QCOMPARE(stmt->text(0).toLatin1(), r.sha256Hex());
    }

    void chainIntactAfterRecords()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        auto empty = verified(store.db());
        QVERIFY(empty.intact());
        QCOMPARE(empty.entries, 0);
        QCOMPARE(empty.headHash, QString::fromLatin1(audit::kGenesisHash));

        QVERIFY(recordFive(store.db(), store.clock()));
        const auto v = verified(store.db());
        QVERIFY2(v.intact(), qPrintable(v.summary()));
        QCOMPARE(v.entries, 5);
        QCOMPARE(v.headEntryId, 5);
        QCOMPARE(v.headHash, hashOf(store.db(), 5));
        QCOMPARE(v.headHash.size(), 64);
        QCOMPARE(v.summary(), QStringLiteral("chain intact: 5 entries, head %1").arg(v.headHash));
        // Linked: each entry names its predecessor's hash, the first the genesis hash.
        QCOMPARE(store.db()
                     .queryInt("SELECT count(*) FROM app_audit_log a JOIN app_audit_log p ON p.entry_id = a.entry_id - 1 "
                               "WHERE a.prev_hash = p.entry_hash")
                     ->value_or(0),
            4);
        QCOMPARE(store.db()
                     .queryInt("SELECT count(*) FROM app_audit_log WHERE entry_id = 1 AND prev_hash = "
                               "'0000000000000000000000000000000000000000000000000000000000000000'")
                     ->value_or(0),
            1);
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM app_audit_log WHERE outcome = 'failed' AND action = 'export'")->value_or(0), 1);
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM app_audit_log WHERE outcome = 'cancelled'")->value_or(0), 1);
    }

    void triggersKeepTheLogAppendOnly()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        QVERIFY(recordFive(store.db(), store.clock()));
        QVERIFY(!store.db().exec("UPDATE app_audit_log SET after = 'x' WHERE entry_id = 2"));
        QVERIFY(!store.db().exec("DELETE FROM app_audit_log WHERE entry_id = 5"));
        QVERIFY(!store.db().exec("INSERT INTO app_audit_log (at, actor, action) VALUES (1, 'eve', 'forged')"));
        QVERIFY(verified(store.db()).intact());
    }

    void editedFieldFailsAtThatEntry_data()
    {
        QTest::addColumn<QByteArray>("assignment");
        QTest::addRow("after") << QByteArray("after = '{\"amount\":\"900\"}'");
        QTest::addRow("before") << QByteArray("before = NULL");
        QTest::addRow("actor") << QByteArray("actor = 'eve'");
        QTest::addRow("action") << QByteArray("action = 'budgets.remove'");
        QTest::addRow("object") << QByteArray("object = 'team:ml '");
        QTest::addRow("at") << QByteArray("at = at + 1");
        QTest::addRow("outcome") << QByteArray("outcome = 'failed'");
        QTest::addRow("entry_hash") << QByteArray("entry_hash = upper(entry_hash)");
        QTest::addRow("text as blob") << QByteArray("after = CAST(after AS BLOB)");
    }

    void editedFieldFailsAtThatEntry()
    {
        QFETCH(QByteArray, assignment);
        test::TempStore store;
        QVERIFY(store.ok());
        QVERIFY(recordFive(store.db(), store.clock()));
        QVERIFY(dropTriggers(store.db()));
        QVERIFY(store.db().exec("UPDATE app_audit_log SET " + assignment + " WHERE entry_id = 2"));
        QCOMPARE(store.db().changes(), 1);
        const auto v = verified(store.db());
        QVERIFY(!v.intact());
        QCOMPARE(v.badEntryId, 2);
        QCOMPARE(v.problem, ChainProblem::ContentChanged);
        QCOMPARE(v.entries, 1);
        QVERIFY(v.summary().startsWith(QStringLiteral("chain broken at entry 2")));
    }

    void editedAndRehashedEntryBreaksTheNextLink()
    {
        // Whoever recomputes the edited entry's hash still breaks its successor's link.
        test::TempStore store;
        QVERIFY(store.ok());
        QVERIFY(recordFive(store.db(), store.clock()));
        QVERIFY(dropTriggers(store.db()));
        QVERIFY(store.db().exec("UPDATE app_audit_log SET after = 'x' WHERE entry_id = 3"));
        QVERIFY(store.db().exec("UPDATE app_audit_log SET entry_hash = ll_sha256_fields('lakeledger-audit/1', entry_id, at, actor, "
                                "action, object, before, after, outcome, prev_hash) WHERE entry_id = 3"));
        const auto v = verified(store.db());
        QCOMPARE(v.badEntryId, 4);
        QCOMPARE(v.problem, ChainProblem::LinkBroken);
        QVERIFY(v.detail.contains(QLatin1String("entry 3")));
    }

    void deletedEntryFailsAtTheNext_data()
    {
        QTest::addColumn<int>("deleted");
        QTest::addColumn<int>("badEntry");
        QTest::addRow("middle") << 3 << 4;
        QTest::addRow("first") << 1 << 2;
    }

    void deletedEntryFailsAtTheNext()
    {
        QFETCH(int, deleted);
        QFETCH(int, badEntry);
        test::TempStore store;
        QVERIFY(store.ok());
        QVERIFY(recordFive(store.db(), store.clock()));
        QVERIFY(dropTriggers(store.db()));
        auto del = store.db().prepare("DELETE FROM app_audit_log WHERE entry_id = ?");
        del->bind(1, deleted);
        QVERIFY(del->run());
        const auto v = verified(store.db());
        QVERIFY(!v.intact());
        QCOMPARE(v.badEntryId, badEntry);
        QCOMPARE(v.problem, ChainProblem::LinkBroken);
    }

    void deletedTailNeedsAnAnchor()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        QVERIFY(recordFive(store.db(), store.clock()));
        const QString noted = verified(store.db()).headHash;
        QVERIFY(verified(store.db(), noted).intact());
        QVERIFY(verified(store.db(), noted.toUpper()).intact());
        QVERIFY(dropTriggers(store.db()));
        QVERIFY(store.db().exec("DELETE FROM app_audit_log WHERE entry_id = 5"));
        // Without an anchor a shorter chain is indistinguishable from a younger one...
        QVERIFY(verified(store.db()).intact());
        // ...with the head noted earlier it is not.
        const auto v = verified(store.db(), noted);
        QVERIFY(!v.intact());
        QCOMPARE(v.problem, ChainProblem::None);
        QVERIFY(v.anchorChecked && !v.anchorFound);
    }

    void forgedEntriesFail()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        QVERIFY(recordFive(store.db(), store.clock()));
        QVERIFY(dropTriggers(store.db()));
        const QString head = hashOf(store.db(), 5);
        // A forged entry naming the right predecessor but carrying a made-up hash.
        auto forged = store.db().prepare("INSERT INTO app_audit_log (entry_id, at, actor, action, outcome, prev_hash, entry_hash) "
                                         "VALUES (6, 1, 'eve', 'budgets.set', 'ok', ?, ?)");
        forged->bind(1, head);
        forged->bind(2, QString(64, QLatin1Char('a')));
        QVERIFY(forged->run());
        auto v = verified(store.db());
        QCOMPARE(v.badEntryId, 6);
        QCOMPARE(v.problem, ChainProblem::ContentChanged);
        // One without any hash (written around LakeLedger).
        QVERIFY(store.db().exec("DELETE FROM app_audit_log WHERE entry_id = 6"));
        QVERIFY(store.db().exec("INSERT INTO app_audit_log (entry_id, at, actor, action) VALUES (6, 1, 'eve', 'forged')"));
        v = verified(store.db());
        QCOMPARE(v.badEntryId, 6);
        QCOMPARE(v.problem, ChainProblem::Unsealed);
        // A second successor of entry 2 (a fork) is refused by the unique index.
        QVERIFY(!store.db().exec("INSERT INTO app_audit_log (entry_id, at, actor, action, prev_hash, entry_hash) "
                                 "SELECT 7, 1, 'eve', 'x', prev_hash, 'f' FROM app_audit_log WHERE entry_id = 3"));
    }

    void rolledBackChangeLeavesNoEntry()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        QVERIFY(recordFive(store.db(), store.clock()));
        {
            store::Transaction tx(store.db());
            QVERIFY(tx.begun());
            QVERIFY(AuditLog::record(store.db(), store.clock(), QStringLiteral("ana"), QStringLiteral("rules"), QStringLiteral("x")));
        } // rolled back
        QVERIFY(AuditLog::record(store.db(), store.clock(), QStringLiteral("ana"), QStringLiteral("rules"), QStringLiteral("y")));
        const auto v = verified(store.db());
        QVERIFY2(v.intact(), qPrintable(v.summary()));
        QCOMPARE(v.entries, 6);
    }

    void twoConnectionsKeepOneChain()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        auto other = store::Store::open(store.path());
        QVERIFY(other);
        for (int i = 0; i < 10; ++i) {
            store::Database &db = i % 2 ? *other : store.db();
            QVERIFY(AuditLog::record(db, store.clock(), QStringLiteral("ana"), QStringLiteral("export"), QString::number(i)));
        }
        const auto v = verified(*other);
        QVERIFY2(v.intact(), qPrintable(v.summary()));
        QCOMPARE(v.entries, 10);
    }

    void v14StoreIsChainedByTheMigration()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("v14.lakeledger"));
        {
            auto old = store::Store::open(path, {.migrateTo = 14});
            QVERIFY(old);
            QVERIFY(old->exec("INSERT INTO app_audit_log (at, actor, action, object, before, after) VALUES "
                              "(100, 'ana', 'demo', 'pipeline run 1', NULL, 'succeeded'), "
                              "(200, 'ana', 'budgets.set', 'team:ml', '{}', '{\"amount\":\"5\"}'), "
                              "(300, 'bo', 'rebuild', 'pipeline run 2', NULL, 'cancelled'), "
                              "(400, 'bo', 'sync', 'pipeline run 3', NULL, 'failed')"));
        }
        auto db = store::Store::open(path);
        QVERIFY2(db, qPrintable(db ? QString() : db.error().toString()));
        auto v = verified(*db);
        QVERIFY2(v.intact(), qPrintable(v.summary()));
        QCOMPARE(v.entries, 4);
        QCOMPARE(db->queryInt("SELECT count(*) FROM app_audit_log WHERE entry_hash IS NULL OR prev_hash IS NULL")->value_or(-1), 0);
        QCOMPARE(db->queryInt("SELECT count(*) FROM app_audit_log WHERE action = 'rebuild' AND outcome = 'cancelled'")->value_or(0), 1);
        QCOMPARE(db->queryInt("SELECT count(*) FROM app_audit_log WHERE action = 'sync' AND outcome = 'failed'")->value_or(0), 1);
        QCOMPARE(db->queryInt("SELECT count(*) FROM app_audit_log WHERE outcome = 'ok'")->value_or(0), 2);
        // New entries continue the migrated chain, and an edit of a migrated entry is caught.
        FixedClock clock(QDateTime(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC));
        QVERIFY(AuditLog::record(*db, clock, QStringLiteral("ana"), QStringLiteral("export"), QStringLiteral("x")));
        v = verified(*db);
        QVERIFY2(v.intact(), qPrintable(v.summary()));
        QCOMPARE(v.entries, 5);
        QVERIFY(dropTriggers(*db));
        QVERIFY(db->exec("UPDATE app_audit_log SET after = 'succeeded' WHERE entry_id = 4"));
        QCOMPARE(verified(*db).badEntryId, 4);
    }
};

QTEST_GUILESS_MAIN(TestAuditChain)
#include "tst_auditchain.moc"

// lakeledger-cli audit list|verify through the real binary: the chain's state and exit codes
// after edits with SQL (triggers dropped), the --anchor check of a removed tail, list filters
// and formats, and exports recorded with their outcome.
#include "audit/auditchain.h"
#include "audit/auditlog.h"
#include "clirun.h"
#include "tempstore.h"

#include <QFile>
#include <QTest>

using namespace ll;
using ll::test::cli;
using Run = ll::test::CliRun;

class TestCliAudit : public QObject {
    Q_OBJECT
private:
    std::unique_ptr<test::TempStore> m_store;

    Run run(const QStringList &args) { return cli(QStringList{QStringLiteral("--store"), m_store->path()} + args); }
    Run audit(const QStringList &args) { return run(QStringList{QStringLiteral("audit")} + args); }
    std::int64_t count(const char *sql) { return m_store->db().queryInt(sql)->value_or(-1); }

    QString head()
    {
        auto v = audit::verifyAuditChain(m_store->db());
        return v ? v->headHash : QString();
    }

private slots:
    void init()
    {
        QVERIFY(!qEnvironmentVariable("LAKELEDGER_CLI").isEmpty());
        m_store = std::make_unique<test::TempStore>();
        QVERIFY(m_store->ok());
        auto &db = m_store->db();
        auto &clock = m_store->clock();
        using audit::AuditLog;
        QVERIFY(AuditLog::record(
            db, clock, QStringLiteral("ana"), QStringLiteral("sync"), QStringLiteral("pipeline run 1"), {}, QStringLiteral("succeeded")));
        clock.set(clock.now().addDays(1));
        QVERIFY(AuditLog::record(db, clock, QStringLiteral("ana"), QStringLiteral("budgets.set"), QStringLiteral("team:ml"),
            QStringLiteral("100"), QStringLiteral("=200, \"quoted\"")));
        clock.set(clock.now().addDays(1));
        QVERIFY(AuditLog::record(
            db, clock, QStringLiteral("bo"), QStringLiteral("budgets.remove"), QStringLiteral("team:bi"), QStringLiteral("50")));
        QVERIFY(AuditLog::record(db, clock, QStringLiteral("bo"), QStringLiteral("rebuild"), QStringLiteral("pipeline run 2"), {},
            QStringLiteral("cancelled"), audit::Outcome::Cancelled));
    }

    void listedInHelp()
    {
        QVERIFY(run({QStringLiteral("--help")}).out.contains("audit list|verify"));
        QCOMPARE(audit({QStringLiteral("--help")}).exitCode, 0);
        QCOMPARE(audit({}).exitCode, 2);
        QCOMPARE(audit({QStringLiteral("frobnicate")}).exitCode, 2);
        const Run help = audit({QStringLiteral("verify"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--anchor"));
    }

    void verifyIntact()
    {
        const Run v = audit({QStringLiteral("verify")});
        QVERIFY2(v.exitCode == 0, v.err.constData());
        QCOMPARE(v.out.trimmed(), QStringLiteral("chain intact: 4 entries, head %1").arg(head()).toUtf8());
    }

    void verifyFailsAtTheEditedEntry_data()
    {
        QTest::addColumn<QByteArray>("sql");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("edited after") << QByteArray("UPDATE app_audit_log SET after = '900' WHERE entry_id = 2")
                                      << QByteArray("chain broken at entry 2:");
        QTest::addRow("edited actor") << QByteArray("UPDATE app_audit_log SET actor = 'eve' WHERE entry_id = 3")
                                      << QByteArray("chain broken at entry 3:");
        QTest::addRow("deleted middle") << QByteArray("DELETE FROM app_audit_log WHERE entry_id = 2")
                                        << QByteArray("chain broken at entry 3:");
        QTest::addRow("forged") << QByteArray("INSERT INTO app_audit_log (entry_id, at, actor, action, prev_hash, entry_hash) "
                                              "SELECT 5, 1, 'eve', 'budgets.set', entry_hash, 'feed' FROM app_audit_log WHERE entry_id = 4")
                                << QByteArray("chain broken at entry 5:");
    }

    void verifyFailsAtTheEditedEntry()
    {
        QFETCH(QByteArray, sql);
        QFETCH(QByteArray, expected);
        // Triggers dropped: the verification must not depend on them.
        QVERIFY(m_store->db().exec("DROP TRIGGER app_audit_log_no_update; DROP TRIGGER app_audit_log_no_delete; "
                                   "DROP TRIGGER app_audit_log_sealed"));
        QVERIFY(m_store->db().exec(sql));
        const Run v = audit({QStringLiteral("verify")});
        QCOMPARE(v.exitCode, 1);
        QVERIFY2(v.err.contains(expected), v.err.constData());
        QVERIFY(v.out.isEmpty());
    }

    void anchorDetectsARemovedTail()
    {
        const QString noted = head();
        QCOMPARE(audit({QStringLiteral("verify"), QStringLiteral("--anchor"), noted}).exitCode, 0);
        QVERIFY(m_store->db().exec("DROP TRIGGER app_audit_log_no_delete; DELETE FROM app_audit_log WHERE entry_id = 4"));
        QCOMPARE(audit({QStringLiteral("verify")}).exitCode, 0); // a shorter chain is still a chain
        const Run anchored = audit({QStringLiteral("verify"), QStringLiteral("--anchor"), noted});
        QCOMPARE(anchored.exitCode, 1);
        QVERIFY2(anchored.err.contains("does not contain the anchor"), anchored.err.constData());
    }

    void listCsvAndFilters()
    {
        const Run all = audit({QStringLiteral("list")});
        QVERIFY2(all.exitCode == 0, all.err.constData());
        const QList<QByteArray> lines = all.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0].trimmed(), QByteArray("entry_id,at,actor,action,object,before,after,outcome,entry_hash"));
        QVERIFY(lines[1].startsWith("1,2026-11-28T12:00:00Z,ana,sync,pipeline run 1,,succeeded,ok,"));
        // Formula-safe and quoted like every export.
        QVERIFY2(lines[2].contains(",\"'=200, \"\"quoted\"\"\",ok,"), lines[2].constData());
        QVERIFY(lines[4].contains(",rebuild,pipeline run 2,,cancelled,cancelled,"));
        QVERIFY(lines[4].trimmed().endsWith(head().toUtf8()));

        const auto rowsOf = [this](const QStringList &args) {
            return audit(QStringList{QStringLiteral("list")} + args).out.trimmed().split('\n').size() - 1;
        };
        QCOMPARE(rowsOf({QStringLiteral("--action"), QStringLiteral("budgets")}), 2);
        QCOMPARE(rowsOf({QStringLiteral("--action"), QStringLiteral("budgets.set")}), 1);
        QCOMPARE(rowsOf({QStringLiteral("--action"), QStringLiteral("budget")}), 0);
        QCOMPARE(rowsOf({QStringLiteral("--actor"), QStringLiteral("bo")}), 2);
        QCOMPARE(rowsOf({QStringLiteral("--text"), QStringLiteral("TEAM:")}), 2);
        QCOMPARE(rowsOf({QStringLiteral("--from"), QStringLiteral("2026-11-29")}), 3);
        QCOMPARE(rowsOf({QStringLiteral("--to"), QStringLiteral("2026-11-29")}), 2);
        QCOMPARE(rowsOf({QStringLiteral("--from"), QStringLiteral("2026-11-29"), QStringLiteral("--to"), QStringLiteral("2026-11-29")}), 1);
    }

    void listTableAndUsageErrors()
    {
        const Run table = audit({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("table")});
        QCOMPARE(table.exitCode, 0);
        QVERIFY(table.out.startsWith("ID  WHEN (UTC)"));
        QVERIFY(table.out.contains("budgets.remove"));
        QCOMPARE(audit({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("xml")}).exitCode, 2);
        QCOMPARE(audit({QStringLiteral("list"), QStringLiteral("--from"), QStringLiteral("2026-12-02"), QStringLiteral("--to"),
                           QStringLiteral("2026-12-01")})
                     .exitCode,
            2);
        QCOMPARE(audit({QStringLiteral("list"), QStringLiteral("--from"), QStringLiteral("yesterday")}).exitCode, 2);
    }

    void exportsAreRecorded()
    {
        const QString file = m_store->dir() + QStringLiteral("/audit.csv");
        const Run r = audit({QStringLiteral("list"), QStringLiteral("--action"), QStringLiteral("budgets"), QStringLiteral("--out"), file});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().trimmed().split('\n').size(), 3);
        auto stmt = m_store->db().prepare("SELECT object, outcome FROM app_audit_log WHERE action = 'export'");
        QVERIFY(stmt && *stmt->step());
        QCOMPARE(stmt->text(0), QStringLiteral("audit list --action budgets -> %1").arg(file));
        QCOMPARE(stmt->text(1), QStringLiteral("ok"));
        // Standard output is a read, not an export.
        QCOMPARE(audit({QStringLiteral("list")}).exitCode, 0);
        QCOMPARE(count("SELECT count(*) FROM app_audit_log WHERE action = 'export'"), 1);
        QCOMPARE(audit({QStringLiteral("verify")}).exitCode, 0);
    }

    void oldStoreIsChainedOnOpen()
    {
        // A v14 store (no chain yet): the first command that opens it migrates and chains it.
        const QString path = m_store->dir() + QStringLiteral("/v14.lakeledger");
        {
            auto old = store::Store::open(path, {.migrateTo = 14});
            QVERIFY(old);
            QVERIFY(old->exec("INSERT INTO app_audit_log (at, actor, action, object, after) VALUES "
                              "(100, 'ana', 'demo', 'pipeline run 1', 'succeeded'), (200, 'ana', 'rebuild', 'pipeline run 2', 'failed')"));
        }
        const Run v = cli({QStringLiteral("--store"), path, QStringLiteral("audit"), QStringLiteral("verify")});
        QVERIFY2(v.exitCode == 0, v.err.constData());
        QVERIFY(v.out.startsWith("chain intact: 2 entries, head "));
        const Run list = cli({QStringLiteral("--store"), path, QStringLiteral("audit"), QStringLiteral("list")});
        QVERIFY(list.out.contains(",rebuild,pipeline run 2,,failed,failed,"));
    }
};

QTEST_GUILESS_MAIN(TestCliAudit)
#include "tst_cli_audit.moc"

// The Audit Log view: the chain's state above the table (intact with its head hash, broken at
// the first bad entry after an edit with SQL), filters applied in core, and a CSV export that
// is itself recorded in the audit log.
#include "audit/auditchain.h"
#include "audit/auditlog.h"
#include "auditlog/auditlogpage.h"
#include "common/viewcontext.h"
#include "models/auditlogmodel.h"
#include "tempstore.h"
#include "widgets/datatableview.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTest>

using namespace ll;
using namespace ll::ui;

namespace {

bool settle(AuditLogPage &page)
{
    return QTest::qWaitFor([&page] { return !page.isLoading(); }, 20000);
}

} // namespace

class TestAuditLogPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_store.ok());
        auto &db = m_store.db();
        auto &clock = m_store.clock();
        using audit::AuditLog;
        QVERIFY(AuditLog::record(db, clock, QStringLiteral("ana"), QStringLiteral("sync"), QStringLiteral("pipeline run 1"), {},
            QStringLiteral("failed"), audit::Outcome::Failed));
        clock.set(clock.now().addDays(2));
        QVERIFY(AuditLog::record(db, clock, QStringLiteral("bo"), QStringLiteral("budgets.set"), QStringLiteral("team:ml"),
            QStringLiteral("100"), QStringLiteral("200")));
        QVERIFY(AuditLog::record(
            db, clock, QStringLiteral("bo"), QStringLiteral("budgets.remove"), QStringLiteral("team:bi"), QStringLiteral("50")));
    }

    void chainStateFiltersAndExport()
    {
        AuditLogPage page(ViewContext::make(m_store.path(), QDate(2026, 11, 30)));
        QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.reload();
        QVERIFY(settle(page));
        QCOMPARE(page.model()->rowCount(), 3);
        const QString head = audit::verifyAuditChain(m_store.db())->headHash;
        QCOMPARE(page.chainState(), QStringLiteral("Chain intact: 3 entries. Head hash: %1").arg(head));
        QCOMPARE(page.model()->rowAt(0)->action, QStringLiteral("budgets.remove")); // newest first

        page.setFilters(QStringLiteral("budgets"), {}, {}, {}, {});
        QVERIFY(settle(page));
        QCOMPARE(page.model()->rowCount(), 2);
        page.setFilters({}, QStringLiteral("ana"), {}, {}, {});
        QVERIFY(settle(page));
        QCOMPARE(page.model()->rowCount(), 1);
        page.setFilters({}, {}, QStringLiteral("TEAM:BI"), {}, {});
        QVERIFY(settle(page));
        QCOMPARE(page.model()->rowCount(), 1);
        page.setFilters({}, {}, {}, QDate(2026, 11, 29), QDate(2026, 11, 30));
        QVERIFY(settle(page));
        QCOMPARE(page.model()->rowCount(), 2);
        page.setFilters({}, {}, {}, {}, QDate(2026, 11, 28));
        QVERIFY(settle(page));
        QCOMPARE(page.model()->rowCount(), 1);
        QCOMPARE(page.view()->placeholderText(), QStringLiteral("No entry matches these filters."));
        page.setFilters({}, {}, {}, {}, {});
        QVERIFY(settle(page));

        // The export writes the rows shown and records itself.
        const QString csv = m_store.dir() + QStringLiteral("/audit.csv");
        QVERIFY(page.view()->exportCsvTo(csv));
        QSignalSpy recorded(&page, &Page::exportRecorded);
        page.view()->recordExport(csv, {});
        QVERIFY(recorded.wait(10000));
        QCOMPARE(recorded.first().first().toBool(), true);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().trimmed().split('\n').size(), 4);
        auto entry = m_store.db().prepare("SELECT object, outcome FROM app_audit_log WHERE action = 'export'");
        QVERIFY(entry && *entry->step());
        QCOMPARE(entry->text(0), QStringLiteral("Audit Log table audit-log -> %1").arg(csv));
        QCOMPARE(entry->text(1), QStringLiteral("ok"));

        // An edit with SQL, triggers dropped, shows as a broken chain at that entry.
        QVERIFY(m_store.db().exec("DROP TRIGGER app_audit_log_no_update; UPDATE app_audit_log SET after = '999' WHERE entry_id = 2"));
        page.reload();
        QVERIFY(settle(page));
        QVERIFY2(page.chainState().startsWith(QStringLiteral("Chain broken at entry 2:")), qPrintable(page.chainState()));
        QCOMPARE(page.model()->rowCount(), 4); // still listed, to be inspected
    }

private:
    test::TempStore m_store;
};

QTEST_MAIN(TestAuditLogPage)
#include "tst_auditlogpage.moc"

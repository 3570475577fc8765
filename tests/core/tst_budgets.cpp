// Budget storage, validation and JSON import: a bad entry is refused with a message naming its
// path, and nothing changes (budgets, thresholds, audit log); good changes are audit-logged and
// survive a rebuild.
#include "budgetfixture.h"

#include "budgets/budgetstore.h"
#include "job/job.h"

#include <QTest>

using namespace ll;
using namespace ll::budgets;
using ll::test::budgetfixture::kUnit;

namespace {

const QString kActor = QStringLiteral("tester");

std::int64_t count(store::Database &db, const char *sql) { return db.queryInt(sql)->value_or(-1); }

QByteArray goodJson()
{
    return "{\"thresholds\": {\"amber_percent\": 75, \"red_percent\": 95}, \"budgets\": ["
           "{\"scope\": \"team\", \"key\": \"ml\", \"amount\": \"3000\", \"currency\": \"USD\"},"
           "{\"scope\": \"team\", \"key\": \"ML\", \"amount\": 3500.5, \"currency\": \"USD\", \"effective_from\": \"2027-01\"},"
           "{\"scope\": \"department\", \"key\": \"Analytics\", \"amount\": \"4000.125\", \"currency\": \"USD\"},"
           "{\"scope\": \"workspace\", \"key\": \"Prod\", \"amount\": \"6000\", \"currency\": \"USD\"}]}";
}

} // namespace

class TestBudgets : public QObject {
    Q_OBJECT
private slots:
    void setStoresTheCanonicalKeyAndAuditLogs()
    {
        test::TempStore store;
        QVERIFY(test::budgetfixture::seed(store));
        // A scope may be named by its display name: the stored key is the hierarchy's.
        const Budget b{{ScopeType::Team, QStringLiteral("Machine Learning")}, QDate(2026, 12, 1), 2500 * kUnit, QStringLiteral("USD")};
        QVERIFY(BudgetStore::set(store.db(), store.clock(), kActor, b));
        auto config = BudgetStore::load(store.db());
        QVERIFY(config);
        QCOMPARE(config->budgets.size(), 1);
        QCOMPARE(config->budgets[0].scope.key, QStringLiteral("ml"));
        QCOMPARE(config->budgets[0].amountNanos, 2500 * kUnit);
        QCOMPARE(config->budgets[0].effectiveFrom, QDate(2026, 12, 1));
        // Setting it again replaces the amount and logs before and after.
        Budget changed = config->budgets[0];
        changed.amountNanos = 2600 * kUnit;
        QVERIFY(BudgetStore::set(store.db(), store.clock(), kActor, changed));
        QCOMPARE(count(store.db(), "SELECT count(*) FROM app_budget"), 1);
        auto audit = store.db().prepare("SELECT action, object, before, after FROM app_audit_log ORDER BY entry_id DESC LIMIT 1");
        QVERIFY(audit && *audit->step());
        QCOMPARE(audit->text(0), QStringLiteral("budgets.set"));
        QCOMPARE(audit->text(1), QStringLiteral("team:ml from 2026-12"));
        QVERIFY(audit->text(2).contains(QStringLiteral("\"amount\":\"2500.00\"")));
        QVERIFY(audit->text(3).contains(QStringLiteral("\"amount\":\"2600.00\"")));
        QVERIFY(BudgetStore::remove(store.db(), store.clock(), kActor, changed.scope, changed.effectiveFrom));
        QCOMPARE(count(store.db(), "SELECT count(*) FROM app_budget"), 0);
        QCOMPARE(count(store.db(), "SELECT count(*) FROM app_audit_log WHERE action = 'budgets.remove'"), 1);
        QCOMPARE(
            BudgetStore::remove(store.db(), store.clock(), kActor, changed.scope, changed.effectiveFrom).error().code, ErrorCode::NotFound);
    }

    void badEntriesAreRefusedAndChangeNothing_data()
    {
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("key");
        QTest::addColumn<std::int64_t>("amount");
        QTest::addColumn<QString>("currency");
        QTest::addColumn<QString>("mentions");
        QTest::addRow("unknown team") << QStringLiteral("team") << QStringLiteral("nobody") << 10 * kUnit << QStringLiteral("USD")
                                      << QStringLiteral("nobody");
        QTest::addRow("team key as a department")
            << QStringLiteral("department") << QStringLiteral("ml") << 10 * kUnit << QStringLiteral("USD") << QStringLiteral("department");
        QTest::addRow("zero amount") << QStringLiteral("team") << QStringLiteral("ml") << std::int64_t{0} << QStringLiteral("USD")
                                     << QStringLiteral("amount");
        QTest::addRow("negative amount") << QStringLiteral("team") << QStringLiteral("ml") << -5 * kUnit << QStringLiteral("USD")
                                         << QStringLiteral("amount");
        QTest::addRow("other currency") << QStringLiteral("team") << QStringLiteral("ml") << 10 * kUnit << QStringLiteral("EUR")
                                        << QStringLiteral("EUR");
        QTest::addRow("not a currency code") << QStringLiteral("team") << QStringLiteral("ml") << 10 * kUnit << QStringLiteral("dollars")
                                             << QStringLiteral("currency");
        QTest::addRow("empty key") << QStringLiteral("project") << QString() << 10 * kUnit << QStringLiteral("USD")
                                   << QStringLiteral("key");
    }
    void badEntriesAreRefusedAndChangeNothing()
    {
        QFETCH(QString, scope);
        QFETCH(QString, key);
        QFETCH(std::int64_t, amount);
        QFETCH(QString, currency);
        QFETCH(QString, mentions);
        test::TempStore store;
        QVERIFY(test::budgetfixture::seed(store));
        QVERIFY(BudgetStore::set(
            store.db(), store.clock(), kActor, {{ScopeType::Team, QStringLiteral("bi")}, {}, 7 * kUnit, QStringLiteral("USD")}));
        const std::int64_t auditBefore = count(store.db(), "SELECT count(*) FROM app_audit_log");
        const Status s = BudgetStore::set(store.db(), store.clock(), kActor, {{*scopeTypeFromText(scope), key}, {}, amount, currency});
        QVERIFY(!s);
        QVERIFY2(s.error().message.contains(mentions), qPrintable(s.error().message));
        QVERIFY(s.error().code == ErrorCode::InvalidArgument || s.error().code == ErrorCode::NotFound);
        QCOMPARE(count(store.db(), "SELECT count(*) FROM app_budget"), 1);
        QCOMPARE(count(store.db(), "SELECT count(*) FROM app_audit_log"), auditBefore);
    }

    void importReplacesEverythingAndRoundTrips()
    {
        test::TempStore store;
        QVERIFY(test::budgetfixture::seed(store));
        QVERIFY(BudgetStore::set(
            store.db(), store.clock(), kActor, {{ScopeType::Team, QStringLiteral("bi")}, {}, 7 * kUnit, QStringLiteral("USD")}));
        auto parsed = BudgetConfig::fromJson(goodJson());
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QVERIFY(BudgetStore::replaceAll(store.db(), store.clock(), kActor, *parsed));
        auto loaded = BudgetStore::load(store.db());
        QVERIFY(loaded);
        QCOMPARE(loaded->thresholds, (Thresholds{75, 95}));
        QCOMPARE(loaded->budgets.size(), 4); // bi's budget is gone: import replaces
        // Ordered by type, key, month; keys and names resolved to the stored keys.
        QCOMPARE(loaded->budgets[0].scope, (Scope{ScopeType::Workspace, QStringLiteral("100")}));
        QCOMPARE(loaded->budgets[1].scope, (Scope{ScopeType::Department, QStringLiteral("analytics")}));
        QCOMPARE(loaded->budgets[1].amountNanos, 4000 * kUnit + 125'000'000);
        QCOMPARE(loaded->budgets[3].amountNanos, 3500 * kUnit + 500'000'000);
        QCOMPARE(loaded->budgets[3].effectiveFrom, QDate(2027, 1, 1));
        QCOMPARE(count(store.db(), "SELECT count(*) FROM app_audit_log WHERE action = 'budgets.import'"), 1);
        // Export, import: the same configuration.
        auto again = BudgetConfig::fromJson(loaded->toJson());
        QVERIFY(again);
        QCOMPARE(again->budgets, loaded->budgets);
        QCOMPARE(again->thresholds, loaded->thresholds);
        QVERIFY(loaded->toJson().contains("\"amount\": \"4000.125\""));
    }

    void badDocumentsNameThePath_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("path");
        QTest::addRow("not json") << QByteArray("{\"budgets\": [") << QStringLiteral("JSON");
        QTest::addRow("no list") << QByteArray("{}") << QStringLiteral("budgets");
        QTest::addRow("unknown top field") << QByteArray("{\"budgets\": [], \"budget\": 1}") << QStringLiteral("'budget'");
        QTest::addRow("unknown scope") << QByteArray(
            "{\"budgets\": [{\"scope\": \"tribe\", \"key\": \"x\", \"amount\": \"1\", \"currency\": \"USD\"}]}")
                                       << QStringLiteral("budgets[0].scope");
        QTest::addRow("amount zero") << QByteArray(
            "{\"budgets\": [{\"scope\": \"team\", \"key\": \"ml\", \"amount\": \"1\", \"currency\": \"USD\"},"
            "{\"scope\": \"team\", \"key\": \"bi\", \"amount\": \"0\", \"currency\": \"USD\"}]}")
                                     << QStringLiteral("budgets[1].amount");
        QTest::addRow("amount text") << QByteArray(
            "{\"budgets\": [{\"scope\": \"team\", \"key\": \"ml\", \"amount\": \"lots\", \"currency\": \"USD\"}]}")
                                     << QStringLiteral("budgets[0].amount");
        QTest::addRow("month format") << QByteArray(
            "{\"budgets\": [{\"scope\": \"team\", \"key\": \"ml\", \"amount\": \"1\", \"currency\": \"USD\", "
            "\"effective_from\": \"2026-13\"}]}")
                                      << QStringLiteral("budgets[0].effective_from");
        QTest::addRow("unknown field") << QByteArray(
            "{\"budgets\": [{\"scope\": \"team\", \"key\": \"ml\", \"amount\": \"1\", \"currency\": \"USD\", \"note\": 1}]}")
                                       << QStringLiteral("budgets[0]: unknown field 'note'");
        QTest::addRow("twice") << QByteArray(
            "{\"budgets\": [{\"scope\": \"team\", \"key\": \"ml\", \"amount\": \"1\", \"currency\": \"USD\"},"
            "{\"scope\": \"team\", \"key\": \"ml\", \"amount\": \"2\", \"currency\": \"USD\"}]}")
                               << QStringLiteral("budgets[1]");
        QTest::addRow("thresholds order") << QByteArray("{\"thresholds\": {\"amber_percent\": 100, \"red_percent\": 80}, \"budgets\": []}")
                                          << QStringLiteral("amber below red");
        QTest::addRow("threshold fraction") << QByteArray("{\"thresholds\": {\"amber_percent\": 80.5}, \"budgets\": []}")
                                            << QStringLiteral("thresholds.amber_percent");
    }
    void badDocumentsNameThePath()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, path);
        auto parsed = BudgetConfig::fromJson(json);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(parsed.error().message.contains(path), qPrintable(parsed.error().message));
    }

    // A document that parses but names a scope the store does not know: refused on save, with
    // the entry's path, and the stored budgets, thresholds and audit log stay as they were.
    void importOfAnUnknownScopeChangesNothing()
    {
        test::TempStore store;
        QVERIFY(test::budgetfixture::seed(store));
        QVERIFY(BudgetStore::set(
            store.db(), store.clock(), kActor, {{ScopeType::Team, QStringLiteral("bi")}, {}, 7 * kUnit, QStringLiteral("USD")}));
        const std::int64_t auditBefore = count(store.db(), "SELECT count(*) FROM app_audit_log");
        auto parsed = BudgetConfig::fromJson("{\"thresholds\": {\"amber_percent\": 50, \"red_percent\": 60}, \"budgets\": ["
                                             "{\"scope\": \"team\", \"key\": \"ml\", \"amount\": \"1\", \"currency\": \"USD\"},"
                                             "{\"scope\": \"project\", \"key\": \"nope\", \"amount\": \"1\", \"currency\": \"USD\"}]}");
        QVERIFY(parsed);
        const Status s = BudgetStore::replaceAll(store.db(), store.clock(), kActor, *parsed);
        QVERIFY(!s);
        QVERIFY2(s.error().message.startsWith(QStringLiteral("budgets[1].key")), qPrintable(s.error().message));
        auto loaded = BudgetStore::load(store.db());
        QCOMPARE(loaded->budgets.size(), 1);
        QCOMPARE(loaded->budgets[0].scope.key, QStringLiteral("bi"));
        QCOMPARE(loaded->thresholds, (Thresholds{80, 100}));
        QCOMPARE(count(store.db(), "SELECT count(*) FROM app_audit_log"), auditBefore);
    }

    void knownScopesNameEveryAxis()
    {
        test::TempStore store;
        QVERIFY(test::budgetfixture::seed(store));
        auto known = BudgetStore::knownScopes(store.db());
        QVERIFY(known);
        QStringList texts;
        for (const ScopeChoice &c : *known)
            texts << scopeText(c.scope) + QLatin1Char('=') + c.name;
        QCOMPARE(texts,
            (QStringList{QStringLiteral("workspace:100=Prod"), QStringLiteral("workspace:200=Sandbox"),
                QStringLiteral("org_unit:data=Data"), QStringLiteral("department:analytics=Analytics"), QStringLiteral("team:bi=BI"),
                QStringLiteral("team:ml=Machine Learning"), QStringLiteral("project:churn=Churn model")}));
    }

    // Budgets are configuration: a rebuild clears the derived layers, never app_budget.
    void aRebuildKeepsBudgets()
    {
        test::TempStore store;
        QVERIFY(test::budgetfixture::seed(store));
        QVERIFY(BudgetStore::set(
            store.db(), store.clock(), kActor, {{ScopeType::Team, QStringLiteral("ml")}, {}, 7 * kUnit, QStringLiteral("USD")}));
        QVERIFY(BudgetStore::setThresholds(store.db(), store.clock(), kActor, {70, 90}));
        CancelToken cancel;
        QVERIFY(job::runJob(store.db(), store.clock(), {job::JobKind::Rebuild, {}}, cancel).ok());
        QCOMPARE(count(store.db(), "SELECT count(*) FROM metrics_daily_team"), 0); // the rebuild did clear the metrics
        QCOMPARE(count(store.db(), "SELECT count(*) FROM app_budget"), 1);
        QCOMPARE(*BudgetStore::thresholds(store.db()), (Thresholds{70, 90}));
    }

    void amountsParseExactly()
    {
        QCOMPARE(*parseAmount(QStringLiteral("5000")), 5000 * kUnit);
        QCOMPARE(*parseAmount(QStringLiteral(" 0.000000001 ")), std::int64_t{1});
        QVERIFY(!parseAmount(QStringLiteral("0")));
        QVERIFY(!parseAmount(QStringLiteral("-1")));
        QVERIFY(!parseAmount(QStringLiteral("1e3")));
        QVERIFY(!parseAmount(QStringLiteral("99999999999")));
        QCOMPARE(amountText(5000 * kUnit), QStringLiteral("5000.00"));
        QCOMPARE(amountText(1), QStringLiteral("0.000000001"));
        QCOMPARE(monthFromText(QStringLiteral("2026-02")), QDate(2026, 2, 1));
        QVERIFY(!monthFromText(QStringLiteral("2026-2")).isValid());
        QVERIFY(!monthFromText(QStringLiteral("2026-00")).isValid());
    }
};

QTEST_GUILESS_MAIN(TestBudgets)
#include "tst_budgets.moc"

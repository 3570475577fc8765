// The Budgets view: the model over forecast rows (under QAbstractItemModelTester, raw sort
// values, status colours), the edit dialog's validation, and the page loading the synthetic
// store of budgetfixture.h and saving a budget through the dialog.
#include "../core/budgetfixture.h"

#include "budgets/budgetdialog.h"
#include "budgets/budgetmodel.h"
#include "budgets/budgetspage.h"
#include "budgets/budgetstore.h"
#include "common/money.h"
#include "common/viewcontext.h"
#include "models/modelroles.h"
#include "widgets/datatableview.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QColor>
#include <QDir>
#include <QFile>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ll;
using ll::test::budgetfixture::kUnit;

class TestBudgetsView : public QObject {
    Q_OBJECT
private slots:
    void modelShowsTheForecast()
    {
        test::TempStore store;
        QVERIFY(test::budgetfixture::seed(store));
        QVERIFY(budgets::BudgetStore::set(store.db(), store.clock(), QStringLiteral("t"),
            {{budgets::ScopeType::Team, QStringLiteral("ml")}, {}, 3000 * kUnit, QStringLiteral("USD")}));
        QVERIFY(budgets::BudgetStore::set(store.db(), store.clock(), QStringLiteral("t"),
            {{budgets::ScopeType::Department, QStringLiteral("analytics")}, {}, 2000 * kUnit, QStringLiteral("USD")}));
        auto rows = budgets::forecastAll(store.db(), QDate(2026, 12, 1), QDate(2026, 12, 10));
        QVERIFY(rows);
        ui::BudgetModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(*rows, QStringLiteral("USD"));
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(ui::BudgetModel::ColumnCount));
        // Ordered by scope type: the department before the team.
        QCOMPARE(model.index(0, ui::BudgetModel::Scope).data().toString(), QStringLiteral("Analytics"));
        QCOMPARE(model.index(1, ui::BudgetModel::Scope).data().toString(), QStringLiteral("Machine Learning"));
        QCOMPARE(model.index(1, ui::BudgetModel::ScopeType).data().toString(), QStringLiteral("Team"));
        QCOMPARE(model.index(1, ui::BudgetModel::Spent).data(ui::SortRole).toLongLong(), 990 * kUnit);
        QCOMPARE(model.index(1, ui::BudgetModel::Forecast).data(ui::SortRole).toLongLong(), 2880 * kUnit);
        QCOMPARE(model.index(1, ui::BudgetModel::Forecast).data().toString(), formatMoney(2880 * kUnit, QStringLiteral("USD")));
        QCOMPARE(model.index(1, ui::BudgetModel::ForecastPercent).data(ui::SortRole).toDouble(), 96.0);
        QVERIFY(qAbs(model.index(1, ui::BudgetModel::BacktestError).data(ui::SortRole).toDouble() - 10.4815864) < 1e-6);
        QCOMPARE(model.index(1, ui::BudgetModel::Status).data().toString(), ui::BudgetModel::levelLabel(budgets::BudgetLevel::Amber));
        QCOMPARE(model.index(1, ui::BudgetModel::Status).data(Qt::BackgroundRole).value<QColor>(),
            ui::BudgetModel::levelColor(budgets::BudgetLevel::Amber));
        // The department (ml + bi) forecast exceeds its 2000: red.
        QCOMPARE(model.index(0, ui::BudgetModel::Status).data(ui::SortRole).toInt(), int(budgets::BudgetLevel::Red));
        QCOMPARE(model.headerData(ui::BudgetModel::Budget, Qt::Horizontal, ui::ColumnKindRole).toInt(), int(ui::ColumnKind::Money));
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
    }

    void dialogValidates()
    {
        const QList<budgets::ScopeChoice> scopes{{{budgets::ScopeType::Team, QStringLiteral("ml")}, QStringLiteral("Machine Learning")},
            {{budgets::ScopeType::Workspace, QStringLiteral("100")}, QStringLiteral("Prod")}};
        ui::BudgetDialog dialog(scopes, QStringLiteral("USD"));
        dialog.setAttribute(Qt::WA_DeleteOnClose, false);
        dialog.setInput(budgets::ScopeType::Team, QStringLiteral("ml"), QString(), QString());
        QVERIFY(!dialog.validationMessage().isEmpty()); // no amount yet
        dialog.setInput(budgets::ScopeType::Team, QStringLiteral("ml"), QStringLiteral("0"), QString());
        QVERIFY(dialog.validationMessage().contains(QStringLiteral("positive")));
        dialog.setInput(budgets::ScopeType::Team, QStringLiteral("ml"), QStringLiteral("-3"), QString());
        QVERIFY(dialog.validationMessage().contains(QStringLiteral("positive")));
        dialog.setInput(budgets::ScopeType::Team, QStringLiteral("ml"), QStringLiteral("1250.50"), QStringLiteral("2027-1"));
        QVERIFY(dialog.validationMessage().contains(QStringLiteral("YYYY-MM")));
        // A type the store knows no scope of cannot be chosen.
        dialog.setInput(budgets::ScopeType::Project, QString(), QStringLiteral("10"), QString());
        QVERIFY(!dialog.validationMessage().isEmpty());
        dialog.setInput(budgets::ScopeType::Team, QStringLiteral("ml"), QStringLiteral("1250.50"), QStringLiteral("2027-01"));
        QCOMPARE(dialog.validationMessage(), QString());
        QSignalSpy accepted(&dialog, &ui::BudgetDialog::budgetAccepted);
        dialog.accept();
        QCOMPARE(accepted.size(), 1);
        const budgets::Budget b = dialog.budget();
        QCOMPARE(b.scope, (budgets::Scope{budgets::ScopeType::Team, QStringLiteral("ml")}));
        QCOMPARE(b.amountNanos, 1250 * kUnit + 500'000'000);
        QCOMPARE(b.effectiveFrom, QDate(2027, 1, 1));
        QCOMPARE(b.currency, QStringLiteral("USD"));
    }

    void pageLoadsAndSavesThroughTheDialog()
    {
        test::TempStore store;
        QVERIFY(test::budgetfixture::seed(store));
        ui::BudgetsPage page(ui::ViewContext::make(store.path(), QDate(2026, 12, 10)));
        page.resize(1280, 800);
        page.show();
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading(), 30000);
        QCOMPARE(page.model()->rowCount(), 0);
        QVERIFY(page.message().contains(QStringLiteral("No budgets yet")));
        QCOMPARE(page.overview().month, QDate(2026, 12, 1));
        QCOMPARE(page.overview().scopes.size(), 7);

        QSignalSpy written(&page, &ui::BudgetsPage::budgetsWritten);
        page.addBudget();
        auto *dialog = page.findChild<ui::BudgetDialog *>(QStringLiteral("budgetDialog"));
        QVERIFY(dialog);
        dialog->setInput(budgets::ScopeType::Team, QStringLiteral("ml"), QStringLiteral("3000"), QString());
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 30000);
        QVERIFY(written.first().first().toBool());
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading() && page.model()->rowCount() == 1, 30000);
        QCOMPARE(page.model()->statusAt(0)->projection.forecastNanos, 2880 * kUnit);
        QCOMPARE(page.message(), QStringLiteral("Budget saved."));
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM app_audit_log WHERE action = 'budgets.set'")->value_or(0), 1);

        // A bad import changes nothing and says why, naming the file.
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"budgets\": [{\"scope\": \"team\", \"key\": \"ml\", \"amount\": \"0\", \"currency\": \"USD\"}]}");
        f.close();
        page.importBudgets(bad);
        QTRY_COMPARE_WITH_TIMEOUT(written.size(), 2, 30000);
        QVERIFY(!written.last().first().toBool());
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading(), 30000);
        QVERIFY2(page.message().contains(QStringLiteral("budgets[0].amount")), qPrintable(page.message()));
        QCOMPARE(page.model()->rowCount(), 1);
        QCOMPARE(page.model()->statusAt(0)->budget.amountNanos, 3000 * kUnit);
    }

    // At the screenshot size and at 1600 x 1000 every column fits without a horizontal scroll bar.
    // LL_SCREENSHOT_DIR keeps the renders (budgets-WxH.png) for a look.
    void everyColumnFitsAtCommonSizes_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::addRow("1280x800") << QSize(1280, 800);
        QTest::addRow("1600x1000") << QSize(1600, 1000);
    }
    void everyColumnFitsAtCommonSizes()
    {
        QFETCH(QSize, size);
        test::TempStore store;
        QVERIFY(test::budgetfixture::seed(store));
        for (const auto &[type, key, units] : {std::tuple{budgets::ScopeType::Team, "ml", 3000},
                 std::tuple{budgets::ScopeType::Department, "analytics", 2000}, std::tuple{budgets::ScopeType::Workspace, "100", 5000}})
            QVERIFY(budgets::BudgetStore::set(store.db(), store.clock(), QStringLiteral("t"),
                {{type, QString::fromLatin1(key)}, {}, units * kUnit, QStringLiteral("USD")}));
        ui::BudgetsPage page(ui::ViewContext::make(store.path(), QDate(2026, 12, 10)));
        page.resize(size - QSize(180, 80)); // the window's navigation and bars take the rest
        page.show();
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading() && page.model()->rowCount() == 3, 30000);
        auto *view = page.findChild<ui::DataTableView *>();
        QVERIFY(view);
        QCoreApplication::processEvents();
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
        if (const QString dir = qEnvironmentVariable("LL_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(page.grab().save(QDir(dir).filePath(QStringLiteral("budgets-%1x%2.png").arg(size.width()).arg(size.height()))));
    }
};

QTEST_MAIN(TestBudgetsView)
#include "tst_budgetsview.moc"

// The GUI's actions on a real demo store: the pipeline controller (process, rebuild, cancel,
// audit), the main window's pipeline actions and close-while-running, the line-item drill-down,
// contract import/export in Settings, and the Cost Explorer's new dimensions and reconciliation.
#include "common/jobcontroller.h"
#include "drilldown/lineitemsdialog.h"
#include "explorer/costexplorerpage.h"
#include "insights/thresholds.h"
#include "mainwindow.h"
#include "models/contractmodel.h"
#include "models/costtablemodel.h"
#include "models/lineitemmodel.h"
#include "models/reconciliationmodel.h"
#include "reconciliation/reconciliationpanel.h"
#include "reports/snapshots.h"
#include "settings/settingspage.h"
#include "settings/thresholdmodel.h"
#include "settings/thresholdspanel.h"
#include "store/store.h"
#include "widgets/datatableview.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ll;
using namespace ll::ui;

namespace {
const QDate kToday(2026, 11, 20);
}

class TestGuiActions : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_store;

    QStringList auditActions()
    {
        auto db = store::Store::open(m_store, {.create = false, .readOnly = true});
        if (!db)
            return {};
        auto rows = reports::loadAuditLog(*db, 50);
        QStringList actions;
        if (rows)
            for (const auto &r : rows.value())
                actions << r.action + QLatin1Char('=') + r.after;
        return actions;
    }

private slots:
    void initTestCase()
    {
        m_store = m_dir.filePath(QStringLiteral("actions.lakeledger"));
        QProcess p;
        p.start(qEnvironmentVariable("LAKELEDGER_CLI"), {QStringLiteral("--store"), m_store, QStringLiteral("demo"), QStringLiteral("--days"),
                                                          QStringLiteral("40"), QStringLiteral("--end"), kToday.toString(Qt::ISODate)});
        QVERIFY(p.waitForFinished(300000));
        QCOMPARE(p.exitCode(), 0);
    }

    void controllerProcessesAndRebuildsAndAudits()
    {
        JobController controller(m_store);
        QSignalSpy finished(&controller, &JobController::finished);
        QSignalSpy progress(&controller, &JobController::progressChanged);
        QVERIFY(controller.start({job::JobKind::Process, {}}));
        QVERIFY(controller.isRunning());
        QVERIFY(!controller.start({job::JobKind::Rebuild, {}})); // one run at a time
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        QCOMPARE(finished.at(0).at(0).toBool(), true);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("succeeded"));
        QVERIFY(!controller.isRunning());

        QVERIFY(controller.start({job::JobKind::Rebuild, {}}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 120000);
        QCOMPARE(finished.at(1).at(1).toString(), QStringLiteral("succeeded"));
        QVERIFY(!progress.isEmpty());
        const QStringList actions = auditActions();
        QVERIFY2(actions.contains(QStringLiteral("rebuild=succeeded")), qPrintable(actions.join(QLatin1Char(' '))));
        QVERIFY(actions.contains(QStringLiteral("process=succeeded")));
    }

    void cancelledRunSaysSo()
    {
        JobController controller(m_store);
        QSignalSpy finished(&controller, &JobController::finished);
        QVERIFY(controller.start({job::JobKind::Rebuild, {}}));
        controller.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("cancelled"));
        // The store stays consistent: the next run completes it.
        QVERIFY(controller.start({job::JobKind::Process, {}}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 120000);
        QCOMPARE(finished.at(1).at(1).toString(), QStringLiteral("succeeded"));
    }

    void missingStoreFailsWithItsError()
    {
        JobController controller(m_dir.filePath(QStringLiteral("missing.lakeledger")));
        QSignalSpy finished(&controller, &JobController::finished);
        QVERIFY(controller.start({job::JobKind::Process, {}}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("failed"));
        QVERIFY(!finished.at(0).at(2).toString().isEmpty());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("missing.lakeledger"))));
    }

    void mainWindowRunsThePipelineAndReloads()
    {
        MainWindow window(m_store, kToday);
        window.resize(1280, 800);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
        QSignalSpy loads(&window, &MainWindow::loadsFinished);
        window.processAction()->trigger();
        QVERIFY(window.jobController()->isRunning());
        QVERIFY(!window.processAction()->isEnabled());
        QVERIFY(!window.rebuildAction()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!window.jobController()->isRunning(), 120000);
        QVERIFY(window.processAction()->isEnabled());
        QVERIFY2(window.pipelineOutcome().contains(QStringLiteral("succeeded")), qPrintable(window.pipelineOutcome()));
        QTRY_VERIFY_WITH_TIMEOUT(!loads.isEmpty() && !window.isLoading(), 60000); // every page reloaded
    }

    void closingWhileRunningCancelsFirst()
    {
        MainWindow window(m_store, kToday);
        window.setScreenshotMode(true); // rebuild without the question
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
        window.startRebuild();
        QVERIFY(window.jobController()->isRunning());
        window.close();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 120000);
        QVERIFY(!window.jobController()->isRunning());
        // Bring the store back to complete for the later tests.
        JobController controller(m_store);
        QSignalSpy finished(&controller, &JobController::finished);
        QVERIFY(controller.start({job::JobKind::Process, {}}));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 120000);
        QVERIFY(finished.at(0).at(0).toBool());
    }

    void lineItemsDialogLoadsAndExports()
    {
        DrillDown d;
        d.filter.from = QDate(2026, 11, 1);
        d.filter.to = kToday;
        d.filter.product = QStringLiteral("JOBS");
        d.filter.limit = 50;
        d.criteria << QStringLiteral("Product: JOBS");
        LineItemsDialog dialog(m_store, d);
        QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(&dialog, &LineItemsDialog::loaded);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 1, 60000);
        const reports::LineItemPage &page = dialog.model()->page();
        QVERIFY(page.rows.size() > 0);
        QVERIFY(page.rows.size() <= 50);
        for (const auto &row : page.rows)
            QCOMPARE(row.product, QStringLiteral("JOBS"));
        if (page.totalCount > page.rows.size())
            QVERIFY2(dialog.summary().contains(QStringLiteral("Showing 50 of")), qPrintable(dialog.summary()));
        const QString csvPath = m_dir.filePath(QStringLiteral("lines.csv"));
        const Status s = dialog.view()->exportCsvTo(csvPath);
        QVERIFY(s.ok());
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csv.readAll().split('\n');
        QVERIFY(lines.first().startsWith("Record id,Type,Usage start,Workspace,SKU,Quantity,Effective cost"));
        QCOMPARE(lines.size() - 2, page.rows.size()); // header + rows + "" after the last line end
    }

    void explorerNewDimensionsAndReconciliation()
    {
        MainWindow window(m_store, kToday);
        window.resize(1280, 800);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
        auto *explorer = qobject_cast<CostExplorerPage *>(window.page(QStringLiteral("cost-explorer")));
        QVERIFY(explorer);
        QVERIFY(window.showView(QStringLiteral("cost-explorer/reconciliation")));
        QVERIFY(!window.showView(QStringLiteral("cost-explorer/nope")));
        QVERIFY(explorer->reconciliation()->model()->rowCount() > 0);
        QAbstractItemModelTester tester(explorer->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        explorer->setDimensions({QStringLiteral("job"), QStringLiteral("principal"), QStringLiteral("tag:team")});
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
        QVERIFY2(explorer->message().isEmpty(), qPrintable(explorer->message()));
        QCOMPARE(explorer->model()->dimensionCount(), 3);
        QVERIFY(explorer->model()->rowCount() > 0);
        QCOMPARE(explorer->model()->headerData(2, Qt::Horizontal).toString(), QStringLiteral("Tag: team"));

        explorer->setAsOf(QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC)); // before any extraction
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
        QCOMPARE(explorer->model()->rowCount(), 0);
        explorer->setAsOf({});
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
        QVERIFY(explorer->model()->rowCount() > 0);
    }

    void settingsImportsContractsAndProcesses()
    {
        MainWindow window(m_store, kToday);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
        auto *settings = qobject_cast<SettingsPage *>(window.page(QStringLiteral("settings")));
        QVERIFY(settings);
        QAbstractItemModelTester tester(settings->contracts(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy written(settings, &SettingsPage::contractsWritten);

        const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
        QFile badFile(bad);
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write("scope,scope_key,kind,value,valid_from,valid_to\nsku,PREMIUM_JOBS_COMPUTE,price,abc,2026-01-01,\n");
        badFile.close();
        settings->importContracts(bad);
        QTRY_COMPARE_WITH_TIMEOUT(written.size(), 1, 60000);
        QCOMPARE(written.at(0).at(0).toBool(), false);
        QVERIFY(!settings->contractStatus().isEmpty());
        QVERIFY(!window.jobController()->isRunning());

        const QString good = m_dir.filePath(QStringLiteral("good.csv"));
        QFile goodFile(good);
        QVERIFY(goodFile.open(QIODevice::WriteOnly));
        goodFile.write("scope,scope_key,kind,value,valid_from,valid_to\nall,*,discount,10,2026-01-01,\n");
        goodFile.close();
        settings->importContracts(good);
        QTRY_COMPARE_WITH_TIMEOUT(written.size(), 2, 60000);
        QCOMPARE(written.at(1).at(0).toBool(), true);
        QVERIFY(window.jobController()->isRunning()); // "Process new data" started by the import
        QTRY_VERIFY_WITH_TIMEOUT(!window.jobController()->isRunning(), 120000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
        QCOMPARE(settings->contracts()->rowCount(), 1);

        auto *explorer = qobject_cast<CostExplorerPage *>(window.page(QStringLiteral("cost-explorer")));
        QVERIFY(explorer->model()->table().hasContracts);
        const int contract = explorer->model()->valueColumn(CostTableModel::ContractCost);
        QVERIFY(contract > 0);
        QVERIFY(explorer->reconciliation()->model()->hasContracts());
        QCOMPARE(explorer->reconciliation()->model()->columnCount(), int(ReconciliationModel::ColumnCount));

        const QString exported = m_dir.filePath(QStringLiteral("exported.csv"));
        settings->exportContracts(exported);
        QTRY_COMPARE_WITH_TIMEOUT(written.size(), 3, 60000);
        QFile out(exported);
        QVERIFY(out.open(QIODevice::ReadOnly));
        QVERIFY(out.readAll().startsWith("scope,scope_key,kind,value,valid_from,valid_to"));

        // Issue 16: an unknown SKU was accepted silently in the GUI (the CLI warns). Saved, and
        // the status lists every SKU without a list price.
        const QString typo = m_dir.filePath(QStringLiteral("typo.csv"));
        QFile typoFile(typo);
        QVERIFY(typoFile.open(QIODevice::WriteOnly));
        typoFile.write("scope,scope_key,kind,value,valid_from,valid_to\n"
                       "sku,PREMIUM_JOBS_COMPUTEE,price,0.1,2026-01-01,\nsku,NO_SUCH_SKU,discount,5,2026-01-01,\n"
                       "all,*,discount,10,2026-01-01,\n");
        typoFile.close();
        settings->importContracts(typo);
        QTRY_COMPARE_WITH_TIMEOUT(written.size(), 4, 60000);
        QCOMPARE(written.at(3).at(0).toBool(), true);
        const QString status = settings->contractStatus();
        QVERIFY2(status.contains(QStringLiteral("Imported 3 contract price(s)")), qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("2 SKU(s) have no list price")), qPrintable(status));
        QVERIFY2(
            status.contains(QStringLiteral("PREMIUM_JOBS_COMPUTEE")) && status.contains(QStringLiteral("NO_SUCH_SKU")), qPrintable(status));
        QTRY_VERIFY_WITH_TIMEOUT(!window.jobController()->isRunning(), 120000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
        QCOMPARE(settings->contracts()->rowCount(), 3);
    }

    // Settings › Insight thresholds: an out-of-range value is refused with the threshold named and
    // nothing stored; a valid edit is stored, audited, starts "Process new data", and the
    // insights are re-evaluated with it (budget_at_risk needs the queue: no usage changed).
    void settingsEditsInsightThresholds()
    {
        MainWindow window(m_store, kToday);
        window.show();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
        auto *settings = qobject_cast<SettingsPage *>(window.page(QStringLiteral("settings")));
        QVERIFY(settings);
        QVERIFY(settings->showTab(QStringLiteral("thresholds")));
        ThresholdModel *model = settings->thresholds()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), int(insights::Thresholds::specs().size()));
        int minZ = -1;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (insights::Thresholds::specs().at(row).name() == QLatin1String("cost_spike.min_z"))
                minZ = row;
        }
        QVERIFY(minZ >= 0);
        QSignalSpy saved(settings->thresholds(), &ThresholdsPanel::saved);

        QVERIFY(model->setData(model->index(minZ, ThresholdModel::Value), QStringLiteral("0.1")));
        QVERIFY(model->isModified());
        settings->thresholds()->save();
        QCOMPARE(saved.size(), 1);
        QCOMPARE(saved.at(0).at(0).toBool(), false);
        QVERIFY2(
            settings->thresholds()->status().contains(QLatin1String("cost_spike.min_z")), qPrintable(settings->thresholds()->status()));
        QVERIFY(!window.jobController()->isRunning());
        {
            auto db = store::Store::open(m_store, {.create = false, .readOnly = true});
            QVERIFY(db);
            QCOMPARE(insights::Thresholds::load(*db)->value(QStringLiteral("cost_spike"), QStringLiteral("min_z")), 2.0);
        }

        QVERIFY(model->setData(model->index(minZ, ThresholdModel::Value), QStringLiteral("3.5")));
        settings->thresholds()->save();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 2, 60000);
        QCOMPARE(saved.at(1).at(0).toBool(), true);
        QVERIFY(!model->isModified());
        QVERIFY(window.jobController()->isRunning()); // the re-evaluation
        QTRY_VERIFY_WITH_TIMEOUT(!window.jobController()->isRunning(), 120000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isLoading(), 60000);
        {
            auto db = store::Store::open(m_store, {.create = false, .readOnly = true});
            QVERIFY(db);
            QCOMPARE(insights::Thresholds::load(*db)->value(QStringLiteral("cost_spike"), QStringLiteral("min_z")), 3.5);
            // The run re-ran the insights stage although no usage arrived.
            QCOMPARE(
                db->queryInt("SELECT rows_in FROM app_stage_run WHERE stage = 'insights' ORDER BY stage_run_id DESC LIMIT 1")->value_or(-1),
                std::int64_t{1});
            QCOMPARE(db->queryInt("SELECT count(*) FROM app_dirty_day WHERE stage = 'insights'")->value_or(-1), 0);
        }
        QVERIFY(auditActions().join(QLatin1Char('\n')).contains(QLatin1String("insights.thresholds=")));
        // Back to the defaults for the other tests.
        model->resetToDefaults();
        settings->thresholds()->save();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 3, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.jobController()->isRunning(), 120000);
    }
};

QTEST_MAIN(TestGuiActions)
#include "tst_guiactions.moc"

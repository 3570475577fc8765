// The Workloads view's models without a store: each under QAbstractItemModelTester with realistic
// rows, display formatting, raw-value sorting through the table's proxy and CSV column kinds.
#include "common/money.h"
#include "models/modelroles.h"
#include "models/runmodel.h"
#include "models/utilizationmodel.h"
#include "models/workloadmodel.h"
#include "widgets/datatableview.h"

#include <QAbstractItemModelTester>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace ll;
using namespace ll::ui;

namespace {

constexpr std::int64_t kUnit = kNanosPerUnit;

reports::WorkloadRow workload(const QString &type, const QString &id, const QString &name, std::int64_t cost,
                              std::int64_t runs, std::int64_t failed, std::int64_t failedCost, std::int64_t seconds)
{
    reports::WorkloadRow r;
    r.workUnitType = type;
    r.workUnitId = id;
    r.workspaceId = QStringLiteral("1234567890");
    r.name = name;
    r.costNanos = cost;
    r.listCostNanos = cost;
    r.runs = runs;
    r.failedRuns = failed;
    r.succeededRuns = runs - failed;
    r.failedRunCostNanos = failedCost;
    r.runDurationSeconds = seconds;
    return r;
}

QList<reports::WorkloadRow> sampleWorkloads()
{
    // Cost 9.50 vs 100.00 vs 12.00: display-string order ("$100.00" < "$12.00" < "$9.50") differs
    // from the raw order, so the sort test proves SortRole is used.
    return {workload(QStringLiteral("job"), QStringLiteral("101"), QStringLiteral("nightly_etl"), 100 * kUnit, 30, 3, 10 * kUnit, 30 * 900),
            workload(QStringLiteral("job"), QStringLiteral("102"), QStringLiteral("hourly_sync"), 12 * kUnit, 720, 0, 0, 720 * 45),
            workload(QStringLiteral("warehouse"), QStringLiteral("wh-1"), QStringLiteral("BI warehouse"), 9 * kUnit + kUnit / 2, 0, 0, 0, 0)};
}

QList<reports::RunRow> sampleRuns()
{
    QList<reports::RunRow> rows;
    for (int i = 0; i < 4; ++i) {
        reports::RunRow r;
        r.runKind = QStringLiteral("job_run");
        r.runId = QString::number(9000 + i);
        r.parentId = QStringLiteral("101");
        r.workspaceId = QStringLiteral("1234567890");
        r.startDay = QDate(2026, 11, 20).addDays(-i);
        r.failed = i == 1;
        r.resultState = r.failed ? QStringLiteral("FAILED") : QStringLiteral("SUCCESS");
        if (i != 3)
            r.durationSeconds = 600 + i * 120;
        r.costNanos = (i == 2 ? 100 : 9) * kUnit;
        rows << r;
    }
    return rows;
}

QList<reports::UtilizationRow> sampleUtilization()
{
    reports::UtilizationRow cluster;
    cluster.kind = QStringLiteral("cluster");
    cluster.id = QStringLiteral("0101-abc");
    cluster.workspaceId = QStringLiteral("1234567890");
    cluster.name = QStringLiteral("shared-etl");
    cluster.nodeSeconds = 36 * 3600;
    cluster.avgCpuCentiPercent = 4250;
    cluster.avgMemCentiPercent = 6100;
    reports::UtilizationRow warehouse;
    warehouse.kind = QStringLiteral("warehouse");
    warehouse.id = QStringLiteral("wh-1");
    warehouse.workspaceId = QStringLiteral("1234567890");
    warehouse.name = QStringLiteral("BI warehouse");
    warehouse.runningSeconds = 10 * 3600;
    warehouse.busyRunningSeconds = 4 * 3600;
    warehouse.idleRunningSeconds = 6 * 3600;
    warehouse.busyShareBasisPoints = 4000;
    warehouse.queries = 1234;
    reports::UtilizationRow idle = warehouse;
    idle.id = QStringLiteral("wh-2");
    idle.name = QStringLiteral("Ad hoc");
    idle.runningSeconds = 2 * 3600;
    idle.idleRunningSeconds = 2 * 3600;
    idle.busyRunningSeconds = 0;
    idle.busyShareBasisPoints = 0;
    idle.queries = 0;
    return {cluster, warehouse, idle};
}

QStringList columnInSortedOrder(DataTableView &view, int column, Qt::SortOrder order)
{
    view.sortByColumn(column, order);
    QStringList out;
    QSortFilterProxyModel *proxy = view.proxy();
    for (int r = 0; r < proxy->rowCount(); ++r)
        out << proxy->index(r, 0).data().toString();
    return out;
}

} // namespace

class TestWorkloadModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void workloadModelIsSoundAndFormats()
    {
        WorkloadModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(sampleWorkloads());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(WorkloadModel::ColumnCount));
        QCOMPARE(model.index(0, WorkloadModel::Name).data().toString(), QStringLiteral("nightly_etl"));
        QCOMPARE(model.index(0, WorkloadModel::Cost).data().toString(), formatMoney(100 * kUnit));
        QCOMPARE(model.index(0, WorkloadModel::Cost).data(SortRole).toLongLong(), 100 * kUnit);
        QCOMPARE(model.index(0, WorkloadModel::Failed).data(SortRole).toLongLong(), 3);
        QCOMPARE(model.index(0, WorkloadModel::FailedCost).data(SortRole).toLongLong(), 10 * kUnit);
        QCOMPARE(model.index(0, WorkloadModel::AvgDuration).data(SortRole).toLongLong(), 900);
        QCOMPARE(model.index(0, WorkloadModel::AvgDuration).data().toString(), QStringLiteral("15m 00s"));
        // A warehouse has no runs: no average duration.
        QCOMPARE(model.index(2, WorkloadModel::AvgDuration).data(SortRole).toLongLong(), -1);
        QCOMPARE(model.index(2, WorkloadModel::AvgDuration).data().toString(), QStringLiteral("\u2014"));
        QCOMPARE(model.headerData(WorkloadModel::Cost, Qt::Horizontal, ColumnKindRole).toInt(), int(ColumnKind::Money));
        QCOMPARE(model.headerData(WorkloadModel::FailedCost, Qt::Horizontal, ColumnKindRole).toInt(), int(ColumnKind::Money));
        QCOMPARE(model.headerData(WorkloadModel::Runs, Qt::Horizontal, ColumnKindRole).toInt(), int(ColumnKind::Integer));
        QCOMPARE(model.headerData(WorkloadModel::Name, Qt::Horizontal, ColumnKindRole).toInt(), int(ColumnKind::Text));
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
    }

    void workloadCostShowsUnpricedUsage()
    {
        // Issue 16: unpriced usage read "$0.00" in the Workloads view and the Overview's top
        // workloads. The Cost Explorer's marker, tooltip and colour; sorting and CSV keep the cost.
        auto rows = sampleWorkloads();
        rows[2].costNanos = 0;
        rows[2].unpricedQuantityNanos = 3'200'000'000;
        rows[0].unpricedQuantityNanos = 1'500'000'000;
        WorkloadModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(rows);
        QCOMPARE(model.index(2, WorkloadModel::Cost).data().toString(), QStringLiteral("$0.00 + 3.20 DBU unpriced"));
        QCOMPARE(model.index(0, WorkloadModel::Cost).data().toString(), QStringLiteral("$100.00 + 1.50 DBU unpriced"));
        QCOMPARE(model.index(1, WorkloadModel::Cost).data().toString(), QStringLiteral("$12.00"));
        QCOMPARE(model.index(2, WorkloadModel::Cost).data(SortRole).toLongLong(), 0);
        QVERIFY(model.index(2, WorkloadModel::Cost)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("3.20 DBU of this usage has no list price")));
        QVERIFY(!model.index(1, WorkloadModel::Cost).data(Qt::ToolTipRole).isValid());
        QVERIFY(model.index(2, WorkloadModel::Cost).data(Qt::ForegroundRole).isValid());
        QVERIFY(!model.index(1, WorkloadModel::Cost).data(Qt::ForegroundRole).isValid());
        // The failed-run cost is the failed runs' share only: no marker there.
        QCOMPARE(model.index(0, WorkloadModel::FailedCost).data().toString(), QStringLiteral("$10.00"));
    }

    void workloadModelSaysWhereEachEntityCameFrom()
    {
        auto rows = sampleWorkloads();
        rows[0].source = reports::EntitySource::System;
        rows[0].workspaceName = QStringLiteral("analytics-prod");
        rows[1].source = reports::EntitySource::RestOnly;
        rows[2].source = reports::EntitySource::Rest;
        WorkloadModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(rows);
        QCOMPARE(model.index(0, WorkloadModel::Source).data().toString(), QStringLiteral("System table"));
        // The workspace by name, its id in the tooltip.
        QCOMPARE(model.index(0, WorkloadModel::Workspace).data().toString(), QStringLiteral("analytics-prod"));
        QVERIFY(model.index(0, WorkloadModel::Workspace).data(Qt::ToolTipRole).toString().contains(QStringLiteral("1234567890")));
        QCOMPARE(model.index(1, WorkloadModel::Source).data().toString(), QStringLiteral("REST API only"));
        QVERIFY2(model.index(0, WorkloadModel::Name).data(Qt::ToolTipRole).toString().contains(QStringLiteral("From system.lakeflow.jobs")),
            qPrintable(model.index(0, WorkloadModel::Name).data(Qt::ToolTipRole).toString()));
        QCOMPARE(model.index(1, WorkloadModel::Source).data(Qt::ToolTipRole).toString(),
            QStringLiteral("From the Jobs API (system.lakeflow.jobs not available)"));
        QVERIFY(model.index(2, WorkloadModel::Name).data(Qt::ToolTipRole).toString().contains(QStringLiteral("the SQL Warehouses API")));

        UtilizationModel utilization;
        auto util = sampleUtilization();
        util[0].source = reports::EntitySource::RestOnly;
        utilization.setRows(util);
        QCOMPARE(utilization.index(0, UtilizationModel::Source).data().toString(), QStringLiteral("REST API only"));
        QVERIFY(utilization.index(0, UtilizationModel::Name).data(Qt::ToolTipRole).toString().contains(QStringLiteral("the Clusters API")));
    }

    void workloadModelSortsByRawValues()
    {
        WorkloadModel model;
        model.setRows(sampleWorkloads());
        DataTableView view;
        view.setSourceModel(&model);
        QAbstractItemModelTester tester(view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(columnInSortedOrder(view, WorkloadModel::Cost, Qt::AscendingOrder),
                 (QStringList{QStringLiteral("BI warehouse"), QStringLiteral("hourly_sync"), QStringLiteral("nightly_etl")}));
        QCOMPARE(columnInSortedOrder(view, WorkloadModel::Runs, Qt::DescendingOrder),
                 (QStringList{QStringLiteral("hourly_sync"), QStringLiteral("nightly_etl"), QStringLiteral("BI warehouse")}));
        QCOMPARE(columnInSortedOrder(view, WorkloadModel::AvgDuration, Qt::DescendingOrder).first(), QStringLiteral("nightly_etl"));
    }

    void runModelIsSoundAndHighlightsFailures()
    {
        RunModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(sampleRuns());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(0, RunModel::StartDay).data(SortRole).toDate(), QDate(2026, 11, 20));
        QCOMPARE(model.index(1, RunModel::Result).data().toString(), QStringLiteral("FAILED"));
        QVERIFY(model.index(1, RunModel::Cost).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model.index(0, RunModel::Cost).data(Qt::BackgroundRole).isValid());
        QCOMPARE(model.index(3, RunModel::Duration).data(SortRole).toLongLong(), -1);
        QCOMPARE(model.headerData(RunModel::Cost, Qt::Horizontal, ColumnKindRole).toInt(), int(ColumnKind::Money));

        DataTableView view;
        view.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // 100.00 sorts above 9.00 (a string sort would not).
        QCOMPARE(columnInSortedOrder(view, RunModel::Cost, Qt::DescendingOrder).first(), QStringLiteral("9002"));
        QCOMPARE(columnInSortedOrder(view, RunModel::StartDay, Qt::AscendingOrder).first(), QStringLiteral("9003"));
    }

    void utilizationModelIsSoundAndSplitsKinds()
    {
        UtilizationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows(sampleUtilization());
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.index(0, UtilizationModel::AvgCpu).data(SortRole).toDouble(), 42.5);
        QCOMPARE(model.index(0, UtilizationModel::AvgMem).data(SortRole).toDouble(), 61.0);
        QCOMPARE(model.index(0, UtilizationModel::NodeHours).data(SortRole).toDouble(), 36.0);
        QCOMPARE(model.index(0, UtilizationModel::BusyShare).data(SortRole).toDouble(), -1.0);
        QCOMPARE(model.index(1, UtilizationModel::RunningHours).data(SortRole).toDouble(), 10.0);
        QCOMPARE(model.index(1, UtilizationModel::BusyShare).data(SortRole).toDouble(), 40.0);
        QCOMPARE(model.index(1, UtilizationModel::IdleHours).data(SortRole).toDouble(), 6.0);
        QCOMPARE(model.index(1, UtilizationModel::AvgCpu).data().toString(), QStringLiteral("\u2014"));
        QCOMPARE(model.headerData(UtilizationModel::BusyShare, Qt::Horizontal, ColumnKindRole).toInt(), int(ColumnKind::Text));

        DataTableView view;
        view.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(view.proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(columnInSortedOrder(view, UtilizationModel::Queries, Qt::DescendingOrder).first(), QStringLiteral("BI warehouse"));
        QCOMPARE(columnInSortedOrder(view, UtilizationModel::IdleHours, Qt::DescendingOrder).first(), QStringLiteral("BI warehouse"));
    }
};

QTEST_MAIN(TestWorkloadModels)
#include "tst_workloadmodels.moc"

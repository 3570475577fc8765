// Every table model of the GUI under QAbstractItemModelTester with realistic data, and sorting
// through a proxy by the raw SortRole values (numbers and dates, never display strings).
#include "explorer/costexplorerchart.h"
#include "models/auditlogmodel.h"
#include "models/columntablemodel.h"
#include "models/contractmodel.h"
#include "models/correctionmodel.h"
#include "models/costtablemodel.h"
#include "models/insightmodel.h"
#include "models/issuemodel.h"
#include "models/lineitemmodel.h"
#include "models/modelroles.h"
#include "models/namedcostmodel.h"
#include "models/reconciliationmodel.h"
#include "models/sourcestatemodel.h"
#include "models/stagerunmodel.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTimeZone>

using namespace ll;
using namespace ll::ui;

namespace {
constexpr std::int64_t kUnit = 1'000'000'000;

// The smallest model on the generic column table: a name, a cost with every role, a bare column.
struct Priced {
    QString name;
    std::int64_t costNanos = 0;
};

class PricedModel : public ColumnTableModel<Priced> {
public:
    PricedModel()
    {
        setColumns({
            {.title = QStringLiteral("Name"), .display = cellOf(&Priced::name)},
            {.title = QStringLiteral("Cost"),
                .kind = ColumnKind::Money,
                .display = [](const Priced &p) -> QVariant { return QStringLiteral("$%1").arg(p.costNanos / kUnit); },
                .sort = cellOf(&Priced::costNanos),
                .toolTip = [](const Priced &p) -> QVariant { return p.costNanos < 0 ? QVariant(QStringLiteral("credit")) : QVariant(); },
                .alignment = kNumberAlignment,
                .background = [](const Priced &) -> QVariant { return QColor(Qt::yellow); },
                .foreground = [](const Priced &) -> QVariant { return QColor(Qt::red); },
                .headerToolTip = QStringLiteral("Effective cost")},
            {.title = QStringLiteral("Bare")},
        });
    }
    void setRows(QList<Priced> rows) { resetRows(std::move(rows)); }
};

QDateTime utc(int y, int m, int d, int h = 0, int min = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min), QTimeZone::utc());
}

reports::CostRow costRow(QStringList keys, std::int64_t cost, std::int64_t list, std::int64_t contract, std::int64_t qty)
{
    reports::CostRow r;
    r.keys = std::move(keys);
    r.costNanos = cost;
    r.listCostNanos = list;
    r.contractCostNanos = contract;
    r.quantityNanos = qty;
    return r;
}

reports::CostTable teamMonthTable(bool contracts)
{
    reports::CostTable t;
    t.by = {reports::Dimension::Month, reports::Dimension::Team};
    t.hasContracts = contracts;
    t.rows = {costRow({QStringLiteral("2026-10"), QStringLiteral("analytics")}, 9 * kUnit, 10 * kUnit, 8 * kUnit, 12 * kUnit),
              costRow({QStringLiteral("2026-10"), QStringLiteral("unattributed")}, 100 * kUnit, 100 * kUnit, 90 * kUnit, 150 * kUnit),
              costRow({QStringLiteral("2026-11"), QStringLiteral("data-eng")}, 10 * kUnit, 11 * kUnit, 10 * kUnit, 20 * kUnit),
              costRow({QStringLiteral("2026-11"), QStringLiteral("finance")}, -3 * kUnit, -3 * kUnit, -3 * kUnit, -4 * kUnit)};
    return t;
}

reports::LineItemRow lineItem(std::int64_t id, const QString &type, std::optional<std::int64_t> cost, const QString &quantity)
{
    reports::LineItemRow r;
    r.lineId = id;
    r.recordId = QStringLiteral("rec-%1").arg(id);
    r.recordType = type;
    r.usageDay = QDate(2026, 11, 3);
    r.usageStart = utc(2026, 11, 3, static_cast<int>(id % 24));
    r.workspaceId = QStringLiteral("6504656978607646");
    r.sku = QStringLiteral("PREMIUM_JOBS_COMPUTE");
    r.product = QStringLiteral("JOBS");
    r.quantity = quantity;
    r.costNanos = cost;
    r.listCostNanos = cost;
    r.contractCostNanos = cost;
    r.listPrice = QStringLiteral("0.150000000000000000");
    r.effectivePrice = QStringLiteral("0.150000000000000000");
    r.priceStart = utc(2026, 1, 1);
    r.workUnitType = QStringLiteral("job");
    r.workUnitId = QStringLiteral("9001");
    r.workUnitName = QStringLiteral("nightly-etl");
    r.workspaceId = QStringLiteral("1001");
    r.workspaceName = QStringLiteral("prod");
    r.jobRunId = QStringLiteral("77");
    r.runAs = QStringLiteral("etl@example.com");
    r.teamKey = id % 2 ? QStringLiteral("data-eng") : QString();
    r.attributionMethod = QStringLiteral("tag");
    r.confidence = QStringLiteral("high");
    r.batchId = 3;
    r.extractedAt = utc(2026, 11, 4, 2);
    return r;
}

QStringList sortedColumn(QAbstractItemModel *model, int sortColumn, int readColumn, Qt::SortOrder order = Qt::AscendingOrder)
{
    QSortFilterProxyModel proxy;
    proxy.setSortRole(SortRole);
    proxy.setSourceModel(model);
    proxy.sort(sortColumn, order);
    QStringList out;
    for (int row = 0; row < proxy.rowCount(); ++row)
        out << proxy.index(row, readColumn).data().toString();
    return out;
}
} // namespace

class TestModels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void costTableModel_data()
    {
        QTest::addColumn<bool>("contracts");
        QTest::addRow("without contracts") << false;
        QTest::addRow("with contracts") << true;
    }
    void costTableModel()
    {
        QFETCH(bool, contracts);
        CostTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setTable(teamMonthTable(contracts));
        QCOMPARE(model.columnCount(), 2 + (contracts ? 5 : 4)); // no id dimension: no id column
        QCOMPARE(model.valueColumn(CostTableModel::ContractCost) >= 0, contracts);
        const int quantity = model.valueColumn(CostTableModel::Quantity);
        QCOMPARE(model.headerData(quantity, Qt::Horizontal).toString(), QStringLiteral("Quantity (DBU)"));
        QCOMPARE(model.columnAt(quantity), CostTableModel::Quantity);
        if (contracts) {
            const int c = model.valueColumn(CostTableModel::ContractCost);
            QCOMPARE(model.headerData(c, Qt::Horizontal).toString(), QStringLiteral("Contract cost"));
            QCOMPARE(model.index(1, c).data(SortRole).toLongLong(), 90 * kUnit);
        }
        // Raw-value sorting: $9 < $10 < $100 (as strings "$10" < "$100" < "$9"), the credit first.
        const int cost = model.valueColumn(CostTableModel::Cost);
        QCOMPARE(sortedColumn(&model, cost, 1),
                 (QStringList{QStringLiteral("finance"), QStringLiteral("analytics"), QStringLiteral("data-eng"), QStringLiteral("unattributed")}));
        QCOMPARE(sortedColumn(&model, cost, 1, Qt::DescendingOrder).first(), QStringLiteral("unattributed"));
        model.setTable({});
        QCOMPARE(model.rowCount(), 0);
    }

    // Issue 16: unpriced usage read "$0.00" in the Cost Explorer. Every cost cell of a row with
    // unpriced quantity carries the marker and the quantity; CSV keeps the number (SortRole).
    void costTableModelMarksUnpricedCost()
    {
        CostTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        reports::CostTable t;
        t.by = {reports::Dimension::Sku};
        t.rows = {costRow({QStringLiteral("PREMIUM_JOBS")}, 12 * kUnit, 12 * kUnit, 12 * kUnit, 40 * kUnit),
            costRow({QStringLiteral("NEW_SKU")}, 0, 0, 0, 3'200'000'000)};
        t.rows[1].unpricedQuantityNanos = 3'200'000'000;
        model.setTable(t);
        const int cost = model.valueColumn(CostTableModel::Cost);
        const int list = model.valueColumn(CostTableModel::ListCost);
        const int unpriced = model.valueColumn(CostTableModel::UnpricedQuantity);
        QCOMPARE(model.index(0, cost).data().toString(), QStringLiteral("$12.00"));
        QVERIFY(!model.index(0, cost).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.index(1, cost).data().toString(), QStringLiteral("$0.00 + 3.20 DBU unpriced"));
        QCOMPARE(model.index(1, list).data().toString(), QStringLiteral("$0.00 + 3.20 DBU unpriced"));
        QVERIFY(model.index(1, cost).data(Qt::ForegroundRole).isValid());
        QVERIFY(model.index(1, cost).data(Qt::ToolTipRole).toString().contains(QStringLiteral("no list price")));
        QCOMPARE(model.index(1, cost).data(SortRole).toLongLong(), 0);
        QCOMPARE(model.headerData(unpriced, Qt::Horizontal).toString(), QStringLiteral("Unpriced (DBU)"));
        QCOMPARE(model.headerData(unpriced, Qt::Horizontal, ColumnKindRole).toInt(), static_cast<int>(ColumnKind::Quantity));
        QCOMPARE(model.index(1, unpriced).data(SortRole).toLongLong(), 3'200'000'000);
    }

    // Id dimensions show names (ids in tooltips and an id column), charts label by name, an
    // empty key says why; owners that are not teams stand apart in a team column.
    void costTableModelNamesIdsAndNonTeamOwners()
    {
        CostTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        reports::CostTable t;
        t.by = {reports::Dimension::Team, reports::Dimension::Job};
        t.rows = {costRow({QStringLiteral("data-eng"), QStringLiteral("866049302123312")}, 5 * kUnit, 5 * kUnit, 5 * kUnit, kUnit),
            costRow({QStringLiteral("idle"), QString()}, 2 * kUnit, 2 * kUnit, 2 * kUnit, kUnit)};
        t.rows[0].labels = QStringList{QStringLiteral("data-eng"), QStringLiteral("transform_events")};
        t.rows[1].labels = QStringList{QStringLiteral("idle"), QStringLiteral("(no job: usage not billed to a job run)")};
        model.setTable(t);
        QCOMPARE(model.index(0, 1).data().toString(), QStringLiteral("transform_events"));
        QVERIFY(model.index(0, 1).data(Qt::ToolTipRole).toString().contains(QStringLiteral("866049302123312")));
        QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("(no job: usage not billed to a job run)"));
        QCOMPARE(model.idColumns(), QList<int>{model.idColumn(1)});
        QCOMPARE(model.idColumn(0), -1); // team is no id dimension
        const int jobId = model.idColumn(1);
        QCOMPARE(jobId, model.columnCount() - 1);
        QCOMPARE(model.headerData(jobId, Qt::Horizontal).toString(), QStringLiteral("Job id"));
        QCOMPARE(model.index(0, jobId).data().toString(), QStringLiteral("866049302123312"));
        QCOMPARE(model.index(1, jobId).data().toString(), QString());
        // Issue 16: "idle" read as a team. Not a team: italic on a grey band, a tooltip saying so.
        QVERIFY(model.index(1, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(model.index(1, 0).data(Qt::FontRole).value<QFont>().italic());
        QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).toString().startsWith(QStringLiteral("Not a team")));
        QVERIFY(!model.index(0, 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(CostTableModel::isNonTeamOwner(QStringLiteral("shared:platform")));
        QVERIFY(!CostTableModel::isNonTeamOwner(QStringLiteral("data-eng")));

        reports::CostTable byJob;
        byJob.by = {reports::Dimension::Job};
        byJob.rows = {costRow({QStringLiteral("866049302123312")}, 5 * kUnit, 0, 0, 0)};
        byJob.rows[0].labels = QStringList{QStringLiteral("transform_events")};
        const ExplorerChartData chart = explorerChartData(byJob, QStringLiteral("Job"));
        QCOMPARE(chart.labels, QStringList{QStringLiteral("transform_events")});
        QCOMPARE(chart.keys, QStringList{QStringLiteral("866049302123312")});
    }

    void costTableModelTagHeader()
    {
        CostTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        reports::CostTable t;
        t.by = {reports::Dimension::Job, reports::Dimension::Tag};
        t.rows = {costRow({QStringLiteral("9001"), QStringLiteral("cc-42")}, kUnit, kUnit, kUnit, kUnit)};
        model.setTable(t, {QStringLiteral("cost_center")});
        QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Job"));
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Tag: cost_center"));
    }

    void namedCostModel()
    {
        NamedCostModel model(QStringLiteral("Team"));
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({{QStringLiteral("data-eng"), QStringLiteral("Data-Eng"), 100 * kUnit},
                       {QStringLiteral("ml"), QStringLiteral("ML"), 9 * kUnit},
                       {QString(), QStringLiteral("unattributed"), 10 * kUnit}},
                      119 * kUnit, QStringLiteral("USD"));
        QCOMPARE(model.rowAt(0)->key, QStringLiteral("data-eng"));
        QVERIFY(!model.rowAt(3));
        QCOMPARE(sortedColumn(&model, NamedCostModel::Cost, NamedCostModel::Name),
                 (QStringList{QStringLiteral("ML"), QStringLiteral("unattributed"), QStringLiteral("Data-Eng")}));
        QCOMPARE(sortedColumn(&model, NamedCostModel::Share, NamedCostModel::Name).last(), QStringLiteral("Data-Eng"));
        QCOMPARE(model.index(0, NamedCostModel::Cost).data().toString(), QStringLiteral("$100.00"));
        // Issue 16: a workspace whose usage is partly unpriced says so beside its cost.
        model.setRows({{QStringLiteral("1001"), QStringLiteral("prod"), 7 * kUnit, 1'500'000'000}}, 7 * kUnit, QStringLiteral("USD"));
        QCOMPARE(model.index(0, NamedCostModel::Cost).data().toString(), QStringLiteral("$7.00 + 1.50 DBU"));
        QVERIFY(model.index(0, NamedCostModel::Cost).data(Qt::ToolTipRole).toString().contains(QStringLiteral("1.50 DBU unpriced")));
        QVERIFY(model.index(0, NamedCostModel::Cost).data(Qt::ForegroundRole).isValid());
    }

    void insightModel()
    {
        InsightModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        reports::InsightSummary a;
        a.findingId = 1;
        a.kind = QStringLiteral("idle_cluster");
        a.severity = QStringLiteral("medium");
        a.status = QStringLiteral("new");
        a.scopeType = QStringLiteral("cluster");
        a.scopeId = QStringLiteral("0101-abc");
        a.scopeName = QStringLiteral("shared-analytics");
        a.title = QStringLiteral("Idle all-purpose cluster");
        a.detail = QStringLiteral("detail");
        a.workspaceId = QStringLiteral("650465");
        a.workspaceName = QStringLiteral("Analytics");
        a.impactNanos = 900 * kUnit;
        a.firstDay = QDate(2026, 11, 1);
        a.lastDay = QDate(2026, 11, 20);
        reports::InsightSummary b = a;
        b.findingId = 2;
        b.title = QStringLiteral("Oversized warehouse");
        b.impactNanos = 95 * kUnit;
        model.setRows({a, b});
        b.severity = QStringLiteral("high");
        b.status = QStringLiteral("dismissed");
        model.setRows({a, b});
        QCOMPARE(sortedColumn(&model, InsightModel::Impact, InsightModel::Title).first(), QStringLiteral("Oversized warehouse"));
        QCOMPARE(sortedColumn(&model, InsightModel::Severity, InsightModel::Title).first(), QStringLiteral("Idle all-purpose cluster"));
        // Names, not ids; the id in the tooltip.
        QCOMPARE(model.index(0, InsightModel::Scope).data().toString(), QStringLiteral("shared-analytics"));
        QVERIFY(model.index(0, InsightModel::Scope).data(Qt::ToolTipRole).toString().contains(QStringLiteral("0101-abc")));
        QCOMPARE(model.index(0, InsightModel::Workspace).data().toString(), QStringLiteral("Analytics"));
        QCOMPARE(model.index(1, InsightModel::Status).data().toString(), QStringLiteral("Dismissed"));
        QCOMPARE(model.index(0, InsightModel::Type).data().toString(), QStringLiteral("Idle cluster"));
    }

    void issueStageSourceAuditModels()
    {
        IssueModel issues;
        QAbstractItemModelTester t1(&issues, QAbstractItemModelTester::FailureReportingMode::QtTest);
        issues.setRows({{utc(2026, 11, 20, 3), QStringLiteral("warning"), QStringLiteral("ledger"), QStringLiteral("No list price for SKU X"), QStringLiteral("sku=X")},
                        {utc(2026, 11, 19, 3), QStringLiteral("error"), QStringLiteral("extract"), QStringLiteral("timeout"), QString()}});
        QCOMPARE(sortedColumn(&issues, IssueModel::At, IssueModel::Source).first(), QStringLiteral("extract"));

        CorrectionModel corrections;
        QAbstractItemModelTester tc(&corrections, QAbstractItemModelTester::FailureReportingMode::QtTest);
        corrections.setRows({{7, utc(2026, 11, 20, 3), QDate(2026, 11, 12), 3, 3, -1'250'000'000},
                             {7, utc(2026, 11, 20, 3), QDate(2026, 11, 13), 1, 1, 400'000'000}});
        // Sorting by net effect compares money, credits first.
        QCOMPARE(sortedColumn(&corrections, CorrectionModel::NetCost, CorrectionModel::UsageDay).first(), QStringLiteral("2026-11-12"));

        StageRunModel runs;
        QAbstractItemModelTester t2(&runs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        runs.setRows({{1, QStringLiteral("ledger"), QStringLiteral("succeeded"), utc(2026, 11, 20, 1), utc(2026, 11, 20, 1, 2), 100000, 99000, {}},
                      {2, QStringLiteral("metrics"), QStringLiteral("failed"), utc(2026, 11, 20, 1, 3), utc(2026, 11, 20, 1, 4), 9, 0, QStringLiteral("disk full")}});
        QCOMPARE(sortedColumn(&runs, StageRunModel::RowsIn, StageRunModel::Stage).first(), QStringLiteral("metrics"));

        SourceStateModel sources;
        QAbstractItemModelTester t3(&sources, QAbstractItemModelTester::FailureReportingMode::QtTest);
        reports::SourceStateRow s1{QStringLiteral("billing_usage"), QStringLiteral("system.billing.usage"), QStringLiteral("ok"),
                                   utc(2026, 11, 20, 2), utc(2026, 11, 20, 0), 7200, 120000, {}};
        reports::SourceStateRow s2{QStringLiteral("list_prices"), QStringLiteral("system.billing.list_prices"), QStringLiteral("never"),
                                   {}, {}, std::nullopt, 0, QStringLiteral("not extracted yet")};
        sources.setRows({s1, s2});
        QCOMPARE(sortedColumn(&sources, SourceStateModel::RawRows, SourceStateModel::Source).first(), QStringLiteral("list_prices"));

        AuditLogModel audit;
        QAbstractItemModelTester t4(&audit, QAbstractItemModelTester::FailureReportingMode::QtTest);
        audit.setRows({{2, utc(2026, 11, 20, 9), QStringLiteral("ana"), QStringLiteral("rebuild"), QStringLiteral("pipeline run 4"), {},
                           QStringLiteral("succeeded"), QStringLiteral("ok"), {}},
            {1, utc(2026, 11, 20, 8), QStringLiteral("ana"), QStringLiteral("process"), QStringLiteral("pipeline run 3"), {},
                QStringLiteral("cancelled"), QStringLiteral("cancelled"), {}}});
        QCOMPARE(sortedColumn(&audit, AuditLogModel::At, AuditLogModel::Action).first(), QStringLiteral("process"));
        QCOMPARE(audit.data(audit.index(1, AuditLogModel::Outcome)).toString(), QStringLiteral("cancelled"));
        QVERIFY(audit.data(audit.index(1, AuditLogModel::Outcome), Qt::ForegroundRole).isValid());
        QVERIFY(!audit.data(audit.index(0, AuditLogModel::Outcome), Qt::ForegroundRole).isValid());
    }

    void lineItemModel()
    {
        LineItemModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        reports::LineItemPage page;
        page.rows = {lineItem(1, QStringLiteral("ORIGINAL"), 9 * kUnit, QStringLiteral("60.000000000000000000")),
                     lineItem(2, QStringLiteral("RETRACTION"), -9 * kUnit, QStringLiteral("-60.000000000000000000")),
                     lineItem(3, QStringLiteral("RESTATEMENT"), 10 * kUnit, QStringLiteral("9.5")),
                     lineItem(4, QStringLiteral("ORIGINAL"), std::nullopt, QStringLiteral("100"))};
        page.rows[3].quantityNanos = 100 * kUnit;
        page.totalCount = 4;
        page.totalCostNanos = 10 * kUnit;
        model.setPage(page);
        QCOMPARE(model.rowCount(), 4);
        // Unpriced says so with its quantity (issue 16: it read "$0.00" / a bare "unpriced"), in its own colour.
        QCOMPARE(model.index(3, LineItemModel::Cost).data().toString(), QStringLiteral("unpriced (100.00 DBU)"));
        QVERIFY(model.index(3, LineItemModel::Cost).data(Qt::ForegroundRole).isValid());
        QVERIFY(model.index(3, LineItemModel::Cost).data(Qt::ToolTipRole).toString().contains(QStringLiteral("No list price for SKU")));
        // The workspace by name, its id in the tooltip and its own column.
        QCOMPARE(model.index(0, LineItemModel::Workspace).data().toString(), QStringLiteral("prod"));
        QVERIFY(model.index(0, LineItemModel::Workspace).data(Qt::ToolTipRole).toString().contains(QStringLiteral("1001")));
        QCOMPARE(model.index(0, LineItemModel::WorkspaceId).data().toString(), QStringLiteral("1001"));
        QVERIFY(model.index(0, LineItemModel::WorkUnitName).data(Qt::ToolTipRole).toString().contains(QStringLiteral("9001")));
        QVERIFY(!model.index(3, LineItemModel::Cost).data(SortRole).isValid());
        QVERIFY(model.index(1, 0).data(Qt::BackgroundRole).isValid()); // correction highlighted
        QVERIFY(!model.index(0, 0).data(Qt::BackgroundRole).isValid());
        QCOMPARE(model.index(0, LineItemModel::Team).data().toString(), QStringLiteral("data-eng"));
        QCOMPARE(model.index(1, LineItemModel::Team).data().toString(), QStringLiteral("unattributed"));
        // Quantity sorts by value: -60 < 9.5 < 60 < 100 (text order would put "100" before "9.5").
        QCOMPARE(sortedColumn(&model, LineItemModel::Quantity, LineItemModel::RecordId),
                 (QStringList{QStringLiteral("rec-2"), QStringLiteral("rec-3"), QStringLiteral("rec-1"), QStringLiteral("rec-4")}));
        // Unpriced (no raw value) sorts after every price ascending; costs by value, the credit first.
        QCOMPARE(sortedColumn(&model, LineItemModel::Cost, LineItemModel::RecordId),
                 (QStringList{QStringLiteral("rec-2"), QStringLiteral("rec-1"), QStringLiteral("rec-3"), QStringLiteral("rec-4")}));
    }

    void reconciliationModel()
    {
        ReconciliationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        reports::CostTable t;
        t.by = {reports::Dimension::Month, reports::Dimension::Sku, reports::Dimension::Workspace};
        t.rows = {costRow({QStringLiteral("2026-10"), QStringLiteral("PREMIUM_JOBS_SERVERLESS"), QStringLiteral("650465")}, 8 * kUnit, 10 * kUnit, 6 * kUnit, kUnit),
                  costRow({QStringLiteral("2026-10"), QStringLiteral("PREMIUM_SQL_PRO"), QStringLiteral("813718")}, 50 * kUnit, 50 * kUnit, 55 * kUnit, kUnit)};
        model.setTable(t);
        QCOMPARE(model.columnCount(), int(ReconciliationModel::ContractCost));
        QCOMPARE(model.index(0, ReconciliationModel::ListGap).data(SortRole).toLongLong(), 2 * kUnit);
        t.hasContracts = true;
        model.setTable(t);
        QCOMPARE(model.columnCount(), int(ReconciliationModel::ColumnCount));
        QCOMPARE(model.index(1, ReconciliationModel::ContractGap).data(SortRole).toLongLong(), -5 * kUnit);
        QVERIFY(model.index(1, ReconciliationModel::ContractGap).data(Qt::ForegroundRole).isValid()); // negative gap flagged
        QCOMPARE(sortedColumn(&model, ReconciliationModel::ContractGap, ReconciliationModel::Sku).first(), QStringLiteral("PREMIUM_SQL_PRO"));
        // A table of another shape is refused rather than misread.
        t.by = {reports::Dimension::Month};
        model.setTable(t);
        QCOMPARE(model.rowCount(), 0);
    }

    void columnTableModelAnswersFromItsColumnTable()
    {
        PricedModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({{QStringLiteral("b"), 9 * kUnit}, {QStringLiteral("a"), 100 * kUnit}, {QStringLiteral("c"), -2 * kUnit}});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(model.rowCount(model.index(0, 0)), 0); // flat
        QCOMPARE(model.index(1, 1).data().toString(), QStringLiteral("$100"));
        QCOMPARE(model.index(1, 1).data(SortRole).toLongLong(), 100 * kUnit);
        QCOMPARE(model.index(1, 0).data(SortRole).toString(), QStringLiteral("a")); // no sort cell: the display value
        QCOMPARE(model.index(2, 1).data(Qt::ToolTipRole).toString(), QStringLiteral("credit"));
        QVERIFY(!model.index(1, 1).data(Qt::ToolTipRole).isValid());
        QCOMPARE(model.index(0, 1).data(Qt::TextAlignmentRole).value<Qt::Alignment>(), Qt::AlignRight | Qt::AlignVCenter);
        QVERIFY(!model.index(0, 0).data(Qt::TextAlignmentRole).isValid());
        QCOMPARE(model.index(0, 1).data(Qt::BackgroundRole).value<QColor>(), QColor(Qt::yellow));
        QCOMPARE(model.index(0, 1).data(Qt::ForegroundRole).value<QColor>(), QColor(Qt::red));
        QVERIFY(!model.index(0, 2).data().isValid()); // a column that answers nothing
        QVERIFY(!model.index(0, 2).data(SortRole).isValid());
        QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Cost"));
        QCOMPARE(model.headerData(1, Qt::Horizontal, ColumnKindRole).toInt(), int(ColumnKind::Money));
        QCOMPARE(model.headerData(0, Qt::Horizontal, ColumnKindRole).toInt(), int(ColumnKind::Text));
        QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString(), QStringLiteral("Effective cost"));
        QVERIFY(!model.headerData(0, Qt::Horizontal, Qt::ToolTipRole).isValid());
        QVERIFY(!model.headerData(3, Qt::Horizontal).isValid());
        QCOMPARE(model.rowAt(2)->name, QStringLiteral("c"));
        QCOMPARE(model.rowAt(3), nullptr);
        // Sorting goes by the raw nanos: 9 < 100 although "$9" > "$100" as text.
        QCOMPARE(sortedColumn(&model, 1, 0), (QStringList{QStringLiteral("c"), QStringLiteral("b"), QStringLiteral("a")}));
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
    }

    void contractModel()
    {
        ContractModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContracts({{QStringLiteral("sku"), QStringLiteral("PREMIUM_JOBS_COMPUTE"), QStringLiteral("price"), QStringLiteral("0.12"), QDate(2026, 1, 1), QDate(2026, 6, 30)},
                            {QStringLiteral("family"), QStringLiteral("SQL"), QStringLiteral("discount"), QStringLiteral("9"), QDate(2026, 1, 1), {}},
                            {QStringLiteral("all"), QStringLiteral("*"), QStringLiteral("discount"), QStringLiteral("10.5"), QDate(2026, 1, 1), {}}});
        QCOMPARE(model.index(1, ContractModel::ValidTo).data().toString(), QStringLiteral("open-ended"));
        QCOMPARE(sortedColumn(&model, ContractModel::Value, ContractModel::ScopeKey),
                 (QStringList{QStringLiteral("PREMIUM_JOBS_COMPUTE"), QStringLiteral("SQL"), QStringLiteral("*")}));
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"

// The Cost Explorer page on a demo store: presets, filters typed into the lists (good and
// nonsense), subtotal rows, the chart, CSV of the rows shown and the filtered drill-down.
#include "common/viewcontext.h"
#include "drilldown/lineitemsdialog.h"
#include "explorer/costexplorerchart.h"
#include "explorer/costexplorerpage.h"
#include "explorer/costfilterbar.h"
#include "explorer/dimensionpicker.h"
#include "models/costtablemodel.h"
#include "models/lineitemmodel.h"
#include "models/reconciliationmodel.h"
#include "reconciliation/reconciliationpanel.h"
#include "store/store.h"
#include "widgets/datatableview.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QLineEdit>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace ll;
using namespace ll::ui;
using reports::Dimension;

namespace {
const QDate kToday(2026, 11, 20);

qint64 detailTotal(const CostTableModel &model)
{
    qint64 total = 0;
    for (int r = 0; r < model.rowCount(); ++r)
        total += model.isSubtotal(r) ? 0 : model.rowAt(r).row.costNanos;
    return total;
}

void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setText(text);
    Q_EMIT edit->editingFinished();
}
} // namespace

class TestCostExplorer : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<CostExplorerPage> m_page;

    bool idle() { return QTest::qWaitFor([this] { return !m_page->isLoading(); }, 60000); }

private slots:
    void initTestCase()
    {
        m_store = m_dir.filePath(QStringLiteral("explorer.lakeledger"));
        QProcess p;
        p.start(qEnvironmentVariable("LAKELEDGER_CLI"), {QStringLiteral("--store"), m_store, QStringLiteral("demo"), QStringLiteral("--days"),
                                                          QStringLiteral("20"), QStringLiteral("--end"), kToday.toString(Qt::ISODate)});
        QVERIFY(p.waitForFinished(300000));
        QCOMPARE(p.exitCode(), 0);
        m_page = std::make_unique<CostExplorerPage>(ViewContext::make(m_store, kToday));
        m_page->resize(1280, 900);
        m_page->show();
        m_page->reload();
        QVERIFY(idle());
        m_page->setRange(kToday.addDays(-19), kToday);
        QVERIFY(idle());
        QVERIFY2(m_page->message().isEmpty(), qPrintable(m_page->message()));
    }

    void presetsSetTheLevelsAndSubtotals_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QList<Dimension>>("by");
        QTest::addRow("workspace") << QStringLiteral("workspace") << QList<Dimension>{Dimension::Workspace, Dimension::WorkUnit};
        QTest::addRow("org") << QStringLiteral("org") << QList<Dimension>{Dimension::OrgUnit, Dimension::Department, Dimension::Team, Dimension::Principal};
        QTest::addRow("project") << QStringLiteral("project") << QList<Dimension>{Dimension::Project, Dimension::Team};
        QTest::addRow("sku") << QStringLiteral("sku") << QList<Dimension>{Dimension::Sku, Dimension::WorkUnit};
    }
    void presetsSetTheLevelsAndSubtotals()
    {
        QFETCH(QString, preset);
        QFETCH(QList<Dimension>, by);
        QAbstractItemModelTester tester(m_page->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(m_page->setPreset(preset));
        QVERIFY(idle());
        QCOMPARE(m_page->preset(), preset);
        QCOMPARE(m_page->query().value().by, by);
        QCOMPARE(m_page->model()->table().by, by);
        QVERIFY(m_page->model()->subtotals());
        QVERIFY(m_page->model()->rowCount() > m_page->model()->table().rows.size()); // subtotal rows
        QVERIFY(m_page->model()->isSubtotal(0));
        QCOMPARE(detailTotal(*m_page->model()), m_page->model()->table().totalCostNanos());
        QCOMPARE(m_page->model()->headerData(0, Qt::Horizontal).toString(), CostTableModel::dimensionTitle(by.first()));
        // Ticking another dimension makes the order custom and appends it as the deepest level.
        m_page->setDimensions({QStringLiteral("month"), QStringLiteral("team")});
        QVERIFY(idle());
        QCOMPARE(m_page->preset(), QString());
        QCOMPARE(m_page->query().value().by, (QList<Dimension>{Dimension::Month, Dimension::Team}));
        m_page->setSubtotals(false);
    }

    void typedFiltersNarrowAndReconcile()
    {
        m_page->setDimensions({QStringLiteral("team")});
        QVERIFY(idle());
        const reports::CostTable all = m_page->model()->table();
        QVERIFY(all.rows.size() >= 3);
        // Completion offers the teams present in the range.
        QLineEdit *team = m_page->filterBar()->edit(Dimension::Team);
        QVERIFY(team);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->filterBar()->knownValues(Dimension::Team).isEmpty(), 30000);
        QCOMPARE(m_page->filterBar()->knownValues(Dimension::Team).size(), all.rows.size());
        QVERIFY(!m_page->filterBar()->knownValues(Dimension::Principal).isEmpty());

        const QString a = all.rows.first().keys.first();
        const QString b = all.rows.last().keys.first();
        // The completer works on the item after the last comma and keeps the ones before it.
        QCompleter *completer = team->completer();
        QVERIFY(completer);
        team->setText(QStringLiteral("x, ") + b.left(3).toUpper());
        completer->setCompletionPrefix(team->text());
        QVERIFY(completer->completionCount() >= 1);
        QVERIFY(completer->setCurrentRow(0));
        QVERIFY2(completer->pathFromIndex(completer->currentIndex()).startsWith(QStringLiteral("x, ")),
                 qPrintable(completer->pathFromIndex(completer->currentIndex())));
        typeInto(team, QStringLiteral(" %1 ,%2,").arg(a.toUpper(), b)); // case and spacing do not matter
        QVERIFY(idle());
        QVERIFY2(m_page->message().isEmpty(), qPrintable(m_page->message()));
        const reports::CostTable &shown = m_page->model()->table();
        QCOMPARE(shown.rows.size(), 2);
        QCOMPARE(shown.totalCostNanos(), all.rows.first().costNanos + all.rows.last().costNanos);

        // The same filter, another grouping: the chart's bars add up to the same total.
        m_page->setDimensions({QStringLiteral("day")});
        QVERIFY(idle());
        const ExplorerChartData &chart = m_page->chart()->data();
        QVERIFY(chart.timeSeries);
        qint64 bars = chart.otherNanos;
        for (const qint64 v : chart.costNanos)
            bars += v;
        QCOMPARE(bars, shown.totalCostNanos());
        QCOMPARE(bars, all.rows.first().costNanos + all.rows.last().costNanos);
        QVERIFY(m_page->chart()->barToolTip(0).contains(chart.labels.first()));

        // Drill-down honours the filter: the line items of one day are those teams' lines only.
        m_page->openLineItems(0);
        auto *dialog = m_page->findChild<LineItemsDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 30000);
        QVERIFY(dialog->model()->rowCount() > 0);
        QVERIFY2(dialog->windowTitle().contains(a.toUpper()), qPrintable(dialog->windowTitle()));
        dialog->close();
        typeInto(team, QString());
        QVERIFY(idle());
        QVERIFY(m_page->query().value().filters.isEmpty());
    }

    // The Reconciliation tab honours the page's filters: its totals are the filtered
    // breakdown's, on the metrics path (team) and the line-item path (principal, tag).
    void reconciliationHonoursFilters_data()
    {
        QTest::addColumn<Dimension>("dimension");
        QTest::addColumn<QString>("tagKey");
        QTest::addRow("team") << Dimension::Team << QString();
        QTest::addRow("principal") << Dimension::Principal << QString();
        QTest::addRow("tag") << Dimension::Tag << QStringLiteral("env");
    }
    void reconciliationHonoursFilters()
    {
        QFETCH(Dimension, dimension);
        QFETCH(QString, tagKey);
        const auto totals = [](const reports::CostTable &t) {
            std::int64_t cost = 0;
            std::int64_t list = 0;
            for (const reports::CostRow &r : t.rows) {
                cost += r.costNanos;
                list += r.listCostNanos;
            }
            return std::pair{cost, list};
        };
        m_page->setFilters({});
        m_page->setDimensions({QStringLiteral("team")});
        QVERIFY(idle());
        const std::int64_t unfiltered = m_page->reconciliation()->model()->table().totalCostNanos();
        QCOMPARE(unfiltered, m_page->model()->table().totalCostNanos());

        // Filter on one value the breakdown shows for that dimension.
        m_page->setDimensions({tagKey.isEmpty() ? reports::dimensionName(dimension) : QStringLiteral("tag:") + tagKey});
        QVERIFY(idle());
        QString value;
        for (const reports::CostRow &r : m_page->model()->table().rows) {
            if (!r.keys.first().isEmpty() && !r.keys.first().startsWith(QLatin1Char('(')) && r.costNanos > 0) {
                value = r.keys.first();
                break;
            }
        }
        QVERIFY(!value.isEmpty());
        m_page->setFilters({reports::CostFilter{dimension, tagKey, {value}}});
        m_page->setDimensions({QStringLiteral("month"), QStringLiteral("product")});
        QVERIFY(idle());
        QVERIFY2(m_page->message().isEmpty(), qPrintable(m_page->message()));
        const reports::CostTable &breakdown = m_page->model()->table();
        const reports::CostTable &reconciliation = m_page->reconciliation()->model()->table();
        QVERIFY(!reconciliation.rows.isEmpty());
        QVERIFY(totals(breakdown).first > 0);
        QVERIFY(totals(breakdown).first < unfiltered);
        QCOMPARE(totals(reconciliation), totals(breakdown));
        QVERIFY2(m_page->reconciliation()->summary().contains(QStringLiteral("1 filter")),
                 qPrintable(m_page->reconciliation()->summary()));
        m_page->setFilters({});
        typeInto(m_page->filterBar()->tagKeyEdit(), QString()); // setFilters keeps the key
        QVERIFY(idle());
        QCOMPARE(m_page->reconciliation()->model()->table().totalCostNanos(), unfiltered);
    }

    void nonsenseGetsAClearMessage()
    {
        m_page->setDimensions({QStringLiteral("team")});
        QVERIFY(idle());
        typeInto(m_page->filterBar()->edit(Dimension::Team), QStringLiteral("no-such-team, ;;%' OR 1=1 --"));
        QVERIFY(idle());
        QVERIFY2(m_page->message().contains(QStringLiteral("no-such-team")), qPrintable(m_page->message()));
        QCOMPARE(m_page->model()->rowCount(), 0);
        typeInto(m_page->filterBar()->edit(Dimension::Team), QString());
        QVERIFY(idle());

        // Tag values without a key: said, and nothing is queried.
        typeInto(m_page->filterBar()->edit(Dimension::Tag), QStringLiteral("prod"));
        QVERIFY(!m_page->query());
        QVERIFY2(m_page->message().contains(QStringLiteral("tag key")), qPrintable(m_page->message()));
        typeInto(m_page->filterBar()->tagKeyEdit(), QStringLiteral("env"));
        QVERIFY(idle());
        QVERIFY2(m_page->message().isEmpty(), qPrintable(m_page->message()));
        QVERIFY(m_page->model()->rowCount() > 0);
        QCOMPARE(m_page->query().value().filters.first().tagKey, QStringLiteral("env"));
        m_page->setFilters({});
        QVERIFY(idle());
    }

    void chartDataTopNAndTimeSeries()
    {
        reports::CostTable t;
        t.by = {Dimension::Team, Dimension::Sku};
        const QStringList teams{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")};
        for (int i = 0; i < teams.size(); ++i) {
            for (int sku = 0; sku < 2; ++sku) {
                reports::CostRow r;
                r.keys = {teams[i], QString::number(sku)};
                r.costNanos = (i + 1) * 1000 + sku;
                t.rows << r;
            }
        }
        const ExplorerChartData top = explorerChartData(t, QStringLiteral("Team"), 2);
        QVERIFY(!top.timeSeries);
        QCOMPARE(top.labels, (QStringList{QStringLiteral("d"), QStringLiteral("c")}));
        QCOMPARE(top.costNanos, (QList<std::int64_t>{8001, 6001}));
        QCOMPARE(top.otherCount, 2);
        QCOMPARE(top.otherNanos, 4001 + 2001);
        CostExplorerChart chart;
        chart.setData(top, QStringLiteral("USD"));
        QVERIFY(chart.barToolTip(2).contains(QStringLiteral("Other")));
        QVERIFY(chart.barToolTip(3).isEmpty());

        t.by = {Dimension::Month, Dimension::Team};
        for (int i = 0; i < t.rows.size(); ++i)
            t.rows[i].keys = {i < 4 ? QStringLiteral("2026-11") : QStringLiteral("2026-09"), teams[i % 4]};
        const ExplorerChartData months = explorerChartData(t, QStringLiteral("Month"), 1);
        QVERIFY(months.timeSeries);
        QCOMPARE(months.labels, (QStringList{QStringLiteral("2026-09"), QStringLiteral("2026-11")})); // in order, never cut
        QCOMPARE(months.otherCount, 0);
    }

    void presetAsAView()
    {
        QVERIFY(m_page->showTab(QStringLiteral("sku")));
        QVERIFY(idle());
        QCOMPARE(m_page->preset(), QStringLiteral("sku"));
        QVERIFY(!m_page->showTab(QStringLiteral("nope")));
    }

    void subtotalRowsExportAndSummary()
    {
        QVERIFY(m_page->setPreset(QStringLiteral("project")));
        QVERIFY(idle());
        const QString file = m_dir.filePath(QStringLiteral("explorer.csv"));
        QVERIFY(m_page->view()->exportCsvTo(file));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray csv = f.readAll();
        // A leading "Row" column tells subtotals from detail rows, so the detail rows sum to the total.
        QVERIFY2(csv.startsWith("Row,Project,Team,Cost"), csv.left(80).constData());
        QVERIFY(csv.contains("(all)"));
        QCOMPARE(csv.count('\n'), m_page->model()->rowCount() + 1);
        int subtotals = 0;
        for (int r = 0; r < m_page->model()->rowCount(); ++r)
            subtotals += m_page->model()->isSubtotal(r) ? 1 : 0;
        QCOMPARE(csv.count("\nsubtotal,"), subtotals);
        QCOMPARE(csv.count("\ndetail,"), m_page->model()->rowCount() - subtotals);
        QCOMPARE(m_page->model()->rowCount() - subtotals, m_page->model()->table().rows.size());
        m_page->view()->selectAll();
        QVERIFY(m_page->view()->selectionAsTsv().startsWith(QStringLiteral("Row\tProject\tTeam\tCost")));
        m_page->view()->clearSelection();
        // A subtotal row drills into its group only (the project, not a team).
        QVERIFY(m_page->model()->isSubtotal(0));
        m_page->openLineItems(0);
        auto *dialog = m_page->findChildren<LineItemsDialog *>().last();
        QVERIFY(dialog);
        QVERIFY2(dialog->windowTitle().contains(CostTableModel::dimensionTitle(Dimension::Project)), qPrintable(dialog->windowTitle()));
        QVERIFY2(!dialog->windowTitle().contains(CostTableModel::dimensionTitle(Dimension::Team)), qPrintable(dialog->windowTitle()));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 30000);
        dialog->close();
        // Sorting keeps each subtotal directly above its group: groups order by their subtotal,
        // rows within a group by their own value.
        for (const Qt::SortOrder order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
            m_page->view()->sortByColumn(m_page->model()->valueColumn(CostTableModel::Cost), order);
            const auto inOrder = [order](qint64 before, qint64 after) { return order == Qt::DescendingOrder ? before >= after : before <= after; };
            QSortFilterProxyModel *proxy = m_page->view()->proxy();
            QString group;
            qint64 groupCost = 0;
            qint64 rowCost = 0;
            int groups = 0;
            for (int r = 0; r < proxy->rowCount(); ++r) {
                const int source = proxy->mapToSource(proxy->index(r, 0)).row();
                const reports::CostTreeRow &row = m_page->model()->rowAt(source);
                if (m_page->model()->isSubtotal(source)) {
                    QCOMPARE(row.level, 1);
                    if (groups++ > 0)
                        QVERIFY2(inOrder(groupCost, row.row.costNanos), qPrintable(row.row.keys.join(QLatin1Char('/'))));
                    group = row.row.keys.first();
                    groupCost = row.row.costNanos;
                    rowCost = order == Qt::DescendingOrder ? std::numeric_limits<qint64>::max() : std::numeric_limits<qint64>::min();
                    continue;
                }
                QVERIFY2(r > 0, "a detail row before any subtotal");
                QCOMPARE(row.row.keys.first(), group);
                QVERIFY2(inOrder(rowCost, row.row.costNanos), qPrintable(row.row.keys.join(QLatin1Char('/'))));
                rowCost = row.row.costNanos;
            }
            QVERIFY(groups > 1);
        }
        m_page->view()->sortByColumn(-1, Qt::AscendingOrder);
    }

    // The boxes the analyst ticks become typed levels in ticking order; a tag needs its key.
    void tickedBoxesBecomeTheLevels()
    {
        DimensionPicker *picker = m_page->dimensionPicker();
        m_page->setDimensions({QStringLiteral("month")});
        QVERIFY(idle());
        QCOMPARE(picker->dimensions(), QList<Dimension>{Dimension::Month});
        auto *month = picker->findChild<QCheckBox *>(QStringLiteral("month"));
        auto *team = picker->findChild<QCheckBox *>(QStringLiteral("team"));
        auto *tagKey = picker->findChild<QLineEdit *>();
        QVERIFY(month && team && tagKey);
        QVERIFY(month->isChecked() && !team->isChecked());
        team->click();
        QVERIFY(idle());
        QCOMPARE(m_page->query().value().by, (QList<Dimension>{Dimension::Month, Dimension::Team}));
        QCOMPARE(m_page->model()->table().by, (QList<Dimension>{Dimension::Month, Dimension::Team}));
        month->click(); // the remaining box becomes the only level
        QVERIFY(idle());
        QCOMPARE(m_page->model()->table().by, QList<Dimension>{Dimension::Team});

        m_page->setDimensions({QStringLiteral("team"), QStringLiteral("tag:")});
        QVERIFY(idle());
        QCOMPARE(m_page->query().error().code, ErrorCode::InvalidArgument);
        typeInto(tagKey, QStringLiteral(" cost_center "));
        QVERIFY(idle());
        const reports::CostQuery q = m_page->query().value();
        QCOMPARE(q.by, (QList<Dimension>{Dimension::Team, Dimension::Tag}));
        QCOMPARE(q.tagKeys, QStringList{QStringLiteral("cost_center")});
        QCOMPARE(m_page->model()->table().by, q.by);
    }

    // The table, summary and chart speak the store's currency, not a fixed USD (runs last: it
    // rewrites the store's currency).
    // Names, not ids (issue 16): grouped by job the table and chart show job names, the id in the
    // tooltip and in a hidden id column; the drill-down names the job and links its Databricks page.
    void jobsShowNamesAndLinkTheirPages()
    {
        m_page->setDimensions({QStringLiteral("job")});
        QVERIFY(idle());
        CostTableModel *model = m_page->model();
        int row = -1;
        for (int r = 0; r < model->rowCount() && row < 0; ++r)
            if (!model->rowAt(r).row.keys.value(0).isEmpty())
                row = r;
        QVERIFY(row >= 0);
        const QString id = model->rowAt(row).row.keys.at(0);
        const QString name = model->index(row, 0).data().toString();
        QVERIFY2(name != id && !name.startsWith(QLatin1Char('(')), qPrintable(name));
        QVERIFY(model->index(row, 0).data(Qt::ToolTipRole).toString().contains(id));
        for (int r = 0; r < model->rowCount(); ++r)
            QVERIFY(!model->index(r, 0).data().toString().isEmpty()); // the job-less row says why
        const int idColumn = model->idColumn(0);
        QCOMPARE(model->index(row, idColumn).data().toString(), id);
        QVERIFY(m_page->view()->isColumnHidden(idColumn));

        m_page->openLineItems(row);
        auto *dialog = m_page->findChildren<LineItemsDialog *>().last();
        QVERIFY(dialog);
        QVERIFY2(dialog->windowTitle().contains(name), qPrintable(dialog->windowTitle()));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isLoading(), 30000);
        QVERIFY(dialog->model()->rowCount() > 0);
        const reports::LineItemRow *line = dialog->model()->rowAt(0);
        QCOMPARE(line->workUnitName, name);
        QVERIFY2(line->workUnitUrl.startsWith(QStringLiteral("https://")) && line->workUnitUrl.endsWith(QStringLiteral("/jobs/") + id),
            qPrintable(line->workUnitUrl));
        QVERIFY(!line->workspaceName.isEmpty() && line->workspaceName != line->workspaceId);
        dialog->close();
        m_page->setDimensions({QStringLiteral("month"), QStringLiteral("product")});
        QVERIFY(idle());
    }

    void usesTheStoreCurrency()
    {
        {
            auto db = store::Store::open(m_store, {.create = false});
            QVERIFY(db);
            QVERIFY(db->exec("UPDATE metrics_daily_cost SET currency_code = 'EUR'"));
        }
        m_page->reload();
        QVERIFY(idle());
        QCOMPARE(m_page->model()->table().currency, QStringLiteral("EUR"));
        QCOMPARE(m_page->chart()->currency(), QStringLiteral("EUR"));
    }
};

QTEST_MAIN(TestCostExplorer)
#include "tst_costexplorer.moc"

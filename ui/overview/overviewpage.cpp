#include "overviewpage.h"

#include "charts/dailycostchart.h"
#include "charts/dailycostseries.h"
#include "common/format.h"
#include "common/money.h"
#include "common/snapshotloader.h"
#include "drilldown/lineitemsdialog.h"
#include "models/insightmodel.h"
#include "models/namedcostmodel.h"
#include "widgets/datatableview.h"
#include "widgets/kpitile.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QVBoxLayout>

namespace ll::ui {

namespace {
QGroupBox *tableBox(const QString &title, QAbstractItemModel *model, QWidget *parent, QList<int> hidden = {},
                    DataTableView **created = nullptr)
{
    auto *box = new QGroupBox(title, parent);
    auto *view = new DataTableView(box);
    if (created)
        *created = view;
    view->setSourceModel(model);
    view->setExportName(title.section(QLatin1Char(' '), 0, 1).toLower().replace(QLatin1Char(' '), QLatin1Char('-')));
    view->setStretchColumn(0);
    for (int column : std::as_const(hidden))
        view->setColumnHidden(column, true);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(view);
    return box;
}
} // namespace

OverviewPage::OverviewPage(ViewContext context, QWidget *parent)
    : Page(std::move(context), tr("Overview"), parent)
    , m_content(new QWidget(this))
    , m_monthToDate(new KpiTile(tr("Month to date"), m_content))
    , m_samePeriod(new KpiTile(tr("Same period last month"), m_content))
    , m_lastMonth(new KpiTile(tr("Last month total"), m_content))
    , m_unattributed(new KpiTile(tr("Unattributed share of MTD"), m_content))
    , m_unpriced(new KpiTile(tr("Unpriced usage (MTD)"), m_content))
    , m_chart(new DailyCostChart(m_content))
    , m_teams(new NamedCostModel(tr("Team"), this))
    , m_workspaces(new NamedCostModel(tr("Workspace"), this))
    , m_insights(new InsightModel(this))
{
    auto *tiles = new QHBoxLayout;
    tiles->setSpacing(8);
    for (KpiTile *tile : {m_monthToDate, m_samePeriod, m_lastMonth, m_unattributed, m_unpriced})
        tiles->addWidget(tile, 1);
    m_unpriced->hide();

    auto *tables = new QHBoxLayout;
    tables->setSpacing(8);
    DataTableView *teamsView = nullptr;
    DataTableView *workspacesView = nullptr;
    tables->addWidget(tableBox(tr("Top teams (month to date)"), m_teams, m_content, {}, &teamsView), 2);
    tables->addWidget(tableBox(tr("Top workspaces (month to date)"), m_workspaces, m_content, {}, &workspacesView), 2);
    teamsView->setToolTip(tr("Double-click a team to see its billing records"));
    workspacesView->setToolTip(tr("Double-click a workspace to see its billing records"));
    connect(teamsView, &DataTableView::rowActivated, this, [this](int row) {
        if (const reports::NamedCost *team = m_teams->rowAt(row)) {
            DrillDown d = monthToDateDrillDown();
            d.filter.team = team->key;
            d.criteria << tr("Team: %1").arg(team->label);
            LineItemsDialog::showFor(this, this->context().storePath, std::move(d));
        }
    });
    connect(workspacesView, &DataTableView::rowActivated, this, [this](int row) {
        if (const reports::NamedCost *workspace = m_workspaces->rowAt(row)) {
            DrillDown d = monthToDateDrillDown();
            d.filter.workspaceId = workspace->key;
            d.criteria << tr("Workspace: %1").arg(workspace->label);
            LineItemsDialog::showFor(this, this->context().storePath, std::move(d));
        }
    });
    tables->addWidget(tableBox(tr("Top open insights"), m_insights, m_content, {InsightModel::Workspace, InsightModel::Status}), 3);

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(tiles);
    layout->addWidget(m_chart, 3);
    layout->addLayout(tables, 2);
    body()->addWidget(m_content);
    m_content->hide();
}

DrillDown OverviewPage::monthToDateDrillDown() const
{
    const QDate today = m_snapshot.today.isValid() ? m_snapshot.today : context().today;
    DrillDown d;
    d.filter.from = QDate(today.year(), today.month(), 1);
    d.filter.to = today;
    return d;
}

void OverviewPage::reload()
{
    const QDate today = context().today;
    loader()->load<reports::OverviewSnapshot>(
        [today](store::Database &db) { return reports::loadOverview(db, today); },
        [this](Result<reports::OverviewSnapshot> result) { apply(std::move(result)); });
}

void OverviewPage::apply(Result<reports::OverviewSnapshot> result)
{
    if (!result) {
        m_content->hide();
        showLoadError(result.error());
        Q_EMIT dataThroughChanged(QDate());
        return;
    }
    m_snapshot = std::move(result).value();
    const reports::OverviewSnapshot &s = m_snapshot;
    Q_EMIT dataThroughChanged(s.dataThrough);
    if (s.empty()) {
        m_content->hide();
        showEmptyStore();
        return;
    }
    clearMessage();
    setNote(tr("Month to date: %1 \u2013 %2 (UTC). Data through %3.")
                .arg(formatDate(QDate(s.today.year(), s.today.month(), 1)), formatDate(s.today),
                     formatDate(s.dataThrough)));

    m_monthToDate->setValue(formatMoney(s.monthToDateNanos, s.currency));
    m_monthToDate->setDetail(tr("%1 1\u2013%2").arg(QLocale().standaloneMonthName(s.today.month())).arg(s.today.day()));

    m_samePeriod->setValue(formatMoney(s.lastMonthSamePeriodNanos, s.currency));
    if (s.lastMonthSamePeriodNanos != 0) {
        const double change = 100.0 * static_cast<double>(s.monthToDateNanos - s.lastMonthSamePeriodNanos)
            / static_cast<double>(s.lastMonthSamePeriodNanos);
        m_samePeriod->setDetail(tr("Month to date: %1%2")
                                    .arg(change >= 0 ? QStringLiteral("+") : QString(), formatPercent(change)));
    } else {
        m_samePeriod->setDetail(tr("No cost in that period"));
    }

    m_lastMonth->setValue(formatMoney(s.lastMonthTotalNanos, s.currency));
    m_lastMonth->setDetail(QLocale().standaloneMonthName(s.today.addMonths(-1).month()) + QLatin1Char(' ')
                           + QString::number(s.today.addMonths(-1).year()));

    const std::optional<double> unattributed = sharePercent(s.unattributedMonthToDateNanos, s.monthToDateNanos);
    m_unattributed->setValue(unattributed ? formatPercent(*unattributed) : QStringLiteral("\u2014"));
    m_unattributed->setDetail(tr("%1 without a team").arg(formatMoney(s.unattributedMonthToDateNanos, s.currency)));

    m_unpriced->setVisible(s.unpricedQuantityMonthToDateNanos > 0);
    m_unpriced->setValue(tr("%1 DBU").arg(formatQuantity(s.unpricedQuantityMonthToDateNanos)));
    m_unpriced->setDetail(tr("no list price, not in cost"));

    m_chart->setSeries(buildDailyCostSeries(s.daily, s.dataThrough, 60, 8, tr("Other")), s.currency);
    m_teams->setRows(s.topTeams, s.monthToDateNanos, s.currency);
    m_workspaces->setRows(s.topWorkspaces, s.monthToDateNanos, s.currency);
    m_insights->setRows(s.topInsights, s.currency);
    m_content->show();
}

} // namespace ll::ui

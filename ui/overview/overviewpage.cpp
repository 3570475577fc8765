#include "overviewpage.h"

#include "charts/dailycostchart.h"
#include "charts/dailycostseries.h"
#include "common/format.h"
#include "common/money.h"
#include "common/snapshotloader.h"
#include "drilldown/lineitemsdialog.h"
#include "models/insightmodel.h"
#include "models/namedcostmodel.h"
#include "models/workloadmodel.h"
#include "overview/freshnessbanner.h"
#include "widgets/datatableview.h"
#include "widgets/kpitile.h"
#include "widgets/tilestrip.h"

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
    : Page(std::move(context), tr("Overview"), parent),
      m_freshness(new FreshnessBanner(this)),
      m_content(new QWidget(this)),
      m_monthToDate(new KpiTile(tr("Month to date"), m_content)),
      m_samePeriod(new KpiTile(tr("Same period last month"), m_content)),
      m_lastMonth(new KpiTile(tr("Last month total"), m_content)),
      m_forecast(new KpiTile(tr("Month-end forecast"), m_content)),
      m_unattributed(new KpiTile(tr("Unattributed (MTD)"), m_content)),
      m_idle(new KpiTile(tr("Idle compute (MTD)"), m_content)),
      m_shared(new KpiTile(tr("Shared buckets (MTD)"), m_content)),
      m_unpriced(new KpiTile(tr("Unpriced usage (MTD)"), m_content)),
      m_chart(new DailyCostChart(m_content)),
      m_teams(new NamedCostModel(tr("Team"), this)),
      m_projects(new NamedCostModel(tr("Project"), this)),
      m_workspaces(new NamedCostModel(tr("Workspace"), this)),
      m_workloads(new WorkloadModel(this)),
      m_insights(new InsightModel(this))
{
    connect(m_freshness, &FreshnessBanner::dataHealthRequested, this, &OverviewPage::dataHealthRequested);

    // The tiles share one row height (a tile whose detail wraps would otherwise stand taller),
    // and wrap onto two rows in a narrow window.
    auto *tileRow = new TileStrip(m_content);
    m_unpriced->hide();
    for (KpiTile *tile : {m_monthToDate, m_samePeriod, m_lastMonth, m_forecast, m_unattributed, m_idle, m_shared, m_unpriced})
        tileRow->addTile(tile);
    m_tiles = tileRow;
    // Not teams: a grey band and their own wording, so no one reads them as a team's figure.
    for (KpiTile *tile : {m_unattributed, m_idle, m_shared})
        tile->setStyleSheet(QStringLiteral("ll--ui--KpiTile { background-color: #ececf2; border: 1px dashed #9a9ab0; }"));
    m_unattributed->setToolTip(tr("Not a team: cost no rule, tag, identity or owner could place"));
    m_idle->setToolTip(tr("Not a team: time shared compute ran with no query or run on it"));
    m_shared->setToolTip(tr("Not a team: shared buckets before they are redistributed to teams"));
    m_forecastMethod = tr("Month to date plus the average daily cost of the last 7 days times the days left in the "
                              "month.\nBacktest: the same forecast made on day 15 of each complete past month (up to 6), "
                              "compared with that month's actual total; the error shown is the mean absolute percentage error.");
    m_forecast->setToolTip(m_forecastMethod);

    DataTableView *teamsView = nullptr;
    DataTableView *projectsView = nullptr;
    DataTableView *workspacesView = nullptr;
    DataTableView *workloadsView = nullptr;
    auto *tables = new QHBoxLayout;
    tables->setSpacing(8);
    tables->addWidget(tableBox(tr("Top teams (month to date)"), m_teams, m_content, {}, &teamsView), 1);
    tables->addWidget(tableBox(tr("Top projects (month to date)"), m_projects, m_content, {}, &projectsView), 1);
    tables->addWidget(tableBox(tr("Top workspaces (month to date)"), m_workspaces, m_content, {NamedCostModel::Share}, &workspacesView), 1);
    tables->addWidget(tableBox(tr("Top workloads (month to date)"), m_workloads, m_content,
                          {WorkloadModel::Type, WorkloadModel::Workspace, WorkloadModel::Runs, WorkloadModel::Failed,
                              WorkloadModel::FailedCost, WorkloadModel::AvgDuration, WorkloadModel::Source},
                          &workloadsView),
        1);
    // A month without cost yet (its first days, before usage lands) leaves them empty: say so.
    teamsView->setPlaceholderText(tr("No team cost this month yet"));
    projectsView->setPlaceholderText(tr("No project cost this month yet"));
    workspacesView->setPlaceholderText(tr("No workspace cost this month yet"));
    workloadsView->setPlaceholderText(tr("No workload cost this month yet"));
    teamsView->setToolTip(tr("Double-click a team to see its billing records"));
    projectsView->setToolTip(tr("Double-click a project to see its billing records"));
    workspacesView->setToolTip(tr("Double-click a workspace to see its billing records"));
    workloadsView->setToolTip(tr("Jobs, pipelines, SQL warehouses and clusters by cost this month. "
                                 "Double-click one to see its billing records"));
    connect(teamsView, &DataTableView::rowActivated, this, [this](int row) {
        if (const reports::NamedCost *team = m_teams->rowAt(row)) {
            DrillDown d = monthToDateDrillDown();
            d.filter.team = team->key;
            d.criteria << tr("Team: %1").arg(team->label);
            LineItemsDialog::showFor(this, this->context().storePath, std::move(d));
        }
    });
    connect(projectsView, &DataTableView::rowActivated, this, [this](int row) {
        if (const reports::NamedCost *project = m_projects->rowAt(row)) {
            DrillDown d = monthToDateDrillDown();
            d.filter.project = project->key;
            d.criteria << tr("Project: %1").arg(project->label);
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
    connect(workloadsView, &DataTableView::rowActivated, this, [this](int row) {
        if (const reports::WorkloadRow *workload = m_workloads->workloadAt(row)) {
            DrillDown d = monthToDateDrillDown();
            d.filter.workUnitType = workload->workUnitType;
            d.filter.workUnitId = workload->workUnitId;
            d.criteria << tr("%1: %2").arg(workload->workUnitType, workload->name.isEmpty() ? workload->workUnitId : workload->name);
            LineItemsDialog::showFor(this, this->context().storePath, std::move(d));
        }
    });

    auto *chartRow = new QHBoxLayout;
    chartRow->setSpacing(8);
    chartRow->addWidget(m_chart, 3);
    DataTableView *insightsView = nullptr;
    chartRow->addWidget(
        tableBox(tr("Top open insights"), m_insights, m_content,
            {InsightModel::Type, InsightModel::Scope, InsightModel::Workspace, InsightModel::Status, InsightModel::Period}, &insightsView),
        2);
    insightsView->setPlaceholderText(tr("No open insights"));
    insightsView->setStretchColumn(InsightModel::Title); // the title carries the meaning; severity and saving stay whole

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addWidget(tileRow);
    layout->addLayout(chartRow, 1);
    layout->addLayout(tables, 1);
    body()->addWidget(m_freshness);
    body()->addWidget(m_content, 1);
    m_content->hide();
}

QString OverviewPage::freshnessText() const
{
    return m_freshness->text();
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
        [today, now = context().now](store::Database &db) { return reports::loadOverview(db, today, now); },
        [this](Result<reports::OverviewSnapshot> result) { apply(std::move(result)); });
}

void OverviewPage::apply(Result<reports::OverviewSnapshot> result)
{
    if (!result) {
        m_content->hide();
        m_freshness->hide();
        showLoadError(result.error());
        Q_EMIT dataThroughChanged(QDate());
        return;
    }
    m_snapshot = std::move(result).value();
    const reports::OverviewSnapshot &s = m_snapshot;
    Q_EMIT dataThroughChanged(s.dataThrough);
    m_freshness->setReport(s.freshness);
    if (s.empty()) {
        m_content->hide();
        showEmptyStore();
        return;
    }
    const QLocale locale;
    if (s.topTeams.isEmpty() && s.topWorkloads.isEmpty() && s.monthToDateNanos == 0)
        showMessage(tr("No cost in %1 yet: the data runs through %2. This month's figures and top tables fill in as "
                       "its usage arrives.")
                        .arg(locale.standaloneMonthName(s.today.month()) + QLatin1Char(' ') + QString::number(s.today.year()),
                             s.dataThrough.isValid() ? locale.toString(s.dataThrough, QLocale::ShortFormat) : tr("no day yet")),
                    MessageKind::Info);
    else
        clearMessage();
    setNote(tr("Month to date: %1 \u2013 %2 (UTC). Data through %3.")
                .arg(locale.toString(QDate(s.today.year(), s.today.month(), 1), QLocale::ShortFormat),
                     locale.toString(s.today, QLocale::ShortFormat), locale.toString(s.dataThrough, QLocale::ShortFormat)));

    m_monthToDate->setValue(formatMoney(s.monthToDateNanos, s.currency));
    QString monthToDateDetail = tr("%1 1\u2013%2").arg(QLocale().standaloneMonthName(s.today.month())).arg(s.today.day());
    if (s.unpricedQuantityMonthToDateNanos > 0)
        monthToDateDetail += tr(" \u00b7 + %1 DBU unpriced").arg(formatQuantity(s.unpricedQuantityMonthToDateNanos));
    m_monthToDate->setDetail(monthToDateDetail);

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
    showForecast(s);

    const auto showShare = [&s](KpiTile *tile, std::int64_t nanos, const QString &detail) {
        const std::optional<double> share = sharePercent(nanos, s.monthToDateNanos);
        tile->setValue(share ? formatPercent(*share) : QStringLiteral("\u2014"));
        tile->setDetail(detail.arg(formatMoney(nanos, s.currency)));
    };
    showShare(m_unattributed, s.unattributedMonthToDateNanos, tr("%1 no one owns"));
    showShare(m_idle, s.idleMonthToDateNanos, tr("%1 idle, not a team"));
    showShare(m_shared, s.sharedMonthToDateNanos, tr("%1 before sharing out"));

    m_unpriced->setVisible(s.unpricedQuantityMonthToDateNanos > 0);
    m_tiles->relayout();
    m_unpriced->setValue(tr("%1 DBU").arg(formatQuantity(s.unpricedQuantityMonthToDateNanos)));
    m_unpriced->setDetail(tr("no list price, not in cost"));

    m_chart->setSeries(buildDailyCostSeries(s.daily, s.dataThrough, 60, 8, tr("Other")), s.currency);
    m_teams->setRows(s.topTeams, s.monthToDateNanos, s.currency);
    m_projects->setRows(s.topProjects, s.monthToDateNanos, s.currency);
    m_workspaces->setRows(s.topWorkspaces, s.monthToDateNanos, s.currency);
    m_workloads->setRows(s.topWorkloads, s.currency);
    m_insights->setRows(s.topInsights, s.currency);
    m_content->show();
}

void OverviewPage::showForecast(const reports::OverviewSnapshot &s)
{
    if (!s.forecast) {
        m_forecast->setValue(QStringLiteral("\u2014"));
        m_forecast->setDetail(tr("No cost this month yet"));
        m_forecast->setToolTip(m_forecastMethod);
        return;
    }
    const reports::MonthForecast &f = *s.forecast;
    m_forecast->setValue(formatMoney(f.forecastNanos, s.currency));
    // The tile stays two short lines; the method and the backtest's extent are in its tooltip.
    QString toolTip = m_forecastMethod;
    if (s.forecastMeanAbsolutePercentError && s.forecastBacktestMonths > 0) {
        m_forecast->setDetail(tr("Backtest error \u00b1%1").arg(formatPercent(*s.forecastMeanAbsolutePercentError)));
        toolTip += QLatin1Char('\n') + tr("Backtested on %1 complete past months.").arg(QLocale().toString(s.forecastBacktestMonths));
    } else {
        m_forecast->setDetail(tr("No past month to backtest"));
    }
    toolTip += QLatin1Char('\n') + tr("Made from data through %1.").arg(QLocale().toString(f.madeOn, QLocale::ShortFormat));
    m_forecast->setToolTip(toolTip);
}

} // namespace ll::ui

#include "overviewpage.h"

#include "charts/dailycostchart.h"
#include "charts/dailycostseries.h"
#include "common/format.h"
#include "common/money.h"
#include "common/snapshotloader.h"
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
QGroupBox *tableBox(const QString &title, QAbstractItemModel *model, QWidget *parent, QList<int> hidden = {})
{
    auto *box = new QGroupBox(title, parent);
    auto *view = new DataTableView(box);
    view->setSourceModel(model);
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
    tables->addWidget(tableBox(tr("Top teams (month to date)"), m_teams, m_content), 2);
    tables->addWidget(tableBox(tr("Top workspaces (month to date)"), m_workspaces, m_content), 2);
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
    m_unpriced->setDetail(tr("Usage without a list price; not in the cost"));

    m_chart->setSeries(buildDailyCostSeries(s.daily, s.dataThrough, 60, 8, tr("Other")), s.currency);
    m_teams->setRows(s.topTeams, s.monthToDateNanos, s.currency);
    m_workspaces->setRows(s.topWorkspaces, s.monthToDateNanos, s.currency);
    m_insights->setRows(s.topInsights, s.currency);
    m_content->show();
}

} // namespace ll::ui

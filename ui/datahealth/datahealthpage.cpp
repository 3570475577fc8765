#include "datahealthpage.h"

#include "common/format.h"
#include "common/money.h"
#include "common/snapshotloader.h"
#include "models/correctionmodel.h"
#include "models/issuemodel.h"
#include "models/sourcestatemodel.h"
#include "models/stagerunmodel.h"
#include "widgets/datatableview.h"
#include "widgets/kpitile.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ll::ui {

DataHealthPage::DataHealthPage(ViewContext context, QWidget *parent)
    : Page(std::move(context), tr("Data Health"), parent)
    , m_content(new QWidget(this))
    , m_lineItems(new KpiTile(tr("Ledger line items (all time)"), m_content))
    , m_unpricedItems(new KpiTile(tr("Unpriced line items"), m_content))
    , m_unpricedQuantity(new KpiTile(tr("Unpriced quantity"), m_content))
    , m_unattributed(new KpiTile(tr("Unattributed cost (all time)"), m_content))
    , m_sources(new SourceStateModel(this))
    , m_runs(new StageRunModel(this))
    , m_issues(new IssueModel(this))
    , m_corrections(new CorrectionModel(this))
    , m_tabs(new QTabWidget(m_content))
{
    auto *tiles = new QHBoxLayout;
    tiles->setSpacing(8);
    for (KpiTile *tile : {m_lineItems, m_unpricedItems, m_unpricedQuantity, m_unattributed})
        tiles->addWidget(tile, 1);

    auto *sourcesBox = new QGroupBox(tr("Sources"), m_content);
    auto *sourcesView = new DataTableView(sourcesBox);
    sourcesView->setSourceModel(m_sources);
    sourcesView->setStretchColumn(SourceStateModel::Message);
    auto *sourcesLayout = new QVBoxLayout(sourcesBox);
    sourcesLayout->setContentsMargins(6, 6, 6, 6);
    sourcesLayout->addWidget(sourcesView);

    auto *runsView = new DataTableView(m_tabs);
    runsView->setSourceModel(m_runs);
    runsView->setStretchColumn(StageRunModel::Error);
    auto *issuesView = new DataTableView(m_tabs);
    issuesView->setSourceModel(m_issues);
    issuesView->setStretchColumn(IssueModel::Context);
    m_tabs->addTab(runsView, tr("Recent stage runs"));
    m_tabs->addTab(issuesView, tr("Issues"));
    auto *correctionsView = new DataTableView(this);
    correctionsView->setSourceModel(m_corrections);
    correctionsView->setExportName(QStringLiteral("corrections"));
    m_tabs->addTab(correctionsView, tr("Corrections per sync"));

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(tiles);
    layout->addWidget(sourcesBox, 3);
    layout->addWidget(m_tabs, 2);
    body()->addWidget(m_content);
    m_content->hide();
}

void DataHealthPage::reload()
{
    const QDateTime now = context().now;
    loader()->load<reports::DataHealthSnapshot>(
        [now](store::Database &db) { return reports::loadDataHealth(db, now); },
        [this](Result<reports::DataHealthSnapshot> result) { apply(std::move(result)); });
}

void DataHealthPage::apply(Result<reports::DataHealthSnapshot> result)
{
    if (!result) {
        m_content->hide();
        showLoadError(result.error());
        return;
    }
    reports::DataHealthSnapshot s = std::move(result).value();
    clearMessage();
    setNote(tr("Freshness is measured at %1.").arg(formatDateTime(context().now)));

    m_lineItems->setValue(formatCount(s.lineItems));
    m_lineItems->setDetail(tr("usage records in the ledger"));
    m_unpricedItems->setValue(formatCount(s.unpricedLineItems));
    const std::optional<double> unpricedShare = sharePercent(s.unpricedLineItems, s.lineItems);
    m_unpricedItems->setDetail(unpricedShare ? tr("%1 of line items have no list price").arg(formatPercent(*unpricedShare, 2))
                                             : tr("no line items yet"));
    m_unpricedQuantity->setValue(tr("%1 DBU").arg(formatQuantity(s.unpricedQuantityNanos)));
    m_unpricedQuantity->setDetail(tr("usage not included in any cost"));
    const std::optional<double> unattributedShare = sharePercent(s.unattributedCostNanos, s.totalCostNanos);
    m_unattributed->setValue(unattributedShare ? formatPercent(*unattributedShare) : QStringLiteral("\u2014"));
    m_unattributed->setDetail(tr("%1 of %2 has no team")
                                  .arg(formatMoney(s.unattributedCostNanos), formatMoney(s.totalCostNanos)));

    m_tabs->setTabText(0, tr("Recent stage runs (%1)").arg(s.recentStageRuns.size()));
    m_tabs->setTabText(1, tr("Issues (%1)").arg(s.issues.size()));
    m_sources->setRows(std::move(s.sources));
    m_runs->setRows(std::move(s.recentStageRuns));
    m_tabs->setTabText(2, tr("Corrections per sync (%1)").arg(s.corrections.size()));
    m_issues->setRows(std::move(s.issues));
    m_corrections->setRows(std::move(s.corrections));
    m_content->show();
    if (m_sources->rowCount() == 0 && s.lineItems == 0)
        showEmptyStore();
}

} // namespace ll::ui

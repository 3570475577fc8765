#include "datahealthpage.h"

#include "common/format.h"
#include "common/money.h"
#include "common/snapshotloader.h"
#include "models/correctionmodel.h"
#include "models/coveragedetailmodel.h"
#include "models/coveragemodel.h"
#include "models/issuemodel.h"
#include "models/sourcestatemodel.h"
#include "models/stagerunmodel.h"
#include "models/stalesourcemodel.h"
#include "models/tagcoveragemodel.h"
#include "widgets/datatableview.h"
#include "widgets/kpitile.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ll::ui {

namespace {

// Tab order; showTab() names them.
enum Tab { CoverageTab, QualityTab, RunsTab, IssuesTab, CorrectionsTab };

constexpr int kQualityDays = 30;

QLabel *summaryLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QString percentOfBasisPoints(std::int64_t basisPoints) { return formatPercent(static_cast<double>(basisPoints) / 100.0, 2); }

} // namespace

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
    , m_tagCoverage(new TagCoverageModel(this))
    , m_staleSources(new StaleSourceModel(this))
    , m_coverage(new CoverageModel(this))
    , m_coverageDetail(new CoverageDetailModel(this))
    , m_tabs(new QTabWidget(m_content))
{
    auto *tiles = new QHBoxLayout;
    tiles->setSpacing(8);
    for (KpiTile *tile : {m_lineItems, m_unpricedItems, m_unpricedQuantity, m_unattributed})
        tiles->addWidget(tile, 1);

    auto *sourcesBox = new QGroupBox(tr("Source freshness (system tables and REST enrichment)"), m_content);
    auto *sourcesView = new DataTableView(sourcesBox);
    sourcesView->setSourceModel(m_sources);
    sourcesView->setStretchColumn(SourceStateModel::Message);
    sourcesView->setExportName(QStringLiteral("source-freshness"));
    auto *sourcesLayout = new QVBoxLayout(sourcesBox);
    sourcesLayout->setContentsMargins(6, 6, 6, 6);
    sourcesLayout->addWidget(sourcesView);

    auto *runsView = new DataTableView(m_tabs);
    runsView->setSourceModel(m_runs);
    runsView->setStretchColumn(StageRunModel::Error);
    auto *issuesView = new DataTableView(m_tabs);
    issuesView->setSourceModel(m_issues);
    issuesView->setStretchColumn(IssueModel::Context);
    auto *correctionsView = new DataTableView(m_tabs);
    correctionsView->setSourceModel(m_corrections);
    correctionsView->setExportName(QStringLiteral("corrections"));
    m_tabs->addTab(buildCoverageTab(), tr("Coverage"));
    m_tabs->addTab(buildQualityTab(), tr("Quality"));
    m_tabs->addTab(runsView, tr("Recent stage runs"));
    m_tabs->addTab(issuesView, tr("Issues"));
    m_tabs->addTab(correctionsView, tr("Corrections per sync"));

    auto *split = new QSplitter(Qt::Vertical, m_content);
    split->setChildrenCollapsible(false);
    split->addWidget(sourcesBox);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);
    layout->addLayout(tiles);
    layout->addWidget(split, 1);
    body()->addWidget(m_content);
    m_content->hide();
}

QWidget *DataHealthPage::buildCoverageTab()
{
    auto *tab = new QWidget(m_tabs);
    m_coverageSummary = summaryLabel(tab);
    m_entitySources = summaryLabel(tab);
    auto *legend = new QHBoxLayout;
    legend->setSpacing(6);
    legend->addWidget(new QLabel(tr("Per system table:"), tab));
    using reports::CoverageState;
    const QList<std::pair<CoverageState, QString>> states = {
        {CoverageState::Ok, tr("readable, rows for this workspace")},
        {CoverageState::Stale, tr("stale: no event in 48 h")},
        {CoverageState::NoRows, tr("readable, no rows")},
        {CoverageState::Unavailable, tr("not readable (unavailable or failed)")},
    };
    for (const auto &[state, text] : states) {
        auto *chip = new QLabel(text, tab);
        chip->setStyleSheet(QStringLiteral("QLabel { background: %1; border: 1px solid #c8c8c8; border-radius: 3px; padding: 1px 6px; }")
                                .arg(CoverageModel::stateColor(state).name()));
        legend->addWidget(chip);
    }
    legend->addStretch(1);
    // One row per workspace with its summary; its per-table states (a column per system table
    // would need some 24 columns) are listed below for the selected workspace. The CSV export
    // still writes every column.
    m_coverageView = new DataTableView(tab);
    m_coverageView->setSourceModel(m_coverage);
    m_coverageView->setExportName(QStringLiteral("coverage-map"));
    m_coverageView->setExportHiddenColumns(true);
    m_coverageView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_coverageView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_coverageView->setToolTip(tr("Select a workspace to see each system table's state for it; Export CSV writes every table's state"));
    connect(m_coverage, &QAbstractItemModel::modelReset, this, [this] {
        for (int c = CoverageModel::FirstSourceColumn; c < m_coverage->columnCount(); ++c)
            m_coverageView->setColumnHidden(c, true);
        // Named workspaces show their id in the name's tooltip and the detail title: the map
        // then fits 1280 px without scrolling.
        const QList<reports::WorkspaceCoverage> &workspaces = m_coverage->snapshot().workspaces;
        m_coverageView->setColumnHidden(CoverageModel::Workspace,
                                        !workspaces.isEmpty() && std::none_of(workspaces.cbegin(), workspaces.cend(),
                                                                              [](const auto &w) { return w.name.isEmpty(); }));
        if (m_coverageView->proxy()->rowCount() > 0)
            m_coverageView->setCurrentIndex(m_coverageView->proxy()->index(0, 0));
        else
            showCoverageDetail(-1);
    });
    connect(m_coverageView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showCoverageDetail(m_coverageView->proxy()->mapToSource(current).row()); });

    auto *detailView = new DataTableView(tab);
    detailView->setSourceModel(m_coverageDetail);
    detailView->setStretchColumn(CoverageDetailModel::Table);
    detailView->setExportName(QStringLiteral("coverage-workspace"));
    m_coverageDetailTitle = new QLabel(tab);
    auto *detail = new QWidget(tab);
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_coverageDetailTitle);
    detailLayout->addWidget(detailView, 1);

    auto *split = new QSplitter(Qt::Vertical, tab);
    split->setChildrenCollapsible(false);
    split->addWidget(m_coverageView);
    split->addWidget(detail);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_coverageSummary);
    layout->addWidget(m_entitySources);
    layout->addLayout(legend);
    layout->addWidget(split, 1);
    return tab;
}

void DataHealthPage::showCoverageDetail(int sourceRow)
{
    const QList<reports::WorkspaceCoverage> &workspaces = m_coverage->snapshot().workspaces;
    if (sourceRow < 0 || sourceRow >= workspaces.size()) {
        m_coverageDetailTitle->setText(tr("System tables: select a workspace"));
        m_coverageDetail->setWorkspace({}, {});
        return;
    }
    const reports::WorkspaceCoverage &w = workspaces.at(sourceRow);
    const QString title = w.name.isEmpty() ? w.workspaceId : tr("%1 (%2)").arg(w.name, w.workspaceId);
    m_coverageDetailTitle->setText(tr("System tables for %1: %2 of %3 readable").arg(title).arg(w.readableSources()).arg(w.sources.size()));
    m_coverageDetail->setWorkspace(title, w.sources);
}

QWidget *DataHealthPage::buildQualityTab()
{
    auto *tab = new QWidget(m_tabs);
    m_qualitySummary = summaryLabel(tab);
    auto *tags = new DataTableView(tab);
    tags->setSourceModel(m_tagCoverage);
    tags->setStretchColumn(TagCoverageModel::Key);
    tags->setExportName(QStringLiteral("tag-coverage"));
    auto *stale = new DataTableView(tab);
    stale->setSourceModel(m_staleSources);
    stale->setStretchColumn(StaleSourceModel::Source);
    stale->setExportName(QStringLiteral("stale-sources"));
    auto *split = new QSplitter(Qt::Horizontal, tab);
    split->addWidget(tags);
    split->addWidget(stale);
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_qualitySummary);
    layout->addWidget(split, 1);
    return tab;
}

QString DataHealthPage::entitySourceSummary() const { return m_entitySources->text(); }

bool DataHealthPage::showTab(const QString &name)
{
    static const QStringList names = {QStringLiteral("coverage"), QStringLiteral("quality"), QStringLiteral("runs"), QStringLiteral("issues"),
                                      QStringLiteral("corrections")};
    const qsizetype index = names.indexOf(name);
    if (index < 0)
        return false;
    m_tabs->setCurrentIndex(static_cast<int>(index));
    return true;
}

void DataHealthPage::reload()
{
    const QDateTime now = context().now;
    const QDate today = context().today;
    loader()->load<DataHealthData>(
        [now, today](store::Database &db) -> Result<DataHealthData> {
            DataHealthData loaded;
            auto health = reports::loadDataHealth(db, now);
            if (!health)
                return health.error();
            loaded.health = std::move(*health);
            // Tag coverage reads each line's tags: the last 30 days keep that scan bounded.
            reports::QualityQuery quality;
            quality.from = today.addDays(-(kQualityDays - 1));
            quality.to = today;
            quality.now = now;
            auto q = reports::loadQuality(db, quality);
            if (!q)
                return q.error();
            loaded.quality = std::move(*q);
            reports::CoverageQuery coverage;
            coverage.now = now;
            auto c = reports::loadCoverage(db, coverage);
            if (!c)
                return c.error();
            loaded.coverage = std::move(*c);
            return loaded;
        },
        [this](Result<DataHealthData> result) { apply(std::move(result)); });
}

void DataHealthPage::apply(Result<DataHealthData> result)
{
    if (!result) {
        m_content->hide();
        showLoadError(result.error());
        return;
    }
    DataHealthData loaded = std::move(result).value();
    reports::DataHealthSnapshot &s = loaded.health;
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

    const reports::QualitySnapshot &q = loaded.quality;
    m_qualitySummary->setText(
        tr("Last %8 days (%9): %1 of %2 cost is unattributed (%3). %4 line items (%5 DBU) have no price. "
           "%6 tag keys, by the share of cost each covers (left). Stale sources, usage, timelines or queries with no event in 48 h (right): %7.")
            .arg(formatMoney(q.unattributedCostNanos), formatMoney(q.totalCostNanos), percentOfBasisPoints(q.unattributedBasisPoints))
            .arg(formatCount(q.unpricedLines), formatQuantity(q.unpricedQuantityNanos))
            .arg(q.tagCoverage.size())
            .arg(q.staleSources.size())
            .arg(kQualityDays)
            .arg(formatPeriod(context().today.addDays(-(kQualityDays - 1)), context().today)));
    m_tagCoverage->setRows(loaded.quality.tagCoverage);
    m_staleSources->setRows(loaded.quality.staleSources);

    int notReadable = 0;
    for (const auto &t : loaded.coverage.tables) {
        const bool readable = std::any_of(s.sources.cbegin(), s.sources.cend(), [&](const reports::SourceStateRow &r) {
            return r.source == t.source && r.status == QLatin1String("ok");
        });
        notReadable += readable ? 0 : 1;
    }
    m_coverageSummary->setText(tr("%1 workspaces; %2 of %3 system tables with a workspace_id could not be read (or were not read yet). "
                                  "Shares are of each workspace's cost, all time; select a workspace for each table's state.")
                                   .arg(loaded.coverage.workspaces.size())
                                   .arg(notReadable)
                                   .arg(loaded.coverage.tables.size()));
    QStringList entityParts;
    for (const reports::EntitySourceCount &e : std::as_const(loaded.coverage.entitySources)) {
        QString type = e.type;
        if (type == QLatin1String("job"))
            type = tr("Jobs");
        else if (type == QLatin1String("pipeline"))
            type = tr("Pipelines");
        else if (type == QLatin1String("cluster"))
            type = tr("Clusters");
        else if (type == QLatin1String("warehouse"))
            type = tr("Warehouses");
        entityParts << tr("%1: %2 from %3, %4 from REST (%5 REST only)")
                           .arg(type, formatCount(e.currentFromSystem), e.systemTable, formatCount(e.currentFromRest),
                               formatCount(e.restOnly));
    }
    m_entitySources->setText(tr("Current entity state by source. %1.").arg(entityParts.join(QStringLiteral("; "))));
    m_entitySources->setToolTip(tr("REST only: the system table has no row for the entity (not available or not granted); "
                                   "its name, owner, tags and configuration come from the REST list APIs."));
    m_coverage->setSnapshot(std::move(loaded.coverage));

    m_tabs->setTabText(CoverageTab, tr("Coverage (%1)").arg(m_coverage->rowCount()));
    m_tabs->setTabText(QualityTab, tr("Quality (%1 stale)").arg(m_staleSources->rowCount()));
    m_tabs->setTabText(RunsTab, tr("Recent stage runs (%1)").arg(s.recentStageRuns.size()));
    m_tabs->setTabText(IssuesTab, tr("Issues (%1)").arg(s.issues.size()));
    m_tabs->setTabText(CorrectionsTab, tr("Corrections per sync (%1)").arg(s.corrections.size()));
    const bool empty = s.lineItems == 0;
    m_sources->setRows(std::move(s.sources));
    m_runs->setRows(std::move(s.recentStageRuns));
    m_issues->setRows(std::move(s.issues));
    m_corrections->setRows(std::move(s.corrections));
    m_content->show();
    if (m_sources->rowCount() == 0 && empty)
        showEmptyStore();
}

} // namespace ll::ui

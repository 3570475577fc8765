#include "workloadspage.h"

#include "common/format.h"
#include "common/snapshotloader.h"
#include "models/runmodel.h"
#include "models/utilizationmodel.h"
#include "models/workloadmodel.h"
#include "widgets/datatableview.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace ll::ui {

namespace {

struct UtilizationAndWorkloads {
    QList<reports::WorkloadRow> workloads;
    QList<reports::UtilizationRow> utilization;
};

} // namespace

WorkloadsPage::WorkloadsPage(ViewContext context, QWidget *parent)
    : Page(std::move(context), tr("Workloads"), parent)
    , m_grouping(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_tabs(new QTabWidget(this))
    , m_model(new WorkloadModel(this))
    , m_view(new DataTableView(this))
    , m_runModel(new RunModel(this))
    , m_runView(new DataTableView(this))
    , m_runTitle(new QLabel(this))
    , m_utilizationModel(new UtilizationModel(this))
    , m_utilizationView(new DataTableView(this))
    , m_runLoader(new SnapshotLoader(this->context().storePath, this))
{
    setNote(tr("Cost, runs and failures per workload from the workload metrics. Dates are UTC usage days, "
               "both ends included. Select a job or pipeline to see its runs with cost per run."));
    addLoader(m_runLoader);

    m_grouping->addItem(tr("Jobs"), static_cast<int>(reports::WorkloadGrouping::Job));
    m_grouping->addItem(tr("Pipelines"), static_cast<int>(reports::WorkloadGrouping::Pipeline));
    m_grouping->addItem(tr("Warehouses"), static_cast<int>(reports::WorkloadGrouping::Warehouse));
    m_grouping->addItem(tr("Clusters"), static_cast<int>(reports::WorkloadGrouping::Cluster));
    m_grouping->addItem(tr("All work units"), static_cast<int>(reports::WorkloadGrouping::WorkUnit));
    connect(m_grouping, &QComboBox::currentIndexChanged, this, &WorkloadsPage::reloadIfIdle);

    const QDate today = this->context().today;
    m_updating = true;
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        connect(edit, &QDateEdit::dateChanged, this, &WorkloadsPage::reloadIfIdle);
    }
    m_from->setDate(today.addDays(-29));
    m_to->setDate(today);
    m_updating = false;

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Show:"), this));
    controls->addWidget(m_grouping);
    controls->addSpacing(16);
    controls->addWidget(new QLabel(tr("From:"), this));
    controls->addWidget(m_from);
    controls->addWidget(new QLabel(tr("To:"), this));
    controls->addWidget(m_to);
    controls->addStretch(1);

    m_view->setSourceModel(m_model);
    m_view->setStretchColumn(WorkloadModel::Name);
    m_view->setExportName(QStringLiteral("workloads"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);

    m_runView->setSourceModel(m_runModel);
    m_runView->setStretchColumn(RunModel::Run);
    m_runView->setExportName(QStringLiteral("runs"));
    m_runTitle->setText(tr("Select a job or pipeline to see its runs."));

    auto *runsPanel = new QWidget(this);
    auto *runsLayout = new QVBoxLayout(runsPanel);
    runsLayout->setContentsMargins(0, 0, 0, 0);
    runsLayout->addWidget(m_runTitle);
    runsLayout->addWidget(m_runView, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(runsPanel);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);

    m_utilizationView->setSourceModel(m_utilizationModel);
    m_utilizationView->setStretchColumn(UtilizationModel::Name);
    m_utilizationView->setExportName(QStringLiteral("utilization"));

    m_tabs->addTab(splitter, tr("Workloads"));
    m_tabs->addTab(m_utilizationView, tr("Utilization"));

    body()->addLayout(controls);
    body()->addWidget(m_tabs, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &WorkloadsPage::loadRuns);
}

reports::WorkloadGrouping WorkloadsPage::grouping() const
{
    return static_cast<reports::WorkloadGrouping>(m_grouping->currentData().toInt());
}

void WorkloadsPage::reloadIfIdle()
{
    if (!m_updating)
        reload();
}

bool WorkloadsPage::showTab(const QString &name)
{
    if (name == QLatin1String("workloads"))
        m_tabs->setCurrentIndex(0);
    else if (name == QLatin1String("utilization"))
        m_tabs->setCurrentIndex(1);
    else
        return false;
    return true;
}

void WorkloadsPage::reload()
{
    reports::WorkloadQuery query;
    query.by = grouping();
    query.from = m_from->date();
    query.to = m_to->date();
    if (query.from > query.to) {
        m_runLoader->cancel();
        loader()->cancel();
        m_model->setRows({});
        m_runModel->setRows({});
        m_utilizationModel->setRows({});
        showMessage(tr("The start date is after the end date."), MessageKind::Error);
        return;
    }
    loader()->load<UtilizationAndWorkloads>(
        [query](store::Database &db) -> Result<UtilizationAndWorkloads> {
            auto workloads = reports::queryWorkloads(db, query);
            if (!workloads)
                return workloads.error();
            auto utilization = reports::queryUtilization(db, query.from, query.to);
            if (!utilization)
                return utilization.error();
            return UtilizationAndWorkloads{std::move(workloads).value(), std::move(utilization).value()};
        },
        [this](Result<UtilizationAndWorkloads> result) {
            if (!result) {
                m_model->setRows({});
                m_utilizationModel->setRows({});
                showLoadError(result.error());
                loadRuns();
                return;
            }
            UtilizationAndWorkloads value = std::move(result).value();
            m_model->setRows(std::move(value.workloads));
            m_utilizationModel->setRows(std::move(value.utilization));
            if (m_model->rowCount() == 0)
                showMessage(tr("No workload cost recorded between %1 and %2.")
                                .arg(formatDate(m_from->date()), formatDate(m_to->date())),
                            MessageKind::Info);
            else
                clearMessage();
            if (m_view->proxy()->rowCount() > 0)
                m_view->setCurrentIndex(m_view->proxy()->index(0, 0));
            else
                loadRuns();
        });
}

void WorkloadsPage::loadRuns()
{
    const QModelIndex current = m_view->proxy()->mapToSource(m_view->currentIndex());
    const reports::WorkloadRow *row = current.isValid() ? m_model->workloadAt(current.row()) : nullptr;
    const bool hasRuns = row
        && (row->workUnitType == QLatin1String("job") || row->workUnitType == QLatin1String("pipeline"));
    if (!hasRuns) {
        m_runLoader->cancel();
        m_runModel->setRows({});
        m_runTitle->setText(tr("Select a job or pipeline to see its runs."));
        return;
    }
    const QString parentId = row->workUnitId;
    const QString name = row->name.isEmpty() ? row->workUnitId : row->name;
    const QDate from = m_from->date(), to = m_to->date();
    const QString range = tr("%1 to %2").arg(formatDate(from), formatDate(to));
    m_runTitle->setText(tr("Runs of %1 started %2 (newest first)").arg(name, range));
    m_runLoader->load<reports::RunList>([parentId, from, to](store::Database &db) { return reports::queryRuns(db, parentId, from, to); },
        [this, name, range](Result<reports::RunList> result) {
            if (!result) {
                m_runModel->setRows({});
                m_runTitle->setText(tr("Could not load the runs of %1: %2").arg(name, result.error().message));
                return;
            }
            const reports::RunList list = std::move(result).value();
            m_runModel->setRows(list.rows);
            // The counts are of the date range, as in the workload's row; the list may show fewer.
            QString title = tr("Runs of %1 started %2 (newest first): %3 runs, %4 failed")
                                .arg(name, range, formatCount(list.totalRuns), formatCount(list.failedRuns));
            if (list.rows.size() < list.totalRuns)
                title += tr(" \u2014 showing the newest %1").arg(formatCount(list.rows.size()));
            m_runTitle->setText(title);
        });
}

} // namespace ll::ui

#include "mainwindow.h"

#include "attribution/attributionpage.h"
#include "auditlog/auditlogpage.h"
#include "budgets/budgetspage.h"
#include "common/asyncdialogs.h"
#include "common/format.h"
#include "common/jobcontroller.h"
#include "common/page.h"
#include "datahealth/datahealthpage.h"
#include "explorer/costexplorerpage.h"
#include "insights/insightspage.h"
#include "overview/overviewpage.h"
#include "plans/planpane.h"
#include "settings/connectionpanel.h"
#include "settings/settingspage.h"
#include "workloads/workloadspage.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

#include <algorithm>

namespace ll::ui {

MainWindow::MainWindow(QString storePath, QDate today, QWidget *parent)
    : QMainWindow(parent),
      m_context(ViewContext::make(std::move(storePath), today)),
      m_navigation(new QListWidget(this)),
      m_pages(new QStackedWidget(this)),
      m_storeLabel(new QLabel(this)),
      m_dataThroughLabel(new QLabel(this)),
      m_jobs(new JobController(m_context.storePath, this)),
      m_stageLabel(new QLabel(this)),
      m_progress(new QProgressBar(this)),
      m_cancelButton(new QPushButton(tr("Cancel"), this)),
      m_outcomeLabel(new QLabel(this))
{
    setWindowTitle(tr("LakeLedger"));
    createActions();

    m_navigation->setFixedWidth(180);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);
    QFont navFont = m_navigation->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.1);
    m_navigation->setFont(navFont);

    auto *overview = new OverviewPage(m_context, m_pages);
    connect(overview, &OverviewPage::dataThroughChanged, this, &MainWindow::setDataThrough);
    connect(overview, &OverviewPage::dataHealthRequested, this, [this] { showView(QStringLiteral("data-health")); });
    addPage(QStringLiteral("overview"), tr("Overview"), overview);
    addPage(QStringLiteral("cost-explorer"), tr("Cost Explorer"), new CostExplorerPage(m_context, m_pages));
    addPage(QStringLiteral("workloads"), tr("Workloads"), new WorkloadsPage(m_context, m_pages));
    addPage(QStringLiteral("attribution"), tr("Attribution"), new AttributionPage(m_context, m_pages));
    auto *insights = new InsightsPage(m_context, m_pages);
    addPage(QStringLiteral("insights"), tr("Insights"), insights);
    addPage(QStringLiteral("budgets"), tr("Budgets"), new BudgetsPage(m_context, m_pages));
    addPage(QStringLiteral("data-health"), tr("Data Health"), new DataHealthPage(m_context, m_pages));
    addPage(QStringLiteral("audit-log"), tr("Audit Log"), new AuditLogPage(m_context, m_pages));
    auto *settings = new SettingsPage(m_context, m_pages);
    connect(settings, &SettingsPage::processRequested, this, &MainWindow::startProcess);
    connect(settings, &SettingsPage::storeChanged, this, &MainWindow::reload);
    addPage(QStringLiteral("settings"), tr("Settings"), settings);
    // Action plans talk to the workspace with the connection made in Settings for this session.
    ConnectionPanel *connection = settings->connection();
    insights->planPane()->setConnectionProvider([connection] { return connection->request(); });
    Q_ASSERT(m_names == viewNames());

    connect(m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    m_storeLabel->setText(tr("Store: %1").arg(QDir::toNativeSeparators(m_context.storePath)));
    m_storeLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addWidget(m_storeLabel, 1);
    statusBar()->addWidget(m_outcomeLabel);
    statusBar()->addPermanentWidget(m_stageLabel);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelButton);
    statusBar()->addPermanentWidget(m_dataThroughLabel);
    m_progress->setFixedWidth(160);
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_cancelButton->setToolTip(tr("Stop after the current chunk; everything committed so far is kept"));
    for (QWidget *w : {static_cast<QWidget *>(m_stageLabel), static_cast<QWidget *>(m_progress), static_cast<QWidget *>(m_cancelButton),
                       static_cast<QWidget *>(m_outcomeLabel)})
        w->hide();
    setDataThrough(QDate());

    connect(m_cancelButton, &QPushButton::clicked, m_jobs, &JobController::cancel);
    connect(m_jobs, &JobController::runningChanged, this, &MainWindow::pipelineRunningChanged);
    connect(m_jobs, &JobController::progressChanged, this, &MainWindow::pipelineProgressed);
    connect(m_jobs, &JobController::finished, this, &MainWindow::pipelineFinished);

    reload();
}

QStringList MainWindow::viewNames()
{
    return {QStringLiteral("overview"), QStringLiteral("cost-explorer"), QStringLiteral("workloads"), QStringLiteral("attribution"),
        QStringLiteral("insights"), QStringLiteral("budgets"), QStringLiteral("data-health"), QStringLiteral("audit-log"),
        QStringLiteral("settings")};
}

void MainWindow::addPage(const QString &name, const QString &label, Page *page)
{
    m_names << name;
    m_pageList << page;
    m_pages->addWidget(page);
    auto *item = new QListWidgetItem(label, m_navigation);
    item->setSizeHint(QSize(0, m_navigation->fontMetrics().height() + 14));
    connect(page, &Page::loadingChanged, this, &MainWindow::pageLoadingChanged);
}

bool MainWindow::showView(const QString &kebabName)
{
    const QString view = kebabName.section(QLatin1Char('/'), 0, 0);
    const QString tab = kebabName.section(QLatin1Char('/'), 1);
    const qsizetype index = m_names.indexOf(view);
    if (index < 0)
        return false;
    if (!tab.isEmpty() && !m_pageList.at(index)->showTab(tab))
        return false;
    m_navigation->setCurrentRow(static_cast<int>(index));
    return true;
}

QString MainWindow::currentView() const
{
    return m_names.value(m_pages->currentIndex());
}

Page *MainWindow::page(const QString &kebabName) const
{
    const qsizetype index = m_names.indexOf(kebabName);
    return index < 0 ? nullptr : m_pageList.at(index);
}

void MainWindow::reload()
{
    for (Page *page : std::as_const(m_pageList))
        page->reload();
}

bool MainWindow::isLoading() const
{
    return std::any_of(m_pageList.cbegin(), m_pageList.cend(), [](const Page *page) { return page->isLoading(); });
}

void MainWindow::pageLoadingChanged(bool loading)
{
    if (!loading && !isLoading())
        Q_EMIT loadsFinished();
}

void MainWindow::createActions()
{
    m_processAction = new QAction(tr("Process new data"), this);
    m_processAction->setToolTip(tr("Run ledger, attribution, metrics and insights on raw data not processed yet"));
    connect(m_processAction, &QAction::triggered, this, &MainWindow::startProcess);

    m_rebuildAction = new QAction(tr("Rebuild from raw\u2026"), this);
    m_rebuildAction->setToolTip(tr("Clear every derived layer and re-derive it from the raw data"));
    connect(m_rebuildAction, &QAction::triggered, this, &MainWindow::startRebuild);

    QMenu *dataMenu = menuBar()->addMenu(tr("&Data"));
    dataMenu->addAction(m_processAction);
    dataMenu->addAction(m_rebuildAction);

    QToolBar *toolbar = addToolBar(tr("Pipeline"));
    toolbar->setObjectName(QStringLiteral("pipelineToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_processAction);
    toolbar->addAction(m_rebuildAction);
}

void MainWindow::startProcess() { runJob(job::JobKind::Process); }

void MainWindow::startRebuild()
{
    if (m_jobs->isRunning())
        return;
    if (m_screenshotMode) {
        runJob(job::JobKind::Rebuild);
        return;
    }
    askConfirmation(this, tr("Rebuild from raw"),
        tr("This clears the ledger, attribution, metrics and open insights and derives them again from the "
           "raw data. Raw data is not touched. It can take a while on a large store.\n\nRebuild now?"),
        tr("Rebuild"), [this] { runJob(job::JobKind::Rebuild); });
}

void MainWindow::runJob(job::JobKind kind)
{
    if (!m_jobs->start({kind, {}}))
        return;
    m_stageLabel->setText(kind == job::JobKind::Rebuild ? tr("Rebuilding\u2026") : tr("Processing\u2026"));
    m_progress->setRange(0, 0); // busy until the first progress report
}

void MainWindow::pipelineRunningChanged(bool running)
{
    m_processAction->setEnabled(!running);
    m_rebuildAction->setEnabled(!running);
    m_stageLabel->setVisible(running);
    m_progress->setVisible(running);
    m_cancelButton->setVisible(running);
    m_cancelButton->setEnabled(running);
    if (running)
        m_outcomeLabel->hide();
}

void MainWindow::pipelineProgressed(const QString &stage, double fraction, const QString &message)
{
    m_stageLabel->setText(message.isEmpty() ? stage : tr("%1: %2").arg(stage, message));
    if (fraction < 0) {
        m_progress->setRange(0, 0);
        return;
    }
    m_progress->setRange(0, 1000);
    m_progress->setValue(static_cast<int>(std::clamp(fraction, 0.0, 1.0) * 1000.0));
}

void MainWindow::pipelineFinished(bool ok, const QString &status, const QString &error)
{
    if (ok) {
        m_outcomeLabel->setText(tr("Pipeline run succeeded."));
        m_outcomeLabel->setStyleSheet(QString());
    } else if (pipeline::runStatusFromText(status) == pipeline::RunStatus::Cancelled) {
        m_outcomeLabel->setText(m_jobs->runningKind() == job::JobKind::Rebuild
                ? tr("Rebuild cancelled; the previous figures are unchanged.")
                : tr("Pipeline run cancelled; everything committed before stays consistent."));
        m_outcomeLabel->setStyleSheet(QString());
    } else {
        m_outcomeLabel->setText(tr("Pipeline run failed: %1").arg(error));
        m_outcomeLabel->setStyleSheet(QStringLiteral("QLabel { color: #b3261e; }"));
    }
    m_outcomeLabel->setToolTip(m_outcomeLabel->text());
    m_outcomeLabel->show();
    if (m_closeWhenStopped) {
        close();
        return;
    }
    reload();
}

QString MainWindow::pipelineOutcome() const
{
    return m_outcomeLabel->text();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_jobs->isRunning()) {
        // Cancel and close once the worker has stopped: no waiting on the GUI thread.
        m_closeWhenStopped = true;
        m_jobs->cancel();
        m_cancelButton->setEnabled(false);
        m_stageLabel->setText(tr("Cancelling before closing\u2026"));
        event->ignore();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::setDataThrough(const QDate &dataThrough)
{
    m_dataThroughLabel->setText(dataThrough.isValid() ? tr("Data through %1").arg(formatDate(dataThrough))
                                                      : tr("No data loaded"));
}

} // namespace ll::ui

#include "mainwindow.h"

#include "attribution/attributionpage.h"
#include "auditlog/auditlogpage.h"
#include "common/format.h"
#include "common/page.h"
#include "datahealth/datahealthpage.h"
#include "explorer/costexplorerpage.h"
#include "insights/insightspage.h"
#include "overview/overviewpage.h"
#include "settings/settingspage.h"
#include "workloads/workloadspage.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>

namespace ll::ui {

MainWindow::MainWindow(QString storePath, QDate today, QWidget *parent)
    : QMainWindow(parent)
    , m_context(ViewContext::make(std::move(storePath), today))
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_storeLabel(new QLabel(this))
    , m_dataThroughLabel(new QLabel(this))
{
    setWindowTitle(tr("LakeLedger"));

    m_navigation->setFixedWidth(180);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setSpacing(2);
    QFont navFont = m_navigation->font();
    navFont.setPointSizeF(navFont.pointSizeF() * 1.1);
    m_navigation->setFont(navFont);

    auto *overview = new OverviewPage(m_context, m_pages);
    connect(overview, &OverviewPage::dataThroughChanged, this, &MainWindow::setDataThrough);
    addPage(QStringLiteral("overview"), tr("Overview"), overview);
    addPage(QStringLiteral("cost-explorer"), tr("Cost Explorer"), new CostExplorerPage(m_context, m_pages));
    addPage(QStringLiteral("workloads"), tr("Workloads"), new WorkloadsPage(m_context, m_pages));
    addPage(QStringLiteral("attribution"), tr("Attribution"), new AttributionPage(m_context, m_pages));
    addPage(QStringLiteral("insights"), tr("Insights"), new InsightsPage(m_context, m_pages));
    addPage(QStringLiteral("data-health"), tr("Data Health"), new DataHealthPage(m_context, m_pages));
    addPage(QStringLiteral("audit-log"), tr("Audit Log"), new AuditLogPage(m_context, m_pages));
    addPage(QStringLiteral("settings"), tr("Settings"), new SettingsPage(m_context, m_pages));
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
    statusBar()->addPermanentWidget(m_dataThroughLabel);
    setDataThrough(QDate());

    reload();
}

QStringList MainWindow::viewNames()
{
    return {QStringLiteral("overview"),   QStringLiteral("cost-explorer"), QStringLiteral("workloads"),
            QStringLiteral("attribution"), QStringLiteral("insights"),     QStringLiteral("data-health"),
            QStringLiteral("audit-log"),   QStringLiteral("settings")};
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
    const qsizetype index = m_names.indexOf(kebabName);
    if (index < 0)
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

void MainWindow::setDataThrough(const QDate &dataThrough)
{
    m_dataThroughLabel->setText(dataThrough.isValid() ? tr("Data through %1").arg(formatDate(dataThrough))
                                                      : tr("No data loaded"));
}

} // namespace ll::ui

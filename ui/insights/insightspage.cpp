#include "insightspage.h"

#include "common/format.h"
#include "common/money.h"
#include "common/snapshotloader.h"
#include "models/insightmodel.h"
#include "widgets/datatableview.h"

#include <QHeaderView>
#include <QItemSelectionModel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace ll::ui {

InsightsPage::InsightsPage(ViewContext context, QWidget *parent)
    : Page(std::move(context), tr("Insights"), parent)
    , m_model(new InsightModel(this))
    , m_view(new DataTableView(this))
    , m_detail(new QTextBrowser(this))
{
    setNote(tr("Findings from the insight rules, largest estimated impact first. Select one to read its detail."));
    m_view->setSourceModel(m_model);
    m_view->setStretchColumn(InsightModel::Title);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_detail->setOpenLinks(false);
    m_detail->setPlaceholderText(tr("Select an insight to see its detail."));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    body()->addWidget(splitter, 1);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &InsightsPage::showDetail);
}

void InsightsPage::reload()
{
    loader()->load<QList<reports::InsightSummary>>(
        [](store::Database &db) { return reports::loadInsights(db); },
        [this](Result<QList<reports::InsightSummary>> result) {
            if (!result) {
                m_model->setRows({});
                showLoadError(result.error());
                showDetail();
                return;
            }
            m_model->setRows(std::move(result).value());
            if (m_model->rowCount() == 0)
                showMessage(tr("No insights yet. They appear after a sync or the demo has run the insight rules."),
                            MessageKind::Info);
            else
                clearMessage();
            if (m_view->proxy()->rowCount() > 0)
                m_view->setCurrentIndex(m_view->proxy()->index(0, 0));
            showDetail();
        });
}

void InsightsPage::showDetail()
{
    const QModelIndex current = m_view->proxy()->mapToSource(m_view->currentIndex());
    const reports::InsightSummary *insight = current.isValid() ? m_model->insightAt(current.row()) : nullptr;
    if (!insight) {
        m_detail->clear();
        return;
    }
    const QString html = QStringLiteral("<h3>%1</h3><p>%2</p><p><b>%3</b> %4 &nbsp; <b>%5</b> %6 &nbsp; "
                                        "<b>%7</b> %8 &nbsp; <b>%9</b> %10</p>")
                             .arg(insight->title.toHtmlEscaped(), insight->detail.toHtmlEscaped(),
                                  tr("Impact:"), formatMoney(insight->impactNanos).toHtmlEscaped(),
                                  tr("Workspace:"), insight->workspaceId.toHtmlEscaped(),
                                  tr("Period:"), formatPeriod(insight->firstDay, insight->lastDay),
                                  tr("Status:"))
                             .arg(insight->status.toHtmlEscaped());
    m_detail->setHtml(html);
}

} // namespace ll::ui

#include "lineitemsdialog.h"

#include "common/format.h"
#include "common/money.h"
#include "common/snapshotloader.h"
#include "models/lineitemmodel.h"
#include "widgets/datatableview.h"

#include <QAction>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QUrl>
#include <QVBoxLayout>

namespace ll::ui {

LineItemsDialog::LineItemsDialog(QString storePath, DrillDown drillDown, QWidget *parent)
    : QDialog(parent)
    , m_drillDown(std::move(drillDown))
    , m_loader(new SnapshotLoader(std::move(storePath), this))
    , m_model(new LineItemModel(this))
    , m_view(new DataTableView(this))
    , m_summary(new QLabel(this))
    , m_error(new QLabel(this))
    , m_filter(new QLineEdit(this))
{
    setWindowTitle(tr("Line items \u2014 %1").arg(m_drillDown.criteria.join(QStringLiteral(" \u00b7 "))));
    setModal(false);
    resize(1200, 640);

    const reports::LineItemFilter &f = m_drillDown.filter;
    QStringList lines;
    lines << tr("Billing records for %1, usage days %2.")
                 .arg(m_drillDown.criteria.isEmpty() ? tr("all cost") : m_drillDown.criteria.join(QStringLiteral(", ")),
                      formatPeriod(f.from, f.to));
    if (!m_drillDown.notNarrowed.isEmpty())
        lines << tr("Not narrowed by %1: the list shows every record matching the rest, so it can hold more than the figure.")
                     .arg(m_drillDown.notNarrowed.join(QStringLiteral(", ")));
    if (!m_drillDown.approximate.isEmpty())
        lines << tr("%1 is matched by work unit: usage billed to a job or pipeline running on it is not listed.")
                     .arg(m_drillDown.approximate.join(QStringLiteral(", ")));
    lines << m_drillDown.caveats;
    lines << tr("Corrections (retractions, restatements) are highlighted.");
    auto *criteria = new QLabel(lines.join(QLatin1Char('\n')), this);
    criteria->setWordWrap(true);
    criteria->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #611a15; }"));
    m_error->hide();

    m_filter->setPlaceholderText(tr("Filter records\u2026"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_view, &DataTableView::setFilterText);

    m_view->setSourceModel(m_model);
    // The work unit's page in Databricks, where the workspace URL is known (right-click a row).
    auto *openPage = new QAction(tr("Open in Databricks"), m_view);
    openPage->setEnabled(false);
    const auto currentUrl = [this]() -> QString {
        const QModelIndex source = m_view->proxy()->mapToSource(m_view->currentIndex());
        const auto *row = source.isValid() ? m_model->rowAt(source.row()) : nullptr;
        return row ? row->workUnitUrl : QString();
    };
    connect(openPage, &QAction::triggered, this, [currentUrl] {
        if (const QString url = currentUrl(); !url.isEmpty())
            QDesktopServices::openUrl(QUrl(url));
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, openPage,
        [openPage, currentUrl] { openPage->setEnabled(!currentUrl().isEmpty()); });
    m_view->addAction(openPage);
    m_view->setExportName(QStringLiteral("line-items"));

    auto *exportButton = new QPushButton(tr("Export CSV\u2026"), this);
    connect(exportButton, &QPushButton::clicked, m_view, &DataTableView::exportCsv);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(m_filter, 1);
    top->addWidget(exportButton);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(criteria);
    layout->addWidget(m_error);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);

    load();
}

LineItemsDialog *LineItemsDialog::showFor(QWidget *parent, const QString &storePath, DrillDown drillDown)
{
    auto *dialog = new LineItemsDialog(storePath, std::move(drillDown), parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

bool LineItemsDialog::isLoading() const
{
    return m_loader->isLoading();
}

QString LineItemsDialog::summary() const
{
    return m_summary->text();
}

void LineItemsDialog::load()
{
    m_summary->setText(tr("Loading\u2026"));
    const reports::LineItemFilter filter = m_drillDown.filter;
    m_loader->load<reports::LineItemPage>(
        [filter](store::Database &db) { return reports::loadLineItems(db, filter); },
        [this](Result<reports::LineItemPage> result) {
            if (!result) {
                m_model->setPage({});
                m_summary->clear();
                m_error->setText(tr("Could not load the line items: %1").arg(result.error().toString()));
                m_error->show();
                Q_EMIT loaded();
                return;
            }
            m_error->hide();
            m_model->setPage(std::move(result).value());
            const reports::LineItemPage &page = m_model->page();
            QString total = formatMoney(page.totalCostNanos);
            if (page.totalUnpricedQuantityNanos > 0)
                total = tr("%1 + %2 DBU unpriced (no list price: in no cost)").arg(total, formatQuantity(page.totalUnpricedQuantityNanos));
            if (page.totalCount > page.rows.size())
                m_summary->setText(tr("Showing %1 of %2 line items (the first by usage start) \u00b7 total cost of all %2: %3")
                                       .arg(formatCount(page.rows.size()), formatCount(page.totalCount), total));
            else
                m_summary->setText(tr("%1 line items \u00b7 total cost: %2").arg(formatCount(page.totalCount), total));
            Q_EMIT loaded();
        });
}

} // namespace ll::ui

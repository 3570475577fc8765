#include "reconciliationpanel.h"

#include "common/money.h"
#include "common/snapshotloader.h"
#include "models/reconciliationmodel.h"
#include "widgets/datatableview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace ll::ui {

namespace {
constexpr int kMaxSkuWidth = 220;
}

ReconciliationPanel::ReconciliationPanel(const QString &storePath, QWidget *parent)
    : QWidget(parent)
    , m_loader(new SnapshotLoader(storePath, this))
    , m_model(new ReconciliationModel(this))
    , m_view(new DataTableView(this))
    , m_summary(new QLabel(this))
{
    auto *note = new QLabel(tr("List cost is usage at the published list price; effective list cost uses the "
                               "effective price Databricks bills (list minus its own discounts). Contract cost "
                               "appears once contract prices are entered in Settings. The date range, as-of and "
                               "filters are the Breakdown tab's."),
                            this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    m_view->setSourceModel(m_model);
    m_view->setExportName(QStringLiteral("reconciliation"));
    auto *exportButton = new QPushButton(tr("Export CSV\u2026"), this);
    connect(exportButton, &QPushButton::clicked, m_view, &DataTableView::exportCsv);

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_summary, 1);
    bottom->addWidget(exportButton);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    layout->addWidget(note);
    layout->addWidget(m_view, 1);
    layout->addLayout(bottom);
}

void ReconciliationPanel::load(const reports::CostQuery &explorerQuery)
{
    reports::CostQuery q = explorerQuery;
    q.by = {reports::Dimension::Month, reports::Dimension::Sku, reports::Dimension::Workspace};
    q.tagKeys.clear(); // they belong to the explorer's tag dimensions; filters carry their own key
    m_loader->load<reports::CostTable>(
        [q](store::Database &db) { return reports::queryCost(db, q); },
        [this, filterCount = static_cast<int>(q.filters.size())](Result<reports::CostTable> result) {
            m_filterCount = filterCount;
            if (!result) {
                clear(tr("Could not load the reconciliation: %1").arg(result.error().toString()));
                return;
            }
            m_model->setTable(std::move(result).value());
            // Long SKU names would push the gap columns out of sight: cap it (the tooltip has it all).
            if (m_view->columnWidth(ReconciliationModel::Sku) > kMaxSkuWidth)
                m_view->setColumnWidth(ReconciliationModel::Sku, kMaxSkuWidth);
            showTotals();
        });
}

void ReconciliationPanel::clear(const QString &message)
{
    m_loader->cancel();
    m_model->setTable({});
    m_summary->setText(message);
}

QString ReconciliationPanel::summary() const
{
    return m_summary->text();
}

void ReconciliationPanel::showTotals()
{
    const reports::CostTable &t = m_model->table();
    if (t.rows.isEmpty()) {
        m_summary->setText(m_filterCount ? tr("No cost in this range matches the filters.") : tr("No cost in this range."));
        return;
    }
    std::int64_t list = 0;
    std::int64_t effective = 0;
    std::int64_t contract = 0;
    for (const reports::CostRow &row : t.rows) {
        list += row.listCostNanos;
        effective += row.costNanos;
        contract += row.contractCostNanos;
    }
    QString text = tr("Totals: list %1 \u00b7 effective %2 \u00b7 list \u2212 effective %3")
                       .arg(formatMoney(list, t.currency), formatMoney(effective, t.currency),
                            formatMoney(list - effective, t.currency));
    if (t.hasContracts)
        text += tr(" \u00b7 contract %1 \u00b7 effective \u2212 contract %2")
                    .arg(formatMoney(contract, t.currency), formatMoney(effective - contract, t.currency));
    if (m_filterCount)
        text += tr(" \u00b7 %n filter(s) applied", nullptr, m_filterCount);
    m_summary->setText(text);
}

} // namespace ll::ui

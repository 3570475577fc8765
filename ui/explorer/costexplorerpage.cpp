#include "costexplorerpage.h"

#include "common/format.h"
#include "common/money.h"
#include "common/snapshotloader.h"
#include "models/costtablemodel.h"
#include "widgets/datatableview.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

namespace ll::ui {

CostExplorerPage::CostExplorerPage(ViewContext context, QWidget *parent)
    : Page(std::move(context), tr("Cost Explorer"), parent)
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_filter(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_model(new CostTableModel(this))
    , m_view(new DataTableView(this))
{
    setNote(tr("Group cost by any combination of dimensions. Dates are UTC usage days, both ends included."));

    auto *dimensions = new QHBoxLayout;
    dimensions->addWidget(new QLabel(tr("Group by:"), this));
    const QStringList names = reports::allDimensionNames();
    for (const QString &name : names) {
        const auto parsed = reports::parseDimensions(name);
        auto *box = new QCheckBox(parsed && !parsed->isEmpty() ? CostTableModel::dimensionTitle(parsed->first()) : name, this);
        box->setObjectName(name);
        connect(box, &QCheckBox::toggled, this, [this] {
            if (!m_updating)
                reload();
        });
        m_dimensions << box;
        dimensions->addWidget(box);
    }
    dimensions->addStretch(1);

    const QDate today = this->context().today;
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (!m_updating)
                reload();
        });
    }
    m_updating = true;
    m_from->setDate(QDate(today.year(), today.month(), 1).addMonths(-2));
    m_to->setDate(today);
    setDimensions({QStringLiteral("month"), QStringLiteral("product")});
    m_updating = false;

    auto *copy = new QPushButton(tr("Copy"), this);
    copy->setToolTip(tr("Copy the selected cells as tab-separated text"));
    connect(copy, &QPushButton::clicked, m_view, &DataTableView::copySelection);

    m_filter->setPlaceholderText(tr("Filter rows\u2026"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_view, &DataTableView::setFilterText);
    connect(m_filter, &QLineEdit::textChanged, this, &CostExplorerPage::updateSummary);

    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("From:"), this));
    controls->addWidget(m_from);
    controls->addWidget(new QLabel(tr("To:"), this));
    controls->addWidget(m_to);
    controls->addSpacing(16);
    controls->addWidget(m_filter, 1);
    controls->addWidget(copy);

    m_view->setSourceModel(m_model);

    body()->addLayout(dimensions);
    body()->addLayout(controls);
    body()->addWidget(m_view, 1);
    body()->addWidget(m_summary);
}

reports::CostQuery CostExplorerPage::query() const
{
    QStringList chosen;
    for (const QCheckBox *box : m_dimensions)
        if (box->isChecked())
            chosen << box->objectName();
    reports::CostQuery q;
    if (const auto parsed = reports::parseDimensions(chosen.join(QLatin1Char(','))); parsed)
        q.by = parsed.value();
    q.from = m_from->date();
    q.to = m_to->date();
    return q;
}

void CostExplorerPage::setDimensions(const QStringList &names)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    for (QCheckBox *box : std::as_const(m_dimensions))
        box->setChecked(names.contains(box->objectName()));
    m_updating = wasUpdating;
    if (!m_updating)
        reload();
}

void CostExplorerPage::setRange(const QDate &from, const QDate &to)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_from->setDate(from);
    m_to->setDate(to);
    m_updating = wasUpdating;
    if (!m_updating)
        reload();
}

void CostExplorerPage::reload()
{
    const reports::CostQuery q = query();
    if (q.from.isValid() && q.to.isValid() && q.from > q.to) {
        loader()->cancel();
        m_model->setTable({});
        m_summary->clear();
        showMessage(tr("The start date is after the end date."), MessageKind::Error);
        return;
    }
    loader()->load<reports::CostTable>(
        [q](store::Database &db) { return reports::queryCost(db, q); },
        [this](Result<reports::CostTable> result) {
            if (!result) {
                m_model->setTable({});
                m_summary->clear();
                showLoadError(result.error());
                return;
            }
            clearMessage();
            m_model->setTable(std::move(result).value());
            updateSummary();
        });
}

void CostExplorerPage::updateSummary()
{
    const reports::CostTable &table = m_model->table();
    if (table.rows.isEmpty()) {
        m_summary->setText(tr("No cost in this range."));
        return;
    }
    std::int64_t visibleNanos = 0;
    const int visible = m_view->proxy()->rowCount();
    for (int row = 0; row < visible; ++row) {
        const QModelIndex source = m_view->proxy()->mapToSource(m_view->proxy()->index(row, 0));
        visibleNanos += table.rows.at(source.row()).costNanos;
    }
    m_summary->setText(tr("Rows: %1 shown of %2 \u00b7 cost shown: %3 \u00b7 total: %4")
                           .arg(formatCount(visible), formatCount(table.rows.size()),
                                formatMoney(visibleNanos, table.currency),
                                formatMoney(table.totalCostNanos(), table.currency)));
}

} // namespace ll::ui

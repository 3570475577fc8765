#include "costexplorerpage.h"

#include "common/format.h"
#include "common/money.h"
#include "common/snapshotloader.h"
#include "drilldown/lineitemsdialog.h"
#include "models/costtablemodel.h"
#include "reconciliation/reconciliationpanel.h"
#include "widgets/datatableview.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace ll::ui {

namespace {
const QString kTagName = QStringLiteral("tag");
}

CostExplorerPage::CostExplorerPage(ViewContext context, QWidget *parent)
    : Page(std::move(context), tr("Cost Explorer"), parent)
    , m_tagKey(new QLineEdit(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_asOfEnabled(new QCheckBox(tr("As of"), this))
    , m_asOf(new QDateTimeEdit(this))
    , m_filter(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_model(new CostTableModel(this))
    , m_view(new DataTableView(this))
    , m_reconciliation(new ReconciliationPanel(this->context().storePath, this))
{
    setNote(tr("Group cost by any combination of dimensions. Dates are UTC usage days, both ends included. "
               "Double-click a row to see the billing records behind it."));
    addLoader(m_reconciliation->loader());

    // Row 1: dimensions kept in the daily metrics (fast); row 2: read from the line items.
    auto *fastRow = new QHBoxLayout;
    auto *lineRow = new QHBoxLayout;
    fastRow->addWidget(new QLabel(tr("Group by:"), this));
    lineRow->addWidget(new QLabel(tr("From line items:"), this));
    QStringList tagKeys;
    for (const QString &name : reports::allDimensionNames()) {
        const bool isTag = name.startsWith(QLatin1String("tag:"));
        const auto parsed = reports::parseDimensions(isTag ? QStringLiteral("tag:x") : name, &tagKeys);
        if (!parsed || parsed->isEmpty())
            continue;
        const reports::Dimension dimension = parsed->first();
        QCheckBox *box = addDimensionBox(isTag ? kTagName : name, CostTableModel::dimensionTitle(dimension));
        if (isTag) {
            m_tag = box;
            box->setText(tr("Tag:"));
            m_tagKey->setPlaceholderText(tr("tag key, e.g. cost_center"));
            m_tagKey->setMaximumWidth(180);
            connect(m_tagKey, &QLineEdit::editingFinished, this, [this] {
                if (m_tag->isChecked())
                    reloadIfIdle();
            });
            lineRow->addWidget(box);
            lineRow->addWidget(m_tagKey);
        } else {
            (reports::isMetricsDimension(dimension) ? fastRow : lineRow)->addWidget(box);
        }
    }
    fastRow->addStretch(1);
    lineRow->addStretch(1);

    const QDate today = this->context().today;
    for (QDateEdit *edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        connect(edit, &QDateEdit::dateChanged, this, &CostExplorerPage::reloadIfIdle);
    }
    m_asOf->setCalendarPopup(true);
    m_asOf->setTimeSpec(Qt::UTC);
    m_asOf->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    m_asOf->setEnabled(false);
    m_asOfEnabled->setToolTip(tr("Show the figures as the store held them at that moment: billing records and "
                                 "corrections that arrived later are left out"));
    auto *asOfLabel = new QLabel(tr("(figures as the store held them then)"), this);
    asOfLabel->setForegroundRole(QPalette::PlaceholderText);
    connect(m_asOfEnabled, &QCheckBox::toggled, m_asOf, &QWidget::setEnabled);
    connect(m_asOfEnabled, &QCheckBox::toggled, this, &CostExplorerPage::reloadIfIdle);
    connect(m_asOf, &QDateTimeEdit::editingFinished, this, [this] {
        if (m_asOfEnabled->isChecked())
            reloadIfIdle();
    });

    m_updating = true;
    m_from->setDate(QDate(today.year(), today.month(), 1).addMonths(-2));
    m_to->setDate(today);
    m_asOf->setDateTime(this->context().now.toUTC());
    setDimensions({QStringLiteral("month"), QStringLiteral("product")});
    m_updating = false;

    auto *copy = new QPushButton(tr("Copy"), this);
    copy->setToolTip(tr("Copy the selected cells as tab-separated text"));
    connect(copy, &QPushButton::clicked, m_view, &DataTableView::copySelection);
    auto *exportButton = new QPushButton(tr("Export CSV\u2026"), this);
    exportButton->setToolTip(tr("Save the rows shown, in this order, as a CSV file"));
    connect(exportButton, &QPushButton::clicked, m_view, &DataTableView::exportCsv);

    m_filter->setPlaceholderText(tr("Filter rows\u2026"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_view, &DataTableView::setFilterText);
    connect(m_filter, &QLineEdit::textChanged, this, &CostExplorerPage::updateSummary);

    auto *range = new QHBoxLayout;
    range->addWidget(new QLabel(tr("From:"), this));
    range->addWidget(m_from);
    range->addWidget(new QLabel(tr("To:"), this));
    range->addWidget(m_to);
    range->addSpacing(16);
    range->addWidget(m_asOfEnabled);
    range->addWidget(m_asOf);
    range->addWidget(asOfLabel);
    range->addStretch(1);

    auto *tableControls = new QHBoxLayout;
    tableControls->addWidget(m_filter, 1);
    tableControls->addWidget(copy);
    tableControls->addWidget(exportButton);

    m_view->setSourceModel(m_model);
    m_view->setExportName(QStringLiteral("cost-explorer"));
    connect(m_view, &DataTableView::rowActivated, this, &CostExplorerPage::openLineItems);

    auto *breakdown = new QWidget(this);
    auto *breakdownLayout = new QVBoxLayout(breakdown);
    breakdownLayout->setContentsMargins(0, 6, 0, 0);
    breakdownLayout->addLayout(fastRow);
    breakdownLayout->addLayout(lineRow);
    breakdownLayout->addLayout(tableControls);
    breakdownLayout->addWidget(m_view, 1);
    breakdownLayout->addWidget(m_summary);

    m_tabs->addTab(breakdown, tr("Breakdown"));
    m_tabs->addTab(m_reconciliation, tr("Reconciliation"));

    body()->addLayout(range);
    body()->addWidget(m_tabs, 1);
}

QCheckBox *CostExplorerPage::addDimensionBox(const QString &name, const QString &title)
{
    auto *box = new QCheckBox(title, this);
    box->setObjectName(name);
    connect(box, &QCheckBox::toggled, this, &CostExplorerPage::reloadIfIdle);
    m_dimensions << box;
    return box;
}

void CostExplorerPage::reloadIfIdle()
{
    if (!m_updating)
        reload();
}

bool CostExplorerPage::showTab(const QString &name)
{
    if (name == QLatin1String("breakdown"))
        m_tabs->setCurrentIndex(0);
    else if (name == QLatin1String("reconciliation"))
        m_tabs->setCurrentIndex(1);
    else
        return false;
    return true;
}

Result<reports::CostQuery> CostExplorerPage::query() const
{
    QStringList chosen;
    for (const QCheckBox *box : m_dimensions) {
        if (!box->isChecked())
            continue;
        if (box == m_tag) {
            const QString key = m_tagKey->text().trimmed();
            if (key.isEmpty())
                return makeError(ErrorCode::InvalidArgument, tr("Enter the tag key to group by (e.g. cost_center)."));
            if (key.contains(QLatin1Char(',')))
                return makeError(ErrorCode::InvalidArgument, tr("A tag key cannot contain a comma."));
            chosen << QStringLiteral("tag:") + key;
        } else {
            chosen << box->objectName();
        }
    }
    reports::CostQuery q;
    if (!chosen.isEmpty()) {
        auto parsed = reports::parseDimensions(chosen.join(QLatin1Char(',')), &q.tagKeys);
        if (!parsed)
            return parsed.error();
        q.by = std::move(parsed).value();
    }
    q.from = m_from->date();
    q.to = m_to->date();
    if (m_asOfEnabled->isChecked())
        q.asOf = m_asOf->dateTime().toUTC();
    return q;
}

void CostExplorerPage::setDimensions(const QStringList &names)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    for (QCheckBox *box : std::as_const(m_dimensions)) {
        if (box == m_tag) {
            const auto tag = std::find_if(names.cbegin(), names.cend(), [](const QString &n) { return n.startsWith(QLatin1String("tag:")); });
            box->setChecked(tag != names.cend());
            if (tag != names.cend())
                m_tagKey->setText(tag->mid(4));
        } else {
            box->setChecked(names.contains(box->objectName()));
        }
    }
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

void CostExplorerPage::setAsOf(const QDateTime &asOf)
{
    const bool wasUpdating = m_updating;
    m_updating = true;
    m_asOfEnabled->setChecked(asOf.isValid());
    if (asOf.isValid())
        m_asOf->setDateTime(asOf.toUTC());
    m_updating = wasUpdating;
    if (!m_updating)
        reload();
}

void CostExplorerPage::reload()
{
    const Result<reports::CostQuery> built = query();
    const auto fail = [this](const QString &message) {
        loader()->cancel();
        m_model->setTable({});
        m_summary->clear();
        m_reconciliation->clear(message);
        showMessage(message, MessageKind::Error);
    };
    if (!built) {
        fail(built.error().message);
        return;
    }
    const reports::CostQuery q = built.value();
    if (q.from.isValid() && q.to.isValid() && q.from > q.to) {
        fail(tr("The start date is after the end date."));
        return;
    }
    m_reconciliation->load(q.from, q.to, q.asOf);
    loader()->load<reports::CostTable>(
        [q](store::Database &db) { return reports::queryCost(db, q); },
        [this, q](Result<reports::CostTable> result) {
            if (!result) {
                m_model->setTable({});
                m_summary->clear();
                showLoadError(result.error());
                return;
            }
            clearMessage();
            m_shownQuery = q;
            m_model->setTable(std::move(result).value(), q.tagKeys);
            updateSummary();
        });
}

void CostExplorerPage::openLineItems(int sourceRow)
{
    const reports::CostTable &table = m_model->table();
    if (sourceRow < 0 || sourceRow >= table.rows.size())
        return;
    DrillDown d = drillDownForCostRow(table.by, m_shownQuery.tagKeys, table.rows.at(sourceRow).keys, m_shownQuery.from,
                                      m_shownQuery.to);
    if (m_shownQuery.asOf.isValid())
        d.notNarrowed << tr("As of (records that arrived later are listed too)");
    LineItemsDialog::showFor(this, context().storePath, std::move(d));
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
    QString text = tr("Rows: %1 shown of %2 \u00b7 cost shown: %3 \u00b7 total: %4")
                       .arg(formatCount(visible), formatCount(table.rows.size()), formatMoney(visibleNanos, table.currency),
                            formatMoney(table.totalCostNanos(), table.currency));
    if (m_shownQuery.asOf.isValid())
        text += tr(" \u00b7 as the store held them at %1").arg(formatDateTime(m_shownQuery.asOf));
    m_summary->setText(text);
}

} // namespace ll::ui

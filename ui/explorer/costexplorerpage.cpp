#include "costexplorerpage.h"

#include "common/format.h"
#include "common/money.h"
#include "common/snapshotloader.h"
#include "drilldown/lineitemsdialog.h"
#include "explorer/costexplorerchart.h"
#include "explorer/costfilterbar.h"
#include "explorer/costfilterpanel.h"
#include "explorer/dimensionpicker.h"
#include "models/costsortproxy.h"
#include "models/costtablemodel.h"
#include "reconciliation/reconciliationpanel.h"
#include "widgets/datatableview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTimeZone>
#include <QToolButton>
#include <QVBoxLayout>

#include <utility>

namespace ll::ui {

namespace {
QString levelsText(const QList<reports::Dimension> &by, const QStringList &tagKeys)
{
    QStringList titles;
    int tag = 0;
    for (const reports::Dimension d : by)
        titles << CostTableModel::dimensionTitle(d, d == reports::Dimension::Tag ? tagKeys.value(tag++) : QString());
    return titles.join(QStringLiteral(" \u203a "));
}
} // namespace

CostExplorerPage::CostExplorerPage(ViewContext context, QWidget *parent)
    : Page(std::move(context), tr("Cost Explorer"), parent),
      m_from(new QDateEdit(this)),
      m_to(new QDateEdit(this)),
      m_asOfEnabled(new QCheckBox(tr("As of"), this)),
      m_asOf(new QDateTimeEdit(this)),
      m_filter(new QLineEdit(this)),
      m_summary(new QLabel(this)),
      m_tabs(new QTabWidget(this)),
      m_model(new CostTableModel(this)),
      m_view(new DataTableView(this, new CostSortProxy)),
      m_reconciliation(new ReconciliationPanel(this->context().storePath, this)),
      m_preset(new QComboBox(this)),
      m_levels(new QLabel(this)),
      m_subtotals(new QCheckBox(tr("Subtotals"), this)),
      m_showIds(new QCheckBox(tr("Show ids"), this)),
      m_filterPanel(new CostFilterPanel(this->context().storePath, this)),
      m_filters(m_filterPanel->filterBar()),
      m_chart(new CostExplorerChart(this))
{
    setNote(tr("Group cost by a preset or by dimensions in the order you tick them; filter by lists of values. Dates are UTC "
               "usage days, both ends included. Double-click a row to see the billing records behind it."));
    addLoader(m_reconciliation->loader());
    addLoader(m_filterPanel->valuesLoader());

    m_preset->addItem(tr("Custom"), QString());
    for (const reports::CostPreset &p : reports::costPresets())
        m_preset->addItem(levelsText(p.by, {}), p.name);
    m_preset->setToolTip(tr("Dimension orders for common questions; ticking a dimension makes the order custom"));
    connect(m_preset, &QComboBox::activated, this, [this](int index) { setPreset(m_preset->itemData(index).toString()); });
    m_subtotals->setToolTip(tr("A bold subtotal row above each group of the leading dimensions; sorting keeps each "
                               "subtotal above its group, and copies and exports mark it in a \"Row\" column"));
    connect(m_subtotals, &QCheckBox::toggled, this, [this](bool on) {
        m_model->setSubtotals(on);
        updateSummary();
    });
    m_showIds->setToolTip(tr("Workspaces, jobs, clusters, warehouses, pipelines and work units show their names; tick to "
                             "show their ids in columns of their own (exports always carry both)"));
    connect(m_showIds, &QCheckBox::toggled, this, &CostExplorerPage::applyIdColumns);
    m_levels->setForegroundRole(QPalette::PlaceholderText);
    connect(m_filters, &CostFilterBar::filtersEdited, this, &CostExplorerPage::reloadIfIdle);
    connect(m_filters, &CostFilterBar::tagKeyEdited, this, &CostExplorerPage::reloadIfIdle);

    // Created here, after the controls above: the boxes keep their place in the focus chain.
    m_picker = new DimensionPicker(this);
    connect(m_picker, &DimensionPicker::dimensionsEdited, this, &CostExplorerPage::dimensionsEdited);
    connect(m_picker, &DimensionPicker::tagKeyEdited, this, &CostExplorerPage::reloadIfIdle);

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

    {
        const QScopedValueRollback updating(m_updating, true);
        m_from->setDate(QDate(today.year(), today.month(), 1).addMonths(-2));
        m_to->setDate(today);
        m_asOf->setDateTime(this->context().now.toUTC());
        setDimensions({QStringLiteral("month"), QStringLiteral("product")});
    }

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
    m_view->setExportHiddenColumns(true); // names and ids both, whether the id columns are shown
    // With subtotals, copies and exports say which rows are subtotals so a sum of the detail
    // rows does not count the cost twice. The values are fixed words, not translated.
    m_view->setRowLabel(tr("Row"), [this](int sourceRow) {
        if (!m_model->subtotals() || m_model->dimensionCount() < 2)
            return QString();
        return m_model->isSubtotal(sourceRow) ? QStringLiteral("subtotal") : QStringLiteral("detail");
    });
    connect(m_view, &DataTableView::rowActivated, this, &CostExplorerPage::openLineItems);

    auto *presetRow = new QHBoxLayout;
    presetRow->addWidget(new QLabel(tr("Preset:"), this));
    presetRow->addWidget(m_preset);
    presetRow->addSpacing(12);
    presetRow->addWidget(m_levels, 1);
    presetRow->addWidget(m_subtotals);
    presetRow->addWidget(m_showIds);

    presetRow->addWidget(m_filterPanel->toggleButton());

    auto *tablePart = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tablePart);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(tableControls);
    tableLayout->addWidget(m_view, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(tablePart);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 5);
    splitter->setSizes({270, 400}); // room for the top values' labels
    splitter->setChildrenCollapsible(false);

    auto *breakdown = new QWidget(this);
    auto *breakdownLayout = new QVBoxLayout(breakdown);
    breakdownLayout->setContentsMargins(0, 6, 0, 0);
    breakdownLayout->addLayout(presetRow);
    breakdownLayout->addWidget(m_picker);
    breakdownLayout->addWidget(m_filterPanel);
    breakdownLayout->addWidget(splitter, 1);
    breakdownLayout->addWidget(m_summary);

    m_tabs->addTab(breakdown, tr("Breakdown"));
    m_tabs->addTab(m_reconciliation, tr("Reconciliation"));

    body()->addLayout(range);
    body()->addWidget(m_tabs, 1);
}

CostExplorerPage::~CostExplorerPage()
{
    // Child widgets die after this destructor: a line edit losing focus then reports
    // editingFinished, which must not reach a half-destroyed page.
    for (QObject *child : findChildren<QObject *>())
        disconnect(child, nullptr, this, nullptr);
}

void CostExplorerPage::dimensionsEdited()
{
    if (m_updating)
        return;                   // the setter that ticked the boxes reloads itself
    m_preset->setCurrentIndex(0); // a ticked dimension makes the order custom
    updateLevels();
    reload();
}

void CostExplorerPage::updateLevels()
{
    const auto q = query();
    m_levels->setText(q && !q->by.isEmpty() ? tr("Levels: %1").arg(levelsText(q->by, q->tagKeys)) : tr("Levels: none (the total)"));
}

bool CostExplorerPage::setPreset(const QString &name)
{
    const int index = m_preset->findData(name);
    if (index < 0)
        return false;
    m_preset->setCurrentIndex(index);
    if (name.isEmpty())
        return true;
    const auto dims = reports::presetDimensions(name);
    if (!dims)
        return false;
    {
        const QScopedValueRollback updating(m_updating, true);
        m_picker->setDimensions(*dims);
        m_preset->setCurrentIndex(index);
        m_subtotals->setChecked(dims->size() > 1);
    }
    updateLevels();
    if (!m_updating)
        reload();
    return true;
}

QString CostExplorerPage::preset() const
{
    return m_preset->currentData().toString();
}

void CostExplorerPage::setFilters(const QList<reports::CostFilter> &filters)
{
    m_filters->setFilters(filters);
    reloadIfIdle();
}

void CostExplorerPage::setSubtotals(bool on)
{
    m_subtotals->setChecked(on);
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
    else if (!name.isEmpty() && m_preset->findData(name) >= 0 && setPreset(name)) // "cost-explorer/org"
        m_tabs->setCurrentIndex(0);
    else if (name.startsWith(QLatin1String("by:")) && reports::parseDimensions(name.mid(3))) { // "cost-explorer/by:job,workspace"
        setDimensions(name.mid(3).split(QLatin1Char(',')));
        m_tabs->setCurrentIndex(0);
    } else
        return false;
    return true;
}

Result<reports::CostQuery> CostExplorerPage::query() const
{
    reports::CostQuery q;
    for (const reports::Dimension d : m_picker->dimensions()) {
        if (d == reports::Dimension::Tag) {
            const QString key = m_picker->tagKey();
            if (key.isEmpty())
                return makeError(ErrorCode::InvalidArgument, tr("Enter the tag key to group by (e.g. cost_center)."));
            if (key.contains(QLatin1Char(',')))
                return makeError(ErrorCode::InvalidArgument, tr("A tag key cannot contain a comma."));
            q.tagKeys << key;
        }
        q.by << d;
    }
    auto filters = m_filters->filters();
    if (!filters)
        return filters.error();
    q.filters = std::move(filters).value();
    q.from = m_from->date();
    q.to = m_to->date();
    if (m_asOfEnabled->isChecked())
        q.asOf = m_asOf->dateTime().toUTC();
    return q;
}

void CostExplorerPage::setDimensions(const QStringList &names)
{
    // Names are this method's (and the command line's) spelling; the picker takes dimensions.
    QList<reports::Dimension> dimensions;
    QString tagKey;
    bool tagSeen = false;
    for (const QString &name : names) {
        if (name.startsWith(QLatin1String("tag:"))) {
            if (!std::exchange(tagSeen, true))
                tagKey = name.mid(4);
            dimensions << reports::Dimension::Tag;
            continue;
        }
        const auto parsed = reports::parseDimensions(name);
        if (parsed && parsed->size() == 1)
            dimensions << parsed->first(); // unknown names are left out
    }
    {
        const QScopedValueRollback updating(m_updating, true);
        m_picker->setDimensions(dimensions, tagKey);
        m_preset->setCurrentIndex(0);
    }
    updateLevels();
    if (!m_updating)
        reload();
}

void CostExplorerPage::setRange(const QDate &from, const QDate &to)
{
    {
        const QScopedValueRollback updating(m_updating, true);
        m_from->setDate(from);
        m_to->setDate(to);
    }
    if (!m_updating)
        reload();
}

void CostExplorerPage::setAsOf(const QDateTime &asOf)
{
    {
        const QScopedValueRollback updating(m_updating, true);
        m_asOfEnabled->setChecked(asOf.isValid());
        if (asOf.isValid())
            m_asOf->setDateTime(asOf.toUTC());
    }
    if (!m_updating)
        reload();
}

void CostExplorerPage::reload()
{
    const Result<reports::CostQuery> built = query();
    const int active = built ? static_cast<int>(built->filters.size()) : 0;
    m_filterPanel->showState(active, !built);
    updateLevels();
    const auto fail = [this](const QString &message) {
        loader()->cancel();
        m_model->setTable({});
        m_chart->setData({}, {});
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
    m_reconciliation->load(q);
    m_filterPanel->loadKnownValues(q.from, q.to);
    loader()->load<reports::CostTable>(
        [q](store::Database &db) { return reports::queryCost(db, q); },
        [this, q](Result<reports::CostTable> result) {
            if (!result) {
                m_model->setTable({});
                m_chart->setData({}, {});
                m_summary->clear();
                showLoadError(result.error());
                return;
            }
            showResult(q, std::move(result).value());
        });
}

void CostExplorerPage::showResult(const reports::CostQuery &q, reports::CostTable table)
{
    if (table.unmatchedFilterValues.isEmpty())
        clearMessage();
    else
        showMessage(tr("Nothing in this range matches %1. Check the spelling: a value is what the table shows (or a key), "
                       "and the list completes from the values present.").arg(table.unmatchedFilterValues.join(QStringLiteral(", "))),
                    MessageKind::Info);
    m_shownQuery = q;
    const qsizetype day = q.by.indexOf(reports::Dimension::Day);
    const qsizetype chartColumn = day >= 0 ? day : 0;
    int tagsBefore = 0;
    for (qsizetype i = 0; i < chartColumn && i < q.by.size(); ++i)
        tagsBefore += q.by.at(i) == reports::Dimension::Tag ? 1 : 0;
    const QString title = q.by.isEmpty() ? QString()
                                         : CostTableModel::dimensionTitle(q.by.at(chartColumn), q.tagKeys.value(tagsBefore));
    m_chart->setData(explorerChartData(table, title), table.currency);
    m_model->setTable(std::move(table), q.tagKeys);
    applyIdColumns();
    updateSummary();
}

void CostExplorerPage::applyIdColumns()
{
    const QList<int> ids = m_model->idColumns();
    for (int column = 0; column < m_model->columnCount(); ++column)
        m_view->setColumnHidden(column, ids.contains(column) && !m_showIds->isChecked());
}

void CostExplorerPage::openLineItems(int sourceRow)
{
    const reports::CostTable &table = m_model->table();
    if (sourceRow < 0 || sourceRow >= m_model->rowCount())
        return;
    // A subtotal row drills into its group: the leading dimensions only.
    const reports::CostTreeRow &row = m_model->rowAt(sourceRow);
    const QList<reports::Dimension> by = table.by.mid(0, row.level);
    const QStringList tagKeys = m_shownQuery.tagKeys.mid(0, by.count(reports::Dimension::Tag));
    DrillDown d = drillDownForCostRow(by, tagKeys, row.row.keys.mid(0, row.level), m_shownQuery.from, m_shownQuery.to, m_shownQuery.filters,
        row.row.labels.mid(0, row.level));
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
    int visibleRows = 0;
    for (int row = 0; row < visible; ++row) {
        const QModelIndex source = m_view->proxy()->mapToSource(m_view->proxy()->index(row, 0));
        if (m_model->isSubtotal(source.row()))
            continue; // subtotals would count their rows twice
        visibleNanos += m_model->rowAt(source.row()).row.costNanos;
        ++visibleRows;
    }
    QString text = tr("Rows: %1 shown of %2 \u00b7 cost shown: %3 \u00b7 total: %4")
                       .arg(formatCount(visibleRows), formatCount(table.rows.size()), formatMoney(visibleNanos, table.currency),
                            formatMoney(table.totalCostNanos(), table.currency));
    std::int64_t unpricedNanos = 0;
    for (const reports::CostRow &r : table.rows)
        unpricedNanos += r.unpricedQuantityNanos;
    if (unpricedNanos > 0)
        text += tr(" \u00b7 plus %1 DBU unpriced (no list price: in no cost)").arg(formatQuantity(unpricedNanos));
    if (m_shownQuery.asOf.isValid())
        text += tr(" \u00b7 as the store held them at %1").arg(formatDateTime(m_shownQuery.asOf));
    if (!m_shownQuery.filters.isEmpty())
        text += tr(" \u00b7 %n filter(s) applied", nullptr, static_cast<int>(m_shownQuery.filters.size()));
    m_summary->setText(text);
}

} // namespace ll::ui

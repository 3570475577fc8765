#include "datatableview.h"

#include "common/asyncdialogs.h"
#include "common/outputfile.h"
#include "common/page.h"
#include "common/tablecsv.h"
#include "models/modelroles.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QMap>
#include <QPainter>
#include <QSet>
#include <QSortFilterProxyModel>

#include <algorithm>

namespace ll::ui {

namespace {
QString tsvField(QString text)
{
    // Tabs and line breaks would break the grid: flatten them.
    text.replace(QLatin1Char('\t'), QLatin1Char(' '));
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return text;
}
} // namespace

DataTableView::DataTableView(QWidget *parent, QSortFilterProxyModel *proxy)
    : QTableView(parent)
    , m_proxy(proxy ? proxy : new QSortFilterProxyModel(this))
    , m_exportAction(new QAction(tr("Export CSV\u2026"), this))
{
    m_proxy->setParent(this);
    m_proxy->setSortRole(SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    setModel(m_proxy);
    setSortingEnabled(true);
    sortByColumn(-1, Qt::AscendingOrder); // keep the model's order until the user sorts
    setAlternatingRowColors(true);
    setSelectionBehavior(QAbstractItemView::SelectItems);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setStretchLastSection(false);
    horizontalHeader()->setMinimumSectionSize(64);
    horizontalHeader()->setHighlightSections(false);

    auto *copy = new QAction(tr("Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &DataTableView::copySelection);
    addAction(copy);
    m_exportAction->setToolTip(tr("Save the rows shown, in this order, as a CSV file"));
    connect(m_exportAction, &QAction::triggered, this, &DataTableView::exportCsv);
    addAction(m_exportAction);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(this, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex &index) {
        const QModelIndex source = m_proxy->mapToSource(index);
        if (source.isValid())
            Q_EMIT rowActivated(source.row());
    });

    // Sections are recreated when a model resets (the cost table changes its columns): apply the
    // stretch column again whenever the section count changes, then fit the others to content.
    connect(horizontalHeader(), &QHeaderView::sectionCountChanged, this, [this] { applyStretchColumn(); });
    connect(m_proxy, &QAbstractItemModel::modelReset, this, [this] { fitColumns(); });
}

void DataTableView::setSourceModel(QAbstractItemModel *model)
{
    m_proxy->setSourceModel(model);
    fitColumns();
}

void DataTableView::setStretchColumn(int column)
{
    m_stretchColumn = column;
    applyStretchColumn();
    fitColumns();
}

void DataTableView::setPlaceholderText(const QString &text)
{
    m_placeholder = text;
    viewport()->update();
}

void DataTableView::paintEvent(QPaintEvent *event)
{
    QTableView::paintEvent(event);
    if (m_placeholder.isEmpty() || m_proxy->rowCount() > 0)
        return;
    QPainter painter(viewport());
    painter.setPen(palette().color(QPalette::PlaceholderText));
    painter.drawText(viewport()->rect().adjusted(8, 8, -8, -8), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
}

void DataTableView::fitColumns()
{
    // Sized one by one so the stretch column keeps its stretch (sizing it to its content would
    // pin it until the next resize event).
    for (int column = 0; column < horizontalHeader()->count(); ++column)
        if (column != m_stretchColumn)
            resizeColumnToContents(column);
}

void DataTableView::applyStretchColumn()
{
    QHeaderView *header = horizontalHeader();
    for (int i = 0; i < header->count(); ++i)
        header->setSectionResizeMode(i, i == m_stretchColumn ? QHeaderView::Stretch : QHeaderView::Interactive);
}

void DataTableView::setFilterText(const QString &text)
{
    m_proxy->setFilterFixedString(text);
}

QString DataTableView::selectionAsTsv() const
{
    const QModelIndexList selected = selectionModel() ? selectionModel()->selectedIndexes() : QModelIndexList{};
    if (selected.isEmpty())
        return {};
    QMap<int, QMap<int, QString>> grid; // row -> column -> text, in proxy (view) order
    QSet<int> columnSet;
    for (const QModelIndex &index : selected) {
        grid[index.row()][index.column()] = index.data(Qt::DisplayRole).toString();
        columnSet.insert(index.column());
    }
    QList<int> columns(columnSet.cbegin(), columnSet.cend());
    std::sort(columns.begin(), columns.end(), [this](int a, int b) {
        return horizontalHeader()->visualIndex(a) < horizontalHeader()->visualIndex(b);
    });

    const bool labelled = rowLabelShown();
    QStringList lines;
    QStringList header;
    if (labelled)
        header << tsvField(m_rowLabelHeader);
    for (int column : std::as_const(columns))
        header << tsvField(model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
    lines << header.join(QLatin1Char('\t'));
    for (auto row = grid.cbegin(); row != grid.cend(); ++row) {
        QStringList fields;
        if (labelled)
            fields << tsvField(rowLabel(row.key()));
        for (int column : std::as_const(columns))
            fields << tsvField(row.value().value(column));
        lines << fields.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

Status DataTableView::exportCsvTo(const QString &path) const
{
    QList<int> columns;
    for (int visual = 0; visual < horizontalHeader()->count(); ++visual) {
        const int logical = horizontalHeader()->logicalIndex(visual);
        if (m_exportHidden || !isColumnHidden(logical))
            columns << logical;
    }
    // OutputFile: never over a store or SQLite file, 0600, and a failed write leaves no file.
    OutputFile file;
    if (Status s = file.open(path); !s)
        return s;
    const Status written = rowLabelShown()
        ? writeModelCsv(*m_proxy, file.device(), columns, m_rowLabelHeader, [this](int row) { return rowLabel(row); })
        : writeModelCsv(*m_proxy, file.device(), columns);
    if (!written)
        return written; // the unfinished temporary is discarded with `file`
    return file.commit();
}

void DataTableView::setRowLabel(const QString &header, std::function<QString(int sourceRow)> label)
{
    m_rowLabelHeader = header;
    m_rowLabel = std::move(label);
}

bool DataTableView::rowLabelShown() const
{
    if (!m_rowLabel)
        return false;
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        if (!rowLabel(row).isEmpty())
            return true;
    return false;
}

QString DataTableView::rowLabel(int proxyRow) const
{
    const QModelIndex source = m_proxy->mapToSource(m_proxy->index(proxyRow, 0));
    return m_rowLabel && source.isValid() ? m_rowLabel(source.row()) : QString();
}

void DataTableView::exportCsv()
{
    askSaveFileName(this, tr("Export CSV"), m_exportName + QStringLiteral(".csv"), tr("CSV files (*.csv)"), QStringLiteral("csv"),
        [this](const QString &path) {
            const Status s = exportCsvTo(path);
            if (!s)
                showNotice(this, tr("Export CSV"), tr("The CSV file was not written: %1").arg(s.error().toString()), true);
            recordExport(path, s ? QString() : s.error().toString());
        });
}

void DataTableView::recordExport(const QString &path, const QString &error)
{
    // Exports are audited by the page this table is on (its dialogs included): the page knows the store.
    for (QObject *o = parent(); o; o = o->parent()) {
        if (auto *page = qobject_cast<Page *>(o)) {
            page->recordExport(QStringLiteral("%1 table %2").arg(page->title(), m_exportName), path, error);
            return;
        }
    }
}

void DataTableView::copySelection()
{
    const QString text = selectionAsTsv();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

} // namespace ll::ui

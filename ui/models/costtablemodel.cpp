#include "costtablemodel.h"

#include "common/format.h"
#include "common/money.h"
#include "common/unpriced.h"
#include "models/modelroles.h"

#include <QBrush>
#include <QColor>
#include <QFont>

namespace ll::ui {

CostTableModel::CostTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CostTableModel::setTable(reports::CostTable table, QStringList tagKeys)
{
    beginResetModel();
    m_table = std::move(table);
    m_tagKeys = std::move(tagKeys);
    m_idDimensions.clear();
    for (int i = 0; i < dimensionCount(); ++i)
        if (!reports::entityTypeOf(m_table.by.at(i)).isEmpty())
            m_idDimensions << i;
    buildRows();
    endResetModel();
}

void CostTableModel::setSubtotals(bool on)
{
    if (on == m_subtotals)
        return;
    beginResetModel();
    m_subtotals = on;
    buildRows();
    endResetModel();
}

void CostTableModel::buildRows()
{
    if (m_subtotals && m_table.by.size() > 1) {
        m_rows = reports::withSubtotals(m_table);
        return;
    }
    m_rows.clear();
    m_rows.reserve(m_table.rows.size());
    for (const reports::CostRow &row : std::as_const(m_table.rows))
        m_rows.append(reports::CostTreeRow{dimensionCount(), row});
}

int CostTableModel::valueColumn(Column column) const
{
    if (column == ContractCost && !m_table.hasContracts)
        return -1;
    const int offset = !m_table.hasContracts && column > ContractCost ? column - 1 : column;
    return dimensionCount() + offset;
}

CostTableModel::Column CostTableModel::columnAt(int modelColumn) const
{
    const int offset = modelColumn - dimensionCount();
    if (!m_table.hasContracts && offset >= ContractCost)
        return static_cast<Column>(offset + 1);
    return static_cast<Column>(offset);
}

int CostTableModel::idColumn(int dimension) const
{
    const qsizetype at = m_idDimensions.indexOf(dimension);
    return at < 0 ? -1 : dimensionCount() + valueColumnCount() + static_cast<int>(at);
}

QList<int> CostTableModel::idColumns() const
{
    QList<int> columns;
    for (int d : m_idDimensions)
        columns << idColumn(d);
    return columns;
}

int CostTableModel::idDimensionAt(int modelColumn) const
{
    const int at = modelColumn - dimensionCount() - valueColumnCount();
    return at >= 0 && at < m_idDimensions.size() ? m_idDimensions.at(at) : -1;
}

bool CostTableModel::isNonTeamOwner(const QString &label)
{
    return label == QLatin1String("unattributed") || label == QLatin1String("idle") || label.startsWith(QLatin1String("shared:"));
}

QString CostTableModel::dimensionTitle(reports::Dimension dimension, const QString &tagKey)
{
    using reports::Dimension;
    switch (dimension) {
    case Dimension::Day: return tr("Day");
    case Dimension::Month: return tr("Month");
    case Dimension::Workspace: return tr("Workspace");
    case Dimension::Sku: return tr("SKU");
    case Dimension::Product: return tr("Product");
    case Dimension::Team: return tr("Team");
    case Dimension::Project: return tr("Project");
    case Dimension::Job: return tr("Job");
    case Dimension::Warehouse: return tr("Warehouse");
    case Dimension::Cluster: return tr("Cluster");
    case Dimension::Pipeline: return tr("Pipeline");
    case Dimension::Principal: return tr("Principal");
    case Dimension::WorkUnit: return tr("Work unit");
    case Dimension::Tag: return tagKey.isEmpty() ? tr("Tag") : tr("Tag: %1").arg(tagKey);
    case Dimension::OrgUnit: return tr("Org unit");
    case Dimension::Department: return tr("Department");
    }
    return {};
}

QString CostTableModel::tagKeyAt(int dimensionColumn) const
{
    int tagIndex = 0;
    for (int i = 0; i < dimensionColumn; ++i)
        if (m_table.by.at(i) == reports::Dimension::Tag)
            ++tagIndex;
    return m_tagKeys.value(tagIndex);
}

int CostTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CostTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : dimensionCount() + valueColumnCount() + static_cast<int>(m_idDimensions.size());
}

QVariant CostTableModel::dimensionData(const reports::CostTreeRow &treeRow, int column, int role) const
{
    const reports::CostRow &row = treeRow.row;
    if (treeRow.level < dimensionCount() && column >= treeRow.level) {
        if (role == Qt::DisplayRole || role == SortRole)
            return tr("(all)");
        if (role == Qt::ToolTipRole)
            return tr("Subtotal of the rows below");
        return {};
    }
    const QString key = row.keys.value(column);
    const QString label = row.labels.value(column, key);
    const reports::Dimension dimension = m_table.by.at(column);
    const bool ownerColumn =
        dimension == reports::Dimension::Team || dimension == reports::Dimension::Department || dimension == reports::Dimension::OrgUnit;
    const bool nonTeam = ownerColumn && isNonTeamOwner(key);
    switch (role) {
    case Qt::DisplayRole:
    case SortRole: return label;
    case Qt::ToolTipRole:
        if (nonTeam)
            return key == QLatin1String("idle")        ? tr("Not a team: idle time of shared compute (no query or run)")
                : key == QLatin1String("unattributed") ? tr("Not a team: cost no rule, tag, identity or owner could place")
                                                       : tr("Not a team: a shared bucket before it is redistributed to teams");
        if (label != key)
            return key.isEmpty() ? label : tr("%1\nId: %2").arg(label, key);
        return key;
    case Qt::FontRole:
        if (nonTeam) {
            QFont italic;
            italic.setItalic(true);
            italic.setBold(treeRow.level < dimensionCount());
            return italic;
        }
        break;
    case Qt::BackgroundRole:
        if (nonTeam)
            return QBrush(QColor(236, 236, 242));
        break;
    case Qt::ForegroundRole:
        if (nonTeam || (key.isEmpty() && !reports::entityTypeOf(dimension).isEmpty()))
            return QBrush(QColor(90, 90, 110));
        break;
    }
    return {};
}

QVariant CostTableModel::idData(const reports::CostRow &row, int dimension, int role) const
{
    if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
        return row.keys.value(dimension);
    return {};
}

QVariant CostTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::CostTreeRow &treeRow = m_rows.at(index.row());
    const reports::CostRow &row = treeRow.row;
    const int column = index.column();
    const bool subtotal = treeRow.level < dimensionCount();
    if (column < dimensionCount()) {
        const QVariant styled = dimensionData(treeRow, column, role);
        if (styled.isValid() || role != Qt::FontRole || !subtotal)
            return styled;
    }
    if (role == Qt::FontRole && subtotal) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (column < dimensionCount())
        return {};
    if (const int idDimension = idDimensionAt(column); idDimension >= 0)
        return subtotal && idDimension >= treeRow.level ? QVariant() : idData(row, idDimension, role);
    const Column value = columnAt(column);
    const auto nanos = [&row](Column c) -> std::int64_t {
        switch (c) {
        case Cost: return row.costNanos;
        case ListCost: return row.listCostNanos;
        case ContractCost: return row.contractCostNanos;
        case Quantity: return row.quantityNanos;
        case UnpricedQuantity: return row.unpricedQuantityNanos;
        case ColumnCount: break;
        }
        return 0;
    };
    const bool isMoney = value == Cost || value == ListCost || value == ContractCost;
    const bool unpriced = isMoney && row.unpricedQuantityNanos > 0;
    switch (role) {
    case Qt::DisplayRole:
        if (!isMoney)
            return formatQuantity(nanos(value));
        // Unpriced usage is in no cost: a bare figure would read as if it cost nothing.
        return formatCostWithUnpriced(nanos(value), row.unpricedQuantityNanos, m_table.currency);
    case SortRole:
        return QVariant::fromValue<qint64>(nanos(value));
    case Qt::ToolTipRole:
        if (unpriced)
            return unpricedToolTip(row.unpricedQuantityNanos);
        if (value == ContractCost)
            return tr("Contract prices where entered, otherwise the effective list price");
        if (value == UnpricedQuantity)
            return tr("Usage without a list price: not in any cost column");
        break;
    case Qt::ForegroundRole:
        if (unpriced || (value == UnpricedQuantity && row.unpricedQuantityNanos > 0))
            return QBrush(unpricedColor());
        break;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant CostTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const int idDimension = idDimensionAt(section);
    if (role == ColumnKindRole) {
        if (section < dimensionCount() || idDimension >= 0)
            return static_cast<int>(ColumnKind::Text);
        const Column c = columnAt(section);
        return static_cast<int>(c == Quantity || c == UnpricedQuantity ? ColumnKind::Quantity : ColumnKind::Money);
    }
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < dimensionCount())
        return dimensionTitle(m_table.by.at(section), m_table.by.at(section) == reports::Dimension::Tag ? tagKeyAt(section) : QString());
    if (idDimension >= 0)
        return tr("%1 id").arg(dimensionTitle(m_table.by.at(idDimension)));
    switch (columnAt(section)) {
    case Cost: return tr("Cost");
    case ListCost: return tr("List cost");
    case ContractCost: return tr("Contract cost");
    case Quantity: return tr("Quantity (DBU)");
    case UnpricedQuantity: return tr("Unpriced (DBU)");
    case ColumnCount: break;
    }
    return {};
}

} // namespace ll::ui

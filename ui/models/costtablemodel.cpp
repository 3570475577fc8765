#include "costtablemodel.h"

#include "common/format.h"
#include "common/money.h"
#include "models/modelroles.h"

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
    return parent.isValid() ? 0 : dimensionCount() + valueColumnCount();
}

QVariant CostTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::CostTreeRow &treeRow = m_rows.at(index.row());
    const reports::CostRow &row = treeRow.row;
    const int column = index.column();
    const bool subtotal = treeRow.level < dimensionCount();
    if (role == Qt::FontRole && subtotal) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (column < dimensionCount()) {
        if (subtotal && column >= treeRow.level) {
            if (role == Qt::DisplayRole || role == SortRole)
                return tr("(all)");
            if (role == Qt::ToolTipRole)
                return tr("Subtotal of the rows below");
            return {};
        }
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
            return column < row.keys.size() ? row.keys.at(column) : QString();
        return {};
    }
    const Column value = columnAt(column);
    const auto nanos = [&row](Column c) -> std::int64_t {
        switch (c) {
        case Cost: return row.costNanos;
        case ListCost: return row.listCostNanos;
        case ContractCost: return row.contractCostNanos;
        case Quantity: return row.quantityNanos;
        case ColumnCount: break;
        }
        return 0;
    };
    switch (role) {
    case Qt::DisplayRole:
        return value == Quantity ? formatQuantity(nanos(value)) : formatMoney(nanos(value), m_table.currency);
    case SortRole:
        return QVariant::fromValue<qint64>(nanos(value));
    case Qt::ToolTipRole:
        if (value == Cost && row.unpricedQuantityNanos > 0)
            return tr("Includes %1 DBU without a price").arg(formatQuantity(row.unpricedQuantityNanos));
        if (value == ContractCost)
            return tr("Contract prices where entered, otherwise the effective list price");
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
    if (role == ColumnKindRole) {
        if (section < dimensionCount())
            return static_cast<int>(ColumnKind::Text);
        return static_cast<int>(columnAt(section) == Quantity ? ColumnKind::Quantity : ColumnKind::Money);
    }
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < dimensionCount())
        return dimensionTitle(m_table.by.at(section), m_table.by.at(section) == reports::Dimension::Tag ? tagKeyAt(section) : QString());
    switch (columnAt(section)) {
    case Cost: return tr("Cost");
    case ListCost: return tr("List cost");
    case ContractCost: return tr("Contract cost");
    case Quantity: return tr("Quantity (DBU)");
    case ColumnCount: break;
    }
    return {};
}

} // namespace ll::ui

#include "costtablemodel.h"

#include "common/format.h"
#include "common/money.h"
#include "models/modelroles.h"

namespace ll::ui {

CostTableModel::CostTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CostTableModel::setTable(reports::CostTable table)
{
    beginResetModel();
    m_table = std::move(table);
    endResetModel();
}

QString CostTableModel::dimensionTitle(reports::Dimension dimension)
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
    }
    return {};
}

int CostTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.rows.size());
}

int CostTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : dimensionCount() + ColumnCount;
}

QVariant CostTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::CostRow &row = m_table.rows.at(index.row());
    const int column = index.column();
    if (column < dimensionCount()) {
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
            return column < row.keys.size() ? row.keys.at(column) : QString();
        return {};
    }
    const int value = column - dimensionCount();
    switch (role) {
    case Qt::DisplayRole:
        switch (value) {
        case Cost: return formatMoney(row.costNanos, m_table.currency);
        case ListCost: return formatMoney(row.listCostNanos, m_table.currency);
        case Quantity: return formatQuantity(row.quantityNanos);
        }
        break;
    case SortRole:
        switch (value) {
        case Cost: return QVariant::fromValue<qint64>(row.costNanos);
        case ListCost: return QVariant::fromValue<qint64>(row.listCostNanos);
        case Quantity: return QVariant::fromValue<qint64>(row.quantityNanos);
        }
        break;
    case Qt::ToolTipRole:
        if (value == Cost && row.unpricedQuantityNanos > 0)
            return tr("Includes %1 DBU without a price").arg(formatQuantity(row.unpricedQuantityNanos));
        break;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant CostTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < dimensionCount())
        return dimensionTitle(m_table.by.at(section));
    switch (section - dimensionCount()) {
    case Cost: return tr("Cost");
    case ListCost: return tr("List cost");
    case Quantity: return tr("Quantity (DBU)");
    }
    return {};
}

} // namespace ll::ui

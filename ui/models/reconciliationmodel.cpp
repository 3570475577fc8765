#include "reconciliationmodel.h"

#include "common/money.h"
#include "models/modelroles.h"

#include <QBrush>
#include <QColor>

namespace ll::ui {

ReconciliationModel::ReconciliationModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ReconciliationModel::setTable(reports::CostTable table)
{
    using reports::Dimension;
    beginResetModel();
    const bool shaped = table.by == QList<Dimension>{Dimension::Month, Dimension::Sku, Dimension::Workspace};
    m_table = shaped ? std::move(table) : reports::CostTable{};
    endResetModel();
}

int ReconciliationModel::modelColumn(Column column) const
{
    if (!m_table.hasContracts && (column == ContractCost || column == ContractGap))
        return -1;
    return column;
}

ReconciliationModel::Column ReconciliationModel::columnAt(int modelColumn) const
{
    return static_cast<Column>(modelColumn);
}

std::int64_t ReconciliationModel::valueNanos(int row, Column column) const
{
    const reports::CostRow &r = m_table.rows.at(row);
    switch (column) {
    case ListCost: return r.listCostNanos;
    case EffectiveCost: return r.costNanos;
    case ListGap: return r.listCostNanos - r.costNanos;
    case ContractCost: return r.contractCostNanos;
    case ContractGap: return r.costNanos - r.contractCostNanos;
    case Month: case Sku: case Workspace: case ColumnCount: break;
    }
    return 0;
}

int ReconciliationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_table.rows.size());
}

int ReconciliationModel::columnCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_table.hasContracts ? ColumnCount : ContractCost;
}

QVariant ReconciliationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::CostRow &row = m_table.rows.at(index.row());
    const Column column = columnAt(index.column());
    if (column <= Workspace) {
        if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole)
            return row.keys.value(column);
        return {};
    }
    const std::int64_t nanos = valueNanos(index.row(), column);
    switch (role) {
    case Qt::DisplayRole:
        return formatMoney(nanos, m_table.currency);
    case SortRole:
        return QVariant::fromValue<qint64>(nanos);
    case Qt::ForegroundRole:
        if ((column == ListGap || column == ContractGap) && nanos < 0)
            return QBrush(QColor(179, 38, 30)); // a negative gap: paid more than the reference
        break;
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    return {};
}

QVariant ReconciliationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const Column column = columnAt(section);
    if (role == ColumnKindRole)
        return static_cast<int>(column <= Workspace ? ColumnKind::Text : ColumnKind::Money);
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case ListGap: return tr("List cost minus effective list cost: the discount already in the effective price");
        case ContractGap: return tr("Effective list cost minus contract cost: what the contract saves on top");
        default: break;
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (column) {
    case Month: return tr("Month");
    case Sku: return tr("SKU");
    case Workspace: return tr("Workspace");
    case ListCost: return tr("List cost");
    case EffectiveCost: return tr("Effective list cost");
    case ListGap: return tr("List \u2212 effective");
    case ContractCost: return tr("Contract cost");
    case ContractGap: return tr("Effective \u2212 contract");
    case ColumnCount: break;
    }
    return {};
}

} // namespace ll::ui

#include "tagcoveragemodel.h"

#include "common/format.h"
#include "common/money.h"
#include "models/modelroles.h"

namespace ll::ui {

TagCoverageModel::TagCoverageModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void TagCoverageModel::setRows(QList<reports::TagCoverage> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int TagCoverageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int TagCoverageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TagCoverageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::TagCoverage &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Key: return row.key;
        case CoveredCost: return formatMoney(row.coveredCostNanos);
        case Share: return formatPercent(static_cast<double>(row.basisPoints) / 100.0, 2);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Key: return row.key;
        case CoveredCost: return QVariant::fromValue<qint64>(row.coveredCostNanos);
        case Share: return static_cast<double>(row.basisPoints) / 100.0;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != Key)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant TagCoverageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == ColumnKindRole)
        return static_cast<int>(section == CoveredCost ? ColumnKind::Money : section == Share ? ColumnKind::Number : ColumnKind::Text);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Key: return tr("Tag key");
    case CoveredCost: return tr("Cost covered");
    case Share: return tr("Share of cost");
    }
    return {};
}

} // namespace ll::ui

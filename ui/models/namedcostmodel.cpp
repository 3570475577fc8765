#include "namedcostmodel.h"

#include "common/format.h"
#include "common/money.h"
#include "models/modelroles.h"

namespace ll::ui {

NamedCostModel::NamedCostModel(QString nameHeader, QObject *parent)
    : QAbstractTableModel(parent)
    , m_nameHeader(std::move(nameHeader))
{
}

void NamedCostModel::setRows(QList<reports::NamedCost> rows, std::int64_t totalNanos, QString currency)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_totalNanos = totalNanos;
    m_currency = std::move(currency);
    endResetModel();
}

int NamedCostModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int NamedCostModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NamedCostModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::NamedCost &row = m_rows.at(index.row());
    const std::optional<double> share = sharePercent(row.costNanos, m_totalNanos);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return row.label;
        case Cost: return formatMoney(row.costNanos, m_currency);
        case Share: return share ? formatPercent(*share) : QStringLiteral("\u2014");
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Name: return row.label;
        case Cost: return QVariant::fromValue<qint64>(row.costNanos);
        case Share: return share ? *share : 0.0;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Name && row.key != row.label)
            return row.key;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() != Name)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant NamedCostModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == ColumnKindRole)
        return static_cast<int>(section == Cost ? ColumnKind::Money : section == Share ? ColumnKind::Number : ColumnKind::Text);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return m_nameHeader;
    case Cost: return tr("Cost");
    case Share: return tr("Share");
    }
    return {};
}

} // namespace ll::ui

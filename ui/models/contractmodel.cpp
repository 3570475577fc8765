#include "contractmodel.h"

#include "common/format.h"
#include "common/money.h"
#include "models/modelroles.h"

namespace ll::ui {

ContractModel::ContractModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ContractModel::setContracts(QList<contracts::ContractPrice> contracts)
{
    beginResetModel();
    m_rows = std::move(contracts);
    endResetModel();
}

int ContractModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ContractModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContractModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const contracts::ContractPrice &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Scope: return row.scope;
        case ScopeKey: return row.scopeKey;
        case Kind: return row.kind;
        case Value: return row.value;
        case ValidFrom: return formatDate(row.validFrom);
        case ValidTo: return row.validTo.isValid() ? formatDate(row.validTo) : tr("open-ended");
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Scope: return row.scope;
        case ScopeKey: return row.scopeKey;
        case Kind: return row.kind;
        case Value: {
            const std::optional<Decimal> d = parseDecimal(row.value);
            const std::optional<std::int64_t> nanos = d ? toNanos(*d) : std::nullopt;
            return nanos ? QVariant::fromValue<qint64>(*nanos) : QVariant();
        }
        case ValidFrom: return row.validFrom;
        case ValidTo: return row.validTo; // open-ended: invalid (an empty CSV cell)
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Value)
            return row.kind == QLatin1String("discount") ? tr("Percent off the list price") : tr("Unit price per usage unit");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Value)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant ContractModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == ColumnKindRole)
        return static_cast<int>(section == Value ? ColumnKind::Decimal : ColumnKind::Text);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Scope: return tr("Scope");
    case ScopeKey: return tr("Applies to");
    case Kind: return tr("Kind");
    case Value: return tr("Value");
    case ValidFrom: return tr("Valid from");
    case ValidTo: return tr("Valid to");
    }
    return {};
}

} // namespace ll::ui

#include "utilizationmodel.h"

#include "common/format.h"
#include "models/modelroles.h"

#include <QLocale>

namespace ll::ui {

namespace {

bool isCluster(const reports::UtilizationRow &row)
{
    return row.kind == QLatin1String("cluster");
}

std::optional<double> hours(const reports::UtilizationRow &row, std::int64_t seconds, bool forCluster)
{
    if (isCluster(row) != forCluster)
        return std::nullopt;
    return static_cast<double>(seconds) / 3600.0;
}

// Hundredths of a percent (or basis points) as a percentage.
std::optional<double> percent(const std::optional<std::int64_t> &hundredths)
{
    if (!hundredths)
        return std::nullopt;
    return static_cast<double>(*hundredths) / 100.0;
}

QString dash()
{
    return QStringLiteral("\u2014");
}

} // namespace

UtilizationModel::UtilizationModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void UtilizationModel::setRows(QList<reports::UtilizationRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

const reports::UtilizationRow *UtilizationModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int UtilizationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int UtilizationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UtilizationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::UtilizationRow &row = m_rows.at(index.row());
    const bool cluster = isCluster(row);
    std::optional<double> value;
    switch (index.column()) {
    case NodeHours: value = hours(row, row.nodeSeconds, true); break;
    case AvgCpu: value = cluster ? percent(row.avgCpuCentiPercent) : std::nullopt; break;
    case AvgMem: value = cluster ? percent(row.avgMemCentiPercent) : std::nullopt; break;
    case RunningHours: value = hours(row, row.runningSeconds, false); break;
    case BusyShare: value = cluster ? std::nullopt : percent(row.busyShareBasisPoints); break;
    case IdleHours: value = hours(row, row.idleRunningSeconds, false); break;
    default: break;
    }
    const bool isPercent = index.column() == AvgCpu || index.column() == AvgMem || index.column() == BusyShare;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return row.name.isEmpty() ? row.id : row.name;
        case Kind: return cluster ? tr("Cluster") : tr("Warehouse");
        case Workspace: return row.workspaceId;
        case Queries: return cluster ? dash() : formatCount(row.queries);
        default:
            if (!value)
                return dash();
            return isPercent ? formatPercent(*value) : QLocale().toString(*value, 'f', 1);
        }
    case SortRole:
        switch (index.column()) {
        case Name: return row.name.isEmpty() ? row.id : row.name;
        case Kind: return row.kind;
        case Workspace: return row.workspaceId;
        case Queries: return QVariant::fromValue<qint64>(cluster ? -1 : row.queries);
        default: return value.value_or(-1.0); // not applicable or unknown sorts lowest
        }
    case Qt::ToolTipRole:
        if (index.column() == Name)
            return row.id;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= NodeHours)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant UtilizationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    // Every figure applies to only one kind ("—" for the other), so CSV writes the display text.
    if (orientation == Qt::Horizontal && role == ColumnKindRole)
        return static_cast<int>(ColumnKind::Text);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Kind: return tr("Kind");
    case Workspace: return tr("Workspace");
    case NodeHours: return tr("Node hours");
    case AvgCpu: return tr("Avg CPU");
    case AvgMem: return tr("Avg memory");
    case RunningHours: return tr("Running hours");
    case BusyShare: return tr("Busy share");
    case IdleHours: return tr("Idle running hours");
    case Queries: return tr("Queries");
    }
    return {};
}

} // namespace ll::ui

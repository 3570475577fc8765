#include "workloadmodel.h"

#include "common/format.h"
#include "common/money.h"
#include "models/modelroles.h"

namespace ll::ui {

WorkloadModel::WorkloadModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void WorkloadModel::setRows(QList<reports::WorkloadRow> rows, QString currency)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_currency = std::move(currency);
    endResetModel();
}

const reports::WorkloadRow *WorkloadModel::workloadAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int WorkloadModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int WorkloadModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<std::int64_t> WorkloadModel::averageDurationSeconds(const reports::WorkloadRow &row)
{
    if (row.runs <= 0)
        return std::nullopt;
    return row.runDurationSeconds / row.runs;
}

QString WorkloadModel::formatDuration(const std::optional<std::int64_t> &seconds)
{
    if (!seconds)
        return QStringLiteral("\u2014");
    const std::int64_t s = *seconds;
    if (s >= 3600)
        return tr("%1h %2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    if (s >= 60)
        return tr("%1m %2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1s").arg(s);
}

QVariant WorkloadModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::WorkloadRow &row = m_rows.at(index.row());
    const std::optional<std::int64_t> avg = averageDurationSeconds(row);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name: return row.name.isEmpty() ? row.workUnitId : row.name;
        case Type: return row.workUnitType;
        case Workspace: return row.workspaceId;
        case Cost: return formatMoney(row.costNanos, m_currency);
        case Runs: return formatCount(row.runs);
        case Failed: return formatCount(row.failedRuns);
        case FailedCost: return formatMoney(row.failedRunCostNanos, m_currency);
        case AvgDuration: return formatDuration(avg);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Name: return row.name.isEmpty() ? row.workUnitId : row.name;
        case Type: return row.workUnitType;
        case Workspace: return row.workspaceId;
        case Cost: return QVariant::fromValue<qint64>(row.costNanos);
        case Runs: return QVariant::fromValue<qint64>(row.runs);
        case Failed: return QVariant::fromValue<qint64>(row.failedRuns);
        case FailedCost: return QVariant::fromValue<qint64>(row.failedRunCostNanos);
        case AvgDuration: return QVariant::fromValue<qint64>(avg.value_or(-1)); // unknown sorts lowest
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Name)
            return tr("%1 %2").arg(row.workUnitType, row.workUnitId);
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= Cost)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant WorkloadModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == ColumnKindRole) {
        switch (section) {
        case Cost:
        case FailedCost: return static_cast<int>(ColumnKind::Money);
        case Runs:
        case Failed: return static_cast<int>(ColumnKind::Integer);
        default: return static_cast<int>(ColumnKind::Text); // AvgDuration: may be unknown ("—")
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name: return tr("Name");
    case Type: return tr("Type");
    case Workspace: return tr("Workspace");
    case Cost: return tr("Cost");
    case Runs: return tr("Runs");
    case Failed: return tr("Failed runs");
    case FailedCost: return tr("Failed-run cost");
    case AvgDuration: return tr("Avg duration");
    }
    return {};
}

} // namespace ll::ui

#include "runmodel.h"

#include "common/format.h"
#include "common/money.h"
#include "models/modelroles.h"
#include "models/workloadmodel.h"

#include <QBrush>
#include <QColor>

namespace ll::ui {

RunModel::RunModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void RunModel::setRows(QList<reports::RunRow> rows, QString currency)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_currency = std::move(currency);
    endResetModel();
}

const reports::RunRow *RunModel::runAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int RunModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RunModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RunModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::RunRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Run: return row.runId;
        case StartDay: return formatDate(row.startDay);
        case Result: return row.resultState.isEmpty() ? QStringLiteral("\u2014") : row.resultState;
        case Duration: return WorkloadModel::formatDuration(row.durationSeconds);
        case Cost: return formatMoney(row.costNanos, m_currency);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Run: return row.runId;
        case StartDay: return row.startDay;
        case Result: return row.resultState;
        case Duration: return QVariant::fromValue<qint64>(row.durationSeconds.value_or(-1)); // unknown sorts lowest
        case Cost: return QVariant::fromValue<qint64>(row.costNanos);
        }
        break;
    case Qt::BackgroundRole:
        if (row.failed)
            return QBrush(QColor(255, 225, 225));
        break;
    case Qt::ForegroundRole:
        if (row.failed)
            return QBrush(QColor(150, 0, 0));
        break;
    case Qt::ToolTipRole:
        if (row.failed)
            return tr("This run failed; its cost bought no result.");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Duration || index.column() == Cost)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant RunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == ColumnKindRole) {
        switch (section) {
        case Cost: return static_cast<int>(ColumnKind::Money);
        default: return static_cast<int>(ColumnKind::Text);
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Run: return tr("Run");
    case StartDay: return tr("Start day");
    case Result: return tr("Result");
    case Duration: return tr("Duration");
    case Cost: return tr("Cost");
    }
    return {};
}

} // namespace ll::ui

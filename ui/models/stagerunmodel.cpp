#include "stagerunmodel.h"

#include "common/format.h"
#include "models/modelroles.h"

namespace ll::ui {

namespace {
QVariant rightAligned() { return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter); }
QVariant raw(std::int64_t v) { return QVariant::fromValue<qint64>(v); }
} // namespace

StageRunModel::StageRunModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void StageRunModel::setRows(QList<reports::StageRunRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int StageRunModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int StageRunModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StageRunModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::StageRunRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Stage: return row.stage;
        case Status: return row.status;
        case Started: return formatDateTime(row.startedAt);
        case Finished: return formatDateTime(row.finishedAt);
        case RowsIn: return formatCount(row.rowsIn);
        case RowsOut: return formatCount(row.rowsOut);
        case Error: return row.error;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Stage: return row.stage;
        case Status: return row.status;
        case Started: return row.startedAt;
        case Finished: return row.finishedAt;
        case RowsIn: return raw(row.rowsIn);
        case RowsOut: return raw(row.rowsOut);
        case Error: return row.error;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Error && !row.error.isEmpty())
            return row.error;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == RowsIn || index.column() == RowsOut)
            return rightAligned();
        break;
    }
    return {};
}

QVariant StageRunModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == ColumnKindRole)
        return static_cast<int>(section == RowsIn || section == RowsOut ? ColumnKind::Integer : ColumnKind::Text);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Stage: return tr("Stage");
    case Status: return tr("Status");
    case Started: return tr("Started");
    case Finished: return tr("Finished");
    case RowsIn: return tr("Rows in");
    case RowsOut: return tr("Rows out");
    case Error: return tr("Error");
    }
    return {};
}

} // namespace ll::ui

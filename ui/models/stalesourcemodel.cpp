#include "stalesourcemodel.h"

#include "common/format.h"
#include "models/modelroles.h"

namespace ll::ui {

StaleSourceModel::StaleSourceModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void StaleSourceModel::setRows(QList<reports::StaleSource> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int StaleSourceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int StaleSourceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StaleSourceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::StaleSource &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Source: return row.source;
        case Status: return row.status;
        case NewestEvent: return formatDateTime(row.newestEventTime);
        case LagHours: return formatLagHours(row.lagSeconds);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Source: return row.source;
        case Status: return row.status;
        case NewestEvent: return row.newestEventTime;
        case LagHours: return QVariant::fromValue<qint64>(row.lagSeconds.value_or(-1));
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == LagHours)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant StaleSourceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Source: return tr("Stale source");
    case Status: return tr("Status");
    case NewestEvent: return tr("Newest event");
    case LagHours: return tr("Lag (h)");
    }
    return {};
}

} // namespace ll::ui

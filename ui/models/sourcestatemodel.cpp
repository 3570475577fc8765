#include "sourcestatemodel.h"

#include "common/format.h"
#include "models/modelroles.h"

#include <QBrush>
#include <QColor>

namespace ll::ui {

namespace {
QVariant rightAligned() { return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter); }
QVariant raw(std::int64_t v) { return QVariant::fromValue<qint64>(v); }
} // namespace

SourceStateModel::SourceStateModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SourceStateModel::setRows(QList<reports::SourceStateRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int SourceStateModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int SourceStateModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SourceStateModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::SourceStateRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Source: return row.source;
        case SystemTable: return row.systemTable;
        case Status: return row.status;
        case LastSuccess: return formatDateTime(row.lastSuccessAt);
        case NewestEvent: return formatDateTime(row.newestEventTime);
        case LagHours: return formatLagHours(row.lagSeconds);
        case RawRows: return formatCount(row.rawRows);
        case Message: return row.message;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Source: return row.source;
        case SystemTable: return row.systemTable;
        case Status: return row.status;
        case LastSuccess: return row.lastSuccessAt;
        case NewestEvent: return row.newestEventTime;
        case LagHours: return raw(row.lagSeconds.value_or(-1));
        case RawRows: return raw(row.rawRows);
        case Message: return row.message;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Message && !row.message.isEmpty())
            return row.message;
        if (index.column() == RawRows && row.source.startsWith(QLatin1String("rest_")))
            return tr("Objects in the newest successful listing (REST enrichment has no event time)");
        break;
    case Qt::BackgroundRole:
        // Not readable stands out: an analyst should not trust figures built on these.
        if (index.column() == Status && (row.status == QLatin1String("failed") || row.status == QLatin1String("unavailable")))
            return QBrush(QColor(0xfd, 0xdc, 0xd8));
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == LagHours || index.column() == RawRows)
            return rightAligned();
        break;
    }
    return {};
}

QVariant SourceStateModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == ColumnKindRole)
        return static_cast<int>(section == RawRows ? ColumnKind::Integer : ColumnKind::Text);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Source: return tr("Source");
    case SystemTable: return tr("System table");
    case Status: return tr("Status");
    case LastSuccess: return tr("Last success");
    case NewestEvent: return tr("Newest event");
    case LagHours: return tr("Lag (h)");
    case RawRows: return tr("Raw rows");
    case Message: return tr("Message");
    }
    return {};
}

} // namespace ll::ui

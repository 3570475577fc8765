#include "previewmodel.h"

#include "common/money.h"
#include "models/modelroles.h"

#include <QBrush>
#include <QColor>

#include <algorithm>
#include <cstdlib>

namespace ll::ui {

PreviewModel::PreviewModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void PreviewModel::setRows(QList<attribution::PreviewRow> rows)
{
    std::stable_sort(rows.begin(), rows.end(), [](const attribution::PreviewRow &a, const attribution::PreviewRow &b) {
        const std::int64_t da = std::llabs(a.deltaNanos());
        const std::int64_t db = std::llabs(b.deltaNanos());
        if (da != db)
            return da > db;
        if (a.axis != b.axis)
            return a.axis > b.axis; // team before project
        return a.owner < b.owner;
    });
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int PreviewModel::changedCount() const
{
    return static_cast<int>(std::count_if(m_rows.cbegin(), m_rows.cend(), [](const auto &r) { return r.deltaNanos() != 0; }));
}

int PreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int PreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PreviewModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const attribution::PreviewRow &row = m_rows.at(index.row());
    const auto money = [&]() -> std::int64_t {
        switch (index.column()) {
        case Before: return row.beforeNanos;
        case After: return row.afterNanos;
        case Change: return row.deltaNanos();
        }
        return 0;
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Axis: return row.axis == QLatin1String("team") ? tr("Team") : row.axis == QLatin1String("project") ? tr("Project") : row.axis;
        case Owner: return row.owner;
        case Change:
            return row.deltaNanos() > 0 ? QStringLiteral("+") + formatMoney(row.deltaNanos()) : formatMoney(row.deltaNanos());
        default: return formatMoney(money());
        }
    case SortRole:
        if (index.column() == Axis)
            return row.axis;
        if (index.column() == Owner)
            return row.owner;
        return QVariant::fromValue<qint64>(money());
    case Qt::TextAlignmentRole:
        if (index.column() >= Before)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        if (index.column() == Change && row.deltaNanos() > 0)
            return QBrush(QColor(176, 0, 32));
        if (index.column() == Change && row.deltaNanos() < 0)
            return QBrush(QColor(0, 122, 51));
        break;
    case Qt::ToolTipRole:
        if (index.column() == Change)
            return row.deltaNanos() > 0 ? tr("%1 would be charged more").arg(row.owner)
                 : row.deltaNanos() < 0 ? tr("%1 would be charged less").arg(row.owner)
                                        : tr("No change");
        break;
    }
    return {};
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == ColumnKindRole)
        return static_cast<int>(section >= Before ? ColumnKind::Money : ColumnKind::Text);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Axis: return tr("Axis");
    case Owner: return tr("Owner");
    case Before: return tr("Before");
    case After: return tr("After");
    case Change: return tr("Change");
    }
    return {};
}

} // namespace ll::ui

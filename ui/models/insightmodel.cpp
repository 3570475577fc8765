#include "insightmodel.h"

#include "common/format.h"
#include "common/money.h"
#include "models/modelroles.h"

namespace ll::ui {

InsightModel::InsightModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void InsightModel::setRows(QList<reports::InsightSummary> rows, QString currency)
{
    beginResetModel();
    m_rows = std::move(rows);
    m_currency = std::move(currency);
    endResetModel();
}

const reports::InsightSummary *InsightModel::insightAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int InsightModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int InsightModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant InsightModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::InsightSummary &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Title: return row.title;
        case Workspace: return row.workspaceId;
        case Impact: return formatMoney(row.impactNanos, m_currency);
        case Period: return formatPeriod(row.firstDay, row.lastDay);
        case Status: return row.status;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Title: return row.title;
        case Workspace: return row.workspaceId;
        case Impact: return QVariant::fromValue<qint64>(row.impactNanos);
        case Period: return row.firstDay;
        case Status: return row.status;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Title && !row.detail.isEmpty())
            return row.detail;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Impact)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant InsightModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == ColumnKindRole)
        return static_cast<int>(section == Impact ? ColumnKind::Money : ColumnKind::Text);
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Title: return tr("Insight");
    case Workspace: return tr("Workspace");
    case Impact: return tr("Impact");
    case Period: return tr("Period");
    case Status: return tr("Status");
    }
    return {};
}

} // namespace ll::ui

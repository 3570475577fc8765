#include "issuemodel.h"

#include "common/format.h"
#include "models/modelroles.h"

namespace ll::ui {

IssueModel::IssueModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void IssueModel::setRows(QList<reports::IssueRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int IssueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int IssueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IssueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::IssueRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case At: return formatDateTime(row.at);
        case Severity: return row.severity;
        case Source: return row.source;
        case Message: return row.message;
        case Context: return row.context;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case At: return row.at;
        case Severity: return row.severity;
        case Source: return row.source;
        case Message: return row.message;
        case Context: return row.context;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == Message || index.column() == Context)
            return index.column() == Message ? row.message : row.context;
        break;
    }
    return {};
}

QVariant IssueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case At: return tr("When");
    case Severity: return tr("Severity");
    case Source: return tr("Source");
    case Message: return tr("Message");
    case Context: return tr("Context");
    }
    return {};
}

} // namespace ll::ui

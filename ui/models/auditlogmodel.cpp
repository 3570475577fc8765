#include "auditlogmodel.h"

#include "common/format.h"
#include "models/modelroles.h"

namespace ll::ui {

namespace {
QVariant raw(std::int64_t v) { return QVariant::fromValue<qint64>(v); }
} // namespace

AuditLogModel::AuditLogModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void AuditLogModel::setRows(QList<reports::AuditRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int AuditLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int AuditLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::AuditRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case At: return formatDateTime(row.at);
        case Actor: return row.actor;
        case Action: return row.action;
        case Object: return row.object;
        case Before: return row.before;
        case After: return row.after;
        }
        break;
    case SortRole:
        switch (index.column()) {
        case At: return raw(row.entryId); // entries are ordered; ties in time keep their order
        case Actor: return row.actor;
        case Action: return row.action;
        case Object: return row.object;
        case Before: return row.before;
        case After: return row.after;
        }
        break;
    }
    return {};
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case At: return tr("When");
    case Actor: return tr("Actor");
    case Action: return tr("Action");
    case Object: return tr("Object");
    case Before: return tr("Before");
    case After: return tr("After");
    }
    return {};
}

} // namespace ll::ui

#include "correctionmodel.h"

#include "common/format.h"
#include "common/money.h"
#include "models/modelroles.h"

#include <QColor>

namespace ll::ui {

CorrectionModel::CorrectionModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CorrectionModel::setRows(QList<reports::CorrectionRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int CorrectionModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CorrectionModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CorrectionModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::CorrectionRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Batch: return QString::number(row.batchId);
        case ExtractedAt: return formatDateTime(row.extractedAt);
        case UsageDay: return formatDate(row.usageDay);
        case Retractions: return QString::number(row.retractions);
        case Restatements: return QString::number(row.restatements);
        case NetCost: return formatMoney(row.netCostNanos);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Batch: return qint64(row.batchId);
        case ExtractedAt: return row.extractedAt;
        case UsageDay: return row.usageDay;
        case Retractions: return qint64(row.retractions);
        case Restatements: return qint64(row.restatements);
        case NetCost: return qint64(row.netCostNanos);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= Retractions)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ForegroundRole:
        if (index.column() == NetCost && row.netCostNanos < 0)
            return QColor(0x1b, 0x7f, 0x3b);
        break;
    }
    return {};
}

QVariant CorrectionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == ColumnKindRole) {
        const ColumnKind kind = section == NetCost                                                         ? ColumnKind::Money
                              : section == Batch || section == Retractions || section == Restatements ? ColumnKind::Integer
                                                                                                          : ColumnKind::Text;
        return static_cast<int>(kind);
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Batch: return tr("Sync batch");
    case ExtractedAt: return tr("Extracted");
    case UsageDay: return tr("Usage day");
    case Retractions: return tr("Retractions");
    case Restatements: return tr("Restatements");
    case NetCost: return tr("Net effect on cost");
    }
    return {};
}

} // namespace ll::ui

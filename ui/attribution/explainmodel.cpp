#include "explainmodel.h"

#include "common/money.h"
#include "models/modelroles.h"

namespace ll::ui {

ExplainModel::ExplainModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ExplainModel::setRows(QList<reports::ExplainRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

std::int64_t ExplainModel::allocatedTotal() const
{
    std::int64_t total = 0;
    for (const reports::ExplainRow &r : m_rows)
        total += r.allocatedNanos;
    return total;
}

int ExplainModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ExplainModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExplainModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::ExplainRow &r = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole)
        return index.column() >= Allocated ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case Day: return r.usageDay;
    case Record: return r.recordId;
    case Workspace: return r.workspaceId;
    case Sku: return r.sku;
    case WorkUnit: return r.workUnit;
    case Principal: return r.principal;
    case Team: return r.team;
    case Project: return r.project;
    case Bucket: return r.bucket;
    case Method: return r.method;
    case Confidence: return r.confidence;
    case Allocated: return role == SortRole ? QVariant::fromValue<qint64>(r.allocatedNanos) : QVariant(formatMoney(r.allocatedNanos));
    case LineCost: return role == SortRole ? QVariant::fromValue<qint64>(r.lineCostNanos) : QVariant(formatMoney(r.lineCostNanos));
    }
    return {};
}

QVariant ExplainModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == ColumnKindRole)
        return static_cast<int>(section >= Allocated ? ColumnKind::Money : ColumnKind::Text);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Day: return tr("Day");
    case Record: return tr("Record");
    case Workspace: return tr("Workspace");
    case Sku: return tr("SKU");
    case WorkUnit: return tr("Work unit");
    case Principal: return tr("Principal");
    case Team: return tr("Team");
    case Project: return tr("Project");
    case Bucket: return tr("Bucket");
    case Method: return tr("Rule or step");
    case Confidence: return tr("Confidence");
    case Allocated: return tr("Allocated");
    case LineCost: return tr("Line cost");
    }
    return {};
}

} // namespace ll::ui

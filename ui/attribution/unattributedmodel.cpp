#include "unattributedmodel.h"

#include "common/format.h"
#include "common/money.h"
#include "models/modelroles.h"

namespace ll::ui {

UnattributedModel::UnattributedModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void UnattributedModel::setGroups(QList<reports::UnattributedGroup> groups)
{
    beginResetModel();
    m_groups = std::move(groups);
    endResetModel();
}

int UnattributedModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_groups.size());
}

int UnattributedModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnattributedModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::UnattributedGroup &g = m_groups.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Dimension:
            return g.dimension == QLatin1String("resource") ? tr("Resource")
                 : g.dimension == QLatin1String("principal") ? tr("Principal")
                 : g.dimension == QLatin1String("tag") ? tr("Tag") : g.dimension;
        case Label: return g.label;
        case Key: return g.key;
        case Cost: return formatMoney(g.costNanos);
        case Lines: return formatCount(g.lines);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Dimension: return g.dimension;
        case Label: return g.label;
        case Key: return g.key;
        case Cost: return QVariant::fromValue<qint64>(g.costNanos);
        case Lines: return QVariant::fromValue<qint64>(g.lines);
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Cost || index.column() == Lines)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        return tr("Select the row and press \u201cMake a rule from this\u201d");
    }
    return {};
}

QVariant UnattributedModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == ColumnKindRole)
        return static_cast<int>(section == Cost ? ColumnKind::Money : section == Lines ? ColumnKind::Integer : ColumnKind::Text);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Dimension: return tr("Grouped by");
    case Label: return tr("Name");
    case Key: return tr("Key");
    case Cost: return tr("Unattributed cost");
    case Lines: return tr("Lines");
    }
    return {};
}

} // namespace ll::ui

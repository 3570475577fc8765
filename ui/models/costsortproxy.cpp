#include "costsortproxy.h"

#include "models/costtablemodel.h"
#include "models/modelroles.h"

#include <algorithm>

namespace ll::ui {

namespace {
QString pathKey(const QStringList &keys, int depth)
{
    return keys.mid(0, depth).join(QChar(0x1f)); // a separator no key contains
}
} // namespace

CostSortProxy::CostSortProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void CostSortProxy::setSourceModel(QAbstractItemModel *model)
{
    disconnect(m_resetConnection);
    m_cost = qobject_cast<CostTableModel *>(model);
    m_sums.clear();
    m_sumsColumn = -1;
    // Before the base class connects, so the sums are dropped before the proxy sorts again.
    if (model)
        m_resetConnection = connect(model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
            m_sums.clear();
            m_sumsColumn = -1;
        });
    QSortFilterProxyModel::setSourceModel(model);
}

qint64 CostSortProxy::groupValue(const QStringList &keys, int depth, int column) const
{
    if (m_sumsColumn != column) {
        m_sums.clear();
        const int dimensions = m_cost->dimensionCount();
        for (int row = 0; row < m_cost->rowCount(); ++row) {
            if (m_cost->isSubtotal(row))
                continue;
            const qint64 value = m_cost->index(row, column).data(SortRole).toLongLong();
            const QStringList &rowKeys = m_cost->rowAt(row).row.keys;
            for (int d = 1; d <= dimensions; ++d)
                m_sums[pathKey(rowKeys, d)] += value;
        }
        m_sumsColumn = column;
    }
    return m_sums.value(pathKey(keys, depth));
}

bool CostSortProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (!m_cost || !m_cost->subtotals() || m_cost->dimensionCount() < 2)
        return QSortFilterProxyModel::lessThan(left, right);
    const reports::CostTreeRow &a = m_cost->rowAt(left.row());
    const reports::CostTreeRow &b = m_cost->rowAt(right.row());
    const int shared = std::min(a.level, b.level);
    int level = 0;
    while (level < shared && a.row.keys.value(level) == b.row.keys.value(level))
        ++level;
    const bool ascending = sortOrder() == Qt::AscendingOrder;
    // A subtotal comes before the rows of its group whichever way the view sorts (the proxy
    // asks lessThan(right, left) when descending).
    if (level == shared) {
        if (a.level == b.level)
            return false;
        return a.level < b.level ? ascending : !ascending;
    }
    // The rows part at `level`: compare the two sibling groups (or rows) that hold them.
    const QString keyA = a.row.keys.value(level);
    const QString keyB = b.row.keys.value(level);
    const int column = left.column();
    if (column >= m_cost->dimensionCount() && !m_cost->idColumns().contains(column)) {
        const qint64 valueA = groupValue(a.row.keys, level + 1, column);
        const qint64 valueB = groupValue(b.row.keys, level + 1, column);
        if (valueA != valueB)
            return valueA < valueB;
    }
    // Groups read by their names (an id dimension's labels), so they sort by what the table shows.
    return QString::localeAwareCompare(a.row.labels.value(level, keyA), b.row.labels.value(level, keyB)) < 0;
}

} // namespace ll::ui

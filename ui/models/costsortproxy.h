#pragma once

#include <QHash>
#include <QSortFilterProxyModel>

namespace ll::ui {

class CostTableModel;

// Sorts a CostTableModel without tearing subtotal rows from their groups: with subtotals shown,
// rows compare as paths in the group tree. Sibling groups order by the sorted column's group
// value (the sum of their detail rows; the group key for a dimension column), rows within a
// group by their own value, and a subtotal always stays directly above its group, in either
// order. Without subtotals it sorts like a plain QSortFilterProxyModel.
class CostSortProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit CostSortProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    qint64 groupValue(const QStringList &keys, int depth, int column) const;

    CostTableModel *m_cost = nullptr;
    // Group sums of the sorted column, by key path; rebuilt when the column or the data change.
    mutable QHash<QString, qint64> m_sums;
    mutable int m_sumsColumn = -1;
    QMetaObject::Connection m_resetConnection;
};

} // namespace ll::ui

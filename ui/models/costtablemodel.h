#pragma once

#include "reports/costreport.h"

#include <QAbstractTableModel>

namespace ll::ui {

// A cost report: one column per chosen dimension, then the value columns.
// Column indexes of the value columns depend on the number of dimensions: use valueColumn().
class CostTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Cost, ListCost, Quantity, ColumnCount }; // value columns, after the dimensions

    explicit CostTableModel(QObject *parent = nullptr);

    void setTable(reports::CostTable table);
    const reports::CostTable &table() const { return m_table; }
    int dimensionCount() const { return static_cast<int>(m_table.by.size()); }
    int valueColumn(Column column) const { return dimensionCount() + column; }

    static QString dimensionTitle(reports::Dimension dimension);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    reports::CostTable m_table;
};

} // namespace ll::ui

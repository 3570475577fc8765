#pragma once

#include "reports/costreport.h"

#include <QAbstractTableModel>

namespace ll::ui {

// Reconciliation per month x SKU x workspace (a cost report by {Month, Sku, Workspace}): list
// cost, effective list cost and the gap between them (the list discounts Databricks already
// applies), plus contract cost and the effective - contract gap when contract prices exist.
class ReconciliationModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Month, Sku, Workspace, ListCost, EffectiveCost, ListGap, ContractCost, ContractGap, ColumnCount };

    explicit ReconciliationModel(QObject *parent = nullptr);

    // The table must be grouped by exactly {Month, Sku, Workspace}; anything else empties the model.
    void setTable(reports::CostTable table);
    const reports::CostTable &table() const { return m_table; }
    bool hasContracts() const { return m_table.hasContracts; }

    // The model column of a column; -1 for the contract columns without contracts.
    int modelColumn(Column column) const;
    Column columnAt(int modelColumn) const;
    std::int64_t valueNanos(int row, Column column) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    reports::CostTable m_table;
};

} // namespace ll::ui

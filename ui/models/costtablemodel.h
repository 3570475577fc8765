#pragma once

#include "reports/costreport.h"

#include <QAbstractTableModel>

namespace ll::ui {

// A cost report: one column per chosen dimension, then the value columns. The contract cost
// column is present only when the table says contract prices exist (CostTable::hasContracts).
// Column indexes of the value columns depend on the dimensions: use valueColumn().
// With subtotals on (and two or more dimensions) each group of the leading dimensions gets a
// bold subtotal row before its rows; deeper dimension cells of a subtotal read "(all)".
// Id dimensions (workspace, job, cluster, ...) show the entity's name (CostRow::labels) with the
// id in the tooltip, and get an id column each after the value columns (idColumn()) that a view
// may hide. A cost with unpriced usage says so ("$12.00 + 3.2 DBU unpriced") in its own colour.
// Owners that are not teams (unattributed, idle, shared buckets) stand out in team columns.
class CostTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Cost, ListCost, ContractCost, Quantity, UnpricedQuantity, ColumnCount }; // value columns, after the dimensions

    explicit CostTableModel(QObject *parent = nullptr);

    // tagKeys: the query's keys, one per Dimension::Tag in table.by, for the headers.
    void setTable(reports::CostTable table, QStringList tagKeys = {});
    const reports::CostTable &table() const { return m_table; }
    void setSubtotals(bool on);
    bool subtotals() const { return m_subtotals; }
    // The row behind a model row: level < dimensionCount() marks a subtotal of that many keys.
    const reports::CostTreeRow &rowAt(int modelRow) const { return m_rows.at(modelRow); }
    bool isSubtotal(int modelRow) const { return m_rows.at(modelRow).level < dimensionCount(); }
    const QStringList &tagKeys() const { return m_tagKeys; }
    int dimensionCount() const { return static_cast<int>(m_table.by.size()); }
    // The model column of a value column; -1 when it is not shown (contract cost without contracts).
    int valueColumn(Column column) const;
    // The value column at a model column (>= dimensionCount(), before the id columns).
    Column columnAt(int modelColumn) const;
    // The id column of dimension `dimension` (0-based), -1 when it is no id dimension.
    int idColumn(int dimension) const;
    // The model columns that hold ids (for a view to hide or show).
    QList<int> idColumns() const;
    // Labels of the owners that are not teams: "unattributed", "idle", "shared:<bucket>".
    static bool isNonTeamOwner(const QString &label);

    // "Team", "Job", ...; a tag dimension shows its key when given ("Tag: cost_center").
    static QString dimensionTitle(reports::Dimension dimension, const QString &tagKey = {});

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int valueColumnCount() const { return m_table.hasContracts ? ColumnCount : ColumnCount - 1; }
    // The dimension behind a model column past the value columns, or -1.
    int idDimensionAt(int modelColumn) const;
    QVariant dimensionData(const reports::CostTreeRow &treeRow, int column, int role) const;
    QVariant idData(const reports::CostRow &row, int dimension, int role) const;
    QString tagKeyAt(int dimensionColumn) const;
    void buildRows();

    reports::CostTable m_table;
    QStringList m_tagKeys;
    QList<reports::CostTreeRow> m_rows;
    QList<int> m_idDimensions; // dimension indexes with an entity type, in column order
    bool m_subtotals = false;
};

} // namespace ll::ui

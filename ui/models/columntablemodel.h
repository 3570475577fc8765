#pragma once

#include "models/modelroles.h"

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QVariant>

#include <functional>
#include <type_traits>
#include <utility>

namespace ll::ui {

// One column of a ColumnTableModel: its header and what each role answers for a row. An empty
// function answers nothing (an invalid QVariant), which the view reads as "use the default".
template <typename Row> struct TableColumn {
    using Cell = std::function<QVariant(const Row &)>;

    // Every member has an initializer so a column reads as designated initializers naming only
    // what it answers ({.title = tr("Cost"), .kind = ColumnKind::Money, ...}).
    QString title = {};                 // translated by the model that builds the column table
    ColumnKind kind = ColumnKind::Text; // ColumnKindRole: how CSV writes the SortRole value
    Cell display = {};
    Cell sort = {}; // SortRole: the raw value (qint64 nanos, QDate...); empty = the display value
    Cell toolTip = {};
    Qt::Alignment alignment = {}; // empty = not answered (the view's default, leading)
    Cell background = {};
    Cell foreground = {};
    QString headerToolTip = {};
};

// A cell that answers a row's member as it is; integers (nano-units, counts, ids) as qint64,
// the type SortRole and the CSV writer expect.
template <typename Row, typename T> std::function<QVariant(const Row &)> cellOf(T Row::*member)
{
    return [member](const Row &row) -> QVariant {
        if constexpr (std::is_integral_v<T>)
            return QVariant::fromValue<qint64>(row.*member);
        else
            return QVariant::fromValue(row.*member);
    };
}

inline constexpr Qt::Alignment kNumberAlignment = Qt::AlignRight | Qt::AlignVCenter;

// A flat table over a QList<Row> whose columns are a table of TableColumn: the data() /
// headerData() / SortRole skeleton every list model repeated, written once. A model derives
// from ColumnTableModel<ItsRow>, keeps its Column enum and its named setter, builds the column
// table in its constructor (so tr() keeps the model's translation context) and calls resetRows.
// Models with real behaviour (trees, editing, columns that come and go) stay their own classes.
template <typename Row> class ColumnTableModel : public QAbstractTableModel {
public:
    using ColumnSpec = TableColumn<Row>;

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : static_cast<int>(m_columns.size()); }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const Row &row = m_rows.at(index.row());
        const ColumnSpec &column = m_columns.at(index.column());
        switch (role) {
        case Qt::DisplayRole: return answer(column.display, row);
        case SortRole: return column.sort ? column.sort(row) : answer(column.display, row);
        case Qt::ToolTipRole: return answer(column.toolTip, row);
        case Qt::TextAlignmentRole: return column.alignment ? QVariant::fromValue(column.alignment) : QVariant();
        case Qt::BackgroundRole: return answer(column.background, row);
        case Qt::ForegroundRole: return answer(column.foreground, row);
        }
        return {};
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override
    {
        if (orientation != Qt::Horizontal)
            return QAbstractTableModel::headerData(section, orientation, role);
        if (section < 0 || section >= m_columns.size())
            return {};
        const ColumnSpec &column = m_columns.at(section);
        switch (role) {
        case Qt::DisplayRole: return column.title;
        case ColumnKindRole: return static_cast<int>(column.kind);
        case Qt::ToolTipRole: return column.headerToolTip.isEmpty() ? QVariant() : QVariant(column.headerToolTip);
        }
        return {};
    }

    const QList<Row> &rows() const { return m_rows; }
    const Row *rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr; }

protected:
    explicit ColumnTableModel(QObject *parent = nullptr) : QAbstractTableModel(parent) { }

    // Once, in the derived constructor, in the order of its Column enum.
    void setColumns(QList<ColumnSpec> columns) { m_columns = std::move(columns); }

    // `alongside` changes the state the cells read besides the rows (a currency, a total)
    // inside the same reset, so no view sees the new rows with the old state.
    void resetRows(QList<Row> rows, const std::function<void()> &alongside = {})
    {
        beginResetModel();
        m_rows = std::move(rows);
        if (alongside)
            alongside();
        endResetModel();
    }

private:
    static QVariant answer(const typename ColumnSpec::Cell &cell, const Row &row) { return cell ? cell(row) : QVariant(); }

    QList<ColumnSpec> m_columns;
    QList<Row> m_rows;
};

} // namespace ll::ui

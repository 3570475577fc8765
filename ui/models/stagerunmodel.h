#pragma once

#include "reports/snapshots.h"

#include <QAbstractTableModel>

namespace ll::ui {

// Recent pipeline stage runs, newest first (Data Health).
class StageRunModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Stage, Status, Started, Finished, RowsIn, RowsOut, Error, ColumnCount };

    explicit StageRunModel(QObject *parent = nullptr);

    void setRows(QList<reports::StageRunRow> rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<reports::StageRunRow> m_rows;
};

} // namespace ll::ui

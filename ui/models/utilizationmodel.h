#pragma once

#include "reports/workloads.h"

#include <QAbstractTableModel>

namespace ll::ui {

// Cluster and warehouse utilization: clusters show node hours and average CPU/memory; warehouses
// show running hours, the busy share of running time and the idle running hours.
class UtilizationModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Kind, Workspace, NodeHours, AvgCpu, AvgMem, RunningHours, BusyShare, IdleHours, Queries,
                  ColumnCount };

    explicit UtilizationModel(QObject *parent = nullptr);

    void setRows(QList<reports::UtilizationRow> rows);
    const reports::UtilizationRow *rowAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<reports::UtilizationRow> m_rows;
};

} // namespace ll::ui

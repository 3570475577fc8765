#pragma once

#include "models/columntablemodel.h"
#include "reports/workloads.h"

namespace ll::ui {

// Cluster and warehouse utilization: clusters show node hours and average CPU/memory; warehouses
// show running hours, the busy share of running time and the idle running hours.
class UtilizationModel : public ColumnTableModel<reports::UtilizationRow> {
    Q_OBJECT
public:
    enum Column { Name, Kind, Workspace, NodeHours, AvgCpu, AvgMem, RunningHours, BusyShare, IdleHours, Queries, Source, ColumnCount };

    explicit UtilizationModel(QObject *parent = nullptr);
    void setRows(QList<reports::UtilizationRow> rows) { resetRows(std::move(rows)); }
};

} // namespace ll::ui

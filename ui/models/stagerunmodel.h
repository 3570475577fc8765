#pragma once

#include "models/columntablemodel.h"
#include "reports/snapshots.h"

namespace ll::ui {

// Recent pipeline stage runs, newest first (Data Health).
class StageRunModel : public ColumnTableModel<reports::StageRunRow> {
    Q_OBJECT
public:
    enum Column { Stage, Status, Started, Finished, RowsIn, RowsOut, Error, ColumnCount };

    explicit StageRunModel(QObject *parent = nullptr);
    void setRows(QList<reports::StageRunRow> rows) { resetRows(std::move(rows)); }
};

} // namespace ll::ui

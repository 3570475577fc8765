#pragma once

#include "models/columntablemodel.h"
#include "reports/snapshots.h"

namespace ll::ui {

// Freshness of each extraction source (Data Health).
class SourceStateModel : public ColumnTableModel<reports::SourceStateRow> {
    Q_OBJECT
public:
    enum Column { Source, SystemTable, Status, LastSuccess, NewestEvent, LagHours, RawRows, Message, ColumnCount };

    explicit SourceStateModel(QObject *parent = nullptr);
    void setRows(QList<reports::SourceStateRow> rows) { resetRows(std::move(rows)); }
};

} // namespace ll::ui

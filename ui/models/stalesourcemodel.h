#pragma once

#include "models/columntablemodel.h"
#include "reports/quality.h"

namespace ll::ui {

// Quality (Data Health): sources whose newest event is too old to trust recent days.
class StaleSourceModel : public ColumnTableModel<reports::StaleSource> {
    Q_OBJECT
public:
    enum Column { Source, Status, NewestEvent, LagHours, ColumnCount };

    explicit StaleSourceModel(QObject *parent = nullptr);
    void setRows(QList<reports::StaleSource> rows) { resetRows(std::move(rows)); }
};

} // namespace ll::ui

#pragma once

#include "models/columntablemodel.h"
#include "reports/snapshots.h"

namespace ll::ui {

// Corrections (RETRACTION / RESTATEMENT records) each sync brought, per usage day, with their
// net effect on that day's cost (Data Health): "why did last month's total change?".
class CorrectionModel : public ColumnTableModel<reports::CorrectionRow> {
    Q_OBJECT
public:
    enum Column { Batch, ExtractedAt, UsageDay, Retractions, Restatements, NetCost, ColumnCount };

    explicit CorrectionModel(QObject *parent = nullptr);
    void setRows(QList<reports::CorrectionRow> rows) { resetRows(std::move(rows)); }
};

} // namespace ll::ui

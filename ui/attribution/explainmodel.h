#pragma once

#include "models/columntablemodel.h"
#include "reports/attributionreport.h"

namespace ll::ui {

// "Why is this mine?": the line items behind an owner's cost, with the rule or fallback step
// that placed each one and its confidence. Workspace and work unit show names (ids in tooltips).
class ExplainModel : public ColumnTableModel<reports::ExplainRow> {
    Q_OBJECT
public:
    enum Column { Day, Record, Workspace, Sku, WorkUnit, Principal, Team, Project, Bucket, Method, Confidence, Allocated, LineCost, ColumnCount };

    explicit ExplainModel(QObject *parent = nullptr);
    void setRows(QList<reports::ExplainRow> rows) { resetRows(std::move(rows)); }
    std::int64_t allocatedTotal() const;
};

} // namespace ll::ui

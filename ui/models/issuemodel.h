#pragma once

#include "models/columntablemodel.h"
#include "reports/snapshots.h"

namespace ll::ui {

// Non-fatal problems recorded by the pipeline (Data Health).
class IssueModel : public ColumnTableModel<reports::IssueRow> {
    Q_OBJECT
public:
    enum Column { At, Severity, Source, Message, Context, ColumnCount };

    explicit IssueModel(QObject *parent = nullptr);
    void setRows(QList<reports::IssueRow> rows) { resetRows(std::move(rows)); }
};

} // namespace ll::ui

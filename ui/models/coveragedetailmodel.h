#pragma once

#include "models/columntablemodel.h"
#include "reports/coverage.h"

namespace ll::ui {

// The coverage map's per-table detail for one workspace (Data Health): one row per system table
// with workspace_id, its state (coloured as in the map), extraction status, this workspace's rows
// and newest event.
class CoverageDetailModel : public ColumnTableModel<reports::SourceCoverage> {
    Q_OBJECT
public:
    enum Column { Table, State, Status, Rows, NewestEvent, NewestIngestion, ColumnCount };

    explicit CoverageDetailModel(QObject *parent = nullptr);
    // The workspace's sources; an empty list (no workspace selected) empties the model.
    void setWorkspace(const QString &title, QList<reports::SourceCoverage> sources);
    QString workspaceTitle() const { return m_title; }

private:
    QString m_title;
};

} // namespace ll::ui

#pragma once

#include "reports/coverage.h"

#include <QAbstractTableModel>

namespace ll::ui {

// The coverage map's per-table detail for one workspace (Data Health): one row per system table
// with workspace_id, its state (coloured as in the map), extraction status, this workspace's rows
// and newest event.
class CoverageDetailModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Table, State, Status, Rows, NewestEvent, NewestIngestion, ColumnCount };

    explicit CoverageDetailModel(QObject *parent = nullptr);

    // The workspace's sources; an empty list (no workspace selected) empties the model.
    void setWorkspace(const QString &title, QList<reports::SourceCoverage> sources);
    QString workspaceTitle() const { return m_title; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString m_title;
    QList<reports::SourceCoverage> m_sources;
};

} // namespace ll::ui

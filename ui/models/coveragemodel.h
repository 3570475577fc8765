#pragma once

#include "reports/coverage.h"

#include <QAbstractTableModel>
#include <QColor>

namespace ll::ui {

// The coverage map (Data Health): one row per workspace, its cost and the shares without a
// resource, owner or team, then one column per system table with workspace_id showing whether
// it was readable and how much data this workspace has in it (coloured by state).
class CoverageModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Workspace, Name, Cloud, Region, Cost, NoResource, NoOwner, Unattributed, Readable, NewestUsage, NewestIngestion,
        FirstSourceColumn
    };

    explicit CoverageModel(QObject *parent = nullptr);

    void setSnapshot(reports::CoverageSnapshot snapshot);
    const reports::CoverageSnapshot &snapshot() const { return m_snapshot; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Cell text and colour of a source's state, shared with the page's legend.
    static QString stateText(const reports::SourceCoverage &source);
    static QColor stateColor(reports::CoverageState state); // invalid = no colour

private:
    static const reports::SourceCoverage *usage(const reports::WorkspaceCoverage &w);
    QVariant sourceData(const reports::SourceCoverage &source, int role) const;

    reports::CoverageSnapshot m_snapshot;
};

} // namespace ll::ui

#pragma once

#include "reports/snapshots.h"

#include <QAbstractTableModel>

namespace ll::ui {

// Corrections (RETRACTION / RESTATEMENT records) each sync brought, per usage day, with their
// net effect on that day's cost (Data Health): "why did last month's total change?".
class CorrectionModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Batch, ExtractedAt, UsageDay, Retractions, Restatements, NetCost, ColumnCount };

    explicit CorrectionModel(QObject *parent = nullptr);

    void setRows(QList<reports::CorrectionRow> rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<reports::CorrectionRow> m_rows;
};

} // namespace ll::ui

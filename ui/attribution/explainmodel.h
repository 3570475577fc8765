#pragma once

#include "reports/attributionreport.h"

#include <QAbstractTableModel>

namespace ll::ui {

// "Why is this mine?": the line items behind an owner's cost, with the rule or fallback step
// that placed each one and its confidence.
class ExplainModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Day, Record, Workspace, Sku, WorkUnit, Principal, Team, Project, Bucket, Method, Confidence, Allocated, LineCost, ColumnCount };

    explicit ExplainModel(QObject *parent = nullptr);

    void setRows(QList<reports::ExplainRow> rows);
    const QList<reports::ExplainRow> &rows() const { return m_rows; }
    std::int64_t allocatedTotal() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<reports::ExplainRow> m_rows;
};

} // namespace ll::ui

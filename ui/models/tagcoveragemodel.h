#pragma once

#include "reports/quality.h"

#include <QAbstractTableModel>

namespace ll::ui {

// Quality (Data Health): the cost each tag key covers, and its share of all cost.
class TagCoverageModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Key, CoveredCost, Share, ColumnCount };

    explicit TagCoverageModel(QObject *parent = nullptr);

    void setRows(QList<reports::TagCoverage> rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<reports::TagCoverage> m_rows;
};

} // namespace ll::ui

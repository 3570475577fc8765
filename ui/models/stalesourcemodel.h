#pragma once

#include "reports/quality.h"

#include <QAbstractTableModel>

namespace ll::ui {

// Quality (Data Health): sources whose newest event is too old to trust recent days.
class StaleSourceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Source, Status, NewestEvent, LagHours, ColumnCount };

    explicit StaleSourceModel(QObject *parent = nullptr);

    void setRows(QList<reports::StaleSource> rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<reports::StaleSource> m_rows;
};

} // namespace ll::ui

#pragma once

#include "reports/snapshots.h"

#include <QAbstractTableModel>

namespace ll::ui {

// Freshness of each extraction source (Data Health).
class SourceStateModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Source, SystemTable, Status, LastSuccess, NewestEvent, LagHours, RawRows, Message, ColumnCount };

    explicit SourceStateModel(QObject *parent = nullptr);

    void setRows(QList<reports::SourceStateRow> rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<reports::SourceStateRow> m_rows;
};

} // namespace ll::ui

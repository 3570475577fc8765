#pragma once

#include "reports/snapshots.h"

#include <QAbstractTableModel>

namespace ll::ui {

// A ranked list of named costs (top teams, top workspaces) with each row's share of a total.
class NamedCostModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Cost, Share, ColumnCount };

    explicit NamedCostModel(QString nameHeader, QObject *parent = nullptr);

    void setRows(QList<reports::NamedCost> rows, std::int64_t totalNanos, QString currency);
    const reports::NamedCost *rowAt(int row) const { return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString m_nameHeader;
    QList<reports::NamedCost> m_rows;
    std::int64_t m_totalNanos = 0;
    QString m_currency = QStringLiteral("USD");
};

} // namespace ll::ui

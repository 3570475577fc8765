#pragma once

#include "reports/workloads.h"

#include <QAbstractTableModel>

namespace ll::ui {

// One job's (or pipeline's) runs, newest first: cost per run and result; failed runs highlighted.
class RunModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Run, StartDay, Result, Duration, Cost, ColumnCount };

    explicit RunModel(QObject *parent = nullptr);

    void setRows(QList<reports::RunRow> rows, QString currency = QStringLiteral("USD"));
    const reports::RunRow *runAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<reports::RunRow> m_rows;
    QString m_currency = QStringLiteral("USD");
};

} // namespace ll::ui

#pragma once

#include "reports/snapshots.h"

#include <QAbstractTableModel>

namespace ll::ui {

// Insight findings: title, workspace, estimated impact, period and status.
class InsightModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Title, Workspace, Impact, Period, Status, ColumnCount };

    explicit InsightModel(QObject *parent = nullptr);

    void setRows(QList<reports::InsightSummary> rows, QString currency = QStringLiteral("USD"));
    const reports::InsightSummary *insightAt(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<reports::InsightSummary> m_rows;
    QString m_currency = QStringLiteral("USD");
};

} // namespace ll::ui

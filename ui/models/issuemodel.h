#pragma once

#include "reports/snapshots.h"

#include <QAbstractTableModel>

namespace ll::ui {

// Non-fatal problems recorded by the pipeline (Data Health).
class IssueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { At, Severity, Source, Message, Context, ColumnCount };

    explicit IssueModel(QObject *parent = nullptr);

    void setRows(QList<reports::IssueRow> rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<reports::IssueRow> m_rows;
};

} // namespace ll::ui

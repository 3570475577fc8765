#pragma once

#include "reports/snapshots.h"

#include <QAbstractTableModel>

namespace ll::ui {

// Entries of the audit log, newest first.
class AuditLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { At, Actor, Action, Object, Before, After, ColumnCount };

    explicit AuditLogModel(QObject *parent = nullptr);

    void setRows(QList<reports::AuditRow> rows);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<reports::AuditRow> m_rows;
};

} // namespace ll::ui

#pragma once

#include "reports/attributionreport.h"

#include <QAbstractTableModel>

namespace ll::ui {

// The "Unattributed" explorer: the resources, principals and tags carrying the most
// unattributed cost, each with the core's suggested rule for "Make a rule from this".
class UnattributedModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Dimension, Label, Key, Cost, Lines, ColumnCount };

    explicit UnattributedModel(QObject *parent = nullptr);

    void setGroups(QList<reports::UnattributedGroup> groups);
    const reports::UnattributedGroup *groupAt(int row) const { return row >= 0 && row < m_groups.size() ? &m_groups.at(row) : nullptr; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<reports::UnattributedGroup> m_groups;
};

} // namespace ll::ui

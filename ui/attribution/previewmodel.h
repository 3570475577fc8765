#pragma once

#include "attribution/preview.h"

#include <QAbstractTableModel>

namespace ll::ui {

// "Who gains, who loses": each team's and project's cost before and after a staged
// configuration, largest absolute change first. More cost is shown red, less green.
class PreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Axis, Owner, Before, After, Change, ColumnCount };

    explicit PreviewModel(QObject *parent = nullptr);

    // Sorts by |change| (descending), then axis and owner; unchanged rows are kept at the end.
    void setRows(QList<attribution::PreviewRow> rows);
    const QList<attribution::PreviewRow> &rows() const { return m_rows; }
    int changedCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<attribution::PreviewRow> m_rows;
};

} // namespace ll::ui

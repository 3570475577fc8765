#pragma once

#include "contracts/contractbook.h"

#include <QAbstractTableModel>

namespace ll::ui {

// Contract prices entered by the analyst (Settings): scope, key, kind, value and validity.
class ContractModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Scope, ScopeKey, Kind, Value, ValidFrom, ValidTo, ColumnCount };

    explicit ContractModel(QObject *parent = nullptr);

    void setContracts(QList<contracts::ContractPrice> contracts);
    const QList<contracts::ContractPrice> &contracts() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<contracts::ContractPrice> m_rows;
};

} // namespace ll::ui

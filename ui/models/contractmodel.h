#pragma once

#include "contracts/contractbook.h"
#include "models/columntablemodel.h"

namespace ll::ui {

// Contract prices entered by the analyst (Settings): scope, key, kind, value and validity.
class ContractModel : public ColumnTableModel<contracts::ContractPrice> {
    Q_OBJECT
public:
    enum Column { Scope, ScopeKey, Kind, Value, ValidFrom, ValidTo, ColumnCount };

    explicit ContractModel(QObject *parent = nullptr);
    void setContracts(QList<contracts::ContractPrice> contracts) { resetRows(std::move(contracts)); }
    const QList<contracts::ContractPrice> &contracts() const { return rows(); }
};

} // namespace ll::ui

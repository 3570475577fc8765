#pragma once

#include "models/columntablemodel.h"
#include "reports/quality.h"

namespace ll::ui {

// Quality (Data Health): the cost each tag key covers, and its share of all cost.
class TagCoverageModel : public ColumnTableModel<reports::TagCoverage> {
    Q_OBJECT
public:
    enum Column { Key, CoveredCost, Share, ColumnCount };

    explicit TagCoverageModel(QObject *parent = nullptr);
    void setRows(QList<reports::TagCoverage> rows) { resetRows(std::move(rows)); }
};

} // namespace ll::ui

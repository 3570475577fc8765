#pragma once

#include "models/columntablemodel.h"
#include "reports/snapshots.h"

namespace ll::ui {

// A ranked list of named costs (top teams, top workspaces) with each row's share of a total.
class NamedCostModel : public ColumnTableModel<reports::NamedCost> {
    Q_OBJECT
public:
    enum Column { Name, Cost, Share, ColumnCount };

    explicit NamedCostModel(QString nameHeader, QObject *parent = nullptr);
    void setRows(QList<reports::NamedCost> rows, std::int64_t totalNanos, QString currency);

private:
    std::int64_t m_totalNanos = 0;
    QString m_currency = QStringLiteral("USD");
};

} // namespace ll::ui

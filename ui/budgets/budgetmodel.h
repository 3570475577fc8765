#pragma once

#include "budgets/budgetforecast.h"
#include "models/columntablemodel.h"

#include <QColor>

namespace ll::ui {

// One row per budget in effect for the month: scope, budget, spend to date, month-end forecast,
// its share of the budget, the forecast's backtest error and the green/amber/red status.
class BudgetModel : public ColumnTableModel<budgets::BudgetStatus> {
    Q_OBJECT
public:
    enum Column { Scope, ScopeType, Budget, Spent, Forecast, ForecastPercent, BacktestError, Status, ColumnCount };

    explicit BudgetModel(QObject *parent = nullptr);
    void setRows(QList<budgets::BudgetStatus> rows, QString currency = QStringLiteral("USD"));
    const budgets::BudgetStatus *statusAt(int row) const { return rowAt(row); }

    static QString scopeTypeLabel(budgets::ScopeType type);
    static QString levelLabel(budgets::BudgetLevel level);
    static QColor levelColor(budgets::BudgetLevel level);

private:
    QString m_currency = QStringLiteral("USD");
};

} // namespace ll::ui

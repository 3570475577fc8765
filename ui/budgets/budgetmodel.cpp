#include "budgetmodel.h"

#include "common/format.h"
#include "common/money.h"

namespace ll::ui {

BudgetModel::BudgetModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = budgets::BudgetStatus;
    setColumns({
        {.title = tr("Scope"),
            .display = cellOf(&Row::scopeName),
            .toolTip = [](const Row &r) -> QVariant { return budgets::scopeText(r.budget.scope); }},
        {.title = tr("Type"),
            .display = [](const Row &r) -> QVariant { return scopeTypeLabel(r.budget.scope.type); },
            .sort = [](const Row &r) -> QVariant { return static_cast<int>(r.budget.scope.type); }},
        {.title = tr("Budget"),
            .kind = ColumnKind::Money,
            .display = [this](const Row &r) -> QVariant { return formatMoney(r.budget.amountNanos, m_currency); },
            .sort = [](const Row &r) -> QVariant { return QVariant::fromValue<qint64>(r.budget.amountNanos); },
            .toolTip = [](const Row &r) -> QVariant {
                return r.budget.effectiveFrom.isValid() ? tr("Monthly budget since %1").arg(budgets::monthText(r.budget.effectiveFrom))
                                                        : tr("Monthly budget");
            },
            .alignment = kNumberAlignment},
        {.title = tr("Spent"),
            .kind = ColumnKind::Money,
            .display = [this](const Row &r) -> QVariant { return formatMoney(r.projection.spentNanos, m_currency); },
            .sort = [](const Row &r) -> QVariant { return QVariant::fromValue<qint64>(r.projection.spentNanos); },
            .toolTip = [](const Row &r) -> QVariant {
                return tr("%1 of the month's %2 days, through %3")
                    .arg(r.projection.elapsedDays)
                    .arg(r.projection.month.daysInMonth())
                    .arg(formatDate(r.projection.asOfDay));
            },
            .alignment = kNumberAlignment},
        {.title = tr("Forecast"),
            .kind = ColumnKind::Money,
            .display = [this](const Row &r) -> QVariant { return formatMoney(r.projection.forecastNanos, m_currency); },
            .sort = [](const Row &r) -> QVariant { return QVariant::fromValue<qint64>(r.projection.forecastNanos); },
            .toolTip = [](const Row &r) -> QVariant {
                switch (r.projection.method) {
                case budgets::RunRateMethod::SameWeekdayMedian:
                    return tr("Spent so far plus %n remaining day(s) at the median cost of the same weekday over the last 4 weeks", nullptr,
                        r.projection.remainingDays);
                case budgets::RunRateMethod::TrailingMean:
                    return tr("Spent so far plus %n remaining day(s) at the mean daily cost (less than 4 weeks of history)", nullptr,
                        r.projection.remainingDays);
                case budgets::RunRateMethod::NoHistory: return tr("No history to project from: the forecast is the spend so far");
                case budgets::RunRateMethod::MonthComplete: return tr("The month is over: the forecast is its total");
                }
                return {};
            },
            .alignment = kNumberAlignment},
        {.title = tr("Forecast % of budget"),
            .kind = ColumnKind::Number,
            .display = [](const Row &r) -> QVariant { return formatPercent(r.forecastPercent()); },
            .sort = [](const Row &r) -> QVariant { return r.forecastPercent(); },
            .alignment = kNumberAlignment},
        {.title = tr("Backtest error"),
            .kind = ColumnKind::Number,
            .display = [](const Row &r) -> QVariant { return r.backtestMape ? formatPercent(*r.backtestMape) : tr("n/a"); },
            .sort = [](const Row &r) -> QVariant { return r.backtestMape ? QVariant(*r.backtestMape) : QVariant(); },
            .toolTip = [](const Row &r) -> QVariant {
                if (!r.backtestMape)
                    return tr("No earlier month with cost to test the forecast on");
                QStringList months;
                for (const auto &b : r.backtest)
                    months << budgets::monthText(b.month);
                return tr("Mean absolute percentage error of the same forecast made on the same day of %1")
                    .arg(months.join(QStringLiteral(", ")));
            },
            .alignment = kNumberAlignment,
            .headerToolTip = tr("How far the same forecast, made on the same day of up to 3 earlier months, was from their actual totals")},
        {.title = tr("Status"),
            .display = [](const Row &r) -> QVariant { return levelLabel(r.level); },
            .sort = [](const Row &r) -> QVariant { return static_cast<int>(r.level); },
            .toolTip = [](const Row &r) -> QVariant {
                return tr("The month-end forecast is %1 of the budget: amber from %2%, red from %3%")
                    .arg(formatPercent(r.forecastPercent()))
                    .arg(r.thresholds.amberPercent)
                    .arg(r.thresholds.redPercent);
            },
            .background = [](const Row &r) -> QVariant { return levelColor(r.level); },
            .foreground = [](const Row &) -> QVariant { return QColor(0x20, 0x20, 0x20); }},
    });
}

void BudgetModel::setRows(QList<budgets::BudgetStatus> rows, QString currency)
{
    resetRows(std::move(rows), [this, &currency] { m_currency = std::move(currency); });
}

QString BudgetModel::scopeTypeLabel(budgets::ScopeType type)
{
    switch (type) {
    case budgets::ScopeType::Workspace: return tr("Workspace");
    case budgets::ScopeType::OrgUnit: return tr("Org unit");
    case budgets::ScopeType::Department: return tr("Department");
    case budgets::ScopeType::Team: return tr("Team");
    case budgets::ScopeType::Project: return tr("Project");
    }
    return {};
}

QString BudgetModel::levelLabel(budgets::BudgetLevel level)
{
    switch (level) {
    case budgets::BudgetLevel::Green: return tr("Green");
    case budgets::BudgetLevel::Amber: return tr("Amber");
    case budgets::BudgetLevel::Red: return tr("Red");
    }
    return {};
}

QColor BudgetModel::levelColor(budgets::BudgetLevel level)
{
    switch (level) {
    case budgets::BudgetLevel::Green: return QColor(0xd7, 0xf0, 0xdc);
    case budgets::BudgetLevel::Amber: return QColor(0xff, 0xe6, 0xb3);
    case budgets::BudgetLevel::Red: return QColor(0xf8, 0xc9, 0xc4);
    }
    return {};
}

} // namespace ll::ui

#include "insightmodel.h"

#include "common/format.h"
#include "common/money.h"

namespace ll::ui {

InsightModel::InsightModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::InsightSummary;
    setColumns({
        {.title = tr("Insight"),
            .display = cellOf(&Row::title),
            .toolTip = [](const Row &r) -> QVariant { return r.detail.isEmpty() ? QVariant() : QVariant(r.detail); }},
        {.title = tr("Workspace"), .display = cellOf(&Row::workspaceId)},
        {.title = tr("Impact"),
            .kind = ColumnKind::Money,
            .display = [this](const Row &r) -> QVariant { return formatMoney(r.impactNanos, m_currency); },
            .sort = cellOf(&Row::impactNanos),
            .alignment = kNumberAlignment},
        {.title = tr("Period"),
            .display = [](const Row &r) -> QVariant { return formatPeriod(r.firstDay, r.lastDay); },
            .sort = cellOf(&Row::firstDay)},
        {.title = tr("Status"), .display = cellOf(&Row::status)},
    });
}

void InsightModel::setRows(QList<reports::InsightSummary> rows, QString currency)
{
    resetRows(std::move(rows), [this, &currency] { m_currency = std::move(currency); });
}

} // namespace ll::ui

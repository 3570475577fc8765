#include "runmodel.h"

#include "common/format.h"
#include "common/money.h"
#include "models/workloadmodel.h"

#include <QBrush>
#include <QColor>

namespace ll::ui {

RunModel::RunModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::RunRow;
    QList<ColumnSpec> columns{
        {.title = tr("Run"), .display = cellOf(&Row::runId)},
        {.title = tr("Start day"),
            .display = [](const Row &r) -> QVariant { return formatDate(r.startDay); },
            .sort = cellOf(&Row::startDay)},
        {.title = tr("Result"),
            .display = [](const Row &r) -> QVariant { return r.resultState.isEmpty() ? QStringLiteral("\u2014") : r.resultState; },
            .sort = cellOf(&Row::resultState)},
        {.title = tr("Duration"),
            .display = [](const Row &r) -> QVariant { return WorkloadModel::formatDuration(r.durationSeconds); },
            // unknown sorts lowest
            .sort = [](const Row &r) -> QVariant { return QVariant::fromValue<qint64>(r.durationSeconds.value_or(-1)); },
            .alignment = kNumberAlignment},
        {.title = tr("Cost"),
            .kind = ColumnKind::Money,
            .display = [this](const Row &r) -> QVariant { return formatMoney(r.costNanos, m_currency); },
            .sort = cellOf(&Row::costNanos),
            .alignment = kNumberAlignment},
    };
    // A failed run is marked across the whole row.
    for (ColumnSpec &c : columns) {
        c.toolTip = [](const Row &r) -> QVariant {
            return r.failed ? QVariant(tr("This run failed; its cost bought no result.")) : QVariant();
        };
        c.background = [](const Row &r) -> QVariant { return r.failed ? QVariant(QBrush(QColor(255, 225, 225))) : QVariant(); };
        c.foreground = [](const Row &r) -> QVariant { return r.failed ? QVariant(QBrush(QColor(150, 0, 0))) : QVariant(); };
    }
    setColumns(std::move(columns));
}

void RunModel::setRows(QList<reports::RunRow> rows, QString currency)
{
    resetRows(std::move(rows), [this, &currency] { m_currency = std::move(currency); });
}

} // namespace ll::ui

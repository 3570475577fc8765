#include "workloadmodel.h"

#include "common/format.h"
#include "common/money.h"

namespace ll::ui {

WorkloadModel::WorkloadModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::WorkloadRow;
    const auto name = [](const Row &r) -> QVariant { return r.name.isEmpty() ? r.workUnitId : r.name; };
    const auto money = [this](const QString &title, std::int64_t Row::*member) {
        return ColumnSpec{.title = title,
            .kind = ColumnKind::Money,
            .display = [this, member](const Row &r) -> QVariant { return formatMoney(r.*member, m_currency); },
            .sort = cellOf(member),
            .alignment = kNumberAlignment};
    };
    const auto count = [](const QString &title, std::int64_t Row::*member) {
        return ColumnSpec{.title = title,
            .kind = ColumnKind::Integer,
            .display = [member](const Row &r) -> QVariant { return formatCount(r.*member); },
            .sort = cellOf(member),
            .alignment = kNumberAlignment};
    };
    setColumns({
        {.title = tr("Name"),
            .display = name,
            .toolTip = [](const Row &r) -> QVariant { return tr("%1 %2").arg(r.workUnitType, r.workUnitId); }},
        {.title = tr("Type"), .display = cellOf(&Row::workUnitType)},
        {.title = tr("Workspace"), .display = cellOf(&Row::workspaceId)},
        money(tr("Cost"), &Row::costNanos),
        count(tr("Runs"), &Row::runs),
        count(tr("Failed runs"), &Row::failedRuns),
        money(tr("Failed-run cost"), &Row::failedRunCostNanos),
        // Text in CSV: the average may be unknown ("—").
        {.title = tr("Avg duration"),
            .display = [](const Row &r) -> QVariant { return formatDuration(averageDurationSeconds(r)); },
            // unknown sorts lowest
            .sort = [](const Row &r) -> QVariant { return QVariant::fromValue<qint64>(averageDurationSeconds(r).value_or(-1)); },
            .alignment = kNumberAlignment},
    });
}

void WorkloadModel::setRows(QList<reports::WorkloadRow> rows, QString currency)
{
    resetRows(std::move(rows), [this, &currency] { m_currency = std::move(currency); });
}

std::optional<std::int64_t> WorkloadModel::averageDurationSeconds(const reports::WorkloadRow &row)
{
    if (row.runs <= 0)
        return std::nullopt;
    return row.runDurationSeconds / row.runs;
}

QString WorkloadModel::formatDuration(const std::optional<std::int64_t> &seconds)
{
    if (!seconds)
        return QStringLiteral("\u2014");
    const std::int64_t s = *seconds;
    if (s >= 3600)
        return tr("%1h %2m").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    if (s >= 60)
        return tr("%1m %2s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1s").arg(s);
}

} // namespace ll::ui

#include "workloadmodel.h"

#include "common/format.h"
#include "common/money.h"
#include "common/unpriced.h"

#include <QBrush>

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
            .toolTip = [](const Row &r) -> QVariant {
                const QString source = sourceDescription(r.workUnitType, r.source);
                // The whole name first: narrow tables (the Overview's) elide it.
                const QString id = tr("%1\n%2 %3").arg(r.name, r.workUnitType, r.workUnitId);
                return source.isEmpty() ? id : tr("%1\n%2").arg(id, source);
            }},
        {.title = tr("Type"), .display = cellOf(&Row::workUnitType)},
        {.title = tr("Workspace"),
            .display = [](const Row &r) -> QVariant { return r.workspaceName.isEmpty() ? r.workspaceId : r.workspaceName; },
            .toolTip = [](const Row &r) -> QVariant { return tr("Workspace %1").arg(r.workspaceId); }},
        // Unpriced usage is in no cost: the Cost Explorer's marker, so "$0.00" never reads as free.
        {.title = tr("Cost"),
            .kind = ColumnKind::Money,
            .display = [this](
                           const Row &r) -> QVariant { return formatCostWithUnpriced(r.costNanos, r.unpricedQuantityNanos, m_currency); },
            .sort = cellOf(&Row::costNanos),
            .toolTip = [](const Row &r) -> QVariant {
                return r.unpricedQuantityNanos > 0 ? QVariant(unpricedToolTip(r.unpricedQuantityNanos)) : QVariant();
            },
            .alignment = kNumberAlignment,
            .foreground = [](const Row &r) -> QVariant {
                return r.unpricedQuantityNanos > 0 ? QVariant(QBrush(unpricedColor())) : QVariant();
            }},
        count(tr("Runs"), &Row::runs),
        count(tr("Failed runs"), &Row::failedRuns),
        money(tr("Failed-run cost"), &Row::failedRunCostNanos),
        // Text in CSV: the average may be unknown ("—").
        {.title = tr("Avg duration"),
            .display = [](const Row &r) -> QVariant { return formatDuration(averageDurationSeconds(r)); },
            // unknown sorts lowest
            .sort = [](const Row &r) -> QVariant { return QVariant::fromValue<qint64>(averageDurationSeconds(r).value_or(-1)); },
            .alignment = kNumberAlignment},
        {.title = tr("Source"),
            .display = [](const Row &r) -> QVariant { return sourceText(r.source); },
            .sort = [](const Row &r) -> QVariant { return static_cast<int>(r.source); },
            .toolTip = [](const Row &r) -> QVariant { return sourceDescription(r.workUnitType, r.source); }},
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

QString WorkloadModel::sourceText(reports::EntitySource source)
{
    switch (source) {
    case reports::EntitySource::System: return tr("System table");
    case reports::EntitySource::Rest: return tr("REST API");
    case reports::EntitySource::RestOnly: return tr("REST API only");
    case reports::EntitySource::None: break;
    }
    return tr("Usage only");
}

QString WorkloadModel::sourceDescription(const QString &type, reports::EntitySource source)
{
    QString api;
    if (type == QLatin1String("job"))
        api = tr("the Jobs API");
    else if (type == QLatin1String("pipeline"))
        api = tr("the Pipelines API");
    else if (type == QLatin1String("cluster"))
        api = tr("the Clusters API");
    else if (type == QLatin1String("warehouse"))
        api = tr("the SQL Warehouses API");
    const QString table = reports::entitySystemTable(type);
    if (api.isEmpty() || table.isEmpty())
        return tr("No entity table: named from usage only");
    switch (source) {
    case reports::EntitySource::System: return tr("From %1").arg(table);
    case reports::EntitySource::Rest: return tr("From %1 (newer than %2)").arg(api, table);
    case reports::EntitySource::RestOnly: return tr("From %1 (%2 not available)").arg(api, table);
    case reports::EntitySource::None: break;
    }
    return tr("Not in %1 or %2: named from usage only").arg(table, api);
}

} // namespace ll::ui

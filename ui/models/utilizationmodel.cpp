#include "utilizationmodel.h"

#include "common/format.h"
#include "models/workloadmodel.h"

#include <QLocale>

#include <optional>

namespace ll::ui {

namespace {

using Row = reports::UtilizationRow;

bool isCluster(const Row &row) { return row.kind == QLatin1String("cluster"); }

// Seconds as hours, for the kind the column applies to only.
std::function<std::optional<double>(const Row &)> hours(std::int64_t Row::*seconds, bool forCluster)
{
    return [seconds, forCluster](const Row &row) -> std::optional<double> {
        if (isCluster(row) != forCluster)
            return std::nullopt;
        return static_cast<double>(row.*seconds) / 3600.0;
    };
}

// Hundredths of a percent (or basis points) as a percentage, for the kind the column applies to only.
std::function<std::optional<double>(const Row &)> percent(std::optional<std::int64_t> Row::*hundredths, bool forCluster)
{
    return [hundredths, forCluster](const Row &row) -> std::optional<double> {
        if (isCluster(row) != forCluster || !(row.*hundredths))
            return std::nullopt;
        return static_cast<double>(*(row.*hundredths)) / 100.0;
    };
}

QString dash()
{
    return QStringLiteral("\u2014");
}

} // namespace

UtilizationModel::UtilizationModel(QObject *parent) : ColumnTableModel(parent)
{
    // Every figure applies to only one kind ("—" for the other), so CSV writes the display text
    // (every column is ColumnKind::Text); not applicable or unknown sorts lowest.
    const auto figure = [](const QString &title, const std::function<std::optional<double>(const Row &)> &value, bool isPercent) {
        return ColumnSpec{.title = title,
            .display = [value, isPercent](const Row &r) -> QVariant {
                const std::optional<double> v = value(r);
                if (!v)
                    return dash();
                return isPercent ? formatPercent(*v) : QLocale().toString(*v, 'f', 1);
            },
            .sort = [value](const Row &r) -> QVariant { return value(r).value_or(-1.0); },
            .alignment = kNumberAlignment};
    };
    const auto name = [](const Row &r) -> QVariant { return r.name.isEmpty() ? r.id : r.name; };
    setColumns({
        {.title = tr("Name"),
            .display = name,
            .toolTip = [](const Row &r) -> QVariant { return tr("%1\n%2").arg(r.id, WorkloadModel::sourceDescription(r.kind, r.source)); }},
        {.title = tr("Kind"),
            .display = [](const Row &r) -> QVariant { return isCluster(r) ? tr("Cluster") : tr("Warehouse"); },
            .sort = cellOf(&Row::kind)},
        {.title = tr("Workspace"),
            .display = [](const Row &r) -> QVariant { return r.workspaceName.isEmpty() ? r.workspaceId : r.workspaceName; },
            .toolTip = [](const Row &r) -> QVariant { return tr("Workspace %1").arg(r.workspaceId); }},
        figure(tr("Node hours"), hours(&Row::nodeSeconds, true), false),
        figure(tr("Avg CPU"), percent(&Row::avgCpuCentiPercent, true), true),
        figure(tr("Avg memory"), percent(&Row::avgMemCentiPercent, true), true),
        figure(tr("Running hours"), hours(&Row::runningSeconds, false), false),
        figure(tr("Busy share"), percent(&Row::busyShareBasisPoints, false), true),
        figure(tr("Idle running hours"), hours(&Row::idleRunningSeconds, false), false),
        {.title = tr("Queries"),
            .display = [](const Row &r) -> QVariant { return isCluster(r) ? dash() : formatCount(r.queries); },
            .sort = [](const Row &r) -> QVariant { return QVariant::fromValue<qint64>(isCluster(r) ? -1 : r.queries); },
            .alignment = kNumberAlignment},
        {.title = tr("Source"),
            .display = [](const Row &r) -> QVariant { return WorkloadModel::sourceText(r.source); },
            .sort = [](const Row &r) -> QVariant { return static_cast<int>(r.source); },
            .toolTip = [](const Row &r) -> QVariant { return WorkloadModel::sourceDescription(r.kind, r.source); }},
    });
}

} // namespace ll::ui

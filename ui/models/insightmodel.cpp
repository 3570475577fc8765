#include "insightmodel.h"

#include "common/format.h"
#include "common/money.h"

namespace ll::ui {
namespace {

int severityRank(const QString &severity)
{
    if (severity == QLatin1String("high"))
        return 3;
    if (severity == QLatin1String("medium"))
        return 2;
    if (severity == QLatin1String("low"))
        return 1;
    return 0;
}

} // namespace

QString InsightModel::typeLabel(const QString &kind)
{
    if (kind == QLatin1String("cost_spike"))
        return tr("Cost spike");
    if (kind == QLatin1String("cost_drop"))
        return tr("Cost drop");
    if (kind == QLatin1String("jobs_on_all_purpose"))
        return tr("Job on all-purpose compute");
    if (kind == QLatin1String("runaway_run"))
        return tr("Runaway run");
    if (kind == QLatin1String("failed_run_waste"))
        return tr("Failed-run waste");
    if (kind == QLatin1String("retry_storm"))
        return tr("Retry storm");
    if (kind == QLatin1String("idle_cluster"))
        return tr("Idle cluster");
    if (kind == QLatin1String("long_autotermination"))
        return tr("Long auto-termination");
    if (kind == QLatin1String("idle_warehouse"))
        return tr("Idle SQL warehouse");
    if (kind == QLatin1String("always_on_warehouse"))
        return tr("Always-on SQL warehouse");
    if (kind == QLatin1String("oversized_compute"))
        return tr("Oversized compute");
    if (kind == QLatin1String("tag_hygiene"))
        return tr("Tag hygiene");
    if (kind == QLatin1String("attribution_declining"))
        return tr("Attribution declining");
    if (kind == QLatin1String("budget_at_risk"))
        return tr("Budget at risk");
    return kind;
}

QString InsightModel::statusLabel(const QString &status)
{
    if (status == QLatin1String("new"))
        return tr("New");
    if (status == QLatin1String("acknowledged"))
        return tr("Acknowledged");
    if (status == QLatin1String("resolved"))
        return tr("Resolved");
    if (status == QLatin1String("dismissed"))
        return tr("Dismissed");
    return status;
}

QString InsightModel::severityLabel(const QString &severity)
{
    if (severity == QLatin1String("high"))
        return tr("High");
    if (severity == QLatin1String("medium"))
        return tr("Medium");
    if (severity == QLatin1String("low"))
        return tr("Low");
    if (severity == QLatin1String("info"))
        return tr("Info");
    return severity;
}

InsightModel::InsightModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::InsightSummary;
    setColumns({
        {.title = tr("Severity"),
            .display = [](const Row &r) -> QVariant { return severityLabel(r.severity); },
            .sort = [](const Row &r) -> QVariant { return severityRank(r.severity); }},
        {.title = tr("Type"), .display = [](const Row &r) -> QVariant { return typeLabel(r.kind); }},
        {.title = tr("Insight"),
            .display = cellOf(&Row::title),
            .toolTip = [](const Row &r) -> QVariant { return r.detail.isEmpty() ? QVariant() : QVariant(r.detail); }},
        {.title = tr("Scope"),
            .display = [](const Row &r) -> QVariant { return r.scopeName.isEmpty() ? r.scopeId : r.scopeName; },
            .toolTip = [](const Row &r) -> QVariant { return QStringLiteral("%1 %2").arg(r.scopeType, r.scopeId); }},
        {.title = tr("Workspace"),
            .display = [](const Row &r) -> QVariant { return r.workspaceName.isEmpty() ? r.workspaceId : r.workspaceName; },
            .toolTip = [](const Row &r) -> QVariant { return r.workspaceId.isEmpty() ? QVariant() : QVariant(r.workspaceId); }},
        {.title = tr("Monthly saving"),
            .kind = ColumnKind::Money,
            .display = [this](const Row &r) -> QVariant { return r.impactNanos > 0 ? formatMoney(r.impactNanos, m_currency) : tr("—"); },
            .sort = cellOf(&Row::impactNanos),
            .toolTip = [](const Row &r) -> QVariant { return r.savingsFormula.isEmpty() ? QVariant() : QVariant(r.savingsFormula); },
            .alignment = kNumberAlignment},
        {.title = tr("Period"),
            .display = [](const Row &r) -> QVariant { return formatPeriod(r.firstDay, r.lastDay); },
            .sort = cellOf(&Row::firstDay)},
        {.title = tr("Status"),
            .display = [](const Row &r) -> QVariant { return statusLabel(r.status); },
            .toolTip = [](const Row &r) -> QVariant {
                return r.statusReason.isEmpty() ? QVariant() : QVariant(r.statusActor + QStringLiteral(": ") + r.statusReason);
            }},
    });
}

void InsightModel::setRows(QList<reports::InsightSummary> rows, QString currency)
{
    resetRows(std::move(rows), [this, &currency] { m_currency = std::move(currency); });
}

} // namespace ll::ui

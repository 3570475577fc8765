#include "idlecluster.h"

#include "clusterhours.h"

#include <QJsonValue>
#include <QMap>

namespace ll::insights {
namespace {

const QString kKind = QStringLiteral("idle_cluster");

} // namespace

Result<QList<Finding>> IdleClusterDetector::detect(const DetectorContext &context)
{
    const Thresholds &t = context.thresholds;
    const DayWindow window = trailingWindow(context, static_cast<int>(t.value(kKind, QStringLiteral("window_days"))));
    const IdleRule rule = IdleRule::fromThresholds(t);
    const double minPerDay = t.value(kKind, QStringLiteral("min_idle_hours_per_day"));
    const double highPerDay = t.value(kKind, QStringLiteral("high_idle_hours_per_day"));
    const double mediumPerDay = t.value(kKind, QStringLiteral("medium_idle_hours_per_day"));
    const std::int64_t minSaving = t.nanos(kKind, QStringLiteral("min_savings_usd"));
    auto clusters = loadAllPurposeClusterHours(context.db, window, rule);
    if (!clusters)
        return clusters.error();

    QList<Finding> findings;
    for (const ClusterHours &c : *clusters) {
        std::int64_t idleCost = 0, totalCost = 0;
        int idleHours = 0, sampledIdle = 0;
        QMap<QDate, EvidenceDay> days;
        for (const ClusterHour &h : c.hours) {
            EvidenceDay &d = days[h.day()];
            d.day = h.day();
            d.baselineNanos = d.baselineNanos.value_or(0) + h.costNanos;
            totalCost += h.costNanos;
            if (!h.idle)
                continue;
            d.valueNanos += h.costNanos;
            idleCost += h.costNanos;
            ++idleHours;
            sampledIdle += h.sampled ? 1 : 0;
        }
        const double perDay = static_cast<double>(idleHours) / window.days();
        const std::int64_t monthly = perMonth(idleCost, window.days());
        if (idleHours == 0 || perDay < minPerDay || monthly < minSaving)
            continue;
        QDate first, last;
        for (const EvidenceDay &d : days) {
            if (d.valueNanos == 0)
                continue;
            if (!first.isValid())
                first = d.day;
            last = d.day;
        }
        Finding f;
        f.kind = kKind;
        f.scopeType = ScopeType::Cluster;
        f.scopeId = c.clusterId;
        f.scopeName = c.scopeName();
        f.workspaceId = c.workspaceId;
        f.severity = perDay >= highPerDay ? Severity::High : perDay >= mediumPerDay ? Severity::Medium : Severity::Low;
        const QString perDayText = QString::number(perDay, 'f', 1);
        f.title = QStringLiteral("%1 idles %2 h a day").arg(c.label(), perDayText);
        const QString judged = c.hasSamples
            ? QStringLiteral("no job run or query attached and mean CPU below %1% and memory below %2% (node timeline)")
                  .arg(QString::number(rule.cpuPct), QString::number(rule.memPct))
            : QStringLiteral("no job run or query attached (the node timeline has no samples for this cluster)");
        f.detail = QStringLiteral("All-purpose cluster %1 (%2) in workspace %3 was billed for %4 idle hour(s) between %5 and %6 "
                                  "(%7 a day over %8 days): %9. Those hours cost %10 of its %11. "
                                  "Terminate it when unused, or set a short auto-termination.")
                       .arg(c.label(), c.clusterId, c.workspaceLabel(), QString::number(idleHours), window.firstText(), window.lastText(),
                           perDayText, QString::number(window.days()), judged)
                       .arg(usd(idleCost), usd(totalCost));
        f.monthlySavingsNanos = monthly;
        f.savingsFormula = QStringLiteral("billed cost of the idle hours over the %1 days %2..%3, x 30 / %1: %4 x 30 / %1 = %5")
                               .arg(QString::number(window.days()), window.firstText(), window.lastText(), usd(idleCost), usd(monthly));
        f.firstDay = first;
        f.lastDay = last;
        f.evidence = QJsonObject{{QStringLiteral("cluster_id"), c.clusterId}, {QStringLiteral("idle_hours"), idleHours},
            {QStringLiteral("idle_hours_with_samples"), sampledIdle}, {QStringLiteral("billed_hours"), static_cast<int>(c.hours.size())},
            {QStringLiteral("idle_hours_per_day"), perDayText}, {QStringLiteral("idle_cost"), formatNanos(idleCost, 2)},
            {QStringLiteral("total_cost"), formatNanos(totalCost, 2)}, {QStringLiteral("cpu_idle_pct"), rule.cpuPct},
            {QStringLiteral("mem_idle_pct"), rule.memPct},
            {QStringLiteral("judged_by"), c.hasSamples ? QStringLiteral("node_timeline") : QStringLiteral("activity")},
            {QStringLiteral("auto_termination_minutes"),
                c.autoTerminationMinutes ? QJsonValue(*c.autoTerminationMinutes) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("window"), window.firstText() + QStringLiteral("..") + window.lastText()}};
        f.series = days.values();
        f.lineFilter = QJsonObject{{QStringLiteral("workspace_id"), c.workspaceId}, {QStringLiteral("cluster_id"), c.clusterId},
            {QStringLiteral("from"), window.firstText()}, {QStringLiteral("to"), window.lastText()}};
        findings.append(f);
    }
    return findings;
}

} // namespace ll::insights

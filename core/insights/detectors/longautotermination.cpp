#include "longautotermination.h"

#include "clusterhours.h"

#include <QJsonValue>
#include <QMap>

namespace ll::insights {
namespace {

const QString kKind = QStringLiteral("long_autotermination");

struct Stretch {
    std::int64_t cost = 0;
    int hours = 0;
};

// What a `target`-minute auto-termination would have cut from a stretch of idle hours: the
// cluster stops `target` minutes into the stretch, so (60 h - target) / (60 h) of its cost.
std::int64_t cutOf(const Stretch &s, int target)
{
    const std::int64_t minutes = 60LL * s.hours;
    if (minutes <= target)
        return 0;
    return static_cast<std::int64_t>(static_cast<Int128>(s.cost) * (minutes - target) / minutes);
}

} // namespace

Result<QList<Finding>> LongAutoterminationDetector::detect(const DetectorContext &context)
{
    const Thresholds &t = context.thresholds;
    const DayWindow window = trailingWindow(context, static_cast<int>(t.value(kKind, QStringLiteral("window_days"))));
    const int maxMinutes = static_cast<int>(t.value(kKind, QStringLiteral("max_minutes")));
    const int target = static_cast<int>(t.value(kKind, QStringLiteral("recommended_minutes")));
    auto clusters = loadAllPurposeClusterHours(context.db, window, IdleRule::fromThresholds(t));
    if (!clusters)
        return clusters.error();

    QList<Finding> findings;
    for (const ClusterHours &c : *clusters) {
        const std::optional<int> current = c.autoTerminationMinutes;
        const bool disabled = !current || *current <= 0;
        if (!disabled && *current <= maxMinutes)
            continue;
        // Maximal runs of consecutive idle hours; a busy or unbilled hour ends a stretch.
        std::int64_t cut = 0, idleCost = 0, totalCost = 0;
        int stretches = 0, idleHours = 0;
        Stretch open;
        std::int64_t previous = 0;
        QMap<QDate, EvidenceDay> days;
        auto close = [&] {
            if (open.hours > 0) {
                cut += cutOf(open, target);
                ++stretches;
            }
            open = {};
        };
        for (const ClusterHour &h : c.hours) {
            EvidenceDay &d = days[h.day()];
            d.day = h.day();
            d.valueNanos += h.costNanos;
            totalCost += h.costNanos;
            if (!h.idle || h.hour != previous + 3600)
                close();
            previous = h.hour;
            if (!h.idle)
                continue;
            open.cost += h.costNanos;
            ++open.hours;
            idleCost += h.costNanos;
            ++idleHours;
        }
        close();
        const std::int64_t monthly = perMonth(cut, window.days());
        Finding f;
        f.kind = kKind;
        f.scopeType = ScopeType::Cluster;
        f.scopeId = c.clusterId;
        f.scopeName = c.scopeName();
        f.workspaceId = c.workspaceId;
        // Disabled auto-termination is a standing risk even in a window without idle stretches.
        f.severity = std::max(severityForMonthlySaving(monthly), disabled ? Severity::Low : Severity::Info);
        const QString setting = disabled ? QStringLiteral("disabled") : QStringLiteral("%1 minutes").arg(*current);
        f.title = disabled ? QStringLiteral("%1 never auto-terminates").arg(c.label())
                           : QStringLiteral("%1 auto-terminates only after %2 minutes").arg(c.label(), QString::number(*current));
        f.detail = QStringLiteral("All-purpose cluster %1 (%2) in workspace %3 has auto-termination %4 (limit: %5 minutes). "
                                  "Between %6 and %7 it had %8 idle stretch(es), %9 idle hour(s) costing %10. "
                                  "With auto-termination at %11 minutes it would have stopped %11 minutes into each stretch, "
                                  "cutting %12.")
                       .arg(c.label(), c.clusterId, c.workspaceLabel(), setting, QString::number(maxMinutes), window.firstText(),
                           window.lastText(), QString::number(stretches), QString::number(idleHours))
                       .arg(usd(idleCost), QString::number(target), usd(cut));
        f.monthlySavingsNanos = monthly;
        f.savingsFormula = QStringLiteral("sum over idle stretches of cost x (60 x hours - %1) / (60 x hours), over the %2 days %3..%4, "
                                          "x 30 / %2: %5 x 30 / %2 = %6")
                               .arg(QString::number(target), QString::number(window.days()), window.firstText(), window.lastText(),
                                   usd(cut), usd(monthly));
        f.firstDay = c.hours.first().day();
        f.lastDay = c.hours.last().day();
        f.evidence = QJsonObject{{QStringLiteral("cluster_id"), c.clusterId},
            {QStringLiteral("auto_termination_minutes"), current ? QJsonValue(*current) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("recommended_auto_termination_minutes"), target}, {QStringLiteral("max_minutes"), maxMinutes},
            {QStringLiteral("idle_stretches"), stretches}, {QStringLiteral("idle_hours"), idleHours},
            {QStringLiteral("idle_cost"), formatNanos(idleCost, 2)}, {QStringLiteral("cut_in_window"), formatNanos(cut, 2)},
            {QStringLiteral("total_cost"), formatNanos(totalCost, 2)},
            {QStringLiteral("window"), window.firstText() + QStringLiteral("..") + window.lastText()}};
        f.series = days.values();
        f.lineFilter = QJsonObject{{QStringLiteral("workspace_id"), c.workspaceId}, {QStringLiteral("cluster_id"), c.clusterId},
            {QStringLiteral("from"), window.firstText()}, {QStringLiteral("to"), window.lastText()}};
        findings.append(f);
    }
    return findings;
}

} // namespace ll::insights

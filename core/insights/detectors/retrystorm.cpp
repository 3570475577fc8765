#include "retrystorm.h"

#include "detectorlabels.h"
#include "rundaily.h"

#include <QJsonArray>

#include <cmath>

namespace ll::insights {
namespace {

const QString kKind = QStringLiteral("retry_storm");
constexpr int kMaxRunIds = 50;

} // namespace

Result<QList<Finding>> RetryStormDetector::detect(const DetectorContext &context)
{
    const Thresholds &t = context.thresholds;
    const DayWindow window = trailingWindow(context, static_cast<int>(t.value(kKind, QStringLiteral("window_days"))));
    const auto minPerDay = static_cast<std::int64_t>(t.value(kKind, QStringLiteral("min_failed_per_day")));
    const auto minRuns = static_cast<std::int64_t>(t.value(kKind, QStringLiteral("min_runs")));
    const double minShare = t.value(kKind, QStringLiteral("min_failure_pct")) / 100.0;
    const std::int64_t minCost = t.nanos(kKind, QStringLiteral("min_failed_cost_usd"));
    auto parents = readRunDays(context.db, window);
    if (!parents)
        return parents.error();
    reports::EntityNames names(context.db);
    QList<Finding> findings;
    for (const RunParent &p : *parents) {
        if (p.scopeType() != ScopeType::Job || p.failedRuns == 0)
            continue;
        const RunDay *worst = &p.days.first();
        for (const RunDay &d : p.days)
            if (d.failedRuns > worst->failedRuns)
                worst = &d;
        const double share = p.runs > 0 ? static_cast<double>(p.failedRuns) / static_cast<double>(p.runs) : 0.0;
        const bool burst = worst->failedRuns >= minPerDay;
        const bool chronic = p.runs >= minRuns && share >= minShare;
        if (!(burst || chronic) || p.failedCost < minCost)
            continue;
        auto ids = failedRunIds(context.db, p, window, kMaxRunIds);
        if (!ids)
            return ids.error();
        auto nameFound = scopeLabel(names, QStringLiteral("job"), p.parent, QStringLiteral("Job"));
        if (!nameFound)
            return nameFound.error();
        const ScopeLabel name = *nameFound;
        Finding f;
        f.kind = kKind;
        f.scopeType = ScopeType::Job;
        f.scopeId = p.parent;
        f.scopeName = name.name;
        f.workspaceId = p.workspace;
        // Not extrapolated (see the header): the storm's own failed-run cost.
        f.monthlySavingsNanos = p.failedCost;
        f.severity = severityForMonthlySaving(p.failedCost);
        // A storm that keeps going is an incident whatever its dollars so far.
        if (f.severity < Severity::Low)
            f.severity = Severity::Low;
        f.title =
            QStringLiteral("%1: %2 failed runs in %3 days").arg(name.label, QString::number(p.failedRuns), QString::number(window.days()));
        const QString why = burst
            ? QStringLiteral("%1 failed runs on %2").arg(QString::number(worst->failedRuns), worst->day.toString(Qt::ISODate))
            : QStringLiteral("%1% of its runs failed").arg(QString::number(share * 100.0, 'f', 0));
        f.detail = QStringLiteral("%1 (job %2) is in a retry storm: %3. Between %4 and %5 it had %6 failed run(s) of %7, costing %8. "
                                  "Stop or fix the job before retrying it again.")
                       .arg(name.label, p.parent, why, window.firstText(), window.lastText(), QString::number(p.failedRuns),
                           QString::number(p.runs), usd(p.failedCost));
        f.savingsFormula = QStringLiteral("cost of the failed runs over the %1 days %2..%3, not extrapolated (a storm is an incident): %4")
                               .arg(QString::number(window.days()), window.firstText(), window.lastText(), usd(p.failedCost));
        f.firstDay = p.firstFailure;
        f.lastDay = p.lastFailure;
        QJsonArray runIds;
        for (const QString &id : *ids)
            runIds.append(id);
        f.evidence = QJsonObject{{QStringLiteral("job_id"), p.parent}, {QStringLiteral("workspace_id"), p.workspace},
            {QStringLiteral("runs"), static_cast<qint64>(p.runs)}, {QStringLiteral("failed_runs"), static_cast<qint64>(p.failedRuns)},
            {QStringLiteral("failure_share_pct"), std::round(share * 1000.0) / 10.0},
            {QStringLiteral("worst_day"), worst->day.toString(Qt::ISODate)},
            {QStringLiteral("worst_day_failed_runs"), static_cast<qint64>(worst->failedRuns)},
            {QStringLiteral("failed_run_cost"), formatNanos(p.failedCost, 2)}, {QStringLiteral("failed_run_ids"), runIds},
            {QStringLiteral("trigger"), burst ? QStringLiteral("failed_per_day") : QStringLiteral("failure_share")},
            {QStringLiteral("window"), window.firstText() + QStringLiteral("..") + window.lastText()}};
        for (const RunDay &d : p.days)
            f.series.append({d.day, d.failedCost, d.runCost});
        f.lineFilter = QJsonObject{{QStringLiteral("workspace_id"), p.workspace}, {QStringLiteral("job_id"), p.parent},
            {QStringLiteral("from"), window.firstText()}, {QStringLiteral("to"), window.lastText()}};
        findings.append(f);
    }
    return findings;
}

} // namespace ll::insights

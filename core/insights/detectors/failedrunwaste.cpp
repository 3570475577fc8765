#include "failedrunwaste.h"

#include "detectorlabels.h"
#include "rundaily.h"

#include <QJsonArray>

namespace ll::insights {
namespace {

const QString kKind = QStringLiteral("failed_run_waste");
constexpr int kMaxRunIds = 20; // evidence lists the first failed runs; the count says how many there were

} // namespace

Result<QList<Finding>> FailedRunWasteDetector::detect(const DetectorContext &context)
{
    const DayWindow window = trailingWindow(context, static_cast<int>(context.thresholds.value(kKind, QStringLiteral("window_days"))));
    const std::int64_t minSaving = context.thresholds.nanos(kKind, QStringLiteral("min_savings_usd"));
    auto parents = readRunDays(context.db, window);
    if (!parents)
        return parents.error();
    reports::EntityNames names(context.db);
    QList<Finding> findings;
    for (const RunParent &p : *parents) {
        const std::int64_t monthly = perMonth(p.failedCost, window.days());
        if (p.failedRuns == 0 || p.failedCost <= 0 || monthly < minSaving)
            continue;
        auto ids = failedRunIds(context.db, p, window, kMaxRunIds);
        if (!ids)
            return ids.error();
        const QString typeWord = p.scopeType() == ScopeType::Pipeline ? QStringLiteral("Pipeline") : QStringLiteral("Job");
        auto nameFound = scopeLabel(names, p.entityType(), p.parent, typeWord);
        if (!nameFound)
            return nameFound.error();
        const ScopeLabel name = *nameFound;
        const QString runWord = p.scopeType() == ScopeType::Pipeline ? QStringLiteral("update") : QStringLiteral("run");
        Finding f;
        f.kind = kKind;
        f.scopeType = p.scopeType();
        f.scopeId = p.parent;
        f.scopeName = name.name;
        f.workspaceId = p.workspace;
        f.severity = severityForMonthlySaving(monthly);
        f.title = QStringLiteral("%1: failed %2s cost %3 a month").arg(name.label, runWord, usd(monthly));
        f.detail = QStringLiteral("%1 (%2 %3) had %4 failed %5(s) of %6 between %7 and %8; they cost %9 of its %10 and produced "
                                  "nothing. Fix the cause of the failures (or stop retrying what cannot succeed).")
                       .arg(name.label, p.entityType(), p.parent, QString::number(p.failedRuns), runWord, QString::number(p.runs),
                           window.firstText(), window.lastText(), usd(p.failedCost), usd(p.runCost));
        f.monthlySavingsNanos = monthly;
        f.savingsFormula =
            QStringLiteral("cost of the failed %1s over the %2 days %3..%4, x 30 / %2: %5 x 30 / %2 = %6")
                .arg(runWord, QString::number(window.days()), window.firstText(), window.lastText(), usd(p.failedCost), usd(monthly));
        f.firstDay = p.firstFailure;
        f.lastDay = p.lastFailure;
        QJsonArray runIds;
        for (const QString &id : *ids)
            runIds.append(id);
        f.evidence = QJsonObject{{p.idKey(), p.parent}, {QStringLiteral("workspace_id"), p.workspace},
            {QStringLiteral("runs"), static_cast<qint64>(p.runs)}, {QStringLiteral("failed_runs"), static_cast<qint64>(p.failedRuns)},
            {QStringLiteral("failed_run_cost"), formatNanos(p.failedCost, 2)}, {QStringLiteral("run_cost"), formatNanos(p.runCost, 2)},
            {QStringLiteral("failed_run_ids"), runIds},
            {QStringLiteral("window"), window.firstText() + QStringLiteral("..") + window.lastText()}};
        for (const RunDay &d : p.days)
            f.series.append({d.day, d.failedCost, d.runCost});
        f.lineFilter = QJsonObject{{QStringLiteral("workspace_id"), p.workspace}, {p.idKey(), p.parent},
            {QStringLiteral("from"), window.firstText()}, {QStringLiteral("to"), window.lastText()}};
        findings.append(f);
    }
    return findings;
}

} // namespace ll::insights

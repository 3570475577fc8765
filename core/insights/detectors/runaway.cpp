#include "runaway.h"

#include "detectorlabels.h"
#include "insights/robuststats.h"

#include <QJsonArray>
#include <QMap>

#include <cmath>

namespace ll::insights {
namespace {

const QString kKind = QStringLiteral("runaway_run");

// Every run of the jobs that started a run in the window, with up to `lookback` days of history
// before it, in start order per job. ledger_run gives the start time (several runs a day); a run
// still going (result_state NULL) is judged on its duration so far but is never history.
const QByteArray kRuns = R"SQL(
SELECT r.workspace_id, r.parent_id, r.run_id, r.start_day, r.duration_seconds, r.cost_nanos, r.result_state, r.failed
FROM metrics_run r
LEFT JOIN ledger_run l ON l.run_kind = r.run_kind AND l.run_id = r.run_id
WHERE r.run_kind = 'job_run' AND r.start_day BETWEEN :history AND :last
  AND r.parent_id IN (SELECT parent_id FROM metrics_run WHERE run_kind = 'job_run' AND start_day BETWEEN :first AND :last)
ORDER BY r.workspace_id, r.parent_id, r.start_day, coalesce(l.start_time, 0), r.run_id
)SQL";

struct Run {
    QString runId;
    QDate day;
    std::optional<std::int64_t> duration;
    std::int64_t cost = 0;
    QString state;
    bool failed = false;
};

struct Job {
    QString workspace, job;
    QList<Run> runs;
};

struct Runaway {
    Run run;
    double medianDuration = 0, medianCost = 0;
    double zDuration = 0, zCost = 0;
    std::int64_t excessCost = 0;
    int historySize = 0;
};

struct Params {
    double minZ = 0, minSpread = 0, minExcessCost = 0, minExcessSeconds = 0;
    int minHistory = 0, historyRuns = 0;
};

QJsonObject runJson(const Runaway &r)
{
    QJsonObject o{{QStringLiteral("run_id"), r.run.runId}, {QStringLiteral("start_day"), r.run.day.toString(Qt::ISODate)},
        {QStringLiteral("state"), r.run.state.isEmpty() ? QStringLiteral("RUNNING") : r.run.state},
        {QStringLiteral("cost"), formatNanos(r.run.cost, 2)}, {QStringLiteral("median_cost"), formatNanos(std::llround(r.medianCost), 2)},
        {QStringLiteral("excess_cost"), formatNanos(r.excessCost, 2)}, {QStringLiteral("z_cost"), std::round(r.zCost * 100) / 100},
        {QStringLiteral("median_duration_seconds"), std::llround(r.medianDuration)},
        {QStringLiteral("z_duration"), std::round(r.zDuration * 100) / 100}, {QStringLiteral("history_runs"), r.historySize}};
    if (r.run.duration)
        o.insert(QStringLiteral("duration_seconds"), static_cast<qint64>(*r.run.duration));
    return o;
}

// The runaway runs of one job within [first, last].
QList<Runaway> judge(const Job &job, const DayWindow &window, const Params &p)
{
    QList<Runaway> found;
    QList<const Run *> history; // completed runs before the current one, oldest first
    for (const Run &run : job.runs) {
        if (run.day >= window.first && history.size() >= p.minHistory) {
            QList<double> durations, costs;
            for (qsizetype i = std::max<qsizetype>(0, history.size() - p.historyRuns); i < history.size(); ++i) {
                costs.append(static_cast<double>(history[i]->cost));
                if (history[i]->duration)
                    durations.append(static_cast<double>(*history[i]->duration));
            }
            Runaway r;
            r.run = run;
            r.historySize = static_cast<int>(costs.size());
            r.medianCost = median(costs);
            r.zCost = robustZ(
                static_cast<double>(run.cost), r.medianCost, medianAbsoluteDeviation(costs, r.medianCost), p.minSpread * r.medianCost);
            const double costExcess = static_cast<double>(run.cost) - r.medianCost;
            bool runaway = r.zCost >= p.minZ && costExcess >= p.minExcessCost;
            if (run.duration && durations.size() >= p.minHistory) {
                r.medianDuration = median(durations);
                r.zDuration = robustZ(static_cast<double>(*run.duration), r.medianDuration,
                    medianAbsoluteDeviation(durations, r.medianDuration), p.minSpread * r.medianDuration);
                runaway = runaway || (r.zDuration >= p.minZ && static_cast<double>(*run.duration) - r.medianDuration >= p.minExcessSeconds);
            }
            if (runaway) {
                r.excessCost = std::max<std::int64_t>(0, run.cost - std::llround(r.medianCost));
                found.append(r);
            }
        }
        if (!run.state.isEmpty())
            history.append(&run);
    }
    return found;
}

} // namespace

Result<QList<Finding>> RunawayRunDetector::detect(const DetectorContext &context)
{
    const Thresholds &t = context.thresholds;
    const DayWindow window = trailingWindow(context, static_cast<int>(t.value(kKind, QStringLiteral("window_days"))));
    Params p;
    p.minZ = t.value(kKind, QStringLiteral("min_z"));
    p.minSpread = t.value(kKind, QStringLiteral("min_spread_pct")) / 100.0;
    p.minExcessCost = static_cast<double>(t.nanos(kKind, QStringLiteral("min_excess_usd")));
    p.minExcessSeconds = t.value(kKind, QStringLiteral("min_excess_minutes")) * 60.0;
    p.minHistory = static_cast<int>(t.value(kKind, QStringLiteral("min_history_runs")));
    p.historyRuns = static_cast<int>(t.value(kKind, QStringLiteral("history_runs")));
    const std::int64_t minSaving = t.nanos(kKind, QStringLiteral("min_savings_usd"));
    const int lookbackDays = static_cast<int>(t.value(kKind, QStringLiteral("history_days")));

    auto stmt = context.db.prepare(kRuns);
    if (!stmt)
        return stmt.error();
    stmt->bind(":history", window.first.addDays(-lookbackDays).toString(Qt::ISODate));
    stmt->bind(":first", window.firstText());
    stmt->bind(":last", window.lastText());
    QList<Job> jobs;
    const Status read = stmt->forEachRow([&](const store::Statement &row) {
        if (jobs.isEmpty() || jobs.last().workspace != row.text(0) || jobs.last().job != row.text(1))
            jobs.append(Job{row.text(0), row.text(1), {}});
        jobs.last().runs.append(Run{row.text(2), QDate::fromString(row.text(3), Qt::ISODate), row.optInt(4), row.int64(5),
            row.isNull(6) ? QString() : row.text(6), row.int64(7) != 0});
    });
    if (!read)
        return read.error();

    reports::EntityNames names(context.db);
    QList<Finding> findings;
    for (const Job &job : jobs) {
        const QList<Runaway> runaways = judge(job, window, p);
        if (runaways.isEmpty())
            continue;
        std::int64_t excess = 0;
        QJsonArray runIds, runs;
        QMap<QDate, EvidenceDay> days;
        QStringList sentences;
        for (const Runaway &r : runaways) {
            excess += r.excessCost;
            runIds.append(r.run.runId);
            runs.append(runJson(r));
            EvidenceDay &d = days[r.run.day];
            d.day = r.run.day;
            d.valueNanos += r.run.cost;
            d.baselineNanos = d.baselineNanos.value_or(0) + std::llround(r.medianCost);
            sentences << QStringLiteral("run %1 on %2: %3 min vs a median of %4 min, %5 vs a median of %6")
                             .arg(r.run.runId, r.run.day.toString(Qt::ISODate),
                                 r.run.duration ? QString::number(static_cast<double>(*r.run.duration) / 60.0, 'f', 0)
                                                : QStringLiteral("?"),
                                 QString::number(r.medianDuration / 60.0, 'f', 0), usd(r.run.cost), usd(std::llround(r.medianCost)));
        }
        const std::int64_t monthly = perMonth(excess, window.days());
        const bool running = std::any_of(runaways.begin(), runaways.end(), [](const Runaway &r) { return r.run.state.isEmpty(); });
        // A run still going is worth cancelling before its excess shows in the bill.
        if (monthly < minSaving && !running)
            continue;
        auto jobNameFound = scopeLabel(names, QStringLiteral("job"), job.job, QStringLiteral("Job"));
        if (!jobNameFound)
            return jobNameFound.error();
        const ScopeLabel jobName = *jobNameFound;
        Finding f;
        f.kind = kKind;
        f.scopeType = ScopeType::Job;
        f.scopeId = job.job;
        f.scopeName = jobName.name;
        f.workspaceId = job.workspace;
        f.severity = severityForMonthlySaving(monthly);
        if (running && f.severity < Severity::Medium)
            f.severity = Severity::Medium; // a run still burning money is worth cancelling now
        f.title = runaways.size() == 1 ? QStringLiteral("%1: a runaway run").arg(jobName.label)
                                       : QStringLiteral("%1: %2 runaway runs").arg(jobName.label, QString::number(runaways.size()));
        f.detail = QStringLiteral("%1 (job %2) had %3 run(s) far above its own history (robust z >= %4 on duration or cost over "
                                  "its previous %5 completed runs): %6. Together they cost %7 more than the median run.")
                       .arg(jobName.label, job.job, QString::number(runaways.size()), QString::number(p.minZ),
                           QString::number(p.historyRuns), sentences.join(QStringLiteral("; ")), usd(excess));
        f.monthlySavingsNanos = monthly;
        QStringList terms;
        for (const Runaway &r : runaways)
            terms << QStringLiteral("(%1 - %2)").arg(usd(r.run.cost), usd(std::llround(r.medianCost)));
        f.savingsFormula = QStringLiteral("sum over the runaway runs of (run cost - the job's median run cost), over the %1 days %2..%3, "
                                          "x 30 / %1: [%4] x 30 / %1 = %5")
                               .arg(QString::number(window.days()), window.firstText(), window.lastText(),
                                   terms.join(QStringLiteral(" + ")), usd(monthly));
        f.firstDay = runaways.first().run.day;
        f.lastDay = runaways.last().run.day;
        f.evidence = QJsonObject{{QStringLiteral("job_id"), job.job}, {QStringLiteral("workspace_id"), job.workspace},
            {QStringLiteral("run_ids"), runIds}, {QStringLiteral("runs"), runs},
            {QStringLiteral("excess_cost_in_window"), formatNanos(excess, 2)},
            {QStringLiteral("window"), window.firstText() + QStringLiteral("..") + window.lastText()}};
        f.series = days.values();
        f.lineFilter = QJsonObject{{QStringLiteral("workspace_id"), job.workspace}, {QStringLiteral("job_id"), job.job},
            {QStringLiteral("from"), f.firstDay.toString(Qt::ISODate)}, {QStringLiteral("to"), window.lastText()}};
        findings.append(f);
    }
    return findings;
}

} // namespace ll::insights

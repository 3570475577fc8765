#include "jobsonallpurpose.h"

#include "ledger/listpricesql.h"
#include "reports/entitynames.h"

#include <QJsonArray>

namespace ll::insights {
namespace {

const QString kKind = QStringLiteral("jobs_on_all_purpose");

// Per job and day: its all-purpose cost and what the same quantity costs at the jobs-compute
// price of the same hour (NULL for an hour without such a price).
const QByteArray kDaily = R"SQL(
WITH lines AS (
    SELECT l.workspace_id, l.job_id, l.usage_day, l.cost_nanos, l.job_run_id,
           ()SQL"
    + ledger::sql::listPriceOf("ll_cost(l.quantity, p.effective_price)", "l", "replace(l.sku_name, 'ALL_PURPOSE_COMPUTE', 'JOBS_COMPUTE')")
    + R"SQL() AS jobs_cost
    FROM ledger_usage_line l
    WHERE l.usage_day BETWEEN :first AND :last
      AND l.job_id IS NOT NULL AND l.billing_origin_product = 'ALL_PURPOSE' AND l.cost_nanos IS NOT NULL
)
SELECT workspace_id, job_id, usage_day, sum(cost_nanos), sum(CASE WHEN jobs_cost IS NOT NULL THEN cost_nanos - jobs_cost END),
       count(jobs_cost) = count(*), count(DISTINCT job_run_id),
       (SELECT u.name FROM ledger_work_unit u WHERE u.work_unit_type = 'job' AND u.work_unit_id = lines.job_id),
       (SELECT w.workspace_name FROM ledger_workspace w WHERE w.workspace_id = lines.workspace_id)
FROM lines GROUP BY workspace_id, job_id, usage_day
ORDER BY workspace_id, job_id, usage_day
)SQL";

struct JobTotals {
    QString workspace, job, jobName, workspaceName;
    std::int64_t cost = 0, saving = 0, runs = 0;
    bool complete = true;
    QDate first, last;
    QList<EvidenceDay> series;
};

} // namespace

Result<QList<Finding>> JobsOnAllPurposeDetector::detect(const DetectorContext &context)
{
    const DayWindow window = trailingWindow(context, static_cast<int>(context.thresholds.value(kKind, QStringLiteral("window_days"))));
    const std::int64_t minSaving = context.thresholds.nanos(kKind, QStringLiteral("min_savings_usd"));
    auto stmt = context.db.prepare(kDaily);
    if (!stmt)
        return stmt.error();
    stmt->bind(":first", window.firstText());
    stmt->bind(":last", window.lastText());
    QList<JobTotals> jobs;
    const Status read = stmt->forEachRow([&](const store::Statement &row) {
        if (jobs.isEmpty() || jobs.last().workspace != row.text(0) || jobs.last().job != row.text(1)) {
            JobTotals t;
            t.workspace = row.text(0);
            t.job = row.text(1);
            t.jobName = row.text(7);
            t.workspaceName = row.text(8);
            jobs.append(t);
        }
        JobTotals &t = jobs.last();
        const QDate day = QDate::fromString(row.text(2), Qt::ISODate);
        const std::int64_t cost = row.int64(3);
        const std::int64_t saving = row.isNull(4) ? 0 : row.int64(4);
        t.cost += cost;
        t.saving += saving;
        t.complete = t.complete && row.int64(5) != 0;
        t.runs += row.int64(6); // a run spanning midnight counts on both days; the text says "runs on N days" instead
        if (!t.first.isValid())
            t.first = day;
        t.last = day;
        t.series.append({day, cost, cost - saving});
    });
    if (!read)
        return read.error();

    QList<Finding> findings;
    for (const JobTotals &t : jobs) {
        const std::int64_t monthly = perMonth(t.saving, window.days());
        if (t.saving <= 0 || monthly < minSaving)
            continue;
        Finding f;
        f.kind = kKind;
        f.scopeType = ScopeType::Job;
        f.scopeId = t.job;
        f.workspaceId = t.workspace;
        f.scopeName = t.jobName.isEmpty() ? reports::EntityNames::unknownReason(QStringLiteral("job")) : t.jobName;
        const QString jobLabel = t.jobName.isEmpty() ? QStringLiteral("Job %1").arg(t.job) : t.jobName;
        const QString workspaceLabel = t.workspaceName.isEmpty() ? t.workspace : t.workspaceName;
        f.severity = severityForMonthlySaving(monthly);
        f.title = QStringLiteral("%1 runs on all-purpose compute").arg(jobLabel);
        f.detail = QStringLiteral("%1 (job %2) in workspace %3 ran on an all-purpose cluster on %4 day(s) between %5 and %6, "
                                  "costing %7 at all-purpose rates. The same DBUs at the jobs-compute price would have cost %8 less. "
                                  "Run it on a job cluster (or serverless jobs) instead.")
                       // One arg() call: a name containing "%5" must not be substituted again.
                       .arg(jobLabel, t.job, workspaceLabel, QString::number(t.series.size()), t.first.toString(Qt::ISODate),
                           t.last.toString(Qt::ISODate), usd(t.cost), usd(t.saving));
        if (!t.complete)
            f.detail +=
                QStringLiteral(" Some hours had no jobs-compute price to compare with; the saving counts only the hours that had one.");
        f.monthlySavingsNanos = monthly;
        f.savingsFormula = QStringLiteral("(all-purpose cost - the same quantity x the JOBS_COMPUTE list price of the same hour) "
                                          "over the %1 days %2..%3, x 30 / %1: (%4 - %5) x 30 / %1 = %6")
                               .arg(QString::number(window.days()), window.firstText(), window.lastText(), usd(t.cost),
                                   usd(t.cost - t.saving), usd(monthly));
        f.firstDay = t.first;
        f.lastDay = t.last;
        f.evidence = QJsonObject{{QStringLiteral("all_purpose_cost"), formatNanos(t.cost, 2)},
            {QStringLiteral("jobs_compute_cost"), formatNanos(t.cost - t.saving, 2)},
            {QStringLiteral("saving_in_window"), formatNanos(t.saving, 2)},
            {QStringLiteral("days_with_usage"), static_cast<int>(t.series.size())}, {QStringLiteral("all_hours_priced"), t.complete},
            {QStringLiteral("window"), window.firstText() + QStringLiteral("..") + window.lastText()}};
        f.series = t.series;
        f.lineFilter = QJsonObject{{QStringLiteral("workspace_id"), t.workspace}, {QStringLiteral("job_id"), t.job},
            {QStringLiteral("billing_origin_product"), QStringLiteral("ALL_PURPOSE")}, {QStringLiteral("from"), window.firstText()},
            {QStringLiteral("to"), window.lastText()}};
        findings.append(f);
    }
    return findings;
}

} // namespace ll::insights

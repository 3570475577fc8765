#include "insightstage.h"

#include "common/money.h"
#include "ledger/listpricesql.h"

namespace ll::insights {
namespace {

const QString kJobsOnAllPurpose = QStringLiteral("jobs_on_all_purpose");

// The saving: the line's cost minus the same quantity at the jobs-compute price in force at its start.
const QByteArray kFindJobsOnAllPurpose = R"SQL(
WITH bounds AS (
    SELECT max(usage_day) AS last_day, date(max(usage_day), '-29 days') AS first_day FROM ledger_usage_line
), lines AS (
    SELECT l.workspace_id, l.job_id, l.usage_day, l.cost_nanos, l.job_run_id,
           l.cost_nanos - ()SQL"
    + ledger::sql::listPriceOf("ll_cost(l.quantity, p.effective_price)", "l", "replace(l.sku_name, 'ALL_PURPOSE_COMPUTE', 'JOBS_COMPUTE')")
    + R"SQL() AS saving
    FROM ledger_usage_line l, bounds b
    WHERE l.usage_day BETWEEN b.first_day AND b.last_day
      AND l.job_id IS NOT NULL AND l.billing_origin_product = 'ALL_PURPOSE' AND l.cost_nanos IS NOT NULL
)
SELECT workspace_id, job_id, sum(cost_nanos), sum(saving), min(usage_day), max(usage_day),
       count(DISTINCT job_run_id), count(saving) = count(*),
       coalesce((SELECT u.name FROM ledger_work_unit u WHERE u.work_unit_type = 'job' AND u.work_unit_id = lines.job_id), ''),
       coalesce((SELECT w.workspace_name FROM ledger_workspace w WHERE w.workspace_id = lines.workspace_id), '')
FROM lines GROUP BY workspace_id, job_id
HAVING count(saving) > 0 AND sum(saving) > 0
ORDER BY workspace_id, job_id
)SQL";

constexpr const char *kUpsert = R"SQL(
INSERT INTO insight_finding (kind, fingerprint, workspace_id, scope_type, scope_id, title, detail,
                             impact_nanos, first_day, last_day)
VALUES (:kind, :fingerprint, :workspace, 'job', :job, :title, :detail, :impact, :first, :last)
ON CONFLICT(fingerprint) DO UPDATE SET
    title = excluded.title, detail = excluded.detail, impact_nanos = excluded.impact_nanos,
    first_day = excluded.first_day, last_day = excluded.last_day,
    status = CASE WHEN status = 'resolved' THEN 'open' ELSE status END
)SQL";

} // namespace

Result<std::int64_t> InsightStage::processWorkDays(pipeline::StageContext &context)
{
    store::Database &db = context.db;
    if (auto s = db.exec("CREATE TEMP TABLE IF NOT EXISTS insight_seen (fingerprint TEXT PRIMARY KEY) WITHOUT ROWID;"
                         "DELETE FROM temp.insight_seen;");
        !s)
        return s.error();
    auto find = db.prepare(kFindJobsOnAllPurpose);
    auto upsert = db.prepare(kUpsert);
    auto seen = db.prepare("INSERT OR IGNORE INTO temp.insight_seen (fingerprint) VALUES (?)");
    if (!find || !upsert || !seen)
        return !find ? find.error() : !upsert ? upsert.error() : seen.error();
    std::int64_t written = 0;
    const Status findRead = find->forEachRow([&](const store::Statement &row) -> Status {
        const QString workspace = row.text(0);
        const QString job = row.text(1);
        const std::int64_t cost = row.int64(2);
        const std::int64_t saving = row.int64(3);
        const bool complete = row.int64(7) != 0;
        // Names, not ids: an analyst recognises "transform_events", not 866049302123312.
        const QString jobLabel = row.text(8).isEmpty() ? QStringLiteral("Job %1").arg(job) : row.text(8);
        const QString workspaceLabel = row.text(9).isEmpty() ? workspace : row.text(9);
        const QString fingerprint = kJobsOnAllPurpose + QLatin1Char('/') + workspace + QLatin1Char('/') + job;
        QString detail = QStringLiteral("%1 (job %2) in workspace %3 ran %4 time(s) on an all-purpose cluster between %5 and %6, "
                                        "costing %7 at all-purpose rates. The same DBUs at the jobs-compute price would have cost %8 less. "
                                        "Run it on a job cluster (or serverless jobs) instead.")
                             // One arg() call: a name containing "%5" must not be substituted again.
                             .arg(jobLabel, job, workspaceLabel, QString::number(row.int64(6)), row.text(4), row.text(5),
                                 formatNanos(cost, 2) + QStringLiteral(" USD"), formatNanos(saving, 2) + QStringLiteral(" USD"));
        if (!complete)
            detail += QStringLiteral(" Some hours had no jobs-compute price to compare with; the saving counts only the hours that had one.");
        upsert->reset();
        upsert->bind(":kind", kJobsOnAllPurpose);
        upsert->bind(":fingerprint", fingerprint);
        upsert->bind(":workspace", workspace);
        upsert->bind(":job", job);
        upsert->bind(":title", QStringLiteral("%1 runs on all-purpose compute").arg(jobLabel));
        upsert->bind(":detail", detail);
        upsert->bind(":impact", saving);
        upsert->bind(":first", row.text(4));
        upsert->bind(":last", row.text(5));
        if (auto s = upsert->run(); !s)
            return s.error();
        seen->reset();
        seen->bind(1, fingerprint);
        if (auto s = seen->run(); !s)
            return s.error();
        ++written;
        return {};
    });
    if (!findRead)
        return findRead.error();
    auto resolve = db.prepare("UPDATE insight_finding SET status = 'resolved' "
                              "WHERE kind = ? AND status = 'open' AND fingerprint NOT IN (SELECT fingerprint FROM temp.insight_seen)");
    if (!resolve)
        return resolve.error();
    resolve->bind(1, kJobsOnAllPurpose);
    if (auto s = resolve->run(); !s)
        return s.error();
    return written;
}

} // namespace ll::insights

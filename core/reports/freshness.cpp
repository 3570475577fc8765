#include "freshness.h"

#include "rowvalues.h"

#include "pipeline/runstatus.h"
#include "raw/sourcecatalog.h"
#include "raw/sourcestate.h"
#include "raw/sourcestatus.h"
#include "reports/snapshots.h"

#include <algorithm>

namespace ll::reports {
namespace {

const QString kBilling = QStringLiteral("billing_usage");

FreshnessProblem sourceProblem(FreshnessProblem::Kind kind, const SourceStateRow &row, const QDateTime &at, const QDateTime &now)
{
    FreshnessProblem p;
    p.kind = kind;
    p.subject = row.source;
    p.systemTable = row.systemTable;
    p.at = at;
    if (at.isValid())
        p.ageSeconds = at.secsTo(now);
    p.message = row.message;
    return p;
}

} // namespace

FreshnessReport assessFreshness(const QList<SourceStateRow> &sources, const QList<StageRunRow> &latestStageRuns,
                                const QDateTime &now, const FreshnessPolicy &policy)
{
    FreshnessReport report;
    report.now = now;
    QList<SourceStateRow> ordered = sources;
    std::sort(ordered.begin(), ordered.end(), [](const SourceStateRow &a, const SourceStateRow &b) {
        const bool aBilling = a.source == kBilling;
        const bool bBilling = b.source == kBilling;
        return aBilling != bBilling ? aBilling : a.source < b.source;
    });
    for (const SourceStateRow &row : std::as_const(ordered)) {
        // raw_source_state's CHECK allows no other text; an unknown one is judged by its age.
        switch (raw::sourceStatusFromText(row.status).value_or(raw::SourceStatus::Ok)) {
        case raw::SourceStatus::Never:
        case raw::SourceStatus::Unavailable: continue;
        case raw::SourceStatus::Failed:
            report.problems.append(sourceProblem(FreshnessProblem::Kind::SourceFailed, row, row.lastSuccessAt, now));
            continue;
        case raw::SourceStatus::Ok: break;
        }
        if (row.source == kBilling) {
            // No usage record at all after a successful extraction is as stale as it gets.
            if (!row.newestEventTime.isValid() || row.newestEventTime.secsTo(now) > policy.billingLagSeconds)
                report.problems.append(sourceProblem(FreshnessProblem::Kind::BillingStale, row, row.newestEventTime, now));
            continue;
        }
        if (!row.lastSuccessAt.isValid() || row.lastSuccessAt.secsTo(now) > policy.sourceAgeSeconds)
            report.problems.append(sourceProblem(FreshnessProblem::Kind::SourceNotRefreshed, row, row.lastSuccessAt, now));
    }

    QList<StageRunRow> runs = latestStageRuns;
    std::sort(runs.begin(), runs.end(), [](const StageRunRow &a, const StageRunRow &b) { return a.stageRunId < b.stageRunId; });
    for (const StageRunRow &run : std::as_const(runs)) {
        const auto status = pipeline::runStatusFromText(run.status);
        if (status != pipeline::RunStatus::Failed && status != pipeline::RunStatus::Interrupted)
            continue;
        FreshnessProblem p;
        p.kind = FreshnessProblem::Kind::StageFailed;
        p.subject = run.stage;
        p.at = run.startedAt;
        if (p.at.isValid())
            p.ageSeconds = p.at.secsTo(now);
        p.message = run.error;
        report.problems.append(p);
    }
    return report;
}

Result<FreshnessReport> loadFreshness(store::Database &db, const QDateTime &now, const FreshnessPolicy &policy)
{
    QList<SourceStateRow> sources;
    {
        auto states = raw::loadSourceStates(db);
        if (!states)
            return states.error();
        for (const raw::SourceState &state : std::as_const(*states)) {
            SourceStateRow r;
            r.source = state.source;
            const raw::SourceSpec *spec = raw::SourceCatalog::find(r.source);
            r.systemTable = spec ? spec->systemTable : r.source;
            r.status = raw::toText(state.status);
            r.lastSuccessAt = state.lastSuccessAt;
            r.newestEventTime = state.newestEventTime;
            if (r.newestEventTime.isValid())
                r.lagSeconds = r.newestEventTime.secsTo(now);
            r.message = state.message;
            sources.append(r);
        }
    }
    QList<StageRunRow> runs;
    {
        // The newest run per stage, through the (stage, stage_run_id) index.
        auto stmt = db.prepare("SELECT stage_run_id, stage, status, started_at, finished_at, rows_in, rows_out, coalesce(error, '') "
                               "FROM app_stage_run WHERE stage_run_id IN (SELECT max(stage_run_id) FROM app_stage_run GROUP BY stage)");
        if (!stmt)
            return stmt.error();
        const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
            runs.append({row.int64(0), row.text(1), row.text(2), utcFromEpoch(row, 3), utcFromEpoch(row, 4), row.int64(5), row.int64(6),
                row.text(7)});
        });
        if (!rowsRead)
            return rowsRead.error();
    }
    return assessFreshness(sources, runs, now, policy);
}

} // namespace ll::reports

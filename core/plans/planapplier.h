#pragma once

// Dry run and apply of an approved plan through the Databricks REST API.
//
// Both first read the current state of every target (clusters/get, GET sql/warehouses/{id},
// jobs/runs/get) and compare it with each step's "before". A dry run stops there: it reports
// the diff and sends no write. Apply refuses a plan that is not approved, or whose steps no
// longer hash to what was approved; when a target changed since approval (the state read
// differs from "before") the plan is stale: nothing is sent and it returns to pending with the
// reason, to be approved again. Otherwise the steps run in order, each recorded (request, HTTP
// status, scrubbed response excerpt, outcome, time) and audit-logged as it finishes; the first
// failure stops the plan (failed, or partially_applied when an earlier step was applied).
//
// The client must live on the calling thread (a worker in the GUI): every call blocks.

#include "common/canceltoken.h"
#include "common/clock.h"
#include "common/result.h"
#include "extract/databricksclient.h"
#include "plan.h"
#include "store/database.h"

#include <functional>

namespace ll::plans {

// What the state read says about one step.
enum class StepVerdict {
    Ready,      // the target is as the plan expects: the step will be sent
    Skip,       // nothing to do (the run already ended, the cluster is already terminated)
    Stale,      // the target changed since the plan was made: re-approval needed
    Blocked,    // cannot be sent now (a job cluster, a cluster that is resizing): nothing changes
    ExportOnly, // a job cluster move: exported, never sent
};

QString toText(StepVerdict verdict);

struct StepCheck {
    int ordinal = 0;
    StepKind kind = StepKind::ClusterUpdate;
    QString description;
    StepVerdict verdict = StepVerdict::Ready;
    QString reason;      // why skipped, stale or blocked; or a warning for a ready step
    QJsonObject current; // the step's "before" fields as read now
    QJsonObject before;
    QJsonObject after;
};

struct ApplyReport {
    std::int64_t planId = 0;
    bool dryRun = false;
    bool refused = false; // stale or blocked: nothing was sent
    bool stale = false;
    bool cancelled = false;
    QString reason;                           // why refused, failed or cancelled
    PlanStatus status = PlanStatus::Approved; // the plan's status afterwards
    QList<StepCheck> checks;
    QList<PlanStep> steps; // with their outcomes (apply)

    // The dry-run diff, one block per step, for the CLI and the plan pane.
    QString diffText() const;
};

// (step ordinal, step count, what is happening)
using ApplyProgress = std::function<void(int, int, const QString &)>;

class PlanApplier {
public:
    PlanApplier(store::Database &db, const Clock &clock, extract::DatabricksClient &client) : m_db(db), m_clock(clock), m_client(client) { }

    Result<ApplyReport> dryRun(std::int64_t planId);
    // Errors (nothing was sent): NotFound; InvalidArgument for a plan that is not approved,
    // whose approval no longer matches its steps, or that has only exported steps; Network or
    // Remote when the state could not be read. Stale and blocked plans come back as a refused
    // report. Cancelling stops before the next write (a write in flight completes).
    Result<ApplyReport> apply(std::int64_t planId, const QString &actor, const CancelToken &cancel, const ApplyProgress &progress = {});

private:
    Result<QList<StepCheck>> check(const Plan &plan);
    Result<QJsonObject> read(const QString &pathAndQuery, const QString &what);
    Status recordStep(const Plan &plan, const PlanStep &step, const QString &actor);
    Status finish(Plan plan, const QString &actor, const ApplyReport &report);

    store::Database &m_db;
    const Clock &m_clock;
    extract::DatabricksClient &m_client;
    QHash<QString, QJsonObject> m_reads; // one read per target per run
};

} // namespace ll::plans

#include "planbuilder.h"

#include "insights/thresholds.h"

#include <QJsonArray>

#include <cmath>

namespace ll::plans {
namespace {

const QString kClusterUpdatePath = QStringLiteral("/api/2.1/clusters/update");
const QString kClusterDeletePath = QStringLiteral("/api/2.1/clusters/delete");
const QString kRunCancelPath = QStringLiteral("/api/2.1/jobs/runs/cancel");
const QString kJobUpdatePath = QStringLiteral("/api/2.2/jobs/update");

QString warehouseEditPath(const QString &id) { return QStringLiteral("/api/2.0/sql/warehouses/%1/edit").arg(id); }

const QString kClusterEditRisk = QStringLiteral(
    "Editing a RUNNING cluster restarts it: notebooks and jobs attached to it are interrupted and its in-memory state is lost; "
    "a TERMINATED cluster only takes the new setting. Only RUNNING or TERMINATED clusters can be edited, and a job cluster "
    "cannot be edited at all (LakeLedger refuses both before sending anything).");

struct ClusterSpec {
    bool found = false;
    QString name;
    QString owner;
    QString source;
    std::optional<std::int64_t> workers;
    std::optional<std::int64_t> minWorkers;
    std::optional<std::int64_t> maxWorkers;
    QString workerNode;
    QString driverNode;
    QString dbrVersion;
};

Result<ClusterSpec> clusterSpec(store::Database &db, const QString &clusterId)
{
    auto stmt = db.prepare("SELECT cluster_name, owned_by, cluster_source, worker_count, min_autoscale_workers, max_autoscale_workers, "
                           "worker_node_type, driver_node_type, dbr_version FROM ledger_cluster_current WHERE cluster_id = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, clusterId);
    auto row = stmt->step();
    if (!row)
        return row.error();
    ClusterSpec c;
    if (!*row)
        return c;
    c.found = true;
    c.name = stmt->text(0);
    c.owner = stmt->text(1);
    c.source = stmt->text(2);
    c.workers = stmt->optInt(3);
    c.minWorkers = stmt->optInt(4);
    c.maxWorkers = stmt->optInt(5);
    c.workerNode = stmt->text(6);
    c.driverNode = stmt->text(7);
    c.dbrVersion = stmt->text(8);
    return c;
}

Result<QString> jobOwner(store::Database &db, const QString &jobId)
{
    auto stmt = db.prepare("SELECT coalesce(run_as, creator_id, '') FROM ledger_job_current WHERE job_id = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, jobId);
    auto row = stmt->step();
    if (!row)
        return row.error();
    return *row ? stmt->text(0) : QString();
}

// A JSON id as Databricks types it: job and run ids are int64 numbers.
QJsonValue numericId(const QString &id)
{
    bool ok = false;
    const qint64 n = id.toLongLong(&ok);
    return ok ? QJsonValue(n) : QJsonValue(id);
}

std::optional<std::int64_t> evidenceInt(const QJsonObject &evidence, const char *key)
{
    const QJsonValue v = evidence.value(QLatin1String(key));
    if (v.isDouble())
        return static_cast<std::int64_t>(std::llround(v.toDouble()));
    if (v.isString()) {
        bool ok = false;
        const qlonglong n = v.toString().toLongLong(&ok);
        if (ok)
            return n;
    }
    return std::nullopt;
}

Plan base(const FindingInput &f, const QString &targetType, const QString &title)
{
    Plan p;
    p.findingId = f.findingId;
    p.insightKind = f.kind;
    p.fingerprint = f.fingerprint;
    p.targetType = targetType;
    p.targetId = f.scopeId;
    p.targetName = f.scopeName;
    p.workspaceId = f.workspaceId;
    p.estimatedMonthlyNanos = f.impactNanos;
    p.currency = f.currency.isEmpty() ? QStringLiteral("USD") : f.currency;
    p.title = title;
    p.lineFilter = f.lineFilter;
    return p;
}

QString minutesText(std::int64_t minutes) { return minutes == 0 ? QStringLiteral("0 (never)") : QString::number(minutes); }

PlanStep clusterUpdate(
    const QString &clusterId, const QString &field, const QJsonValue &before, const QJsonValue &after, const QString &description)
{
    PlanStep s;
    s.kind = StepKind::ClusterUpdate;
    s.path = kClusterUpdatePath;
    s.body = QJsonObject{{QStringLiteral("cluster_id"), clusterId}, {QStringLiteral("update_mask"), field},
        {QStringLiteral("cluster"), QJsonObject{{field, after}}}};
    s.before = QJsonObject{{field, before}};
    s.after = QJsonObject{{field, after}};
    s.description = description;
    return s;
}

PlanStep warehouseEdit(
    const QString &warehouseId, const QString &field, std::int64_t before, std::int64_t after, const QString &description)
{
    PlanStep s;
    s.kind = StepKind::WarehouseEdit;
    s.path = warehouseEditPath(warehouseId);
    // Only the field that changes, plus the id the edit API expects in the body too.
    s.body = QJsonObject{{QStringLiteral("id"), warehouseId}, {field, static_cast<qint64>(after)}};
    s.before = QJsonObject{{field, static_cast<qint64>(before)}};
    s.after = QJsonObject{{field, static_cast<qint64>(after)}};
    s.description = description;
    return s;
}

Result<std::optional<Plan>> longAutotermination(store::Database &db, const FindingInput &f)
{
    const auto target = evidenceInt(f.evidence, "recommended_auto_termination_minutes");
    if (!target)
        return std::optional<Plan>();
    // Not set reads as 0 (never) from clusters/get too.
    const std::int64_t current = evidenceInt(f.evidence, "auto_termination_minutes").value_or(0);
    if (current == *target)
        return std::optional<Plan>();
    auto spec = clusterSpec(db, f.scopeId);
    if (!spec)
        return spec.error();
    Plan p = base(f, QStringLiteral("cluster"),
        QStringLiteral("Set auto-termination of cluster %1 to %2 minutes").arg(f.scopeName, QString::number(*target)));
    p.owner = spec->owner;
    p.risk = kClusterEditRisk
        + QStringLiteral(" After the change the cluster terminates after %1 idle minutes; the next user waits for it to start.")
              .arg(*target);
    p.steps = {
        clusterUpdate(f.scopeId, QStringLiteral("autotermination_minutes"), static_cast<qint64>(current), static_cast<qint64>(*target),
            QStringLiteral("Set autotermination_minutes on cluster %1 (%2) from %3 to %4")
                .arg(f.scopeName, f.scopeId, minutesText(current), QString::number(*target)))};
    return std::optional<Plan>(p);
}

Result<std::optional<Plan>> idleCluster(store::Database &db, const FindingInput &f)
{
    auto spec = clusterSpec(db, f.scopeId);
    if (!spec)
        return spec.error();
    Plan p = base(f, QStringLiteral("cluster"), QStringLiteral("Terminate idle cluster %1").arg(f.scopeName));
    p.owner = spec->owner;
    p.risk = QStringLiteral("Terminating stops every notebook and job attached to the cluster and drops its in-memory state (cached "
                            "tables, notebook variables). The configuration is kept: it can be started again (the rollback does). "
                            "A job cluster is never terminated by a plan. Auto-termination is long_autotermination's plan.");
    PlanStep s;
    s.kind = StepKind::ClusterTerminate;
    s.path = kClusterDeletePath;
    s.body = QJsonObject{{QStringLiteral("cluster_id"), f.scopeId}};
    s.after = QJsonObject{{QStringLiteral("state"), QStringLiteral("TERMINATED")}};
    s.description =
        QStringLiteral("Terminate cluster %1 (%2): clusters/delete stops it and keeps its configuration").arg(f.scopeName, f.scopeId);
    p.steps = {s};
    return std::optional<Plan>(p);
}

// Fewer workers keep max(p95 CPU / limit, p95 memory / limit) of the capacity (the detector's
// cut share): the worker count, rounded up so the p95 never exceeds the thresholds.
std::int64_t keptWorkers(std::int64_t workers, double cutPct)
{
    const double keep = std::clamp(1.0 - cutPct / 100.0, 0.0, 1.0);
    return std::max<std::int64_t>(1, static_cast<std::int64_t>(std::ceil(static_cast<double>(workers) * keep - 1e-9)));
}

Result<std::optional<Plan>> oversizedCompute(store::Database &db, const FindingInput &f)
{
    if (f.scopeType == QLatin1String("warehouse")) {
        const auto minClusters = evidenceInt(f.evidence, "min_clusters");
        const auto maxClusters = evidenceInt(f.evidence, "max_clusters");
        if (!minClusters || !maxClusters || *maxClusters <= *minClusters)
            return std::optional<Plan>();
        Plan p = base(f, QStringLiteral("warehouse"),
            QStringLiteral("Lower max clusters of warehouse %1 from %2 to %3").arg(f.scopeName).arg(*maxClusters).arg(*minClusters));
        p.risk = QStringLiteral("With max_num_clusters at its minimum the warehouse no longer scales out: queries queue at peaks "
                                "instead. It never scaled out in the window, and an unused ceiling costs nothing, so this bounds "
                                "the worst case rather than saving money now.");
        p.steps = {warehouseEdit(f.scopeId, QStringLiteral("max_num_clusters"), *maxClusters, *minClusters,
            QStringLiteral("Set max_num_clusters on warehouse %1 (%2) from %3 to %4")
                .arg(f.scopeName, f.scopeId)
                .arg(*maxClusters)
                .arg(*minClusters))};
        return std::optional<Plan>(p);
    }
    const double cutPct = f.evidence.value(QLatin1String("cut_share_pct")).toVariant().toDouble();
    auto spec = clusterSpec(db, f.scopeId);
    if (!spec)
        return spec.error();
    if (!spec->found || cutPct <= 0)
        return std::optional<Plan>();
    PlanStep step;
    QString change;
    if (spec->maxWorkers && *spec->maxWorkers > 0) {
        const std::int64_t minWorkers = spec->minWorkers.value_or(0);
        const std::int64_t newMax = std::max(minWorkers, keptWorkers(*spec->maxWorkers, cutPct));
        if (newMax >= *spec->maxWorkers)
            return std::optional<Plan>();
        const QJsonObject before{{QStringLiteral("min_workers"), static_cast<qint64>(minWorkers)},
            {QStringLiteral("max_workers"), static_cast<qint64>(*spec->maxWorkers)}};
        const QJsonObject after{
            {QStringLiteral("min_workers"), static_cast<qint64>(minWorkers)}, {QStringLiteral("max_workers"), static_cast<qint64>(newMax)}};
        change = QStringLiteral("autoscale max_workers from %1 to %2").arg(*spec->maxWorkers).arg(newMax);
        step = clusterUpdate(f.scopeId, QStringLiteral("autoscale"), before, after,
            QStringLiteral("Set autoscale max_workers on cluster %1 (%2) from %3 to %4 (min_workers stays %5)")
                .arg(f.scopeName, f.scopeId)
                .arg(*spec->maxWorkers)
                .arg(newMax)
                .arg(minWorkers));
    } else if (spec->workers && *spec->workers > 1) {
        const std::int64_t next = keptWorkers(*spec->workers, cutPct);
        if (next >= *spec->workers)
            return std::optional<Plan>();
        change = QStringLiteral("num_workers from %1 to %2").arg(*spec->workers).arg(next);
        step = clusterUpdate(f.scopeId, QStringLiteral("num_workers"), static_cast<qint64>(*spec->workers), static_cast<qint64>(next),
            QStringLiteral("Set num_workers on cluster %1 (%2) from %3 to %4").arg(f.scopeName, f.scopeId).arg(*spec->workers).arg(next));
    } else {
        return std::optional<Plan>(); // one worker or an unknown count: a smaller node type is a manual choice
    }
    Plan p = base(f, QStringLiteral("cluster"), QStringLiteral("Resize cluster %1: %2").arg(f.scopeName, change));
    p.owner = spec->owner;
    p.risk = kClusterEditRisk
        + QStringLiteral(" Fewer workers means less parallelism: work at the busiest hours may take longer. The count keeps "
                         "%1% of the capacity, rounded up (the share that brings the 95th percentile of CPU and memory up to "
                         "the thresholds).")
              .arg(QString::number(100.0 - cutPct, 'f', 2));
    p.steps = {step};
    return std::optional<Plan>(p);
}

Result<std::optional<Plan>> warehouseAutoStop(store::Database &db, const FindingInput &f)
{
    const auto current = evidenceInt(f.evidence, "auto_stop_minutes");
    std::optional<std::int64_t> target = evidenceInt(f.evidence, "target_auto_stop_minutes");
    if (!target) {
        auto thresholds = insights::Thresholds::load(db);
        if (!thresholds)
            return thresholds.error();
        target = std::llround(thresholds->value(QStringLiteral("always_on_warehouse"), QStringLiteral("target_auto_stop_minutes")));
    }
    // Databricks accepts 0 or at least 10 minutes for auto-stop.
    target = std::max<std::int64_t>(10, *target);
    if (!current || (*current != 0 && *current <= *target))
        return std::optional<Plan>();
    Plan p = base(f, QStringLiteral("warehouse"),
        QStringLiteral("Set auto-stop of warehouse %1 to %2 minutes").arg(f.scopeName, QString::number(*target)));
    p.risk = QStringLiteral("A shorter auto-stop stops the warehouse after %1 idle minutes: the next query waits for it to start "
                            "(seconds for serverless, minutes for classic and pro warehouses). Running queries are not affected.")
                 .arg(*target);
    p.steps = {warehouseEdit(f.scopeId, QStringLiteral("auto_stop_mins"), *current, *target,
        QStringLiteral("Set auto_stop_mins on warehouse %1 (%2) from %3 to %4")
            .arg(f.scopeName, f.scopeId, minutesText(*current), QString::number(*target)))};
    return std::optional<Plan>(p);
}

Result<std::optional<Plan>> runawayRun(store::Database &db, const FindingInput &f)
{
    QList<PlanStep> steps;
    for (const QJsonValue &v : f.evidence.value(QLatin1String("runs")).toArray()) {
        const QJsonObject run = v.toObject();
        if (run.value(QLatin1String("state")).toString() != QLatin1String("RUNNING"))
            continue;
        const QString runId = run.value(QLatin1String("run_id")).toVariant().toString();
        PlanStep s;
        s.kind = StepKind::RunCancel;
        s.path = kRunCancelPath;
        s.body = QJsonObject{{QStringLiteral("run_id"), numericId(runId)}};
        s.before = QJsonObject{{QStringLiteral("run_id"), runId}, {QStringLiteral("state"), QStringLiteral("RUNNING")}};
        s.after = QJsonObject{{QStringLiteral("run_id"), runId}, {QStringLiteral("state"), QStringLiteral("CANCELED")}};
        s.description = QStringLiteral("Cancel run %1 of job %2 (%3), still running at %4 against a median of %5")
                            .arg(runId, f.scopeName, f.scopeId, run.value(QLatin1String("cost")).toString(),
                                run.value(QLatin1String("median_cost")).toString());
        s.ordinal = static_cast<int>(steps.size()) + 1;
        steps.append(s);
    }
    if (steps.isEmpty())
        return std::optional<Plan>();
    auto owner = jobOwner(db, f.scopeId);
    if (!owner)
        return owner.error();
    Plan p = base(f, QStringLiteral("job"),
        steps.size() == 1 ? QStringLiteral("Cancel the runaway run of %1").arg(f.scopeName)
                          : QStringLiteral("Cancel %1 runaway runs of %2").arg(steps.size()).arg(f.scopeName));
    p.owner = *owner;
    p.risk = QStringLiteral("Cancelling stops the run: the work it did so far is lost, downstream tasks do not run, and the run ends "
                            "CANCELED. It cannot be undone; rerun the job (or repair the run) to do the work again. A run that ended "
                            "before the plan is applied is skipped.");
    p.steps = steps;
    return std::optional<Plan>(p);
}

Result<std::optional<Plan>> jobsOnAllPurpose(store::Database &db, const FindingInput &f)
{
    auto stmt = db.prepare("SELECT DISTINCT cluster_id FROM ledger_usage_line WHERE job_id = ? AND workspace_id = ? AND "
                           "billing_origin_product = 'ALL_PURPOSE' AND cluster_id IS NOT NULL AND usage_day BETWEEN ? AND ? ORDER BY 1");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, f.scopeId);
    stmt->bind(2, f.workspaceId);
    stmt->bind(3, f.lineFilter.value(QLatin1String("from")).toString());
    stmt->bind(4, f.lineFilter.value(QLatin1String("to")).toString());
    QStringList clusters;
    if (auto s = stmt->forEachRow([&clusters](const store::Statement &row) { clusters.append(row.text(0)); }); !s)
        return s.error();
    QList<PlanStep> steps;
    for (const QString &clusterId : clusters) {
        auto spec = clusterSpec(db, clusterId);
        if (!spec)
            return spec.error();
        QJsonObject newCluster;
        if (!spec->dbrVersion.isEmpty())
            newCluster.insert(QStringLiteral("spark_version"), spec->dbrVersion);
        if (!spec->workerNode.isEmpty())
            newCluster.insert(QStringLiteral("node_type_id"), spec->workerNode);
        if (!spec->driverNode.isEmpty())
            newCluster.insert(QStringLiteral("driver_node_type_id"), spec->driverNode);
        if (spec->maxWorkers && *spec->maxWorkers > 0)
            newCluster.insert(QStringLiteral("autoscale"),
                QJsonObject{{QStringLiteral("min_workers"), static_cast<qint64>(spec->minWorkers.value_or(1))},
                    {QStringLiteral("max_workers"), static_cast<qint64>(*spec->maxWorkers)}});
        else
            newCluster.insert(QStringLiteral("num_workers"), static_cast<qint64>(spec->workers.value_or(1)));
        const QString key = QStringLiteral("lakeledger_%1").arg(QString(clusterId).replace(QLatin1Char('-'), QLatin1Char('_')));
        PlanStep s;
        s.kind = StepKind::JobClusterMove;
        s.path = kJobUpdatePath;
        s.body = QJsonObject{{QStringLiteral("job_id"), numericId(f.scopeId)},
            {QStringLiteral("new_settings"),
                QJsonObject{{QStringLiteral("job_clusters"),
                    QJsonArray{QJsonObject{{QStringLiteral("job_cluster_key"), key}, {QStringLiteral("new_cluster"), newCluster}}}}}}};
        s.before = QJsonObject{{QStringLiteral("existing_cluster_id"), clusterId}};
        s.after = QJsonObject{{QStringLiteral("job_cluster_key"), key}};
        s.description =
            QStringLiteral("Add job cluster %1 to job %2 (%3) with the spec of all-purpose cluster %4 (%5), then point the "
                           "tasks that use existing_cluster_id %4 at job_cluster_key %1 (exported for review; not applied)")
                .arg(key, f.scopeName, f.scopeId, clusterId, spec->name.isEmpty() ? QStringLiteral("name unknown") : spec->name);
        s.ordinal = static_cast<int>(steps.size()) + 1;
        steps.append(s);
    }
    if (steps.isEmpty())
        return std::optional<Plan>();
    auto owner = jobOwner(db, f.scopeId);
    if (!owner)
        return owner.error();
    Plan p = base(f, QStringLiteral("job"), QStringLiteral("Move %1 to a job cluster").arg(f.scopeName));
    p.owner = *owner;
    p.risk = QStringLiteral("Exported, not applied: a job's task list is the owner's to change. A job cluster starts for every run "
                            "(a few minutes of start-up), and libraries, init scripts, Spark settings and access mode of the "
                            "all-purpose cluster must be added to the exported spec before it is used.");
    p.steps = steps;
    return std::optional<Plan>(p);
}

} // namespace

QStringList plannedKinds()
{
    return {QStringLiteral("idle_cluster"), QStringLiteral("long_autotermination"), QStringLiteral("idle_warehouse"),
        QStringLiteral("always_on_warehouse"), QStringLiteral("jobs_on_all_purpose"), QStringLiteral("oversized_compute"),
        QStringLiteral("runaway_run")};
}

Result<std::optional<Plan>> buildPlan(store::Database &db, const FindingInput &finding)
{
    Result<std::optional<Plan>> plan = std::optional<Plan>();
    if (finding.kind == QLatin1String("long_autotermination"))
        plan = longAutotermination(db, finding);
    else if (finding.kind == QLatin1String("idle_cluster"))
        plan = idleCluster(db, finding);
    else if (finding.kind == QLatin1String("oversized_compute"))
        plan = oversizedCompute(db, finding);
    else if (finding.kind == QLatin1String("idle_warehouse") || finding.kind == QLatin1String("always_on_warehouse"))
        plan = warehouseAutoStop(db, finding);
    else if (finding.kind == QLatin1String("runaway_run"))
        plan = runawayRun(db, finding);
    else if (finding.kind == QLatin1String("jobs_on_all_purpose"))
        plan = jobsOnAllPurpose(db, finding);
    if (plan && *plan) {
        Plan &p = **plan;
        for (int i = 0; i < p.steps.size(); ++i)
            p.steps[i].ordinal = i + 1;
        p.stepsSha256 = stepsSha256(p.steps);
    }
    return plan;
}

} // namespace ll::plans

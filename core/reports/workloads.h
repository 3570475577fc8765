#pragma once

// Workload and utilization figures, read from the pre-aggregated metrics_* tables the
// workload_metrics stage keeps (never a ledger scan); names come from ledger_work_unit by key.

#include "common/result.h"
#include "store/database.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace ll::reports {

enum class WorkloadGrouping { WorkUnit, Job, Pipeline, Warehouse, Cluster };

// "work_unit", "job", "pipeline", "warehouse", "cluster"; InvalidArgument names the choices.
Result<WorkloadGrouping> parseWorkloadGrouping(const QString &name);
QStringList workloadGroupingNames();

// Which source an entity's current state (ledger_*_current) came from.
enum class EntitySource {
    None,     // no entity row: only usage names it (or a type that has no entity table)
    System,   // a system-table row (system.lakeflow.jobs, system.compute.clusters, ...)
    Rest,     // a REST snapshot newer than the entity's system-table rows
    RestOnly, // REST snapshots only: the system table has no row for it (not available or not granted)
};

// The system table the entities of a work unit type come from ("system.lakeflow.jobs"), or empty.
QString entitySystemTable(const QString &type);

struct WorkloadQuery {
    WorkloadGrouping by = WorkloadGrouping::WorkUnit;
    QDate from; // inclusive usage day; invalid = unbounded
    QDate to;   // inclusive
};

struct WorkloadRow {
    QString workUnitType;
    QString workUnitId;
    QString workspaceId;
    QString workspaceName; // its name, or the reason it has none (EntityNames)
    QString name;          // the work unit's name, or the reason it has none: never blank
    EntitySource source = EntitySource::None;
    std::int64_t costNanos = 0;
    std::int64_t listCostNanos = 0;
    std::int64_t quantityNanos = 0;
    std::int64_t unpricedQuantityNanos = 0; // usage with no list price: in no cost figure above
    std::int64_t lineCount = 0;
    // Jobs and pipelines (runs started in the range):
    std::int64_t runs = 0;
    std::int64_t succeededRuns = 0;
    std::int64_t failedRuns = 0;
    std::int64_t runDurationSeconds = 0;
    std::int64_t failedRunCostNanos = 0;
};

// Ordered by cost descending, then type and id.
Result<QList<WorkloadRow>> queryWorkloads(store::Database &db, const WorkloadQuery &query);

struct RunRow {
    QString runKind;
    QString runId;
    QString parentId;
    QString workspaceId;
    QDate startDay;
    QString resultState;
    bool failed = false;
    std::optional<std::int64_t> durationSeconds;
    std::int64_t costNanos = 0;
};

// The runs of one job (or pipeline) that started in [from, to] (an invalid date leaves that side
// open), newest first: a job's page with cost per run. At most `limit` rows; the counts are of
// every run in the range, so a view can say when it shows only the newest.
struct RunList {
    QList<RunRow> rows;
    std::int64_t totalRuns = 0;
    std::int64_t failedRuns = 0;
};
Result<RunList> queryRuns(store::Database &db, const QString &parentId, const QDate &from = {}, const QDate &to = {}, int limit = 1000);

struct UtilizationRow {
    QString kind;        // "cluster" or "warehouse"
    QString id;
    QString workspaceId;
    QString workspaceName; // its name, or the reason it has none (EntityNames)
    QString name;          // never blank: the reason when unknown
    EntitySource source = EntitySource::None;
    // Clusters: node-uptime-weighted averages, in hundredths of a percent.
    std::int64_t nodeSeconds = 0;
    std::optional<std::int64_t> avgCpuCentiPercent;
    std::optional<std::int64_t> avgMemCentiPercent;
    // Warehouses:
    std::int64_t runningSeconds = 0;
    std::int64_t clusterSeconds = 0;
    std::int64_t busySeconds = 0;
    std::int64_t busyRunningSeconds = 0;
    std::int64_t idleRunningSeconds = 0;   // running minus busy-while-running
    std::optional<std::int64_t> busyShareBasisPoints; // busy-while-running / running, x10000
    std::int64_t queries = 0;
};

Result<QList<UtilizationRow>> queryUtilization(store::Database &db, const QDate &from, const QDate &to);

} // namespace ll::reports

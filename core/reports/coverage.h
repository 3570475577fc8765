#pragma once

// The coverage map of Data Health: per workspace, which system tables could be read and how
// recent their data is, and how much of the workspace's cost has no resource or no owner, so an
// analyst knows what to trust before reading a chart.
//
// Definitions (computed per usage line by the metrics stage, metrics/coveragemetrics.cpp):
//  - cost: the line's effective (list-price based) cost; unpriced lines add 0.
//  - no resource: the billing record names no job, pipeline, SQL warehouse, serving endpoint,
//    cluster, notebook or app (usage_metadata carries none of their ids: work unit "other").
//  - no owner: no principal is known for the usage: identity_metadata has neither run_as nor
//    owned_by, and the work unit has no owner in the ledger entities (cluster owned_by, job or
//    pipeline run_as/creator, ...). It is a property of the data, independent of the rules.
//  - unattributed: the attribution rules left the cost without a team (allocation kind
//    'unattributed', or the line is not attributed yet) — the "unattributed" of every report.
// Shares are basis points of the workspace's cost (part x 10000 / cost, rounded half up); 0
// when the cost is 0.
//
// Per source table that carries workspace_id (catalog order): the source's extraction status is
// account-wide (raw_source_state), rows and newest event are per workspace. The loader reads
// only the small metrics_* tables of migration 0009 plus raw_source_state: it never scans raw.

#include "common/result.h"
#include "store/database.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <cstdint>

namespace ll::reports {

enum class CoverageState {
    Ok,          // read, rows for this workspace, recent enough
    Stale,       // read, but this workspace's newest event is older than the stale limit
    NoRows,      // read, but no rows for this workspace (e.g. a regional table, an idle feature)
    Failed,      // the last extraction failed (rows may remain from earlier ones)
    Unavailable, // not readable: not granted or not enabled in this account
    Never,       // not extracted yet
};
QString coverageStateName(CoverageState state); // ok, stale, no_rows, failed, unavailable, never

// True for tables whose events follow activity (usage, timelines, queries): only these can be
// stale. Dimension tables (clusters, jobs, ...) change rarely, so an old newest change is normal.
bool expectsRecentEvents(const QString &sourceId);

struct SourceCoverage {
    QString source;              // catalog id
    QString systemTable;
    QString sourceStatus;        // raw_source_state status: never, ok, failed, unavailable
    CoverageState state = CoverageState::Never;
    bool readable = false;       // the last extraction read the table (status ok)
    std::int64_t rows = 0;       // raw rows of this workspace (re-reads included)
    QDateTime newestEventTime;   // invalid = none
    QDate newestIngestionDate;   // billing usage only; invalid otherwise
};

struct WorkspaceCoverage {
    QString workspaceId;
    QString name;                // ledger workspace name, "" when unknown
    QString cloud;               // from its usage lines (AWS, AZURE, GCP), "" when no usage
    QString region;              // from the account workspaces API, "" when unknown
    std::int64_t costNanos = 0;
    std::int64_t noResourceCostNanos = 0;
    std::int64_t noOwnerCostNanos = 0;
    std::int64_t unattributedCostNanos = 0;
    std::int64_t noResourceBasisPoints = 0;
    std::int64_t noOwnerBasisPoints = 0;
    std::int64_t unattributedBasisPoints = 0;
    std::int64_t lineCount = 0;
    QList<SourceCoverage> sources; // one per CoverageSnapshot::tables entry, same order
    int readableSources() const;
};

struct CoverageTable {
    QString source;
    QString systemTable;
};

// Where the ledger's entities of one type got their current state: their system table, a newer
// REST snapshot, or REST alone (the system table has no row for them: not available or not granted).
struct EntitySourceCount {
    QString type;        // job, pipeline, cluster, warehouse
    QString systemTable; // system.lakeflow.jobs, ...
    std::int64_t entities = 0;
    std::int64_t currentFromSystem = 0;
    std::int64_t currentFromRest = 0; // of which restOnly have no system-table row at all
    std::int64_t restOnly = 0;
};

struct CoverageSnapshot {
    QList<CoverageTable> tables;         // the catalog tables that carry workspace_id
    QList<WorkspaceCoverage> workspaces; // by cost descending, then id
    QList<EntitySourceCount> entitySources; // jobs, pipelines, clusters, warehouses, in that order
};

struct CoverageQuery {
    QDate from;                  // usage days of the cost figures; invalid = unbounded
    QDate to;
    QDateTime now;               // stale reference; invalid = current time
    std::int64_t staleAfterSeconds = 2 * 86400;
};

Result<CoverageSnapshot> loadCoverage(store::Database &db, const CoverageQuery &query);

} // namespace ll::reports

#pragma once

#include "common/result.h"
#include "store/database.h"

#include <QHash>
#include <QString>

#include <map>

namespace ll::reports {

// Names for the ids reports print, from the ledger (system tables and REST enrichment merged).
// An id without a known name gets a reason naming where LakeLedger looked, never a blank, e.g.
// "(name unknown: not in system.lakeflow.jobs or the Jobs API)"; a store that cannot answer is an
// error, not an unknown name. Each entity kind's statement is prepared once and lookups are
// cached: one resolver serves one report. Lookups run a statement: call them between (not inside)
// another statement's row loop on the same connection.
class EntityNames {
public:
    explicit EntityNames(store::Database &db) : m_db(db) { }

    Result<QString> workspace(const QString &workspaceId);
    // work unit types: job, pipeline, cluster, warehouse (others: the reason says none is read)
    Result<QString> workUnit(const QString &type, const QString &id);
    // "type:id", as the attribution reports print a work unit; "other:" (no id) says why.
    Result<QString> workUnitKey(const QString &typeAndId);
    // A work unit's name as the workloads report shows it: the work unit's own copy
    // (ledger_work_unit) first, then the entity tables, then the reason.
    Result<QString> workload(const QString &type, const QString &id);
    // A user is named by its user name (e-mail) already; a service principal, which Databricks
    // names by its application id, as "displayName (applicationId)" from the newest SCIM
    // service principals listing, or the reason it has no name.
    Result<QString> principal(const QString &principal);
    // The entity's page in its Databricks workspace (jobs, clusters, SQL warehouses, pipelines),
    // or an empty string when the workspace URL is not known or the kind has no page.
    Result<QString> pageUrl(const QString &type, const QString &id, const QString &workspaceId);

    static QString unknownReason(const QString &type);
    // What a report row shows for an empty key of an id dimension (job, warehouse, cluster,
    // pipeline, principal, workspace, work_unit): why there is none, never a blank.
    static QString noIdLabel(const QString &type);

private:
    enum class Query { Workspace, WorkspaceUrl, Job, Pipeline, Cluster, Warehouse, WorkUnitCopy, ServicePrincipal };
    // The query's first column for `id` (bound to ?1, and `type` to ?2 when it has one); an
    // empty string when there is no row or the column is NULL.
    Result<QString> fetch(Query query, const QString &id, const QString &type = {});

    store::Database &m_db;
    std::map<Query, store::Statement> m_statements;
    QHash<QString, QString> m_cache;
};

// The name and workspace name of one work unit row (workloads, utilization, the Overview's top
// workloads): `name` is kept when already known, else EntityNames::workload fills it.
Status fillWorkUnitNames(
    EntityNames &names, const QString &type, const QString &id, const QString &workspaceId, QString &name, QString &workspaceName);

} // namespace ll::reports

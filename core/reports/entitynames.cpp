#include "entitynames.h"

#include "common/coretext.h"

namespace ll::reports {
namespace {

const char *sqlOf(int query)
{
    // Indexed by EntityNames::Query. The current entity rows merge system tables and REST;
    // the work unit's copy is the name the usage line's work unit was given by the ledger.
    static const char *const sql[] = {
        "SELECT workspace_name FROM ledger_workspace WHERE workspace_id = ?1",
        "SELECT workspace_url FROM ledger_workspace WHERE workspace_id = ?1",
        "SELECT coalesce((SELECT name FROM ledger_job_current WHERE job_id = ?1), "
        "(SELECT name FROM ledger_work_unit WHERE work_unit_type = 'job' AND work_unit_id = ?1))",
        "SELECT coalesce((SELECT name FROM ledger_pipeline_current WHERE pipeline_id = ?1), "
        "(SELECT name FROM ledger_work_unit WHERE work_unit_type = 'pipeline' AND work_unit_id = ?1))",
        "SELECT coalesce((SELECT cluster_name FROM ledger_cluster_current WHERE cluster_id = ?1), "
        "(SELECT name FROM ledger_work_unit WHERE work_unit_type = 'cluster' AND work_unit_id = ?1))",
        "SELECT coalesce((SELECT warehouse_name FROM ledger_warehouse_current WHERE warehouse_id = ?1), "
        "(SELECT name FROM ledger_work_unit WHERE work_unit_type = 'warehouse' AND work_unit_id = ?1))",
        "SELECT name FROM ledger_work_unit WHERE work_unit_id = ?1 AND work_unit_type = ?2",
        // Each listing is a full snapshot: the newest object names the principal (raw_rest_object_by_object).
        "SELECT payload ->> '$.displayName' FROM raw_rest_object WHERE api = 'service_principals' AND object_id = ?1 "
        "AND json_valid(payload) ORDER BY raw_id DESC LIMIT 1",
    };
    return sql[query];
}

// The Databricks UI path of an entity kind below the workspace URL.
QString pagePath(const QString &type, const QString &id)
{
    if (type == QLatin1String("job"))
        return QStringLiteral("/jobs/") + id;
    if (type == QLatin1String("cluster"))
        return QStringLiteral("/compute/clusters/") + id;
    if (type == QLatin1String("warehouse"))
        return QStringLiteral("/sql/warehouses/") + id;
    if (type == QLatin1String("pipeline"))
        return QStringLiteral("/pipelines/") + id;
    return {};
}

} // namespace

QString EntityNames::unknownReason(const QString &type)
{
    if (type == QLatin1String("workspace"))
        return QStringLiteral("(name unknown: not in system.access.workspaces_latest or the account workspaces API)");
    if (type == QLatin1String("job"))
        return QStringLiteral("(name unknown: not in system.lakeflow.jobs or the Jobs API)");
    if (type == QLatin1String("pipeline"))
        return QStringLiteral("(name unknown: not in system.lakeflow.pipelines or the Pipelines API)");
    if (type == QLatin1String("cluster"))
        return QStringLiteral("(name unknown: not in system.compute.clusters or the Clusters API)");
    if (type == QLatin1String("warehouse"))
        return QStringLiteral("(name unknown: not in system.compute.warehouses or the SQL Warehouses API)");
    if (type == QLatin1String("service_principal"))
        return QStringLiteral("(name unknown: not in the SCIM service principals API)");
    if (type.isEmpty())
        return QStringLiteral("(no id)");
    return QStringLiteral("(name unknown: LakeLedger reads no names for %1)").arg(type);
}

QString EntityNames::noIdLabel(const QString &type)
{
    if (type == QLatin1String("job"))
        return CoreText::tr("(no job: usage not billed to a job run)");
    if (type == QLatin1String("warehouse"))
        return CoreText::tr("(no warehouse: not SQL warehouse usage)");
    if (type == QLatin1String("cluster"))
        return CoreText::tr("(no cluster: serverless or not cluster usage)");
    if (type == QLatin1String("pipeline"))
        return CoreText::tr("(no pipeline: not pipeline usage)");
    if (type == QLatin1String("principal"))
        return CoreText::tr("(no principal: the record names no identity)");
    if (type == QLatin1String("workspace"))
        return CoreText::tr("(no workspace: account-level usage)");
    if (type == QLatin1String("work_unit"))
        return CoreText::tr("(no work unit: serverless or account-level usage with no job, pipeline, warehouse, endpoint, "
                            "cluster, notebook or app)");
    return CoreText::tr("(none)");
}

Result<QString> EntityNames::fetch(Query query, const QString &id, const QString &type)
{
    auto it = m_statements.find(query);
    if (it == m_statements.end()) {
        auto stmt = m_db.prepare(sqlOf(static_cast<int>(query)));
        if (!stmt)
            return stmt.error();
        it = m_statements.emplace(query, std::move(*stmt)).first;
    }
    store::Statement &stmt = it->second;
    stmt.reset();
    stmt.bind(1, id);
    if (query == Query::WorkUnitCopy)
        stmt.bind(2, type);
    auto row = stmt.step();
    if (!row)
        return row.error();
    const QString value = *row && !stmt.isNull(0) ? stmt.text(0).trimmed() : QString();
    stmt.reset(); // no statement stays open between lookups
    return value;
}

Result<QString> EntityNames::workspace(const QString &workspaceId) { return workUnit(QStringLiteral("workspace"), workspaceId); }

Result<QString> EntityNames::workUnit(const QString &type, const QString &id)
{
    static const QHash<QString, Query> queries = {
        {QStringLiteral("workspace"), Query::Workspace},
        {QStringLiteral("job"), Query::Job},
        {QStringLiteral("pipeline"), Query::Pipeline},
        {QStringLiteral("cluster"), Query::Cluster},
        {QStringLiteral("warehouse"), Query::Warehouse},
    };
    if (id.isEmpty())
        return unknownReason({});
    const auto query = queries.constFind(type);
    if (query == queries.constEnd())
        return unknownReason(type);
    const QString cacheKey = type + QLatin1Char(':') + id;
    if (const auto cached = m_cache.constFind(cacheKey); cached != m_cache.constEnd())
        return *cached;
    auto name = fetch(*query, id);
    if (!name)
        return name.error();
    QString result = name->isEmpty() ? unknownReason(type) : *name;
    m_cache.insert(cacheKey, result);
    return result;
}

Result<QString> EntityNames::workUnitKey(const QString &typeAndId)
{
    const qsizetype colon = typeAndId.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return unknownReason(typeAndId.isEmpty() ? QString() : QStringLiteral("this work unit"));
    if (colon == typeAndId.size() - 1)
        return noIdLabel(QStringLiteral("work_unit")); // "other:": the line names no work unit
    return workUnit(typeAndId.left(colon), typeAndId.mid(colon + 1));
}

Result<QString> EntityNames::workload(const QString &type, const QString &id)
{
    if (id.isEmpty())
        return workUnit(type, id);
    const QString cacheKey = QStringLiteral("workload:") + type + QLatin1Char(':') + id;
    if (const auto cached = m_cache.constFind(cacheKey); cached != m_cache.constEnd())
        return *cached;
    auto copy = fetch(Query::WorkUnitCopy, id, type);
    if (!copy)
        return copy.error();
    if (copy->isEmpty()) {
        copy = workUnit(type, id);
        if (!copy)
            return copy.error();
    }
    m_cache.insert(cacheKey, *copy);
    return copy;
}

Result<QString> EntityNames::principal(const QString &principal)
{
    if (principal.isEmpty())
        return QStringLiteral("(no principal)");
    // Users are named by their e-mail, the same rule ledger_principal types principals by.
    if (principal.contains(QLatin1Char('@')))
        return principal;
    const QString cacheKey = QStringLiteral("principal:") + principal;
    if (const auto cached = m_cache.constFind(cacheKey); cached != m_cache.constEnd())
        return *cached;
    auto name = fetch(Query::ServicePrincipal, principal);
    if (!name)
        return name.error();
    // The id stays beside the name: it is what Databricks' usage and audit records show. An
    // unknown one gets the reason alone, as other entities do (the id is in its own column).
    const QString result =
        name->isEmpty() ? unknownReason(QStringLiteral("service_principal")) : QStringLiteral("%1 (%2)").arg(*name, principal);
    m_cache.insert(cacheKey, result);
    return result;
}

Result<QString> EntityNames::pageUrl(const QString &type, const QString &id, const QString &workspaceId)
{
    const QString path = pagePath(type, id);
    if (path.isEmpty() || id.isEmpty() || workspaceId.isEmpty())
        return QString();
    const QString cacheKey = QStringLiteral("url:") + workspaceId;
    auto cached = m_cache.constFind(cacheKey);
    if (cached == m_cache.constEnd()) {
        auto url = fetch(Query::WorkspaceUrl, workspaceId);
        if (!url)
            return url.error();
        QString base = *url;
        while (base.endsWith(QLatin1Char('/')))
            base.chop(1);
        if (!base.isEmpty() && !base.contains(QLatin1String("://")))
            base.prepend(QStringLiteral("https://"));
        cached = m_cache.insert(cacheKey, base);
    }
    return cached->isEmpty() ? QString() : *cached + path;
}

Status fillWorkUnitNames(
    EntityNames &names, const QString &type, const QString &id, const QString &workspaceId, QString &name, QString &workspaceName)
{
    if (name.isEmpty()) {
        auto found = names.workload(type, id);
        if (!found)
            return found.error();
        name = std::move(found).value();
    }
    auto workspace = names.workspace(workspaceId);
    if (!workspace)
        return workspace.error();
    workspaceName = std::move(workspace).value();
    return {};
}

} // namespace ll::reports

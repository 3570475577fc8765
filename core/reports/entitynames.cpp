#include "entitynames.h"

namespace ll::reports {

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
    if (type.isEmpty())
        return QStringLiteral("(no id)");
    return QStringLiteral("(name unknown: LakeLedger reads no names for %1)").arg(type);
}

QString EntityNames::lookup(const QByteArray &sql, const QString &cacheKey, const QString &id, const QString &type)
{
    if (id.isEmpty())
        return unknownReason({});
    const auto cached = m_cache.constFind(cacheKey);
    if (cached != m_cache.constEnd())
        return *cached;
    QString name;
    if (auto stmt = m_db.prepare(sql)) {
        stmt->bind(1, id);
        if (auto row = stmt->step(); row && *row && !stmt->isNull(0))
            name = stmt->text(0).trimmed();
    }
    if (name.isEmpty())
        name = unknownReason(type);
    m_cache.insert(cacheKey, name);
    return name;
}

QString EntityNames::workspace(const QString &workspaceId)
{
    return lookup("SELECT workspace_name FROM ledger_workspace WHERE workspace_id = ?", QStringLiteral("workspace:") + workspaceId,
        workspaceId, QStringLiteral("workspace"));
}

QString EntityNames::workUnit(const QString &type, const QString &id)
{
    // The current entity rows first (system tables and REST merged), then the work unit's copy.
    static const QHash<QString, QByteArray> sql = {
        {QStringLiteral("job"),
            "SELECT coalesce((SELECT name FROM ledger_job_current WHERE job_id = ?1), "
            "(SELECT name FROM ledger_work_unit WHERE work_unit_type = 'job' AND work_unit_id = ?1))"},
        {QStringLiteral("pipeline"),
            "SELECT coalesce((SELECT name FROM ledger_pipeline_current WHERE pipeline_id = ?1), "
            "(SELECT name FROM ledger_work_unit WHERE work_unit_type = 'pipeline' AND work_unit_id = ?1))"},
        {QStringLiteral("cluster"),
            "SELECT coalesce((SELECT cluster_name FROM ledger_cluster_current WHERE cluster_id = ?1), "
            "(SELECT name FROM ledger_work_unit WHERE work_unit_type = 'cluster' AND work_unit_id = ?1))"},
        {QStringLiteral("warehouse"),
            "SELECT coalesce((SELECT warehouse_name FROM ledger_warehouse_current WHERE warehouse_id = ?1), "
            "(SELECT name FROM ledger_work_unit WHERE work_unit_type = 'warehouse' AND work_unit_id = ?1))"},
    };
    if (type == QLatin1String("workspace"))
        return workspace(id);
    const auto it = sql.constFind(type);
    if (it == sql.constEnd())
        return id.isEmpty() ? unknownReason({}) : unknownReason(type);
    return lookup(*it, type + QLatin1Char(':') + id, id, type);
}

QString EntityNames::workUnitKey(const QString &typeAndId)
{
    const qsizetype colon = typeAndId.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return unknownReason(typeAndId.isEmpty() ? QString() : QStringLiteral("this work unit"));
    return workUnit(typeAndId.left(colon), typeAndId.mid(colon + 1));
}

QString EntityNames::principal(const QString &principal) const
{
    return principal.isEmpty() ? QStringLiteral("(no principal)") : principal;
}

} // namespace ll::reports

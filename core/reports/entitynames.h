#pragma once

#include "store/database.h"

#include <QHash>
#include <QString>

namespace ll::reports {

// Names for the ids reports print, from the ledger (system tables and REST enrichment merged).
// An id without a known name gets a reason naming where LakeLedger looked, never a blank, e.g.
// "(name unknown: not in system.lakeflow.jobs or the Jobs API)". Lookups are cached: one
// resolver serves one report.
class EntityNames {
public:
    explicit EntityNames(store::Database &db) : m_db(db) { }

    QString workspace(const QString &workspaceId);
    // work unit types: job, pipeline, cluster, warehouse (others: the reason says none is read)
    QString workUnit(const QString &type, const QString &id);
    // "type:id", as the attribution reports print a work unit
    QString workUnitKey(const QString &typeAndId);
    // Principals are named by their user name or service principal application id already.
    QString principal(const QString &principal) const;

    static QString unknownReason(const QString &type);

private:
    QString lookup(const QByteArray &sql, const QString &cacheKey, const QString &id, const QString &type);

    store::Database &m_db;
    QHash<QString, QString> m_cache;
};

} // namespace ll::reports

#pragma once

// The audit log as the Audit Log view and 'audit list' read it: LakeLedger's own trail
// (app_audit_log), filtered in SQL so a date range reaches entries of any age.

#include "common/result.h"
#include "store/database.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>

namespace ll::reports {

struct AuditRow {
    std::int64_t entryId = 0;
    QDateTime at;
    QString actor;
    QString action;
    QString object;
    QString before;
    QString after;
    QString outcome; // ok | failed | cancelled
    QString entryHash;
};

struct AuditFilter {
    QDate from; // UTC days, inclusive; invalid = open
    QDate to;
    QString action; // exact, or a family: "budgets" matches "budgets.set" and "budgets.remove"
    QString actor;  // exact; empty = anyone
    QString text;   // case-insensitive substring of action, object, before or after
    bool newestFirst = true;
    int limit = 500; // <= 0: no limit
};

Result<QList<AuditRow>> loadAuditLog(store::Database &db, const AuditFilter &filter);
inline Result<QList<AuditRow>> loadAuditLog(store::Database &db, int limit = 500)
{
    AuditFilter filter;
    filter.limit = limit;
    return loadAuditLog(db, filter);
}

// The distinct actions and actors recorded, sorted: the view's filter choices.
struct AuditChoices {
    QStringList actions;
    QStringList actors;
};
Result<AuditChoices> loadAuditChoices(store::Database &db);

} // namespace ll::reports

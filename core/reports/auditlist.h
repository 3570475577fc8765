#pragma once

// The Audit Log view: LakeLedger's own trail (app_audit_log), newest first.

#include "common/result.h"
#include "store/database.h"

#include <QDateTime>
#include <QList>
#include <QString>

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
};

Result<QList<AuditRow>> loadAuditLog(store::Database &db, int limit = 500);

} // namespace ll::reports

#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "store/database.h"

#include <QString>

namespace ll::audit {

// LakeLedger's own trail of actions taken in the app (demo loads, rebuilds, exports, and later
// rule edits and approvals), with before/after where something changed. Call it inside the
// transaction of the change it records, so the two commit together.
class AuditLog {
public:
    static Status record(store::Database &db, const Clock &clock, const QString &actor, const QString &action,
                         const QString &object, const QString &before = {}, const QString &after = {});
    // The OS user name, the actor of everything done in this desktop session.
    static QString currentActor();
};

} // namespace ll::audit

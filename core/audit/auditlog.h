#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "store/database.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace ll::audit {

// Whether the action an entry records took effect (app_audit_log.outcome).
enum class Outcome { Ok, Failed, Cancelled };
QString toText(Outcome outcome); // "ok", "failed", "cancelled"
std::optional<Outcome> outcomeFromText(QStringView text);

// LakeLedger's own trail of actions taken in the app (syncs, rebuilds, exports, rule, budget,
// threshold, contract and profile changes, insight reviews), with before/after where something
// changed. Never a secret. Call it inside the transaction of the change it records, so the two
// commit together; a failed action is recorded after its rollback, with Outcome::Failed.
//
// Every entry is chained: its hash covers its content and the previous entry's hash (see
// auditchain.h and docs/audit.md). record() reads the chain's head and appends in one
// statement inside a write transaction (IMMEDIATE, or the caller's), so two writers cannot
// both append to the same head; a unique index on prev_hash refuses a fork regardless.
class AuditLog {
public:
    static Status record(store::Database &db, const Clock &clock, const QString &actor, const QString &action, const QString &object,
        const QString &before = {}, const QString &after = {}, Outcome outcome = Outcome::Ok);
    // The OS user name, the actor of everything done in this desktop session.
    static QString currentActor();
};

} // namespace ll::audit

#include "auditlog.h"

#include <QtGlobal>

namespace ll::audit {

Status AuditLog::record(store::Database &db, const Clock &clock, const QString &actor, const QString &action,
                        const QString &object, const QString &before, const QString &after)
{
    auto stmt = db.prepare("INSERT INTO app_audit_log (at, actor, action, object, before, after) VALUES (?, ?, ?, ?, ?, ?)");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, clock.nowEpoch());
    stmt->bind(2, actor);
    stmt->bind(3, action);
    stmt->bind(4, object.isEmpty() ? QString() : object);
    stmt->bind(5, before.isEmpty() ? QString() : before);
    stmt->bind(6, after.isEmpty() ? QString() : after);
    return stmt->run();
}

QString AuditLog::currentActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("local user") : user;
}

} // namespace ll::audit

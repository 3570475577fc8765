#include "auditlog.h"

#include "auditchain.h"

#include "common/enumtext.h"

#include <QtGlobal>

namespace ll::audit {

QString toText(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Ok: return QStringLiteral("ok");
    case Outcome::Failed: return QStringLiteral("failed");
    case Outcome::Cancelled: return QStringLiteral("cancelled");
    }
    return {};
}

std::optional<Outcome> outcomeFromText(QStringView text) { return enumFromText<Outcome, Outcome::Cancelled>(text); }

Status AuditLog::record(store::Database &db, const Clock &clock, const QString &actor, const QString &action, const QString &object,
    const QString &before, const QString &after, Outcome outcome)
{
    // A savepoint inside the caller's transaction, else BEGIN IMMEDIATE: the head read below
    // and the insert happen under the write lock either way.
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    // The hash is computed by SQLite from the values exactly as they are stored (the same
    // function the verification uses), in the statement that reads the head.
    static const QByteArray sql = QByteArray(
        "INSERT INTO app_audit_log (entry_id, at, actor, action, object, before, after, outcome, prev_hash, entry_hash) "
        "SELECT head.id, ?1, ?2, ?3, ?4, ?5, ?6, ?7, head.prev, ll_sha256_fields(?8, head.id, ?1, ?2, ?3, ?4, ?5, ?6, ?7, head.prev) "
        "FROM (SELECT coalesce(max(entry_id), 0) + 1 AS id, "
        "             coalesce((SELECT entry_hash FROM app_audit_log ORDER BY entry_id DESC LIMIT 1), ?9) AS prev "
        "      FROM app_audit_log) AS head");
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(1, clock.nowEpoch());
    stmt->bind(2, actor);
    stmt->bind(3, action);
    stmt->bind(4, object.isEmpty() ? QString() : object);
    stmt->bind(5, before.isEmpty() ? QString() : before);
    stmt->bind(6, after.isEmpty() ? QString() : after);
    stmt->bind(7, toText(outcome));
    stmt->bind(8, QString::fromLatin1(kHashScheme));
    stmt->bind(9, QString::fromLatin1(kGenesisHash));
    if (Status s = stmt->run(); !s)
        return s;
    return tx.commit();
}

QString AuditLog::currentActor()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME");
    return user.isEmpty() ? QStringLiteral("local user") : user;
}

} // namespace ll::audit

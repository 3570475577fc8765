#include "profile.h"

#include "audit/auditlog.h"
#include "common/enumtext.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace ll::credentials {

QString toText(AuthType type)
{
    switch (type) {
    case AuthType::Pat: return QStringLiteral("pat");
    case AuthType::OAuthM2M: return QStringLiteral("oauth-m2m");
    }
    return {};
}

QString authTypeName(AuthType type) { return toText(type); }

std::optional<AuthType> parseAuthType(const QString &name) { return enumFromText<AuthType, AuthType::OAuthM2M>(name); }

namespace {

const QByteArray kSelect = "SELECT name, host, warehouse_id, auth_type, client_id, account_id FROM app_profile ";

std::optional<Profile> fromRow(const store::Statement &s)
{
    const auto type = parseAuthType(s.text(3));
    if (!type)
        return std::nullopt; // e.g. the demo profile: not a connection
    return Profile{s.text(0), s.text(1), s.text(2), *type, s.text(4), s.text(5)};
}

// The profile as the audit log keeps it: every field, never the secret (which is not here).
QString auditText(const std::optional<Profile> &p)
{
    if (!p)
        return {};
    const QJsonObject o{{QStringLiteral("host"), p->host}, {QStringLiteral("warehouse_id"), p->warehouseId},
        {QStringLiteral("auth_type"), toText(p->authType)}, {QStringLiteral("client_id"), p->clientId},
        {QStringLiteral("account_id"), p->accountId}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

Result<std::optional<Profile>> ProfileRepository::load(store::Database &db, const QString &name)
{
    auto stmt = db.prepare(kSelect + "WHERE name = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, name);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<Profile>{};
    return fromRow(*stmt);
}

Result<QList<Profile>> ProfileRepository::list(store::Database &db)
{
    auto stmt = db.prepare(kSelect + "ORDER BY name");
    if (!stmt)
        return stmt.error();
    QList<Profile> out;
    const Status stmtRead = stmt->forEachRow([&](const store::Statement &row) {
        if (auto p = fromRow(row))
            out.append(*p);
    });
    if (!stmtRead)
        return stmtRead.error();
    return out;
}

Status ProfileRepository::save(store::Database &db, const Clock &clock, const Profile &p)
{
    if (p.name.trimmed().isEmpty() || p.host.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A connection profile needs a name and a workspace URL"));
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    auto before = load(db, p.name);
    if (!before)
        return before.error();
    auto stmt = db.prepare(
        "INSERT INTO app_profile (name, host, warehouse_id, auth_type, client_id, account_id, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET host = excluded.host, "
        "warehouse_id = excluded.warehouse_id, auth_type = excluded.auth_type, client_id = excluded.client_id, "
        "account_id = excluded.account_id");
    if (!stmt)
        return stmt.error();
    auto orNull = [](const QString &s) { return s.isEmpty() ? QString() : s; };
    stmt->bind(1, p.name);
    stmt->bind(2, p.host);
    stmt->bind(3, orNull(p.warehouseId));
    stmt->bind(4, authTypeName(p.authType));
    stmt->bind(5, orNull(p.clientId));
    stmt->bind(6, orNull(p.accountId));
    stmt->bind(7, clock.nowEpoch());
    if (Status s = stmt->run(); !s)
        return s;
    if (Status s = audit::AuditLog::record(
            db, clock, audit::AuditLog::currentActor(), QStringLiteral("profile.save"), p.name, auditText(*before), auditText(p));
        !s)
        return s;
    return tx.commit();
}

Status ProfileRepository::remove(store::Database &db, const Clock &clock, const QString &name)
{
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    auto before = load(db, name);
    if (!before)
        return before.error();
    auto stmt = db.prepare("DELETE FROM app_profile WHERE name = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, name);
    if (Status s = stmt->run(); !s)
        return s;
    if (db.changes() > 0) {
        if (Status s = audit::AuditLog::record(
                db, clock, audit::AuditLog::currentActor(), QStringLiteral("profile.remove"), name, auditText(*before), {});
            !s)
            return s;
    }
    return tx.commit();
}

} // namespace ll::credentials

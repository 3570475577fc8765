// AttributionConfig::load / save: the configuration's home in the store.
#include "attributionconfig.h"

#include "allocationstate.h"

#include "audit/auditlog.h"
#include "common/coretext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ll::attribution {

Result<AttributionConfig> AttributionConfig::load(store::Database &db)
{
    AttributionConfig c;
    auto nodes = db.prepare("SELECT node_key, kind, display_name, coalesce(parent_key, '') FROM app_org_node ORDER BY kind DESC, node_key");
    if (!nodes)
        return nodes.error();
    const Status nodesRead = nodes->forEachRow([&](const store::Statement &row) {
        c.hierarchy.append({row.text(0), row.text(1), row.text(2), row.text(3)});
    });
    if (!nodesRead)
        return nodesRead.error();
    auto projects = db.prepare("SELECT project_key, display_name, coalesce(team_key, '') FROM app_project ORDER BY project_key");
    if (!projects)
        return projects.error();
    const Status projectsRead = projects->forEachRow([&](const store::Statement &row) {
        c.projects.append({row.text(0), row.text(1), row.text(2)});
    });
    if (!projectsRead)
        return projectsRead.error();
    auto buckets = db.prepare("SELECT bucket_key, display_name, policy, coalesce(fixed_shares, '{}') FROM app_bucket ORDER BY bucket_key");
    if (!buckets)
        return buckets.error();
    const Status bucketsRead = buckets->forEachRow([&](const store::Statement &row) {
        BucketConfig b{row.text(0), row.text(1), row.text(2), {}};
        const QJsonObject shares = QJsonDocument::fromJson(row.bytes(3)).object();
        for (auto it = shares.begin(); it != shares.end(); ++it)
            b.fixedShares.append({it.key(), it.value().toString()});
        c.buckets.append(b);
    });
    if (!bucketsRead)
        return bucketsRead.error();
    auto ids = db.prepare("SELECT principal, team_key FROM app_identity_map ORDER BY principal");
    if (!ids)
        return ids.error();
    const Status idsRead = ids->forEachRow([&](const store::Statement &row) { c.identities.append({row.text(0), row.text(1)}); });
    if (!idsRead)
        return idsRead.error();
    auto rules = db.prepare("SELECT spec FROM app_rule ORDER BY position");
    if (!rules)
        return rules.error();
    int position = 0;
    const Status rulesRead = rules->forEachRow([&](const store::Statement &row) -> Status {
        auto r = ruleFromJson(QJsonDocument::fromJson(row.bytes(0)).object(), position++);
        if (!r)
            return makeError(ErrorCode::Corrupt, CoreText::tr("A stored attribution rule cannot be read"), r.error().message);
        c.rules.append(*r);
        return {};
    });
    if (!rulesRead)
        return rulesRead.error();
    auto idle = db.prepare("SELECT value FROM app_setting WHERE key = 'attribution.idle_policy'");
    if (!idle)
        return idle.error();
    if (auto row = idle->step(); row && *row)
        c.idlePolicy = idle->text(0);
    return c;
}

Status AttributionConfig::save(
    store::Database &db, const Clock &clock, const QString &actor, const AttributionConfig &config, bool allowEmpty)
{
    if (auto s = config.validate(); !s)
        return s;
    auto before = load(db);
    if (!before)
        return before.error();
    if (config.isEmpty() && !before->isEmpty() && !allowEmpty)
        return makeError(ErrorCode::InvalidArgument,
            CoreText::tr("This would replace the configuration (%1 hierarchy nodes, %2 projects, %3 buckets, %4 identity mappings, "
                         "%5 rules) with an empty one and leave every cost unassigned; nothing was changed. To do it anyway, "
                         "confirm explicitly (lakeledger-cli rules import FILE --allow-empty); the audit log keeps the "
                         "configuration it replaces")
                .arg(before->hierarchy.size())
                .arg(before->projects.size())
                .arg(before->buckets.size())
                .arg(before->identities.size())
                .arg(before->rules.size()));
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    if (auto s = db.exec("DELETE FROM app_rule; DELETE FROM app_identity_map; DELETE FROM app_bucket; DELETE FROM app_project;"
                         "DELETE FROM app_org_node;");
        !s)
        return s;
    // Parents first, so the foreign key holds while inserting.
    auto node = db.prepare("INSERT INTO app_org_node (node_key, kind, display_name, parent_key) VALUES (?, ?, ?, ?)");
    if (!node)
        return node.error();
    for (const OrgNodeKind kind : {OrgNodeKind::OrgUnit, OrgNodeKind::Department, OrgNodeKind::Team}) {
        for (const OrgNode &n : config.hierarchy) {
            if (orgNodeKindFromText(n.kind) != kind)
                continue;
            node->reset();
            node->bind(1, n.key);
            node->bind(2, n.kind);
            node->bind(3, n.displayName);
            node->bind(4, n.parentKey.isEmpty() ? QString() : n.parentKey);
            if (auto s = node->run(); !s)
                return s;
        }
    }
    auto project = db.prepare("INSERT INTO app_project (project_key, display_name, team_key) VALUES (?, ?, ?)");
    if (!project)
        return project.error();
    for (const auto &p : config.projects) {
        project->reset();
        project->bind(1, p.key);
        project->bind(2, p.displayName);
        project->bind(3, p.teamKey.isEmpty() ? QString() : p.teamKey);
        if (auto s = project->run(); !s)
            return s;
    }
    auto bucket = db.prepare("INSERT INTO app_bucket (bucket_key, display_name, policy, fixed_shares) VALUES (?, ?, ?, ?)");
    if (!bucket)
        return bucket.error();
    for (const auto &b : config.buckets) {
        QJsonObject shares;
        for (const auto &[team, pct] : b.fixedShares)
            shares.insert(team, pct);
        bucket->reset();
        bucket->bind(1, b.key);
        bucket->bind(2, b.displayName);
        bucket->bind(3, b.policy);
        bucket->bind(4, QString::fromUtf8(QJsonDocument(shares).toJson(QJsonDocument::Compact)));
        if (auto s = bucket->run(); !s)
            return s;
    }
    auto identity = db.prepare("INSERT INTO app_identity_map (principal, team_key) VALUES (?, ?)");
    if (!identity)
        return identity.error();
    for (const auto &i : config.identities) {
        identity->reset();
        identity->bind(1, i.principal);
        identity->bind(2, i.teamKey);
        if (auto s = identity->run(); !s)
            return makeError(ErrorCode::InvalidArgument, CoreText::tr("Principal '%1' is mapped twice").arg(i.principal), s.error().detail);
    }
    auto rule = db.prepare("INSERT INTO app_rule (position, name, enabled, spec) VALUES (?, ?, ?, ?)");
    if (!rule)
        return rule.error();
    for (int i = 0; i < config.rules.size(); ++i) {
        rule->reset();
        rule->bind(1, i + 1);
        rule->bind(2, config.rules[i].name);
        rule->bind(3, config.rules[i].enabled ? 1 : 0);
        rule->bind(4, QString::fromUtf8(QJsonDocument(ruleToJson(config.rules[i])).toJson(QJsonDocument::Compact)));
        if (auto s = rule->run(); !s)
            return s;
    }
    auto idle = db.prepare("INSERT INTO app_setting (key, value) VALUES ('attribution.idle_policy', ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!idle)
        return idle.error();
    idle->bind(1, config.idlePolicy);
    if (auto s = idle->run(); !s)
        return s;
    // Re-attribute every day; extraction and the ledger are untouched.
    if (auto s = db.exec("INSERT OR IGNORE INTO app_dirty_day (stage, day) SELECT DISTINCT 'attribution', usage_day FROM ledger_usage_line"); !s)
        return s;
    if (auto s = audit::AuditLog::record(db, clock, actor, QStringLiteral("attribution.replace"), QStringLiteral("attribution rules"),
                                         QString::fromUtf8(before->toJson()), QString::fromUtf8(config.toJson()));
        !s)
        return s;
    return tx.commit();
}

Result<QByteArray> AttributionConfig::beforeStateOf(store::Database &db, qint64 auditId)
{
    auto stmt = db.prepare("SELECT action, before FROM app_audit_log WHERE entry_id = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, static_cast<std::int64_t>(auditId));
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return makeError(ErrorCode::NotFound, CoreText::tr("The audit log has no entry %1").arg(auditId));
    if (stmt->text(0) != QLatin1String("attribution.replace"))
        return makeError(ErrorCode::InvalidArgument,
            CoreText::tr("Audit entry %1 is '%2', not a change of the attribution configuration (attribution.replace)")
                .arg(auditId)
                .arg(stmt->text(0)));
    if (stmt->isNull(1))
        return makeError(ErrorCode::NotFound, CoreText::tr("Audit entry %1 records no before state").arg(auditId));
    return stmt->bytes(1);
}

} // namespace ll::attribution

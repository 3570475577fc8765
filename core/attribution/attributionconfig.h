#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "store/database.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace ll::attribution {

struct OrgNode {
    QString key;         // lower-case key; a team's key matches the team key tags produce
    QString kind;        // org_unit, department, team
    QString displayName;
    QString parentKey;   // empty = top level
};

struct ProjectConfig {
    QString key;
    QString displayName;
    QString teamKey;     // empty = stand-alone
};

struct BucketConfig {
    QString key;
    QString displayName;
    QString policy;      // even, proportional, fixed, none
    QList<QPair<QString, QString>> fixedShares; // team key -> percent (decimal text), for 'fixed'
};

struct IdentityMapping {
    QString principal;   // user e-mail or service principal id
    QString teamKey;
};

// One ordered rule, kept as the JSON object it was written as (so export == import), plus
// the fields the engine reads. See docs/attribution.md for the format.
struct Rule {
    QString name;
    bool enabled = true;
    QString kind;        // exact, pattern, proportional
    QJsonObject match;
    QJsonObject assign;
};

// The whole attribution configuration: what `rules export` writes and `rules import` reads.
struct AttributionConfig {
    QList<OrgNode> hierarchy;
    QList<ProjectConfig> projects;
    QList<BucketConfig> buckets;
    QList<IdentityMapping> identities;
    QList<Rule> rules;
    QString idlePolicy = QStringLiteral("owner"); // "owner" or "bucket:<key>"

    // Readable JSON for review in version control.
    QByteArray toJson() const;
    // Parses and validates; errors name the offending entry (unknown field, invalid regex,
    // cycle in the hierarchy, percentages not summing to 100, unknown bucket...).
    static Result<AttributionConfig> fromJson(const QByteArray &json);
    Status validate() const;
    // Rules that can never match because an earlier rule matches everything they would:
    // "rule 4 'x' is shadowed by rule 2 'y'". Warnings, not errors.
    QStringList shadowWarnings() const;

    static Result<AttributionConfig> load(store::Database &db);
    // Replaces the stored configuration in one transaction, writes the audit log with before
    // and after, and queues every day for attribution (no re-extraction).
    static Status save(store::Database &db, const Clock &clock, const QString &actor, const AttributionConfig &config);
};

QJsonObject ruleToJson(const Rule &rule);
Result<Rule> ruleFromJson(const QJsonObject &object, int position);

} // namespace ll::attribution

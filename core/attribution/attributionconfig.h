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
    // Parses and validates; errors name the offending entry by its JSON path (unknown field,
    // wrong type, invalid regex, cycle in the hierarchy, percentages not summing to 100,
    // unknown bucket...). Sections left out are empty: for configurations built in code.
    static Result<AttributionConfig> fromJson(const QByteArray &json);
    // What an import reads (`rules import`, the GUI's Import, `rules restore`): fromJson plus a
    // complete file (every section present, as `rules export` writes it) whose every reference
    // resolves (validateReferences). A file that fails leaves nothing changed.
    static Result<AttributionConfig> fromImportJson(const QByteArray &json);
    Status validate() const;
    // Every team a project, identity, fixed share or rule names is a team of the hierarchy, and
    // every project a rule names is defined: a rule must not hand cost to an owner nobody set up.
    Status validateReferences() const;
    // Nothing configured at all (no hierarchy, projects, buckets, identities or rules).
    bool isEmpty() const;
    // Rules that can never match because an earlier rule matches everything they would:
    // "rule 4 'x' is shadowed by rule 2 'y'". Warnings, not errors.
    QStringList shadowWarnings() const;

    static Result<AttributionConfig> load(store::Database &db);
    // Replaces the stored configuration in one transaction, writes the audit log with before
    // and after (the full configuration JSON each, so any change can be undone by importing
    // the before state: `rules restore --audit-id N`), and queues every day for attribution
    // (no re-extraction). Replacing a non-empty configuration with an empty one is refused
    // unless `allowEmpty`: it would silently unassign every cost.
    static Status save(
        store::Database &db, const Clock &clock, const QString &actor, const AttributionConfig &config, bool allowEmpty = false);
    // The configuration before the audited change `auditId` (an attribution.replace entry).
    static Result<QByteArray> beforeStateOf(store::Database &db, qint64 auditId);
};

QJsonObject ruleToJson(const Rule &rule);
Result<Rule> ruleFromJson(const QJsonObject &object, int position);

} // namespace ll::attribution

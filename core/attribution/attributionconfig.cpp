#include "attributionconfig.h"

#include "allocationstate.h"

#include "audit/auditlog.h"
#include "common/coretext.h"
#include "common/money.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace ll::attribution {
namespace {

Error invalid(const QString &message) { return makeError(ErrorCode::InvalidArgument, message); }

Status onlyKnownFields(const QJsonObject &o, const QStringList &known, const QString &where)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            return invalid(CoreText::tr("%1: unknown field '%2' (known: %3)").arg(where, it.key(), known.join(QStringLiteral(", "))));
    }
    return {};
}

QString key(const QString &s) { return s.trimmed().toLower(); }

// Percent texts must be exact decimals; returns the sum in nano-percent.
std::optional<std::int64_t> percentNanos(const QJsonValue &v)
{
    const QString text = v.isDouble() ? QString::number(v.toDouble(), 'g', 15) : v.toString();
    const auto d = parseDecimal(text);
    if (!d || d->mantissa < 0)
        return std::nullopt;
    return toNanos(*d);
}

Status validateMatch(const Rule &r, const QString &where)
{
    const QJsonObject &m = r.match;
    const bool byId = m.contains(QLatin1String("resource"));
    const bool byPattern = m.contains(QLatin1String("field"));
    const std::optional<RuleKind> kind = ruleKindFromText(r.kind);
    if (kind == RuleKind::Exact && !byId)
        return invalid(CoreText::tr("%1: an exact rule needs match.resource and match.ids").arg(where));
    if (kind == RuleKind::Pattern && !byPattern)
        return invalid(CoreText::tr("%1: a pattern rule needs match.field and match.regex").arg(where));
    if (byId == byPattern)
        return invalid(CoreText::tr("%1: match takes either resource + ids or field + regex").arg(where));
    if (byId) {
        if (auto s = onlyKnownFields(m, {QStringLiteral("resource"), QStringLiteral("ids")}, where + QStringLiteral(" match")); !s)
            return s;
        static const QStringList resources{QStringLiteral("job"), QStringLiteral("pipeline"), QStringLiteral("warehouse"),
                                           QStringLiteral("cluster"), QStringLiteral("endpoint"), QStringLiteral("work_unit")};
        if (!resources.contains(m.value(QLatin1String("resource")).toString()))
            return invalid(CoreText::tr("%1: match.resource must be one of %2").arg(where, resources.join(QStringLiteral(", "))));
        const QJsonArray ids = m.value(QLatin1String("ids")).toArray();
        if (ids.isEmpty())
            return invalid(CoreText::tr("%1: match.ids must list at least one id").arg(where));
        for (const auto &id : ids) {
            if (!id.isString() || id.toString().trimmed().isEmpty())
                return invalid(CoreText::tr("%1: every id in match.ids must be a non-empty string").arg(where));
        }
        return {};
    }
    if (auto s = onlyKnownFields(m, {QStringLiteral("field"), QStringLiteral("key"), QStringLiteral("regex")}, where + QStringLiteral(" match")); !s)
        return s;
    static const QStringList fields{QStringLiteral("name"), QStringLiteral("notebook_path"), QStringLiteral("principal"),
                                    QStringLiteral("email_domain"), QStringLiteral("tag")};
    const QString field = m.value(QLatin1String("field")).toString();
    if (!fields.contains(field))
        return invalid(CoreText::tr("%1: match.field must be one of %2").arg(where, fields.join(QStringLiteral(", "))));
    if (field == QLatin1String("tag") && m.value(QLatin1String("key")).toString().trimmed().isEmpty())
        return invalid(CoreText::tr("%1: a tag pattern needs match.key (the tag key, case-insensitive)").arg(where));
    if (field != QLatin1String("tag") && m.contains(QLatin1String("key")))
        return invalid(CoreText::tr("%1: match.key is only for field 'tag'").arg(where));
    const QRegularExpression re(m.value(QLatin1String("regex")).toString());
    if (!m.value(QLatin1String("regex")).isString() || !re.isValid())
        return invalid(CoreText::tr("%1: match.regex is not a valid regular expression: %2").arg(where, re.errorString()));
    return {};
}

Status validateAssign(const Rule &r, const QSet<QString> &buckets, const QString &where)
{
    const QJsonObject &a = r.assign;
    const std::optional<AllocationMode> mode = allocationModeFromText(a.value(QLatin1String("mode")).toString());
    if (ruleKindFromText(r.kind) == RuleKind::Proportional) {
        if (auto s = onlyKnownFields(a, {QStringLiteral("mode"), QStringLiteral("measure")}, where + QStringLiteral(" assign")); !s)
            return s;
        if (mode != AllocationMode::Proportional || a.value(QLatin1String("measure")).toString() != QLatin1String("direct_cost"))
            return invalid(
                CoreText::tr("%1: a proportional rule assigns {\"mode\": \"proportional\", \"measure\": \"direct_cost\"}").arg(where));
        return {};
    }
    if (mode == AllocationMode::Direct) {
        if (auto s = onlyKnownFields(a, {QStringLiteral("mode"), QStringLiteral("team"), QStringLiteral("project")}, where + QStringLiteral(" assign")); !s)
            return s;
        if (key(a.value(QLatin1String("team")).toString()).isEmpty() && key(a.value(QLatin1String("project")).toString()).isEmpty())
            return invalid(CoreText::tr("%1: a direct rule names a team, a project or both").arg(where));
        return {};
    }
    if (mode == AllocationMode::Split) {
        if (auto s = onlyKnownFields(a, {QStringLiteral("mode"), QStringLiteral("splits")}, where + QStringLiteral(" assign")); !s)
            return s;
        const QJsonArray splits = a.value(QLatin1String("splits")).toArray();
        if (splits.size() < 2)
            return invalid(CoreText::tr("%1: a split rule lists at least two splits").arg(where));
        std::int64_t total = 0;
        for (const auto &v : splits) {
            const QJsonObject sp = v.toObject();
            if (auto s = onlyKnownFields(sp, {QStringLiteral("team"), QStringLiteral("project"), QStringLiteral("percent")}, where + QStringLiteral(" split")); !s)
                return s;
            if (key(sp.value(QLatin1String("team")).toString()).isEmpty() && key(sp.value(QLatin1String("project")).toString()).isEmpty())
                return invalid(CoreText::tr("%1: every split names a team or a project").arg(where));
            const auto p = percentNanos(sp.value(QLatin1String("percent")));
            if (!p || *p <= 0)
                return invalid(CoreText::tr("%1: every split needs a positive percent").arg(where));
            total += *p;
        }
        if (total != 100 * kNanosPerUnit)
            return invalid(CoreText::tr("%1: split percentages sum to %2, not 100").arg(where, formatNanos(total, 4)));
        return {};
    }
    if (mode == AllocationMode::Shared) {
        if (auto s = onlyKnownFields(a, {QStringLiteral("mode"), QStringLiteral("bucket"), QStringLiteral("project")}, where + QStringLiteral(" assign")); !s)
            return s;
        if (!buckets.contains(key(a.value(QLatin1String("bucket")).toString())))
            return invalid(
                CoreText::tr("%1: assign.bucket '%2' is not a defined bucket").arg(where, a.value(QLatin1String("bucket")).toString()));
        return {};
    }
    if (mode == AllocationMode::Usage) {
        if (auto s = onlyKnownFields(a, {QStringLiteral("mode")}, where + QStringLiteral(" assign")); !s)
            return s;
        return {};
    }
    return invalid(CoreText::tr("%1: assign.mode must be direct, split, shared or usage").arg(where));
}

QString describeRule(int index, const Rule &r) { return CoreText::tr("Rule %1 '%2'").arg(index + 1).arg(r.name); }

} // namespace

QJsonObject ruleToJson(const Rule &rule)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), rule.name);
    o.insert(QStringLiteral("enabled"), rule.enabled);
    o.insert(QStringLiteral("kind"), rule.kind);
    o.insert(QStringLiteral("match"), rule.match);
    o.insert(QStringLiteral("assign"), rule.assign);
    return o;
}

Result<Rule> ruleFromJson(const QJsonObject &o, int position)
{
    const QString where = CoreText::tr("Rule %1").arg(position + 1);
    if (auto s = onlyKnownFields(o, {QStringLiteral("name"), QStringLiteral("enabled"), QStringLiteral("kind"), QStringLiteral("match"), QStringLiteral("assign")}, where); !s)
        return s.error();
    Rule r;
    r.name = o.value(QLatin1String("name")).toString().trimmed();
    if (r.name.isEmpty())
        return invalid(CoreText::tr("%1: a rule needs a name").arg(where));
    r.enabled = o.value(QLatin1String("enabled")).toBool(true);
    r.kind = o.value(QLatin1String("kind")).toString();
    if (!ruleKindFromText(r.kind))
        return invalid(CoreText::tr("%1 '%2': kind must be exact, pattern or proportional").arg(where, r.name));
    r.match = o.value(QLatin1String("match")).toObject();
    r.assign = o.value(QLatin1String("assign")).toObject();
    return r;
}

Status AttributionConfig::validate() const
{
    QHash<QString, const OrgNode *> nodes;
    for (const OrgNode &n : hierarchy) {
        if (n.key.isEmpty() || n.displayName.trimmed().isEmpty())
            return invalid(CoreText::tr("Hierarchy: every node needs a key and a name"));
        if (!orgNodeKindFromText(n.kind))
            return invalid(CoreText::tr("Hierarchy node '%1': kind must be org_unit, department or team").arg(n.key));
        if (nodes.contains(n.key))
            return invalid(CoreText::tr("Hierarchy node '%1' is defined twice").arg(n.key));
        nodes.insert(n.key, &n);
    }
    for (const OrgNode &n : hierarchy) {
        if (n.parentKey.isEmpty())
            continue;
        const OrgNode *parent = nodes.value(n.parentKey);
        if (!parent)
            return invalid(CoreText::tr("Hierarchy node '%1' names an unknown parent '%2'").arg(n.key, n.parentKey));
        // Walk up: a cycle returns to the start before reaching the top.
        QSet<QString> seen{n.key};
        for (const OrgNode *p = parent; p; p = p->parentKey.isEmpty() ? nullptr : nodes.value(p->parentKey)) {
            if (seen.contains(p->key))
                return invalid(CoreText::tr("Hierarchy has a cycle through '%1'").arg(p->key));
            seen.insert(p->key);
        }
        const std::optional<OrgNodeKind> kind = orgNodeKindFromText(n.kind), parentKind = orgNodeKindFromText(parent->kind);
        const bool ok = (kind == OrgNodeKind::Team && parentKind == OrgNodeKind::Department)
            || (kind == OrgNodeKind::Department && parentKind == OrgNodeKind::OrgUnit);
        if (!ok)
            return invalid(CoreText::tr("Hierarchy node '%1' (%2) cannot sit under '%3' (%4): teams belong to departments, "
                                        "departments to org units")
                               .arg(n.key, n.kind, parent->key, parent->kind));
    }
    QSet<QString> bucketKeys;
    for (const BucketConfig &b : buckets) {
        if (b.key.isEmpty() || bucketKeys.contains(b.key))
            return invalid(CoreText::tr("Bucket '%1': keys must be unique and non-empty").arg(b.key));
        bucketKeys.insert(b.key);
        const std::optional<BucketPolicy> policy = bucketPolicyFromText(b.policy);
        if (!policy)
            return invalid(CoreText::tr("Bucket '%1': policy must be even, proportional, fixed or none").arg(b.key));
        if (policy == BucketPolicy::Fixed) {
            std::int64_t total = 0;
            for (const auto &[team, pct] : b.fixedShares) {
                const auto p = percentNanos(QJsonValue(pct));
                if (team.isEmpty() || !p || *p <= 0)
                    return invalid(CoreText::tr("Bucket '%1': every fixed share needs a team and a positive percent").arg(b.key));
                total += *p;
            }
            if (total != 100 * kNanosPerUnit)
                return invalid(CoreText::tr("Bucket '%1': fixed shares sum to %2, not 100").arg(b.key, formatNanos(total, 4)));
        }
    }
    if (idlePolicy != QLatin1String("owner") && !(idlePolicy.startsWith(QLatin1String("bucket:")) && bucketKeys.contains(idlePolicy.mid(7))))
        return invalid(CoreText::tr("idle_policy must be 'owner' or 'bucket:<a defined bucket>', not '%1'").arg(idlePolicy));
    for (int i = 0; i < rules.size(); ++i) {
        const QString where = describeRule(i, rules[i]);
        if (auto s = validateMatch(rules[i], where); !s)
            return s;
        if (auto s = validateAssign(rules[i], bucketKeys, where); !s)
            return s;
    }
    return {};
}

QStringList AttributionConfig::shadowWarnings() const
{
    static const QStringList matchAll{QStringLiteral(".*"), QStringLiteral("^.*$"), QStringLiteral("^.*"), QStringLiteral("")};
    QStringList warnings;
    for (int j = 0; j < rules.size(); ++j) {
        for (int i = 0; i < j; ++i) {
            if (!rules[i].enabled || !rules[j].enabled)
                continue;
            const QJsonObject &a = rules[i].match;
            const QJsonObject &b = rules[j].match;
            bool covers = a == b;
            if (!covers && a.contains(QLatin1String("resource")) && a.value(QLatin1String("resource")) == b.value(QLatin1String("resource"))) {
                const QJsonArray ai = a.value(QLatin1String("ids")).toArray();
                covers = true;
                for (const auto &id : b.value(QLatin1String("ids")).toArray())
                    covers = covers && ai.contains(id);
            }
            if (!covers && a.contains(QLatin1String("field")) && a.value(QLatin1String("field")) == b.value(QLatin1String("field"))
                && key(a.value(QLatin1String("key")).toString()) == key(b.value(QLatin1String("key")).toString()) && b.contains(QLatin1String("field")))
                covers = matchAll.contains(a.value(QLatin1String("regex")).toString());
            if (covers) {
                warnings.append(
                    CoreText::tr("%1 is shadowed by %2: it can never match").arg(describeRule(j, rules[j]), describeRule(i, rules[i])));
                break;
            }
        }
    }
    return warnings;
}

QByteArray AttributionConfig::toJson() const
{
    QJsonArray h, p, b, ids, r;
    for (const auto &n : hierarchy) {
        QJsonObject o{{QStringLiteral("key"), n.key}, {QStringLiteral("kind"), n.kind}, {QStringLiteral("name"), n.displayName}};
        if (!n.parentKey.isEmpty())
            o.insert(QStringLiteral("parent"), n.parentKey);
        h.append(o);
    }
    for (const auto &x : projects) {
        QJsonObject o{{QStringLiteral("key"), x.key}, {QStringLiteral("name"), x.displayName}};
        if (!x.teamKey.isEmpty())
            o.insert(QStringLiteral("team"), x.teamKey);
        p.append(o);
    }
    for (const auto &x : buckets) {
        QJsonObject o{{QStringLiteral("key"), x.key}, {QStringLiteral("name"), x.displayName}, {QStringLiteral("policy"), x.policy}};
        if (!x.fixedShares.isEmpty()) {
            QJsonObject shares;
            for (const auto &[team, pct] : x.fixedShares)
                shares.insert(team, pct);
            o.insert(QStringLiteral("fixed_shares"), shares);
        }
        b.append(o);
    }
    for (const auto &x : identities)
        ids.append(QJsonObject{{QStringLiteral("principal"), x.principal}, {QStringLiteral("team"), x.teamKey}});
    for (const auto &x : rules)
        r.append(ruleToJson(x));
    const QJsonObject root{{QStringLiteral("version"), 1}, {QStringLiteral("hierarchy"), h}, {QStringLiteral("projects"), p},
                           {QStringLiteral("buckets"), b}, {QStringLiteral("identities"), ids}, {QStringLiteral("rules"), r},
                           {QStringLiteral("idle_policy"), idlePolicy}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

namespace {

const char *const kSections[] = {"version", "hierarchy", "projects", "buckets", "identities", "rules", "idle_policy"};

QString jsonTypeName(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null: return QStringLiteral("null");
    case QJsonValue::Bool: return QStringLiteral("a boolean");
    case QJsonValue::Double: return QStringLiteral("a number");
    case QJsonValue::String: return QStringLiteral("a string");
    case QJsonValue::Array: return QStringLiteral("an array");
    case QJsonValue::Object: return QStringLiteral("an object");
    case QJsonValue::Undefined: break;
    }
    return QStringLiteral("missing");
}

Error wrongType(const QString &path, const QString &expected, const QJsonValue &v)
{
    return makeError(ErrorCode::BadInput, CoreText::tr("%1: expected %2, found %3").arg(path, expected, jsonTypeName(v)));
}

// A section that, when present, is an array of objects.
Result<QList<QJsonObject>> objectsOf(const QJsonObject &root, const QString &section)
{
    QList<QJsonObject> out;
    const QJsonValue v = root.value(section);
    if (v.isUndefined())
        return out;
    if (!v.isArray())
        return wrongType(section, CoreText::tr("an array"), v);
    const QJsonArray items = v.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items[i].isObject())
            return wrongType(QStringLiteral("%1[%2]").arg(section).arg(i), CoreText::tr("an object"), items[i]);
        out.append(items[i].toObject());
    }
    return out;
}

// Every listed field that is present is a string.
Status stringFields(const QJsonObject &o, const QStringList &fields, const QString &path)
{
    for (const QString &f : fields) {
        const QJsonValue v = o.value(f);
        if (!v.isUndefined() && !v.isString())
            return wrongType(path + QLatin1Char('.') + f, CoreText::tr("a string"), v);
    }
    return {};
}

// "line 3, column 7" for a byte offset into the document.
QString position(const QByteArray &json, int offset)
{
    const QByteArray head = json.left(offset);
    const qsizetype line = head.count('\n') + 1;
    const qsizetype column = offset - (head.lastIndexOf('\n') + 1) + 1;
    return CoreText::tr("line %1, column %2").arg(line).arg(column);
}

} // namespace

Result<AttributionConfig> AttributionConfig::fromJson(const QByteArray &json)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError)
        return makeError(ErrorCode::BadInput,
            CoreText::tr("The rules file is not valid JSON: %1 at %2").arg(err.errorString(), position(json, err.offset)));
    if (!doc.isObject())
        return makeError(ErrorCode::BadInput,
            CoreText::tr("The rules file must be a JSON object with the sections version, hierarchy, projects, buckets, identities, "
                         "rules and idle_policy (as 'rules export' writes it); this one is %1")
                .arg(doc.isArray() ? CoreText::tr("an array") : CoreText::tr("a single value")));
    const QJsonObject root = doc.object();
    QStringList known;
    for (const char *section : kSections)
        known << QLatin1String(section);
    if (auto s = onlyKnownFields(root, known, QStringLiteral("Rules file")); !s)
        return s.error();
    const QJsonValue version = root.value(QLatin1String("version"));
    if (!version.isUndefined() && !version.isDouble())
        return wrongType(QStringLiteral("version"), CoreText::tr("a number"), version);
    if (version.toInt(1) != 1)
        return invalid(CoreText::tr("Rules file version %1 is not supported (expected 1)").arg(version.toInt()));
    AttributionConfig c;
    auto hierarchy = objectsOf(root, QStringLiteral("hierarchy"));
    if (!hierarchy)
        return hierarchy.error();
    for (qsizetype i = 0; i < hierarchy->size(); ++i) {
        const QJsonObject &o = (*hierarchy)[i];
        const QString path = QStringLiteral("hierarchy[%1]").arg(i);
        const QStringList fields{QStringLiteral("key"), QStringLiteral("kind"), QStringLiteral("name"), QStringLiteral("parent")};
        if (auto s = onlyKnownFields(o, fields, path); !s)
            return s.error();
        if (auto s = stringFields(o, fields, path); !s)
            return s.error();
        c.hierarchy.append({key(o.value(QLatin1String("key")).toString()), o.value(QLatin1String("kind")).toString(),
                            o.value(QLatin1String("name")).toString(), key(o.value(QLatin1String("parent")).toString())});
    }
    auto projects = objectsOf(root, QStringLiteral("projects"));
    if (!projects)
        return projects.error();
    for (qsizetype i = 0; i < projects->size(); ++i) {
        const QJsonObject &o = (*projects)[i];
        const QString path = QStringLiteral("projects[%1]").arg(i);
        const QStringList fields{QStringLiteral("key"), QStringLiteral("name"), QStringLiteral("team")};
        if (auto s = onlyKnownFields(o, fields, path); !s)
            return s.error();
        if (auto s = stringFields(o, fields, path); !s)
            return s.error();
        c.projects.append({key(o.value(QLatin1String("key")).toString()), o.value(QLatin1String("name")).toString(), key(o.value(QLatin1String("team")).toString())});
    }
    auto buckets = objectsOf(root, QStringLiteral("buckets"));
    if (!buckets)
        return buckets.error();
    for (qsizetype i = 0; i < buckets->size(); ++i) {
        const QJsonObject &o = (*buckets)[i];
        const QString path = QStringLiteral("buckets[%1]").arg(i);
        if (auto s = onlyKnownFields(
                o, {QStringLiteral("key"), QStringLiteral("name"), QStringLiteral("policy"), QStringLiteral("fixed_shares")}, path);
            !s)
            return s.error();
        if (auto s = stringFields(o, {QStringLiteral("key"), QStringLiteral("name"), QStringLiteral("policy")}, path); !s)
            return s.error();
        const QJsonValue sharesValue = o.value(QLatin1String("fixed_shares"));
        if (!sharesValue.isUndefined() && !sharesValue.isObject())
            return wrongType(path + QStringLiteral(".fixed_shares"), CoreText::tr("an object of team: percent"), sharesValue);
        BucketConfig b{key(o.value(QLatin1String("key")).toString()), o.value(QLatin1String("name")).toString(), o.value(QLatin1String("policy")).toString(), {}};
        const QJsonObject shares = sharesValue.toObject();
        for (auto it = shares.begin(); it != shares.end(); ++it)
            b.fixedShares.append({key(it.key()), it.value().isDouble() ? QString::number(it.value().toDouble(), 'g', 15) : it.value().toString()});
        c.buckets.append(b);
    }
    auto identities = objectsOf(root, QStringLiteral("identities"));
    if (!identities)
        return identities.error();
    for (qsizetype i = 0; i < identities->size(); ++i) {
        const QJsonObject &o = (*identities)[i];
        const QString path = QStringLiteral("identities[%1]").arg(i);
        const QStringList fields{QStringLiteral("principal"), QStringLiteral("team")};
        if (auto s = onlyKnownFields(o, fields, path); !s)
            return s.error();
        if (auto s = stringFields(o, fields, path); !s)
            return s.error();
        IdentityMapping m{o.value(QLatin1String("principal")).toString().trimmed(), key(o.value(QLatin1String("team")).toString())};
        if (m.principal.isEmpty() || m.teamKey.isEmpty())
            return invalid(CoreText::tr("%1: an identity mapping needs a principal and a team").arg(path));
        c.identities.append(m);
    }
    auto rules = objectsOf(root, QStringLiteral("rules"));
    if (!rules)
        return rules.error();
    for (int i = 0; i < rules->size(); ++i) {
        const QJsonObject &o = (*rules)[i];
        const QString path = QStringLiteral("rules[%1]").arg(i);
        if (auto s = stringFields(o, {QStringLiteral("name"), QStringLiteral("kind")}, path); !s)
            return s.error();
        if (const QJsonValue e = o.value(QLatin1String("enabled")); !e.isUndefined() && !e.isBool())
            return wrongType(path + QStringLiteral(".enabled"), CoreText::tr("true or false"), e);
        for (const char *f : {"match", "assign"}) {
            if (const QJsonValue v = o.value(QLatin1String(f)); !v.isObject())
                return wrongType(path + QLatin1Char('.') + QLatin1String(f), CoreText::tr("an object"), v);
        }
        auto r = ruleFromJson(o, i);
        if (!r)
            return r.error();
        c.rules.append(*r);
    }
    if (const QJsonValue idle = root.value(QLatin1String("idle_policy")); !idle.isUndefined()) {
        if (!idle.isString())
            return wrongType(QStringLiteral("idle_policy"), CoreText::tr("a string"), idle);
        c.idlePolicy = idle.toString();
    }
    if (auto s = c.validate(); !s)
        return s.error();
    return c;
}

Result<AttributionConfig> AttributionConfig::fromImportJson(const QByteArray &json)
{
    auto c = fromJson(json);
    if (!c)
        return c;
    const QJsonObject root = QJsonDocument::fromJson(json).object();
    QStringList missing;
    for (const char *section : kSections) {
        if (!root.contains(QLatin1String(section)))
            missing << QLatin1String(section);
    }
    if (!missing.isEmpty())
        return makeError(ErrorCode::BadInput,
            CoreText::tr("The rules file is incomplete: %1 missing. An import replaces the whole configuration, so the file must "
                         "have every section ('rules export' writes one; an empty section is [])")
                .arg(missing.join(QStringLiteral(", "))));
    if (auto s = c->validateReferences(); !s)
        return s.error();
    return c;
}

bool AttributionConfig::isEmpty() const
{
    return hierarchy.isEmpty() && projects.isEmpty() && buckets.isEmpty() && identities.isEmpty() && rules.isEmpty();
}

Status AttributionConfig::validateReferences() const
{
    QSet<QString> teams, projectKeys;
    for (const OrgNode &n : hierarchy) {
        if (orgNodeKindFromText(n.kind) == OrgNodeKind::Team)
            teams.insert(n.key);
    }
    const auto team = [&](const QString &path, const QString &teamKey) -> Status {
        if (teamKey.isEmpty() || teams.contains(teamKey))
            return {};
        return invalid(
            CoreText::tr("%1: team '%2' is not a team of the hierarchy (define it under a department first)").arg(path, teamKey));
    };
    for (qsizetype i = 0; i < projects.size(); ++i) {
        const QString path = QStringLiteral("projects[%1]").arg(i);
        if (projects[i].key.isEmpty() || projects[i].displayName.trimmed().isEmpty())
            return invalid(CoreText::tr("%1: a project needs a key and a name").arg(path));
        if (projectKeys.contains(projects[i].key))
            return invalid(CoreText::tr("%1: project '%2' is defined twice").arg(path, projects[i].key));
        projectKeys.insert(projects[i].key);
        if (auto s = team(path + QStringLiteral(".team"), projects[i].teamKey); !s)
            return s;
    }
    const auto project = [&](const QString &path, const QString &projectKey) -> Status {
        if (projectKey.isEmpty() || projectKeys.contains(projectKey))
            return {};
        return invalid(CoreText::tr("%1: project '%2' is not defined in projects").arg(path, projectKey));
    };
    QSet<QString> principals;
    for (qsizetype i = 0; i < identities.size(); ++i) {
        const QString path = QStringLiteral("identities[%1]").arg(i);
        if (principals.contains(identities[i].principal.toLower()))
            return invalid(CoreText::tr("%1: principal '%2' is mapped twice").arg(path, identities[i].principal));
        principals.insert(identities[i].principal.toLower());
        if (auto s = team(path + QStringLiteral(".team"), identities[i].teamKey); !s)
            return s;
    }
    for (qsizetype i = 0; i < buckets.size(); ++i) {
        for (const auto &[teamKey, pct] : buckets[i].fixedShares) {
            if (auto s = team(QStringLiteral("buckets[%1].fixed_shares").arg(i), teamKey); !s)
                return s;
        }
    }
    for (int i = 0; i < rules.size(); ++i) {
        const QString path = QStringLiteral("rules[%1] (%2)").arg(i).arg(describeRule(i, rules[i]));
        const QJsonObject &a = rules[i].assign;
        if (auto s = team(path + QStringLiteral(" assign.team"), key(a.value(QLatin1String("team")).toString())); !s)
            return s;
        if (auto s = project(path + QStringLiteral(" assign.project"), key(a.value(QLatin1String("project")).toString())); !s)
            return s;
        const QJsonArray splits = a.value(QLatin1String("splits")).toArray();
        for (qsizetype j = 0; j < splits.size(); ++j) {
            const QJsonObject sp = splits[j].toObject();
            if (auto s = team(path + QStringLiteral(" assign.splits[%1].team").arg(j), key(sp.value(QLatin1String("team")).toString())); !s)
                return s;
            if (auto s =
                    project(path + QStringLiteral(" assign.splits[%1].project").arg(j), key(sp.value(QLatin1String("project")).toString()));
                !s)
                return s;
        }
    }
    return {};
}

} // namespace ll::attribution

#include "attributionstage.h"

#include "allocationstate.h"
#include "allocator.h"
#include "attributionconfig.h"
#include "attributionsql.h"

#include "common/coretext.h"
#include "pipeline/steptimer.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ll::attribution {
namespace {

// Compiles one rule's match into a predicate over temp.attr_work w, with its bindings.
struct CompiledRule {
    QByteArray predicate;
    QList<QPair<QByteArray, QString>> binds;
};

CompiledRule compile(const Rule &rule)
{
    CompiledRule c;
    const QJsonObject &m = rule.match;
    if (m.contains(QLatin1String("resource"))) {
        static const QHash<QString, QByteArray> columns{{QStringLiteral("job"), "w.job_id"}, {QStringLiteral("pipeline"), "w.pipeline_id"},
                                                        {QStringLiteral("warehouse"), "w.warehouse_id"}, {QStringLiteral("cluster"), "w.cluster_id"},
                                                        {QStringLiteral("endpoint"), "w.endpoint_name"},
                                                        {QStringLiteral("work_unit"), "(w.work_unit_type || ':' || w.work_unit_id)"}};
        c.predicate = columns.value(m.value(QLatin1String("resource")).toString()) + " IN (SELECT value FROM json_each(:ids))";
        c.binds.append({":ids", QString::fromUtf8(QJsonDocument(m.value(QLatin1String("ids")).toArray()).toJson(QJsonDocument::Compact))});
        return c;
    }
    const QString field = m.value(QLatin1String("field")).toString();
    c.binds.append({":re", m.value(QLatin1String("regex")).toString()});
    if (field == QLatin1String("name"))
        c.predicate = "regexp(:re, w.wu_name)";
    else if (field == QLatin1String("notebook_path"))
        c.predicate = "regexp(:re, w.notebook_path)";
    else if (field == QLatin1String("principal"))
        c.predicate = "regexp(:re, w.principal)";
    else if (field == QLatin1String("email_domain"))
        c.predicate = "instr(w.principal, '@') > 0 AND regexp(:re, substr(w.principal, instr(w.principal, '@') + 1))";
    else {
        // The line's own tag, else its work unit's (the entity's current tags, from the system
        // tables or REST enrichment alike): serverless and REST-only entities carry tags there.
        c.predicate =
            "regexp(:re, coalesce((SELECT j.value FROM json_each(w.tags) j WHERE lower(j.key) = lower(:key) ORDER BY j.key LIMIT 1), "
            "(SELECT j.value FROM json_each(w.wu_tags) j WHERE lower(j.key) = lower(:key) ORDER BY j.key LIMIT 1)))";
        c.binds.append({":key", m.value(QLatin1String("key")).toString()});
    }
    return c;
}

Status applyRules(store::Database &db, const AttributionConfig &config)
{
    auto ids = db.prepare("SELECT rule_id FROM app_rule ORDER BY position");
    if (!ids)
        return ids.error();
    QList<std::int64_t> ruleIds;
    const Status idsRead = ids->forEachRow([&](const store::Statement &row) { ruleIds.append(row.int64(0)); });
    if (!idsRead)
        return idsRead.error();
    for (int i = 0; i < config.rules.size() && i < ruleIds.size(); ++i) {
        const Rule &rule = config.rules[i];
        if (!rule.enabled)
            continue;
        const CompiledRule c = compile(rule);
        auto stmt = db.prepare(QByteArray(sql::ruleDecision) + c.predicate);
        if (!stmt)
            return stmt.error();
        // validate() accepted only known kinds and modes.
        const std::optional<RuleKind> kind = ruleKindFromText(rule.kind);
        const AllocationMode mode = kind == RuleKind::Proportional
            ? AllocationMode::Proportional
            : allocationModeFromText(rule.assign.value(QLatin1String("mode")).toString()).value_or(AllocationMode::None);
        const Confidence confidence = kind == RuleKind::Exact && mode != AllocationMode::Usage ? Confidence::Exact
            : (mode == AllocationMode::Usage || mode == AllocationMode::Proportional)          ? Confidence::Estimated
                                                                                               : Confidence::Strong;
        const auto opt = [](const QString &s) { return s.trimmed().isEmpty() ? QString() : s.trimmed().toLower(); };
        stmt->bind(":rule_id", ruleIds[i]);
        stmt->bind(":method", QStringLiteral("rule:") + rule.name);
        stmt->bind(":confidence", toText(confidence));
        stmt->bind(":mode", toText(mode));
        stmt->bind(":team", opt(rule.assign.value(QLatin1String("team")).toString()));
        stmt->bind(":project", opt(rule.assign.value(QLatin1String("project")).toString()));
        stmt->bind(":bucket", opt(rule.assign.value(QLatin1String("bucket")).toString()));
        stmt->bind(":splits",
            mode == AllocationMode::Split
                ? QString::fromUtf8(QJsonDocument(rule.assign.value(QLatin1String("splits")).toArray()).toJson(QJsonDocument::Compact))
                : QString());
        for (const auto &[name, value] : c.binds)
            stmt->bind(name.constData(), value);
        if (auto s = stmt->run(); !s)
            return makeError(s.error().code, CoreText::tr("Attribution rule '%1' failed").arg(rule.name), s.error().detail);
    }
    return {};
}

} // namespace

Result<std::int64_t> AttributionStage::processWorkDays(pipeline::StageContext &context)
{
    store::Database &db = context.db;
    pipeline::StepTimer timer("attribution");
    auto config = AttributionConfig::load(db);
    if (!config)
        return config.error();
    if (auto s = db.exec(sql::workUnitTags); !s)
        return s.error();
    timer.lap("config+workUnitTags");
    if (auto s = db.exec(sql::buildWork); !s)
        return s.error();
    timer.lap("buildWork");
    if (auto s = applyRules(db, *config); !s)
        return s.error();
    timer.lap("rules");
    if (auto s = db.exec(sql::waterfall); !s)
        return s.error();
    timer.lap("waterfall");
    if (auto s = db.exec(sql::clearDays); !s)
        return s.error();
    timer.lap("clearDays");
    Allocator allocator(db, *config);
    auto written = allocator.run();
    if (!written)
        return written.error();
    timer.lap("allocator");
    if (auto s = db.exec(sql::insertLineSummary); !s)
        return s.error();
    timer.lap("lineSummary");
    return *written;
}

} // namespace ll::attribution

// lakeledger-cli report attribution | explain | rules export|import|preview
#include "clicommon.h"

#include "attribution/attributionconfig.h"
#include "attribution/preview.h"
#include "audit/auditlog.h"
#include "common/money.h"
#include "job/job.h"
#include "reports/attributionreport.h"
#include "reports/csvwriter.h"
#include "reports/entitynames.h"

#include <QFile>

namespace ll::cli {
namespace {

// Writes CSV to --out FILE (atomically, never over the store; recorded as an export) or to
// standard output.
template <typename Fill> int writeCsv(store::Database &db, const CommandEnv &env, const QString &path, Fill &&fill)
{
    ReportOutput output(env.storePath);
    if (auto s = output.open(path); !s)
        return fail(s.error());
    output.recordExportIn(db, commandLineOf(env));
    reports::CsvWriter csv(output.device());
    if (auto s = fill(csv); !s)
        return fail(s.error());
    if (auto s = output.commit(); !s)
        return fail(s.error());
    return ExitOk;
}

bool parseRange(QCommandLineParser &parser, const QCommandLineOption &from, const QCommandLineOption &to, QDate &f, QDate &t, int &rc)
{
    rc = readDateRange(parser, from, to, f, t);
    return rc < 0;
}

int runDerived(store::Database &db, const Clock &clock, const CancelToken &cancel)
{
    const auto summary = job::runJob(db, clock, {job::JobKind::Attribution, {}}, cancel);
    return summary.ok() ? ExitOk : fail(summary.error);
}

} // namespace

int reportAttribution(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption by(QStringLiteral("by"), QStringLiteral("PERIOD,AXIS: day|month, then team|department|org|project|bucket (default month,team)."),
                                QStringLiteral("DIMS"), QStringLiteral("month,team"));
    const QCommandLineOption after(QStringLiteral("after-sharing"), QStringLiteral("Redistribute shared buckets to teams first."));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("First usage day, YYYY-MM-DD."), QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Last usage day, YYYY-MM-DD."), QStringLiteral("DATE"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Write the CSV to FILE."), QStringLiteral("FILE"));
    parser.addOptions({by, after, from, to, out});
    if (int rc = parseCommand(parser, env, QStringLiteral("Cost by owner: a cost column plus the share of each confidence tier (exact, strong, "
                                                           "estimated, unattributed). 'unattributed' and 'idle' appear as rows.")); rc >= 0)
        return rc;
    reports::AttributionQuery q;
    const QStringList parts = parser.value(by).split(QLatin1Char(','));
    if (parts.size() != 2)
        return usage(QStringLiteral("--by takes PERIOD,AXIS, e.g. month,team"));
    q.afterSharing = parser.isSet(after);
    if (int rc = -1; !parseRange(parser, from, to, q.from, q.to, rc))
        return rc;
    const auto axis = reports::parseAttributionAxis(parts[1].trimmed());
    if (!axis)
        return usage(axis.error().message);
    const auto period = reports::parseAttributionPeriod(parts[0].trimmed());
    if (!period)
        return usage(period.error().message);
    q.axis = *axis;
    q.period = *period;
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    auto rows = reports::queryAttribution(*db, q);
    if (!rows)
        return rows.error().code == ErrorCode::InvalidArgument ? usage(rows.error().message) : fail(rows.error());
    return writeCsv(*db, env, parser.value(out), [&](reports::CsvWriter &csv) -> Status {
        for (const QString &h : {toText(q.period), toText(q.axis), QStringLiteral("cost"), QStringLiteral("exact"),
                 QStringLiteral("strong"), QStringLiteral("estimated"), QStringLiteral("unattributed")})
            csv.addText(h);
        if (auto s = csv.endRow(); !s)
            return s;
        for (const auto &r : *rows) {
            csv.addText(r.period);
            csv.addText(r.owner);
            for (auto v : {r.costNanos, r.exactNanos, r.strongNanos, r.estimatedNanos, r.unattributedNanos})
                csv.addMoney(v, 2);
            if (auto s = csv.endRow(); !s)
                return s;
        }
        return {};
    });
}

int runExplain(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption team(QStringLiteral("team"), QStringLiteral("A team (key or name), or 'unattributed' or 'idle'."), QStringLiteral("TEAM"));
    const QCommandLineOption project(QStringLiteral("project"), QStringLiteral("A project key."), QStringLiteral("PROJECT"));
    const QCommandLineOption bucket(QStringLiteral("bucket"), QStringLiteral("A shared bucket key."), QStringLiteral("BUCKET"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("First usage day, YYYY-MM-DD."), QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Last usage day, YYYY-MM-DD."), QStringLiteral("DATE"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("Write the CSV to FILE."), QStringLiteral("FILE"));
    parser.addOptions({team, project, bucket, from, to, out});
    if (int rc = parseCommand(parser, env, QStringLiteral("Why is this mine? Lists the line items behind an owner's cost with the rule or fallback "
                                                           "step that decided and its confidence: evidence to attach to a chargeback report.")); rc >= 0)
        return rc;
    reports::ExplainQuery q;
    const int given = int(parser.isSet(team)) + int(parser.isSet(project)) + int(parser.isSet(bucket));
    if (given != 1)
        return usage(QStringLiteral("explain takes exactly one of --team, --project or --bucket"));
    q.axis = parser.isSet(team) ? reports::AttributionAxis::Team
        : parser.isSet(project) ? reports::AttributionAxis::Project
                                : reports::AttributionAxis::Bucket;
    q.key = parser.value(parser.isSet(team) ? team : parser.isSet(project) ? project : bucket);
    if (int rc = -1; !parseRange(parser, from, to, q.from, q.to, rc))
        return rc;
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    auto rows = reports::explainAttribution(*db, q);
    if (!rows)
        return fail(rows.error());
    return writeCsv(*db, env, parser.value(out), [&](reports::CsvWriter &csv) -> Status {
        for (const char *h : {"line_id", "record_id", "usage_day", "workspace", "sku", "work_unit", "principal", "kind", "team", "project",
                 "bucket", "method", "confidence", "allocated_cost", "line_cost", "workspace_name", "work_unit_name", "principal_name"})
            csv.addText(QString::fromLatin1(h));
        if (auto s = csv.endRow(); !s)
            return s;
        reports::EntityNames names(*db);
        for (const auto &r : *rows) {
            csv.addInteger(r.lineId);
            for (const QString &t : {r.recordId, r.usageDay, r.workspaceId, r.sku, r.workUnit, r.principal, r.kind, r.team, r.project, r.bucket, r.method, r.confidence})
                csv.addText(t);
            csv.addMoney(r.allocatedNanos, 9);
            csv.addMoney(r.lineCostNanos, 9);
            auto workspaceName = names.workspace(r.workspaceId);
            auto workUnitName = names.workUnitKey(r.workUnit);
            if (!workspaceName || !workUnitName)
                return !workspaceName ? workspaceName.error() : workUnitName.error();
            auto principalName = names.principal(r.principal);
            if (!principalName)
                return principalName.error();
            csv.addText(*workspaceName);
            csv.addText(*workUnitName);
            csv.addText(*principalName);
            if (auto s = csv.endRow(); !s)
                return s;
        }
        return {};
    });
}

namespace {

// Replaces the configuration with `json` if it is a valid, complete import (nothing changes
// otherwise), then re-derives through job::runJob.
int importRules(store::Database &db, const CommandEnv &env, const QByteArray &json, bool allowEmpty, const QString &what)
{
    SystemClock clock;
    auto config = attribution::AttributionConfig::fromImportJson(json);
    if (!config)
        return fail(makeError(config.error().code,
            QStringLiteral("%1 was not imported; nothing changed: %2").arg(what, config.error().message), config.error().detail));
    for (const QString &w : config->shadowWarnings())
        err() << "lakeledger-cli: warning: " << w << Qt::endl;
    if (auto s = attribution::AttributionConfig::save(db, clock, audit::AuditLog::currentActor(), *config, allowEmpty); !s)
        return fail(s.error());
    auto entry = db.queryInt("SELECT max(entry_id) FROM app_audit_log WHERE action = 'attribution.replace'");
    err() << QStringLiteral(
        "Saved %1 (%2 hierarchy nodes, %3 projects, %4 buckets, %5 identity mappings, %6 rules); audit entry %7 keeps "
        "the previous configuration ('rules restore --audit-id %7' undoes this). Re-running attribution, metrics and insights")
                 .arg(what)
                 .arg(config->hierarchy.size())
                 .arg(config->projects.size())
                 .arg(config->buckets.size())
                 .arg(config->identities.size())
                 .arg(config->rules.size())
                 .arg(entry ? entry->value_or(0) : 0)
          << Qt::endl;
    return runDerived(db, clock, *env.cancel);
}

} // namespace

int runRules(const CommandEnv &env)
{
    const QString help =
        QStringLiteral("Usage: lakeledger-cli [--store FILE] rules <export|import|preview|restore> ...\n\n"
                       "The attribution configuration (hierarchy, projects, shared buckets, identity mapping,\n"
                       "ordered rules, idle policy) as readable JSON; see docs/attribution.md.\n"
                       "  export FILE    write the current configuration (never over the store or a SQLite file)\n"
                       "  import FILE [--allow-empty]\n"
                       "                 replace the configuration with FILE, then re-run attribution, metrics,\n"
                       "                 insights. FILE must be complete (every section, as export writes it) and\n"
                       "                 every team and project it names must be defined; otherwise nothing changes.\n"
                       "                 Replacing a configuration with an empty one needs --allow-empty.\n"
                       "                 The audit log keeps the configuration replaced.\n"
                       "  restore --audit-id N\n"
                       "                 import the configuration as it was before audit entry N (undo an import)\n"
                       "  preview FILE   who gains, who loses per team and project (needs --from and --to); nothing is saved\n");
    if (env.args.contains(QLatin1String("--help")) || env.args.contains(QLatin1String("-h"))) {
        out() << help;
        out().flush();
        return ExitOk;
    }
    if (env.args.size() < 3)
        return usage(QStringLiteral("expected: rules export|import|preview FILE or rules restore --audit-id N (see 'rules --help')"));
    const QString action = env.args[1];
    const QString path = env.args[2];
    if (action == QLatin1String("restore")) {
        if (env.args.size() != 4 || env.args[2] != QLatin1String("--audit-id"))
            return usage(QStringLiteral("expected: rules restore --audit-id N"));
        bool ok = false;
        const qint64 id = env.args[3].toLongLong(&ok);
        if (!ok || id <= 0)
            return usage(QStringLiteral("--audit-id takes an audit entry number, not '%1'").arg(env.args[3]));
        auto db = openExisting(env.storePath);
        if (!db)
            return fail(db.error());
        auto before = attribution::AttributionConfig::beforeStateOf(*db, id);
        if (!before)
            return fail(before.error());
        return importRules(*db, env, *before, /*allowEmpty=*/true, QStringLiteral("the configuration before audit entry %1").arg(id));
    }
    if (action != QLatin1String("export") && action != QLatin1String("import") && action != QLatin1String("preview"))
        return usage(QStringLiteral("Unknown rules action '%1' (export, import, preview, restore)").arg(action));
    if (action == QLatin1String("import")) {
        const QStringList extra = env.args.mid(3);
        if (!extra.isEmpty() && extra != QStringList{QStringLiteral("--allow-empty")})
            return usage(QStringLiteral("rules import takes FILE and optionally --allow-empty"));
    } else if (action == QLatin1String("export") && env.args.size() != 3) {
        return usage(QStringLiteral("rules export takes only FILE"));
    }
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    SystemClock clock;
    if (action == QLatin1String("export")) {
        auto config = attribution::AttributionConfig::load(*db);
        if (!config)
            return fail(config.error());
        ReportOutput output(env.storePath);
        if (auto s = output.open(path); !s)
            return fail(s.error()); // a refused target changes nothing, not even the log
        output.recordExportIn(*db, QStringLiteral("rules export"));
        output.device().write(config->toJson());
        if (auto s = output.commit(); !s)
            return fail(s.error());
        err() << QStringLiteral("Wrote %1 rules to %2").arg(config->rules.size()).arg(path) << Qt::endl;
        return ExitOk;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(makeError(ErrorCode::NotFound, QStringLiteral("Cannot read %1").arg(path), file.errorString()));
    const QByteArray json = file.readAll();
    if (action == QLatin1String("import"))
        return importRules(*db, env, json, env.args.size() == 4, QStringLiteral("%1").arg(path));
    auto config = attribution::AttributionConfig::fromJson(json);
    if (!config)
        return fail(config.error());
    for (const QString &w : config->shadowWarnings())
        err() << "lakeledger-cli: warning: " << w << Qt::endl;
    QCommandLineParser parser;
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("First usage day."), QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Last usage day."), QStringLiteral("DATE"));
    parser.addOptions({from, to});
    if (!parser.parse(QStringList{QStringLiteral("rules")} + env.args.mid(3)))
        return usage(parser.errorText());
    QDate f, t;
    if (int rc = -1; !parseRange(parser, from, to, f, t, rc))
        return rc;
    if (!f.isValid() || !t.isValid())
        return usage(QStringLiteral("rules preview needs --from and --to"));
    auto rows = attribution::previewAttribution(*db, clock, *config, f, t);
    if (!rows)
        return fail(rows.error());
    return writeCsv(*db, env, QString(), [&](reports::CsvWriter &csv) -> Status {
        for (const char *h : {"axis", "owner", "before", "after", "change"})
            csv.addText(QString::fromLatin1(h));
        if (auto s = csv.endRow(); !s)
            return s;
        for (const auto &r : *rows) {
            csv.addText(r.axis);
            csv.addText(r.owner);
            csv.addMoney(r.beforeNanos, 2);
            csv.addMoney(r.afterNanos, 2);
            csv.addMoney(r.deltaNanos(), 2);
            if (auto s = csv.endRow(); !s)
                return s;
        }
        return {};
    });
}

} // namespace ll::cli

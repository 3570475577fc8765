// lakeledger-cli plans list|show|approve|reject|apply|export, report savings
#include "clicommon.h"
#include "cliconnection.h"

#include "audit/auditlog.h"
#include "common/money.h"
#include "credentials/databricksconfig.h"
#include "plans/planapplier.h"
#include "plans/planexport.h"
#include "plans/planreview.h"
#include "plans/planstore.h"
#include "plans/realisedsavings.h"
#include "reports/csvwriter.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>

namespace ll::cli {
namespace {

const QStringList kListColumns = {QStringLiteral("plan_id"), QStringLiteral("insight_id"), QStringLiteral("insight_type"),
    QStringLiteral("status"), QStringLiteral("target_type"), QStringLiteral("target_id"), QStringLiteral("target_name"),
    QStringLiteral("estimated_monthly_savings"), QStringLiteral("currency"), QStringLiteral("title")};

QStringList cellsOf(const plans::Plan &p)
{
    return {QString::number(p.planId), QString::number(p.findingId), p.insightKind, toText(p.status), p.targetType, p.targetId,
        p.targetName, formatNanos(p.estimatedMonthlyNanos, 2), p.currency, p.title};
}

void writeTable(QIODevice &device, const QList<QStringList> &rows)
{
    QList<int> widths(rows.value(0).size(), 0);
    for (const QStringList &r : rows)
        for (int c = 0; c < r.size(); ++c)
            widths[c] = std::max(widths[c], static_cast<int>(r[c].size()));
    for (const QStringList &r : rows) {
        QString line;
        for (int c = 0; c < r.size(); ++c)
            line += c + 1 == r.size() ? r[c] : r[c].leftJustified(widths[c]) + QStringLiteral("  ");
        device.write(line.toUtf8() + '\n');
    }
}

QString timeText(const std::optional<std::int64_t> &epoch)
{
    return epoch ? QDateTime::fromSecsSinceEpoch(*epoch, QTimeZone::utc()).toString(Qt::ISODate) : QString();
}

QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

Result<std::int64_t> parseId(const QString &text)
{
    bool ok = false;
    const qlonglong id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return makeError(
            ErrorCode::InvalidArgument, QStringLiteral("'%1' is not a plan id (a positive number; see `plans list`)").arg(text));
    return static_cast<std::int64_t>(id);
}

// Parses a subcommand taking one plan id; returns -1 to continue, else the exit code.
int parseWithId(QCommandLineParser &parser, const CommandEnv &env, const QString &description, std::int64_t &id)
{
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The plan id (first column of `plans list`)."));
    if (int rc = parseCommand(parser, env, description); rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("%1 needs one plan id").arg(env.args.first()));
    auto parsed = parseId(parser.positionalArguments().first());
    if (!parsed)
        return usage(parsed.error().message);
    id = *parsed;
    return -1;
}

int listPlans(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption status(QStringLiteral("status"),
        QStringLiteral("Only plans in this status: pending, approved, rejected, applied, failed, partially_applied, superseded."),
        QStringLiteral("S"));
    const QCommandLineOption format(
        QStringLiteral("format"), QStringLiteral("csv (default) or table."), QStringLiteral("FORMAT"), QStringLiteral("csv"));
    const QCommandLineOption outFile(
        QStringLiteral("out"), QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE"));
    parser.addOptions({status, format, outFile});
    if (int rc = parseCommand(parser, env, QStringLiteral("Lists action plans, newest first.")); rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("Unexpected argument '%1'").arg(parser.positionalArguments().first()));
    plans::PlanFilter filter;
    if (parser.isSet(status)) {
        filter.status = plans::planStatusFromText(parser.value(status));
        if (!filter.status)
            return usage(QStringLiteral("--status: '%1' is not a plan status (see 'plans list --help')").arg(parser.value(status)));
    }
    if (parser.value(format) != QLatin1String("csv") && parser.value(format) != QLatin1String("table"))
        return usage(QStringLiteral("--format must be csv or table, not '%1'").arg(parser.value(format)));
    const bool table = parser.value(format) == QLatin1String("table");
    return writeReport(env, parser.value(outFile), [&](store::Database &db, QIODevice &dev) -> Status {
        auto rows = plans::loadPlans(db, filter);
        if (!rows)
            return rows.error();
        if (table) {
            QList<QStringList> cells{kListColumns};
            for (const auto &p : *rows)
                cells.append(cellsOf(p));
            writeTable(dev, cells);
            return {};
        }
        reports::CsvWriter csv(dev);
        for (const QString &c : kListColumns)
            csv.addText(c);
        if (auto s = csv.endRow(); !s)
            return s;
        for (const auto &p : *rows) {
            csv.addInteger(p.planId);
            csv.addInteger(p.findingId);
            const QStringList cells = cellsOf(p);
            for (int c = 2; c < cells.size(); ++c) {
                if (c == 7)
                    csv.addMoney(p.estimatedMonthlyNanos, 2);
                else
                    csv.addText(cells[c]);
            }
            if (auto s = csv.endRow(); !s)
                return s;
        }
        return {};
    });
}

void printPlan(QTextStream &o, const plans::Plan &p)
{
    o << "Plan " << p.planId << ": " << p.title << "\n\n";
    o << "status:    " << toText(p.status);
    if (!p.statusReason.isEmpty())
        o << " (" << p.statusReason << ")";
    o << "\n";
    o << "insight:   " << p.insightKind << " #" << p.findingId << "\n";
    o << "target:    " << p.targetType << " " << p.targetId;
    if (!p.targetName.isEmpty() && p.targetName != p.targetId)
        o << " (" << p.targetName << ")";
    if (!p.workspaceId.isEmpty())
        o << " in workspace " << p.workspaceId;
    o << "\n";
    o << "owner:     " << (p.owner.isEmpty() ? QStringLiteral("unknown") : p.owner) << "\n";
    o << "saving:    " << formatNanos(p.estimatedMonthlyNanos, 2) << " " << p.currency << " a month (estimated)\n";
    if (!p.approvedBy.isEmpty())
        o << "approved:  by " << p.approvedBy << " at " << timeText(p.approvedAt) << " (steps sha256 " << p.approvedStepsSha256 << ")"
          << (p.approvalComment.isEmpty() ? QString() : QStringLiteral(": ") + p.approvalComment) << "\n";
    if (!p.rejectedBy.isEmpty())
        o << "rejected:  by " << p.rejectedBy << " at " << timeText(p.rejectedAt) << ": " << p.rejectedComment << "\n";
    if (!p.appliedBy.isEmpty())
        o << "applied:   by " << p.appliedBy << " at " << timeText(p.appliedAt) << "\n";
    o << "\nRisk: " << p.risk << "\n\nSteps:\n";
    for (const plans::PlanStep &s : p.steps) {
        o << "  " << s.ordinal << ". " << s.description << (plans::isAppliable(s.kind) ? QString() : QStringLiteral(" [export only]"))
          << "\n";
        o << "     " << s.method << " " << s.path << " " << compact(s.body) << "\n";
        o << "     before " << compact(s.before) << " -> after " << compact(s.after) << "\n";
        o << "     outcome: " << toText(s.outcome);
        if (s.responseStatus)
            o << " (HTTP " << *s.responseStatus << ")";
        if (s.appliedAt)
            o << " at " << timeText(s.appliedAt);
        if (!s.responseExcerpt.isEmpty())
            o << ": " << s.responseExcerpt;
        o << "\n";
    }
}

int showPlan(const CommandEnv &env)
{
    QCommandLineParser parser;
    std::int64_t id = 0;
    if (int rc =
            parseWithId(parser, env, QStringLiteral("Shows a plan: target, owner, risk, every step with its before and after values."), id);
        rc >= 0)
        return rc;
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    auto plan = plans::loadPlan(*db, id);
    if (!plan)
        return fail(plan.error());
    printPlan(out(), *plan);
    out().flush();
    return ExitOk;
}

int reviewPlan(const CommandEnv &env, bool approve)
{
    QCommandLineParser parser;
    const QCommandLineOption comment(QStringLiteral("comment"),
        approve ? QStringLiteral("Why it is approved (optional); kept with the approval and in the audit log.")
                : QStringLiteral("Why it is rejected (required); kept with the plan and in the audit log."),
        QStringLiteral("TEXT"));
    parser.addOption(comment);
    std::int64_t id = 0;
    if (int rc = parseWithId(parser, env,
            approve ? QStringLiteral("Approves a pending plan: records you, the time and the exact steps approved (audit-logged).")
                    : QStringLiteral("Rejects a pending or approved plan with a comment (audit-logged)."),
            id);
        rc >= 0)
        return rc;
    if (!approve && parser.value(comment).trimmed().isEmpty())
        return usage(QStringLiteral("plans reject needs --comment TEXT saying why"));
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    SystemClock clock;
    const QString actor = audit::AuditLog::currentActor();
    auto plan = approve ? plans::approvePlan(*db, clock, id, actor, parser.value(comment))
                        : plans::rejectPlan(*db, clock, id, actor, parser.value(comment));
    if (!plan)
        return fail(plan.error());
    err() << QStringLiteral("Plan %1 \"%2\": %3").arg(id).arg(plan->title, toText(plan->status)) << Qt::endl;
    if (approve)
        err() << QStringLiteral("Approved steps (sha256 %1):\n%2").arg(plan->approvedStepsSha256, plan->approvedStepsText) << Qt::endl;
    return ExitOk;
}

std::optional<double> parseSeconds(const QString &text)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok && v >= 0.1 && v <= 600 ? std::optional<double>(v) : std::nullopt;
}

int applyPlan(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"), QStringLiteral("Read the targets' current state and show the changes; send nothing."));
    const QCommandLineOption yes(
        QStringLiteral("yes"), QStringLiteral("Apply the approved plan (its targets are named before anything is sent)."));
    const QCommandLineOption profile(QStringLiteral("profile"),
        QStringLiteral("A ~/.databrickscfg profile (or DATABRICKS_CONFIG_PROFILE), or a connection saved in the app."),
        QStringLiteral("NAME"));
    const QCommandLineOption host(
        QStringLiteral("host"), QStringLiteral("Workspace URL (default: DATABRICKS_HOST or the profile's)."), QStringLiteral("URL"));
    const QCommandLineOption caFile(
        QStringLiteral("ca-file"), QStringLiteral("Extra trusted CA certificates (PEM)."), QStringLiteral("FILE"));
    const QCommandLineOption timeout(QStringLiteral("request-timeout"),
        QStringLiteral("Seconds one HTTP request may take (0.1-600, default 60)."), QStringLiteral("S"), QStringLiteral("60"));
    parser.addOptions({dryRun, yes, profile, host, caFile, timeout});
    std::int64_t id = 0;
    if (int rc = parseWithId(parser, env,
            QStringLiteral("Applies an approved plan through the Databricks REST API with the same credentials as `sync`: reads each "
                           "target's current state first and refuses (nothing sent, the plan back to pending) when it differs from "
                           "what was approved. Exit codes: 0 applied; 1 refused, failed or partially applied (the reason is printed); "
                           "2 usage; 130 cancelled."),
            id);
        rc >= 0)
        return rc;
    if (parser.isSet(dryRun) == parser.isSet(yes))
        return usage(QStringLiteral("plans apply needs --dry-run (show the changes) or --yes (apply them), not both"));
    const auto seconds = parseSeconds(parser.value(timeout));
    if (!seconds)
        return usage(QStringLiteral("--request-timeout takes 0.1-600 seconds"));
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    auto plan = plans::loadPlan(*db, id);
    if (!plan)
        return fail(plan.error());
    // Refuse before asking for credentials: an unapproved plan needs none to be turned down.
    if (parser.isSet(yes) && plan->status != plans::PlanStatus::Approved)
        return fail(makeError(ErrorCode::InvalidArgument,
            QStringLiteral("Plan %1 is %2; only an approved plan can be applied (plans approve %1)").arg(id).arg(toText(plan->status))));
    auto connection = resolveConnection(*db, {parser.value(profile), parser.value(host), {}});
    if (!connection)
        return fail(connection.error());
    extract::ClientOptions options;
    options.host = connection->host;
    options.caFile = parser.value(caFile);
    options.requestTimeoutMs = static_cast<int>(*seconds * 1000);
    extract::DatabricksClient client(options, connection->credentials, *env.cancel);
    SystemClock clock;
    plans::PlanApplier applier(*db, clock, client);
    QTextStream &o = out();
    if (parser.isSet(dryRun)) {
        auto report = applier.dryRun(id);
        if (!report)
            return fail(client.scrub(report.error()));
        o << QStringLiteral("Dry run of plan %1 on %2 (nothing is sent):\n").arg(id).arg(connection->host) << report->diffText() << "\n";
        o.flush();
        return report->refused ? ExitFailed : ExitOk;
    }
    err() << QStringLiteral("Applying plan %1 \"%2\" to %3 %4 (%5) on %6")
                 .arg(id)
                 .arg(plan->title, plan->targetType, plan->targetId, plan->targetName, connection->host)
          << Qt::endl;
    auto report = applier.apply(id, audit::AuditLog::currentActor(), *env.cancel, [](int step, int total, const QString &message) {
        err() << QStringLiteral("  [%1/%2] %3").arg(step).arg(total).arg(message) << Qt::endl;
    });
    if (!report)
        return fail(client.scrub(report.error()));
    o << report->diffText() << "\n";
    for (const plans::PlanStep &s : report->steps) {
        o << QStringLiteral("step %1 %2").arg(s.ordinal).arg(toText(s.outcome));
        if (s.responseStatus)
            o << " (HTTP " << *s.responseStatus << ")";
        o << "\n";
    }
    o << QStringLiteral("Plan %1: %2\n").arg(id).arg(toText(report->status));
    o.flush();
    if (report->cancelled && report->status != plans::PlanStatus::Applied)
        return ExitCancelled;
    return report->status == plans::PlanStatus::Applied ? ExitOk : ExitFailed;
}

int exportPlan(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("md, csv, json or terraform."), QStringLiteral("FORMAT"));
    const QCommandLineOption outFile(QStringLiteral("out"),
        QStringLiteral("The file to write; the rollback goes beside it (plan.md -> plan.rollback.md)."), QStringLiteral("FILE"));
    parser.addOptions({format, outFile});
    std::int64_t id = 0;
    if (int rc = parseWithId(parser, env,
            QStringLiteral("Exports a plan as a Markdown ticket, a CSV of its steps, the JSON payload of each step (for `databricks api "
                           "post` or an SDK) or a Terraform snippet, with a rollback file in the same format (audit-logged)."),
            id);
        rc >= 0)
        return rc;
    const auto chosen = plans::exportFormatFromText(parser.value(format));
    if (!chosen)
        return usage(QStringLiteral("--format must be md, csv, json or terraform"));
    if (parser.value(outFile).isEmpty())
        return usage(QStringLiteral("plans export needs --out FILE"));
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    SystemClock clock;
    auto files = plans::exportPlan(*db, clock, audit::AuditLog::currentActor(), id, *chosen, parser.value(outFile), env.storePath);
    if (!files)
        return fail(files.error());
    err() << QStringLiteral("Wrote plan %1 to %2 and its rollback to %3").arg(id).arg(files->plan, files->rollback) << Qt::endl;
    return ExitOk;
}

} // namespace

int reportSavings(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption outFile(
        QStringLiteral("out"), QStringLiteral("Write the CSV to FILE instead of standard output."), QStringLiteral("FILE"));
    parser.addOption(outFile);
    if (int rc = parseCommand(parser, env,
            QStringLiteral("Realised vs estimated monthly savings of applied plans: the scope's cost over an equal window after the "
                           "apply day against the window before it. Until that window has fully arrived the figure is extrapolated "
                           "from the days so far and the status says \"measuring: N of M days\"."));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("Unexpected argument '%1'").arg(parser.positionalArguments().first()));
    return writeReport(env, parser.value(outFile), [](store::Database &db, QIODevice &dev) -> Status {
        auto rows = plans::realisedSavings(db);
        if (!rows)
            return rows.error();
        reports::CsvWriter csv(dev);
        for (const char *h : {"plan_id", "insight_type", "target", "estimated_monthly", "realised_monthly", "window", "status", "currency"})
            csv.addText(QString::fromLatin1(h));
        if (auto s = csv.endRow(); !s)
            return s;
        for (const auto &r : *rows) {
            csv.addInteger(r.planId);
            csv.addText(r.insightKind);
            csv.addText(QStringLiteral("%1 %2").arg(r.targetType, r.targetName.isEmpty() ? r.targetId : r.targetName));
            csv.addMoney(r.estimatedMonthlyNanos, 2);
            if (r.realisedMonthlyNanos)
                csv.addMoney(*r.realisedMonthlyNanos, 2);
            else
                csv.addText(QString());
            csv.addText(r.windowText());
            csv.addText(r.state());
            csv.addText(r.currency);
            if (auto s = csv.endRow(); !s)
                return s;
        }
        return {};
    });
}

int runPlans(const CommandEnv &env)
{
    const QString sub = env.args.size() > 1 ? env.args[1] : QString();
    CommandEnv rest = env;
    rest.args = QStringList{QStringLiteral("plans ") + sub} + env.args.mid(2);
    if (sub == QLatin1String("list"))
        return listPlans(rest);
    if (sub == QLatin1String("show"))
        return showPlan(rest);
    if (sub == QLatin1String("approve"))
        return reviewPlan(rest, true);
    if (sub == QLatin1String("reject"))
        return reviewPlan(rest, false);
    if (sub == QLatin1String("apply"))
        return applyPlan(rest);
    if (sub == QLatin1String("export"))
        return exportPlan(rest);
    const bool help = sub == QLatin1String("--help") || sub == QLatin1String("-h");
    (help ? out() : err()) << "Usage: lakeledger-cli [--store FILE] plans <command>\n"
                              "  list [--status S] [--format csv|table]   action plans, newest first\n"
                              "  show ID                                  target, owner, risk, steps with before/after and outcomes\n"
                              "  approve ID [--comment T]                 approve a pending plan (records the exact steps)\n"
                              "  reject ID --comment T                    reject it, saying why\n"
                              "  apply ID --dry-run | --yes               show the changes against the live state, or apply them\n"
                              "  export ID --format md|csv|json|terraform --out F   change artefacts plus a rollback file\n"
                              "Realised savings: `report savings`.\n";
    (help ? out() : err()).flush();
    return help ? ExitOk : ExitUsage;
}

} // namespace ll::cli

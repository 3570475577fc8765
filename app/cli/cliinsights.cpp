// lakeledger-cli report insights | insights show|ack|dismiss|reopen|thresholds
#include "clicommon.h"

#include "audit/auditlog.h"
#include "common/clock.h"
#include "common/money.h"
#include "insights/insightreview.h"
#include "insights/thresholds.h"
#include "reports/csvwriter.h"
#include "reports/insightlist.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ll::cli {

namespace {

const QStringList kColumns = {QStringLiteral("insight_id"), QStringLiteral("type"), QStringLiteral("severity"), QStringLiteral("status"),
    QStringLiteral("scope_type"), QStringLiteral("scope_id"), QStringLiteral("scope_name"), QStringLiteral("workspace_id"),
    QStringLiteral("first_day"), QStringLiteral("last_day"), QStringLiteral("estimated_monthly_savings"), QStringLiteral("currency"),
    QStringLiteral("summary")};

QStringList cellsOf(const reports::InsightSummary &i)
{
    return {QString::number(i.findingId), i.kind, i.severity, i.status, i.scopeType, i.scopeId, i.scopeName, i.workspaceId,
        i.firstDay.toString(Qt::ISODate), i.lastDay.toString(Qt::ISODate), formatNanos(i.impactNanos, 2), i.currency, i.title};
}

// A plain-text table: columns padded to their widest cell, the summary last and unpadded.
void writeTable(QIODevice &device, const QList<QStringList> &rows)
{
    QList<int> widths(kColumns.size(), 0);
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

Result<std::int64_t> parseId(const QString &text)
{
    bool ok = false;
    const qlonglong id = text.toLongLong(&ok);
    if (!ok || id <= 0)
        return makeError(
            ErrorCode::InvalidArgument, QStringLiteral("'%1' is not an insight id (a positive number; see `report insights`)").arg(text));
    return static_cast<std::int64_t>(id);
}

int showInsight(const CommandEnv &env, std::int64_t id)
{
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    auto insight = reports::loadInsight(*db, id);
    if (!insight)
        return fail(insight.error());
    if (!*insight)
        return fail(
            makeError(ErrorCode::NotFound, QStringLiteral("No insight has the id %1 (see `report insights --status all`)").arg(id)));
    const reports::InsightSummary &i = **insight;
    auto series = reports::loadInsightSeries(*db, id);
    auto lines = reports::loadInsightLines(*db, i, 10);
    if (!series || !lines)
        return fail(!series ? series.error() : lines.error());
    QTextStream &o = out();
    o << i.title << "\n\n";
    o << "id:        " << i.findingId << "\n";
    o << "type:      " << i.kind << "\n";
    o << "severity:  " << i.severity << "\n";
    o << "status:    " << i.status;
    if (!i.statusReason.isEmpty())
        o << " (" << i.statusActor << ": " << i.statusReason << ")";
    o << "\n";
    o << "scope:     " << i.scopeType << " " << i.scopeName << " (" << i.scopeId << ")\n";
    if (!i.workspaceId.isEmpty())
        o << "workspace: "
          << (i.workspaceName.isEmpty() ? i.workspaceId : i.workspaceName + QStringLiteral(" (") + i.workspaceId + QLatin1Char(')'))
          << "\n";
    o << "held:      " << i.firstDay.toString(Qt::ISODate) << " .. " << i.lastDay.toString(Qt::ISODate) << "\n";
    o << "saving:    " << formatNanos(i.impactNanos, 2) << " " << i.currency << " a month (estimated)\n";
    o << "formula:   " << i.savingsFormula << "\n\n";
    o << i.detail << "\n\nEvidence:\n";
    const QJsonObject evidence = QJsonDocument::fromJson(i.evidenceJson.toUtf8()).object();
    for (auto it = evidence.begin(); it != evidence.end(); ++it) {
        const QJsonValue v = it.value();
        const QString text = v.isString() ? v.toString()
            : v.isDouble()                ? QString::number(v.toDouble())
            : v.isBool()
            ? (v.toBool() ? QStringLiteral("yes") : QStringLiteral("no"))
            : QString::fromUtf8((v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject())).toJson(QJsonDocument::Compact));
        o << "  " << it.key() << ": " << text << "\n";
    }
    if (!series->isEmpty()) {
        o << "\nDays (value / baseline):\n";
        for (const auto &d : *series)
            o << "  " << d.day.toString(Qt::ISODate) << "  " << formatNanos(d.valueNanos, 2)
              << (d.baselineNanos ? QStringLiteral("  /  ") + formatNanos(*d.baselineNanos, 2) : QString()) << "\n";
    }
    o << "\nLine items: " << lines->lineCount << " costing " << formatNanos(lines->costNanos, 2) << " " << i.currency;
    if (!lines->lines.isEmpty()) {
        o << "; the largest:\n";
        for (const auto &l : lines->lines)
            o << "  " << l.day.toString(Qt::ISODate) << "  " << l.skuName << "  " << l.workUnit << "  "
              << (l.costNanos ? formatNanos(*l.costNanos, 2) : QStringLiteral("unpriced")) << "  (" << l.recordId << ")\n";
    } else {
        o << "\n";
    }
    o.flush();
    return ExitOk;
}

int review(const CommandEnv &env, insights::ReviewAction action, const QString &verb)
{
    QCommandLineParser parser;
    const QCommandLineOption reason(QStringLiteral("reason"),
        QStringLiteral("Why (required to dismiss); kept with the insight and in the audit log."), QStringLiteral("TEXT"));
    parser.addOption(reason);
    parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("The insight id (first column of `report insights`)."));
    if (int rc = parseCommand(parser, env, QStringLiteral("Marks an insight %1 (audit-logged).").arg(verb)); rc >= 0)
        return rc;
    if (parser.positionalArguments().size() != 1)
        return usage(QStringLiteral("insights %1 needs one insight id").arg(env.args.first().section(QLatin1Char(' '), 1)));
    auto id = parseId(parser.positionalArguments().first());
    if (!id)
        return usage(id.error().message);
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    SystemClock clock;
    auto outcome = insights::reviewInsight(*db, clock, *id, action, audit::AuditLog::currentActor(), parser.value(reason));
    if (!outcome)
        return outcome.error().code == ErrorCode::InvalidArgument && action == insights::ReviewAction::Dismiss && !parser.isSet(reason)
            ? usage(outcome.error().message)
            : fail(outcome.error());
    err() << QStringLiteral("Insight %1 \"%2\": %3 -> %4").arg(*id).arg(outcome->title, toText(outcome->before), toText(outcome->after))
          << Qt::endl;
    return ExitOk;
}

int thresholds(const CommandEnv &env)
{
    const QString sub = env.args.size() > 1 ? env.args[1] : QString();
    if (sub == QLatin1String("show") || sub == QLatin1String("export")) {
        auto db = openExisting(env.storePath);
        if (!db)
            return fail(db.error());
        auto t = insights::Thresholds::load(*db);
        if (!t)
            return fail(t.error());
        if (sub == QLatin1String("export") && env.args.size() > 2) {
            ReportOutput output(env.storePath);
            if (auto s = output.open(env.args[2]); !s)
                return fail(s.error());
            output.recordExportIn(*db, QStringLiteral("insights thresholds export"));
            output.device().write(t->toJson());
            if (auto s = output.commit(); !s)
                return fail(s.error());
            err() << QStringLiteral("Wrote the insight thresholds to %1").arg(env.args[2]) << Qt::endl;
            return ExitOk;
        }
        if (sub == QLatin1String("show")) {
            for (const auto &spec : insights::Thresholds::specs())
                out() << spec.name().leftJustified(38) << QString::number(t->value(spec.detectorName(), spec.keyName())).leftJustified(8)
                      << QString::fromLatin1(spec.unit).leftJustified(8) << QString::fromLatin1(spec.description) << "\n";
        } else {
            out() << t->toJson();
        }
        out().flush();
        return ExitOk;
    }
    if (sub == QLatin1String("import") || sub == QLatin1String("reset")) {
        if (sub == QLatin1String("import") && env.args.size() != 3)
            return usage(QStringLiteral("insights thresholds import needs a FILE"));
        insights::Thresholds next;
        if (sub == QLatin1String("import")) {
            QFile file(env.args[2]);
            if (!file.open(QIODevice::ReadOnly))
                return fail(makeError(ErrorCode::NotFound, QStringLiteral("Cannot read %1: %2").arg(env.args[2], file.errorString())));
            auto parsed = insights::Thresholds::fromJson(file.read(1 << 20));
            if (!parsed)
                return fail(parsed.error());
            next = *parsed;
        }
        auto db = openExisting(env.storePath);
        if (!db)
            return fail(db.error());
        SystemClock clock;
        if (auto s = insights::Thresholds::apply(*db, clock, audit::AuditLog::currentActor(), next); !s)
            return fail(s.error());
        err() << QStringLiteral(
            "Saved the insight thresholds; they apply from the next `process` or sync (run `process` now to re-evaluate)")
              << Qt::endl;
        return ExitOk;
    }
    out() << "Usage: lakeledger-cli [--store FILE] insights thresholds <show|export [FILE]|import FILE|reset>\n"
             "  show      every threshold with its value, unit and meaning\n"
             "  export    all thresholds as JSON (the file `import` reads)\n"
             "  import    validate a JSON file of thresholds and save it (nothing changes if any value is wrong)\n"
             "  reset     every threshold back to its default\n";
    out().flush();
    return sub.isEmpty() || sub == QLatin1String("--help") ? (sub.isEmpty() ? ExitUsage : ExitOk)
                                                           : usage(QStringLiteral("Unknown thresholds command '%1'").arg(sub));
}

} // namespace

int reportInsights(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption status(QStringLiteral("status"), QStringLiteral("open (new and acknowledged, the default) or all."),
        QStringLiteral("STATUS"), QStringLiteral("open"));
    const QCommandLineOption type(
        QStringLiteral("type"), QStringLiteral("Only this insight type (e.g. cost_spike, idle_cluster)."), QStringLiteral("TYPE"));
    const QCommandLineOption from(
        QStringLiteral("from"), QStringLiteral("Insights that held on or after DATE (YYYY-MM-DD)."), QStringLiteral("DATE"));
    const QCommandLineOption to(
        QStringLiteral("to"), QStringLiteral("Insights that held on or before DATE (YYYY-MM-DD)."), QStringLiteral("DATE"));
    const QCommandLineOption format(
        QStringLiteral("format"), QStringLiteral("csv (default) or table."), QStringLiteral("FORMAT"), QStringLiteral("csv"));
    const QCommandLineOption outFile(
        QStringLiteral("out"), QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE"));
    parser.addOptions({status, type, from, to, format, outFile});
    if (int rc = parseCommand(parser, env,
            QStringLiteral("Lists insights (anomalies, waste, optimisation) with their estimated monthly savings: "
                           "active ones by default, highest severity and saving first."));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("Unexpected argument '%1'").arg(parser.positionalArguments().first()));
    reports::InsightFilter filter;
    if (parser.value(status) == QLatin1String("open"))
        filter.activeOnly = true;
    else if (parser.value(status) != QLatin1String("all"))
        return usage(QStringLiteral("--status must be open or all, not '%1'").arg(parser.value(status)));
    if (parser.value(format) != QLatin1String("csv") && parser.value(format) != QLatin1String("table"))
        return usage(QStringLiteral("--format must be csv or table, not '%1'").arg(parser.value(format)));
    filter.kind = parser.value(type);
    if (int rc = readDateRange(parser, from, to, filter.from, filter.to); rc >= 0)
        return rc;
    const bool table = parser.value(format) == QLatin1String("table");
    return writeReport(env, parser.value(outFile), [&](store::Database &db, QIODevice &dev) -> Status {
        auto rows = reports::loadInsights(db, filter);
        if (!rows)
            return rows.error();
        if (table) {
            QList<QStringList> cells{kColumns};
            for (const auto &r : *rows)
                cells.append(cellsOf(r));
            writeTable(dev, cells);
            return {};
        }
        reports::CsvWriter csv(dev);
        for (const QString &c : kColumns)
            csv.addText(c);
        if (auto s = csv.endRow(); !s)
            return s;
        for (const auto &r : *rows) {
            const QStringList cells = cellsOf(r);
            for (int c = 0; c < cells.size(); ++c) {
                if (c == 0)
                    csv.addInteger(r.findingId);
                else if (c == 10)
                    csv.addMoney(r.impactNanos, 2);
                else
                    csv.addText(cells[c]);
            }
            if (auto s = csv.endRow(); !s)
                return s;
        }
        return {};
    });
}

int runInsights(const CommandEnv &env)
{
    const QString sub = env.args.size() > 1 ? env.args[1] : QString();
    CommandEnv rest = env;
    rest.args = QStringList{QStringLiteral("insights ") + sub} + env.args.mid(2);
    if (sub == QLatin1String("show")) {
        if (env.args.size() != 3)
            return usage(QStringLiteral("insights show needs one insight id"));
        auto id = parseId(env.args[2]);
        if (!id)
            return usage(id.error().message);
        return showInsight(env, *id);
    }
    if (sub == QLatin1String("ack") || sub == QLatin1String("acknowledge"))
        return review(rest, insights::ReviewAction::Acknowledge, QStringLiteral("acknowledged"));
    if (sub == QLatin1String("dismiss"))
        return review(rest, insights::ReviewAction::Dismiss, QStringLiteral("dismissed"));
    if (sub == QLatin1String("reopen"))
        return review(rest, insights::ReviewAction::Reopen, QStringLiteral("new again"));
    if (sub == QLatin1String("thresholds")) {
        CommandEnv t = env;
        t.args = env.args.mid(1);
        return thresholds(t);
    }
    const bool help = sub == QLatin1String("--help") || sub == QLatin1String("-h");
    (help ? out() : err()) << "Usage: lakeledger-cli [--store FILE] insights <command>\n"
                              "  show ID                      one insight: evidence, formula, day series, line items\n"
                              "  ack ID                       acknowledge a new insight\n"
                              "  dismiss ID --reason TEXT     dismiss it (it returns only if its saving more than doubles)\n"
                              "  reopen ID                    make an acknowledged or dismissed insight new again\n"
                              "  thresholds show|export|import FILE|reset   the detectors' thresholds\n"
                              "List them with `report insights`.\n";
    (help ? out() : err()).flush();
    return help ? ExitOk : ExitUsage;
}

} // namespace ll::cli

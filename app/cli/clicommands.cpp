#include "clicommands.h"

#include "audit/auditlog.h"
#include "common/money.h"
#include "demo/demosource.h"
#include "pipeline/extractstage.h"
#include "pipeline/standardstages.h"
#include "reports/costreport.h"
#include "reports/csvwriter.h"
#include "reports/snapshots.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QFile>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

namespace ll::cli {
namespace {

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

int fail(const Error &e)
{
    err() << "lakeledger-cli: " << e.toString() << Qt::endl;
    return e.code == ErrorCode::Cancelled ? ExitCancelled : ExitFailed;
}

int usage(const QString &message)
{
    err() << "lakeledger-cli: " << message << Qt::endl;
    return ExitUsage;
}

// Parses a command's options; returns -1 to continue, else the exit code to return.
int parseCommand(QCommandLineParser &parser, const CommandEnv &env, const QString &description)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this command's options."));
    parser.addOption(help);
    if (!parser.parse(env.args))
        return usage(parser.errorText() + QStringLiteral(" (see '%1 --help')").arg(env.args.value(0)));
    if (parser.isSet(help)) {
        out() << parser.helpText().replace(QLatin1String("[options]"), QStringLiteral("[--store FILE] %1 [options]").arg(env.args.join(QLatin1Char(' ')).section(QLatin1Char(' '), 0, 0)));
        out().flush();
        return ExitOk;
    }
    return -1;
}

void printProgress(const QString &stage, double fraction, const QString &message)
{
    if (fraction < 0)
        err() << stage << ": " << message << Qt::endl;
    else
        err() << QStringLiteral("%1 %2% %3").arg(stage, -12).arg(qRound(fraction * 100), 3).arg(message) << Qt::endl;
}

int runPipeline(store::Database &db, const Clock &clock, pipeline::PipelineRunner &runner, const QString &kind, const CancelToken &cancel)
{
    const auto summary = runner.run(kind, cancel, printProgress);
    for (const auto &s : summary.stages)
        err() << QStringLiteral("  %1 %2 (rows in %3, out %4)").arg(s.stage, -12).arg(s.status).arg(s.stats.rowsIn).arg(s.stats.rowsOut) << Qt::endl;
    if (auto a = audit::AuditLog::record(db, clock, audit::AuditLog::currentActor(), kind,
                                         QStringLiteral("pipeline run %1").arg(summary.runId), {}, summary.status);
        !a)
        err() << "lakeledger-cli: cannot write the audit log: " << a.error().toString() << Qt::endl;
    if (!summary.ok())
        return fail(summary.error);
    return ExitOk;
}

Result<store::Database> openExisting(const QString &path) { return store::Store::open(path, {.create = false}); }

std::optional<int> parsePositive(const QString &text, int max)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    if (!ok || v <= 0 || v > max)
        return std::nullopt;
    return v;
}

} // namespace

int runDemo(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption days(QStringLiteral("days"), QStringLiteral("Days of history to generate (1-1100, default 60)."), QStringLiteral("N"), QStringLiteral("60"));
    const QCommandLineOption workspaces(QStringLiteral("workspaces"), QStringLiteral("Workspaces (1-100, default 3)."), QStringLiteral("N"), QStringLiteral("3"));
    const QCommandLineOption jobs(QStringLiteral("jobs"), QStringLiteral("Jobs per workspace (1-5000, default 6)."), QStringLiteral("N"), QStringLiteral("6"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed; the same seed and options give the same account (default 42)."), QStringLiteral("S"), QStringLiteral("42"));
    const QCommandLineOption end(QStringLiteral("end"), QStringLiteral("Last day generated, YYYY-MM-DD (default: today, UTC)."), QStringLiteral("DATE"));
    parser.addOptions({days, workspaces, jobs, seed, end});
    if (int rc = parseCommand(parser, env, QStringLiteral("Generates a realistic demo Databricks account (workspaces, clusters, warehouses, jobs, "
                                                           "pipelines, billing with corrections, list prices with a price change) and feeds it "
                                                           "through the same raw ingest path as real extraction, then processes every layer."));
        rc >= 0)
        return rc;
    demo::DemoOptions options;
    const auto d = parsePositive(parser.value(days), 1100);
    const auto w = parsePositive(parser.value(workspaces), 100);
    const auto j = parsePositive(parser.value(jobs), 5000);
    bool seedOk = false;
    options.seed = parser.value(seed).toULongLong(&seedOk);
    if (!d || !w || !j || !seedOk)
        return usage(QStringLiteral("--days, --workspaces, --jobs and --seed take positive whole numbers within their ranges (see 'demo --help')"));
    options.days = *d;
    options.workspaces = *w;
    options.jobsPerWorkspace = *j;
    if (parser.isSet(end)) {
        options.endDate = QDate::fromString(parser.value(end), Qt::ISODate);
        if (!options.endDate.isValid())
            return usage(QStringLiteral("--end takes a date as YYYY-MM-DD, not '%1'").arg(parser.value(end)));
    }
    auto db = store::Store::open(env.storePath);
    if (!db)
        return fail(db.error());
    SystemClock clock;
    pipeline::PipelineRunner runner(*db, clock);
    runner.addStage(std::make_unique<pipeline::ExtractStage>(std::make_unique<demo::DemoSource>(options)));
    pipeline::addDerivedStages(runner);
    const int rc = runPipeline(*db, clock, runner, QStringLiteral("demo"), *env.cancel);
    if (rc == ExitOk)
        out() << "Demo account loaded into " << env.storePath << Qt::endl;
    return rc;
}

int runProcess(const CommandEnv &env)
{
    QCommandLineParser parser;
    if (int rc = parseCommand(parser, env, QStringLiteral("Runs ledger, attribution, metrics and insights on raw data not yet processed.")); rc >= 0)
        return rc;
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    SystemClock clock;
    pipeline::PipelineRunner runner(*db, clock);
    pipeline::addDerivedStages(runner);
    return runPipeline(*db, clock, runner, QStringLiteral("process"), *env.cancel);
}

int runRebuild(const CommandEnv &env)
{
    QCommandLineParser parser;
    if (int rc = parseCommand(parser, env, QStringLiteral("Clears ledger, attribution, metrics and open insights and re-derives them from raw "
                                                           "through the same stages as incremental processing. Raw data is untouched."));
        rc >= 0)
        return rc;
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    if (auto s = pipeline::PipelineRunner::resetDerivedLayers(*db); !s)
        return fail(s.error());
    SystemClock clock;
    pipeline::PipelineRunner runner(*db, clock);
    pipeline::addDerivedStages(runner);
    return runPipeline(*db, clock, runner, QStringLiteral("rebuild"), *env.cancel);
}

int runStatus(const CommandEnv &env)
{
    QCommandLineParser parser;
    if (int rc = parseCommand(parser, env, QStringLiteral("Shows each pipeline stage's last run and each source's freshness.")); rc >= 0)
        return rc;
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto health = reports::loadDataHealth(*db, now);
    if (!health)
        return fail(health.error());
    out() << "Store: " << env.storePath << "\n\nStages (last run):\n";
    QStringList seen;
    for (const auto &r : health->recentStageRuns) {
        if (seen.contains(r.stage))
            continue;
        seen.append(r.stage);
        out() << QStringLiteral("  %1 %2 %3  rows in %4, out %5%6\n")
                     .arg(r.stage, -12)
                     .arg(r.status, -11)
                     .arg(r.finishedAt.isValid() ? r.finishedAt.toString(Qt::ISODate) : r.startedAt.toString(Qt::ISODate))
                     .arg(r.rowsIn)
                     .arg(r.rowsOut)
                     .arg(r.error.isEmpty() ? QString() : QStringLiteral("  error: ") + r.error);
    }
    if (seen.isEmpty())
        out() << "  (no runs yet)\n";
    out() << "\nSources:\n";
    out() << QStringLiteral("  %1 %2 %3 %4 %5\n").arg(QStringLiteral("source"), -36).arg(QStringLiteral("status"), -12)
                 .arg(QStringLiteral("last success"), -21).arg(QStringLiteral("newest event"), -21).arg(QStringLiteral("lag"));
    for (const auto &s : health->sources) {
        const QString lag = s.lagSeconds ? QStringLiteral("%1 h").arg(*s.lagSeconds / 3600) : QStringLiteral("-");
        out() << QStringLiteral("  %1 %2 %3 %4 %5%6\n")
                     .arg(s.systemTable, -36)
                     .arg(s.status, -12)
                     .arg(s.lastSuccessAt.isValid() ? s.lastSuccessAt.toString(Qt::ISODate) : QStringLiteral("-"), -21)
                     .arg(s.newestEventTime.isValid() ? s.newestEventTime.toString(Qt::ISODate) : QStringLiteral("-"), -21)
                     .arg(lag)
                     .arg(s.message.isEmpty() ? QString() : QStringLiteral("  ") + s.message);
    }
    out() << QStringLiteral("\nLine items: %1 (unpriced: %2)   Cost: %3 USD   Unattributed: %4 USD\n")
                 .arg(health->lineItems)
                 .arg(health->unpricedLineItems)
                 .arg(formatNanos(health->totalCostNanos, 2), formatNanos(health->unattributedCostNanos, 2));
    if (!health->issues.isEmpty())
        out() << QStringLiteral("Data issues recorded: %1 (newest: %2)\n").arg(health->issues.size()).arg(health->issues.first().message);
    out().flush();
    return ExitOk;
}

int runReport(const CommandEnv &env)
{
    if (env.args.size() < 2 || env.args[1].startsWith(QLatin1Char('-'))) {
        if (env.args.contains(QLatin1String("--help")) || env.args.contains(QLatin1String("-h"))) {
            out() << "Usage: lakeledger-cli [--store FILE] report cost [options]\n\nReports: cost\n";
            out().flush();
            return ExitOk;
        }
        return usage(QStringLiteral("report needs a report name: cost"));
    }
    if (env.args[1] != QLatin1String("cost"))
        return usage(QStringLiteral("Unknown report '%1'; available: cost").arg(env.args[1]));
    CommandEnv sub = env;
    sub.args = QStringList{QStringLiteral("report cost")} + env.args.mid(2);
    QCommandLineParser parser;
    const QCommandLineOption by(QStringLiteral("by"), QStringLiteral("Dimensions, comma-separated: %1.").arg(reports::allDimensionNames().join(QLatin1Char(','))), QStringLiteral("DIMS"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("First usage day, YYYY-MM-DD (inclusive)."), QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Last usage day, YYYY-MM-DD (inclusive)."), QStringLiteral("DATE"));
    const QCommandLineOption outFile(QStringLiteral("out"), QStringLiteral("Write the CSV to FILE instead of standard output."), QStringLiteral("FILE"));
    const QCommandLineOption decimals(QStringLiteral("decimals"), QStringLiteral("Decimal places of money columns, 0-9 (default 2); each figure is rounded once from exact nano-units."), QStringLiteral("N"), QStringLiteral("2"));
    parser.addOptions({by, from, to, outFile, decimals});
    if (int rc = parseCommand(parser, sub, QStringLiteral("Writes cost grouped by the chosen dimensions as CSV: one column per dimension, then cost "
                                                           "(effective list price, the account currency), list_cost (pricing.default), quantity and "
                                                           "unpriced_quantity (usage with no list price, never counted as zero cost)."));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("Unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (!parser.isSet(by))
        return usage(QStringLiteral("report cost needs --by DIMS, e.g. --by day,workspace"));
    auto dims = reports::parseDimensions(parser.value(by));
    if (!dims)
        return usage(dims.error().message);
    reports::CostQuery query;
    query.by = *dims;
    for (const auto &[opt, date] : {std::pair{&from, &query.from}, std::pair{&to, &query.to}}) {
        if (!parser.isSet(*opt))
            continue;
        *date = QDate::fromString(parser.value(*opt), Qt::ISODate);
        if (!date->isValid())
            return usage(QStringLiteral("--%1 takes a date as YYYY-MM-DD, not '%2'").arg(opt->names().first(), parser.value(*opt)));
    }
    bool decOk = false;
    const int places = parser.value(decimals).toInt(&decOk);
    if (!decOk || places < 0 || places > 9)
        return usage(QStringLiteral("--decimals takes a whole number from 0 to 9"));

    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    auto table = reports::queryCost(*db, query);
    if (!table)
        return fail(table.error());

    QSaveFile file;
    QFile stdoutFile;
    QIODevice *device = nullptr;
    if (parser.isSet(outFile)) {
        file.setFileName(parser.value(outFile));
        if (!file.open(QIODevice::WriteOnly))
            return fail(makeError(ErrorCode::Io, QStringLiteral("Cannot write %1").arg(parser.value(outFile)), file.errorString()));
        device = &file;
    } else {
        if (!stdoutFile.open(stdout, QIODevice::WriteOnly))
            return fail(makeError(ErrorCode::Io, QStringLiteral("Cannot write to standard output")));
        device = &stdoutFile;
    }
    reports::CsvWriter csv(*device);
    for (auto d : table->by)
        csv.addText(reports::dimensionName(d));
    for (const char *name : {"cost", "list_cost", "quantity", "unpriced_quantity"})
        csv.addText(QString::fromLatin1(name));
    if (auto s = csv.endRow(); !s)
        return fail(s.error());
    for (const auto &row : table->rows) {
        for (const auto &k : row.keys)
            csv.addText(k);
        csv.addMoney(row.costNanos, places);
        csv.addMoney(row.listCostNanos, places);
        csv.addMoney(row.quantityNanos, 6);
        csv.addMoney(row.unpricedQuantityNanos, 6);
        if (auto s = csv.endRow(); !s)
            return fail(s.error());
    }
    if (parser.isSet(outFile)) {
        if (!file.commit())
            return fail(makeError(ErrorCode::Io, QStringLiteral("Cannot write %1").arg(parser.value(outFile)), file.errorString()));
        SystemClock clock;
        (void)audit::AuditLog::record(*db, clock, audit::AuditLog::currentActor(), QStringLiteral("export"),
                                      QStringLiteral("report cost --by %1 -> %2").arg(parser.value(by), parser.value(outFile)));
        err() << QStringLiteral("Wrote %1 rows to %2").arg(table->rows.size()).arg(parser.value(outFile)) << Qt::endl;
    }
    return ExitOk;
}

} // namespace ll::cli

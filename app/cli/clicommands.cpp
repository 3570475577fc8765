#include "clicommands.h"
#include "clicommon.h"

#include "attribution/attributionconfig.h"
#include "common/money.h"
#include "demo/demosource.h"
#include "job/job.h"
#include "reports/costreport.h"
#include "reports/csvwriter.h"
#include "reports/snapshots.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

namespace ll::cli {

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

namespace {

void printProgress(const QString &stage, double fraction, const QString &message)
{
    if (fraction < 0)
        err() << stage << ": " << message << Qt::endl;
    else
        err() << QStringLiteral("%1 %2% %3").arg(stage, -12).arg(qRound(fraction * 100), 3).arg(message) << Qt::endl;
}

int runJobReporting(store::Database &db, const job::JobSpec &spec, const CancelToken &cancel)
{
    SystemClock clock;
    const auto summary = job::runJob(db, clock, spec, cancel, printProgress);
    for (const auto &s : summary.stages)
        err() << QStringLiteral("  %1 %2 (rows in %3, out %4)")
                     .arg(s.stage, -12)
                     .arg(pipeline::toText(s.status))
                     .arg(s.stats.rowsIn)
                     .arg(s.stats.rowsOut)
              << Qt::endl;
    if (!summary.ok())
        return fail(summary.error);
    return ExitOk;
}

} // namespace

Result<store::Database> openExisting(const QString &path)
{
    // Store::open would turn an empty or foreign file into a store (migrations write to it);
    // a command that expects a store must change nothing when the path is not one.
    const QFileInfo info(path);
    if (info.exists() && (!info.isFile() || !isSqliteFile(path)))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 is not a LakeLedger store; nothing was changed").arg(path),
            info.isFile() && info.size() == 0 ? QStringLiteral("the file is empty") : QStringLiteral("no SQLite header"));
    if (info.exists()) {
        auto probe = store::Database::open(path, /*create=*/false, /*readOnly=*/true);
        if (!probe)
            return probe.error();
        auto version = probe->queryInt("PRAGMA user_version");
        if (!version && version.error().code == ErrorCode::Io) // read-only folder, full disk: not damage
            return version.error();
        if (!version)
            return makeError(
                ErrorCode::Corrupt, QStringLiteral("%1 is not a LakeLedger store or is damaged").arg(path), version.error().detail);
        if (version->value_or(0) <= 0)
            return makeError(ErrorCode::InvalidArgument,
                QStringLiteral("%1 is a SQLite database but not a LakeLedger store; nothing was changed").arg(path));
    }
    return store::Store::open(path, {.create = false});
}

namespace {

// The demo account comes with a sample attribution setup (org hierarchy, identities, a shared
// warehouse split by query time, a shared bucket) unless the store already has one.
Status loadDemoAttribution(store::Database &db, const Clock &clock)
{
    auto existing = attribution::AttributionConfig::load(db);
    if (!existing)
        return existing.error();
    if (!existing->rules.isEmpty() || !existing->hierarchy.isEmpty())
        return {};
    QFile file(QStringLiteral(":/demo/demoattribution.json"));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, QStringLiteral("The demo attribution sample is missing from this build"));
    auto config = attribution::AttributionConfig::fromJson(file.readAll());
    if (!config)
        return config.error();
    return attribution::AttributionConfig::save(db, clock, QStringLiteral("demo"), *config);
}

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
        if (int rc = readDateOption(parser, end, options.endDate); rc >= 0)
            return rc;
    }
    auto db = store::Store::open(env.storePath);
    if (!db)
        return fail(db.error());
    SystemClock clock;
    if (auto s = loadDemoAttribution(*db, clock); !s)
        return fail(s.error());
    const job::JobSpec spec{job::JobKind::Demo, [options] { return std::make_unique<demo::DemoSource>(options); }};
    const int rc = runJobReporting(*db, spec, *env.cancel);
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
    return runJobReporting(*db, {job::JobKind::Process, {}}, *env.cancel);
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
    return runJobReporting(*db, {job::JobKind::Rebuild, {}}, *env.cancel);
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

} // namespace ll::cli

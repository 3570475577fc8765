#include "synccommand.h"

#include "cliconnection.h"

#include "credentials/databricksconfig.h"
#include "credentials/profile.h"
#include "extract/directsource.h"
#include "job/job.h"
#include "raw/sourcecatalog.h"
#include "store/store.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTextStream>

namespace ll::cli {
namespace {

QTextStream &syncOut()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &syncErr()
{
    static QTextStream s(stderr);
    return s;
}

int usageError(const QString &message)
{
    syncErr() << "lakeledger-cli sync: " << message << Qt::endl;
    return ExitUsage;
}

int failure(const Error &e)
{
    syncErr() << "lakeledger-cli sync: " << e.toString() << Qt::endl;
    return e.code == ErrorCode::Cancelled ? ExitCancelled : ExitFailed;
}

QStringList allSourceIds()
{
    QStringList ids;
    for (const auto &s : raw::SourceCatalog::systemTables())
        ids.append(s.id);
    return ids + extract::DirectSource::restSourceIds();
}

std::optional<double> parseSeconds(const QString &text, double min, double max)
{
    bool ok = false;
    const double v = text.toDouble(&ok);
    return ok && v >= min && v <= max ? std::optional<double>(v) : std::nullopt;
}

std::optional<int> parseNumber(const QString &text, int min, int max)
{
    bool ok = false;
    const int v = text.toInt(&ok);
    return ok && v >= min && v <= max ? std::optional<int>(v) : std::nullopt;
}

} // namespace

int runSync(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QList<QCommandLineOption> options = {
        {QStringLiteral("profile"),
            QStringLiteral("A ~/.databrickscfg profile (or DATABRICKS_CONFIG_PROFILE), or a connection saved in the app."),
            QStringLiteral("NAME")},
        {QStringLiteral("host"),
            QStringLiteral("Workspace URL, e.g. https://dbc-123.cloud.databricks.com (default: DATABRICKS_HOST or the profile's)."),
            QStringLiteral("URL")},
        {QStringLiteral("warehouse"),
            QStringLiteral("SQL warehouse id that queries the system tables (default: DATABRICKS_WAREHOUSE_ID or the profile's)."),
            QStringLiteral("ID")},
        {QStringLiteral("sources"),
            QStringLiteral("Comma-separated sources to read (default: all): %1.").arg(allSourceIds().join(QStringLiteral(", "))),
            QStringLiteral("LIST")},
        {QStringLiteral("since"),
            QStringLiteral(
                "Read event tables (billing by ingestion day, runs, queries, node and warehouse events) from this day (YYYY-MM-DD, UTC) whatever was read before. Entity tables (clusters, warehouses, jobs, tasks, pipelines) are not bounded by it."),
            QStringLiteral("DATE")},
        {QStringLiteral("lookback-days"),
            QStringLiteral(
                "Only for a billing table without ingestion_date: days re-read by usage time before the last sync's end (0-60, default 3). Otherwise billing is read by ingestion day, so corrections of any age arrive."),
            QStringLiteral("N"), QStringLiteral("3")},
        {QStringLiteral("history-days"),
            QStringLiteral(
                "Days of event tables read on their first sync (1-1095, default 90). Entity tables always get every entity's latest state, however old."),
            QStringLiteral("N"), QStringLiteral("90")},
        {QStringLiteral("ca-file"), QStringLiteral("Extra trusted CA certificates (PEM), e.g. a corporate proxy's."),
            QStringLiteral("FILE")},
        {QStringLiteral("accounts-host"),
            QStringLiteral(
                "Account console URL for account APIs (default https://accounts.cloud.databricks.com; Azure: https://accounts.azuredatabricks.net)."),
            QStringLiteral("URL")},
        {QStringLiteral("no-rest"), QStringLiteral("Skip REST enrichment (jobs, clusters, warehouses, pipelines, workspaces).")},
        {QStringLiteral("request-timeout"),
            QStringLiteral("Seconds one HTTP request may take before it is aborted and counts as failed (0.1-600, default 60)."),
            QStringLiteral("S"), QStringLiteral("60")},
        {QStringLiteral("retry-budget"),
            QStringLiteral("Retries the whole sync may spend on 429, 5xx, timeouts and resets (0-1000, default 30)."), QStringLiteral("N"),
            QStringLiteral("30")},
        {QStringLiteral("max-failures-in-a-row"),
            QStringLiteral("Failed requests in a row to the workspace after which the sync stops, naming the cause (1-100, default 5)."),
            QStringLiteral("N"), QStringLiteral("5")},
    };
    parser.addOptions(options);
    parser.setApplicationDescription(
        QStringLiteral("Reads Databricks system tables (billing, compute, Lakeflow, query history, workspaces) through a SQL warehouse "
                       "and REST enrichment into the store, incrementally, then processes every layer.\n\n"
                       "--since and --history-days bound event tables only; the first sync reads the latest state of every cluster, "
                       "warehouse, job, task and pipeline whatever its age, and later syncs read their changes.\n\n"
                       "Credentials, strongest first: DATABRICKS_CLIENT_ID + DATABRICKS_CLIENT_SECRET (OAuth M2M, recommended) or "
                       "DATABRICKS_TOKEN; a ~/.databrickscfg profile (DATABRICKS_CONFIG_FILE, DATABRICKS_CONFIG_PROFILE, --profile); "
                       "a connection saved in the app, whose secret is read from the system keychain. DATABRICKS_ACCOUNT_ID enables the "
                       "account workspaces API with OAuth. Secrets are never printed or stored in the store.\n\n"
                       "Failures: connection refused, an unknown host, TLS errors and a plain-HTTP answer stop the sync at once with "
                       "the cause; 429, 5xx, timeouts and resets are retried within one retry budget for the whole sync, and the sync "
                       "stops after --max-failures-in-a-row failed requests. Data read before a failure stays in the store.\n\n"
                       "Exit codes: 0 every source read (optional sources that are absent or not granted are fine); "
                       "1 the sync failed (nothing new processed, e.g. unreachable workspace or a required source failed); "
                       "2 usage error; 3 completed with failures: at least one optional source failed, the rest was read and "
                       "processed; 130 cancelled."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this command's options."));
    parser.addOption(help);
    if (!parser.parse(env.args))
        return usageError(parser.errorText() + QStringLiteral(" (see 'sync --help')"));
    if (parser.isSet(help)) {
        syncOut() << parser.helpText().replace(QLatin1String("[options]"), QStringLiteral("[--store FILE] sync [options]"));
        syncOut().flush();
        return ExitOk;
    }
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("Unexpected argument '%1'").arg(parser.positionalArguments().first()));

    extract::DirectOptions direct;
    const auto lookback = parseNumber(parser.value(QStringLiteral("lookback-days")), 0, 60);
    const auto history = parseNumber(parser.value(QStringLiteral("history-days")), 1, 1095);
    if (!lookback || !history)
        return usageError(QStringLiteral("--lookback-days takes 0-60 and --history-days 1-1095"));
    direct.lookbackDays = *lookback;
    direct.otherLookbackDays = std::min(1, *lookback);
    direct.historyDays = *history;
    direct.restEnrichment = !parser.isSet(QStringLiteral("no-rest"));
    const auto requestTimeout = parseSeconds(parser.value(QStringLiteral("request-timeout")), 0.1, 600);
    const auto retryBudget = parseNumber(parser.value(QStringLiteral("retry-budget")), 0, 1000);
    const auto failuresInARow = parseNumber(parser.value(QStringLiteral("max-failures-in-a-row")), 1, 100);
    if (!requestTimeout || !retryBudget || !failuresInARow)
        return usageError(
            QStringLiteral("--request-timeout takes 0.1-600 seconds, --retry-budget 0-1000 and --max-failures-in-a-row 1-100"));
    if (parser.isSet(QStringLiteral("since"))) {
        const QDate since = QDate::fromString(parser.value(QStringLiteral("since")), Qt::ISODate);
        if (!since.isValid())
            return usageError(QStringLiteral("--since takes a date as YYYY-MM-DD"));
        direct.since = QDateTime(since, QTime(0, 0), Qt::UTC);
    }
    if (parser.isSet(QStringLiteral("sources"))) {
        const QStringList known = extract::DirectSource::restSourceIds();
        for (const QString &s : parser.value(QStringLiteral("sources")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString id = s.trimmed();
            if (!raw::SourceCatalog::find(id) && !known.contains(id))
                return usageError(QStringLiteral("Unknown source '%1' (see 'sync --help')").arg(id));
            direct.sources.append(id);
        }
    }

    auto db = store::Store::open(env.storePath);
    if (!db)
        return failure(db.error());
    auto connection = resolveConnection(
        *db, {parser.value(QStringLiteral("profile")), parser.value(QStringLiteral("host")), parser.value(QStringLiteral("warehouse"))});
    if (!connection)
        return failure(connection.error());
    direct.warehouseId = connection->warehouseId;
    if (direct.warehouseId.isEmpty())
        return usageError(QStringLiteral("No SQL warehouse: give --warehouse ID or set DATABRICKS_WAREHOUSE_ID"));
    extract::ClientOptions client;
    client.host = connection->host;
    client.caFile = parser.value(QStringLiteral("ca-file"));
    client.requestTimeoutMs = static_cast<int>(*requestTimeout * 1000);
    client.retryBudget = *retryBudget;
    client.maxConsecutiveFailures = *failuresInARow;
    if (parser.isSet(QStringLiteral("accounts-host")))
        client.accountsHost = credentials::normalizeHost(parser.value(QStringLiteral("accounts-host")));

    QList<extract::SourceResult> results;
    const job::JobSpec spec{job::JobKind::Sync, [&] {
                                auto source = std::make_unique<extract::DirectSource>(client, connection->credentials, direct);
                                source->setSourceFinishedCallback([&results](const extract::SourceResult &r) {
                                    results.append(r);
                                    syncErr() << QStringLiteral("  %1 %2 %3 rows%4")
                                                     .arg(r.title, -40)
                                                     .arg(raw::toText(r.status), -11)
                                                     .arg(r.rows, 9)
                                                     .arg(r.error.isEmpty() ? QString() : QStringLiteral("  ") + r.error)
                                              << Qt::endl;
                                });
                                return source;
                            }};
    syncErr() << "Syncing " << connection->host << " (warehouse " << direct.warehouseId << ")" << Qt::endl;
    QElapsedTimer elapsed;
    elapsed.start();
    QString lastStage;
    SystemClock clock;
    const auto summary = job::runJob(*db, clock, spec, *env.cancel, [&lastStage](const QString &stage, double, const QString &) {
        if (stage != lastStage && stage != QLatin1String("extract"))
            syncErr() << stage << "..." << Qt::endl;
        lastStage = stage;
    });

    syncOut() << QStringLiteral("Sync %1 in %2 s\n")
                     .arg(pipeline::toText(summary.status))
                     .arg(static_cast<double>(elapsed.elapsed()) / 1000.0, 0, 'f', 1);
    int failed = 0;
    for (const auto &r : results) {
        syncOut() << QStringLiteral("  %1 %2 %3\n").arg(r.source, -36).arg(raw::toText(r.status), -11).arg(r.rows);
        failed += r.status == raw::BatchStatus::Failed ? 1 : 0;
    }
    for (const auto &s : summary.stages)
        syncOut() << QStringLiteral("  stage %1 %2 (rows in %3, out %4)\n")
                         .arg(s.stage, -12)
                         .arg(pipeline::toText(s.status))
                         .arg(s.stats.rowsIn)
                         .arg(s.stats.rowsOut);
    if (failed > 0 && summary.ok())
        syncOut() << QStringLiteral("Completed with failures: %1 source(s) failed; see the messages above (exit code %2).\n")
                         .arg(failed)
                         .arg(ExitCompletedWithFailures);
    syncOut().flush();
    if (!summary.ok())
        return failure(summary.error);
    return failed > 0 ? ExitCompletedWithFailures : ExitOk;
}

} // namespace ll::cli

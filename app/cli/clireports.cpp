// lakeledger-cli report cost | corrections
#include "clicommon.h"

#include "common/money.h"
#include "common/timeparse.h"
#include "reports/costreport.h"
#include "reports/csvwriter.h"
#include "reports/entitynames.h"
#include "reports/snapshots.h"

namespace ll::cli {
namespace {

QString presetHelp()
{
    QStringList names;
    for (const reports::CostPreset &p : reports::costPresets()) {
        QStringList dims;
        for (reports::Dimension d : p.by)
            dims << reports::dimensionName(d);
        names << QStringLiteral("%1 (%2)").arg(p.name, dims.join(QLatin1Char(',')));
    }
    return names.join(QStringLiteral(", "));
}

// The dimensions and filters of a query as the options that give them, for the audit log.
QString dimensionList(const reports::CostQuery &query)
{
    QStringList dims;
    int tag = 0;
    for (reports::Dimension d : query.by)
        dims << (d == reports::Dimension::Tag ? QStringLiteral("tag:") + query.tagKeys.value(tag++) : reports::dimensionName(d));
    QString text = dims.join(QLatin1Char(','));
    for (const reports::CostFilter &f : query.filters)
        text += QStringLiteral(" --filter ") + reports::costFilterText(f);
    return text;
}

int reportCost(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption by(QStringLiteral("by"), QStringLiteral("Dimensions, comma-separated: %1.").arg(reports::allDimensionNames().join(QLatin1Char(','))), QStringLiteral("DIMS"));
    const QCommandLineOption from(QStringLiteral("from"), QStringLiteral("First usage day, YYYY-MM-DD (inclusive)."), QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Last usage day, YYYY-MM-DD (inclusive)."), QStringLiteral("DATE"));
    const QCommandLineOption asOf(QStringLiteral("as-of"), QStringLiteral("Reproduce the figures the store held then: only data extracted before the end of DATE "
                                                                      "(or before an ISO date-time). Shows what a report sent that day said."), QStringLiteral("DATE"));
    const QCommandLineOption outFile(QStringLiteral("out"), QStringLiteral("Write the CSV to FILE instead of standard output."), QStringLiteral("FILE"));
    const QCommandLineOption decimals(QStringLiteral("decimals"), QStringLiteral("Decimal places of money columns, 0-9 (default 2); each figure is rounded once from exact nano-units."), QStringLiteral("N"), QStringLiteral("2"));
    const QCommandLineOption filter(QStringLiteral("filter"), QStringLiteral("Keep only cost whose DIM is one of the values (repeatable; all must hold): "
                                                                      "team=ml,bi  tag:env=prod  org_unit=Analytics. Values match what the report "
                                                                      "shows or the key, ignoring case; a split line counts only the matching shares."), QStringLiteral("DIM=V1,V2"));
    const QCommandLineOption preset(QStringLiteral("preset"), QStringLiteral("Dimensions for a common question instead of --by: %1.").arg(presetHelp()), QStringLiteral("NAME"));
    parser.addOptions({by, from, to, asOf, outFile, decimals, filter, preset});
    if (int rc = parseCommand(parser, env, QStringLiteral("Writes cost grouped by the chosen dimensions as CSV: one column per dimension, then cost "
                                                           "(effective list price, the account currency), list_cost (pricing.default), contract_cost "
                                                           "(only when contract prices exist), quantity and unpriced_quantity (usage with no list price, "
                                                           "never counted as zero cost)."));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("Unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (parser.isSet(by) == parser.isSet(preset))
        return usage(parser.isSet(by) ? QStringLiteral("Give --by or --preset, not both")
                                      : QStringLiteral("report cost needs --by DIMS (e.g. --by day,workspace) or --preset NAME"));
    reports::CostQuery query;
    auto dims = parser.isSet(by) ? reports::parseDimensions(parser.value(by), &query.tagKeys) : reports::presetDimensions(parser.value(preset));
    if (!dims)
        return usage(dims.error().message);
    query.by = *dims;
    for (const QString &text : parser.values(filter)) {
        auto parsed = reports::parseCostFilter(text);
        if (!parsed)
            return usage(QStringLiteral("--filter: %1").arg(parsed.error().message));
        query.filters.append(*parsed);
    }
    if (int rc = readDateRange(parser, from, to, query.from, query.to); rc >= 0)
        return rc;
    if (parser.isSet(asOf)) {
        const auto t = parseAsOf(parser.value(asOf));
        if (!t)
            return usage(QStringLiteral("--as-of takes a date (YYYY-MM-DD, the end of that UTC day) or an ISO date-time "
                                        "(2026-12-04T03:49:16Z, that instant), not '%1'")
                             .arg(parser.value(asOf)));
        query.asOf = *t;
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
    for (const QString &value : table->unmatchedFilterValues)
        err() << QStringLiteral("lakeledger-cli: warning: no cost matches %1 in this range").arg(value) << Qt::endl;
    ReportOutput output(env.storePath);
    if (auto s = output.open(parser.value(outFile)); !s)
        return fail(s.error());
    output.recordExportIn(*db, QStringLiteral("report cost --by ") + dimensionList(query));
    reports::CsvWriter csv(output.device());
    int tag = 0;
    for (auto d : table->by)
        csv.addText(d == reports::Dimension::Tag ? QStringLiteral("tag:") + query.tagKeys[tag++] : reports::dimensionName(d));
    QStringList money{QStringLiteral("cost"), QStringLiteral("list_cost")};
    if (table->hasContracts)
        money.append(QStringLiteral("contract_cost"));
    for (const QString &name : money + QStringList{QStringLiteral("quantity"), QStringLiteral("unpriced_quantity")})
        csv.addText(name);
    // A *_name column per id dimension, after the measures so existing column positions stay.
    const auto namedType = [](reports::Dimension d) -> QString {
        switch (d) {
        case reports::Dimension::Workspace: return QStringLiteral("workspace");
        case reports::Dimension::Job: return QStringLiteral("job");
        case reports::Dimension::Warehouse: return QStringLiteral("warehouse");
        case reports::Dimension::Cluster: return QStringLiteral("cluster");
        case reports::Dimension::Pipeline: return QStringLiteral("pipeline");
        case reports::Dimension::Principal: return QStringLiteral("principal");
        case reports::Dimension::WorkUnit: return QStringLiteral("work_unit");
        default: return {};
        }
    };
    QList<std::pair<qsizetype, QString>> named; // key index, entity type
    for (qsizetype i = 0; i < table->by.size(); ++i) {
        if (const QString type = namedType(table->by[i]); !type.isEmpty()) {
            named.append({i, type});
            csv.addText(type + QStringLiteral("_name"));
        }
    }
    if (auto s = csv.endRow(); !s)
        return fail(s.error());
    reports::EntityNames names(*db);
    for (const auto &row : table->rows) {
        for (const auto &k : row.keys)
            csv.addText(k);
        csv.addMoney(row.costNanos, places);
        csv.addMoney(row.listCostNanos, places);
        if (table->hasContracts)
            csv.addMoney(row.contractCostNanos, places);
        csv.addMoney(row.quantityNanos, 6);
        csv.addMoney(row.unpricedQuantityNanos, 6);
        for (const auto &[index, type] : named) {
            const QString id = row.keys.value(index);
            auto name = type == QLatin1String("principal") ? names.principal(id)
                : type == QLatin1String("work_unit")       ? names.workUnitKey(id)
                                                           : names.workUnit(type, id);
            if (!name)
                return fail(name.error());
            csv.addText(*name);
        }
        if (auto s = csv.endRow(); !s)
            return fail(s.error());
    }
    if (auto s = output.commit(); !s)
        return fail(s.error());
    if (parser.isSet(outFile)) {
        err() << QStringLiteral("Wrote %1 rows to %2").arg(table->rows.size()).arg(parser.value(outFile)) << Qt::endl;
    }
    return ExitOk;
}

int reportCorrections(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption outFile(QStringLiteral("out"), QStringLiteral("Write the CSV to FILE instead of standard output."), QStringLiteral("FILE"));
    parser.addOption(outFile);
    if (int rc = parseCommand(parser, env, QStringLiteral("Lists, per extraction batch and usage day, the corrections received (RETRACTION and "
                                                           "RESTATEMENT records) and their net effect on that day's cost.")); rc >= 0)
        return rc;
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    auto rows = reports::loadCorrections(*db, 1000000);
    if (!rows)
        return fail(rows.error());
    ReportOutput output(env.storePath);
    if (auto s = output.open(parser.value(outFile)); !s)
        return fail(s.error());
    output.recordExportIn(*db, commandLineOf(env));
    reports::CsvWriter csv(output.device());
    for (const char *h : {"batch_id", "extracted_at", "usage_day", "retractions", "restatements", "net_cost"})
        csv.addText(QString::fromLatin1(h));
    if (auto s = csv.endRow(); !s)
        return fail(s.error());
    for (const auto &r : *rows) {
        csv.addInteger(r.batchId);
        csv.addText(r.extractedAt.toString(Qt::ISODate));
        csv.addText(r.usageDay.toString(Qt::ISODate));
        csv.addInteger(r.retractions);
        csv.addInteger(r.restatements);
        csv.addMoney(r.netCostNanos, 2);
        if (auto s = csv.endRow(); !s)
            return fail(s.error());
    }
    if (auto s = output.commit(); !s)
        return fail(s.error());
    return ExitOk;
}

} // namespace

// cliextrareports.cpp: focus, workloads, utilization, trend.
QStringList extraReportNames();
int runExtraReport(const QString &name, const CommandEnv &env);

int runReport(const CommandEnv &env)
{
    static const QStringList reportsAvailable =
        QStringList{QStringLiteral("cost"), QStringLiteral("corrections"), QStringLiteral("attribution"), QStringLiteral("insights")}
        + extraReportNames() + QStringList{QStringLiteral("budgets"), QStringLiteral("savings")};
    if (env.args.size() < 2 || env.args[1].startsWith(QLatin1Char('-'))) {
        if (env.args.contains(QLatin1String("--help")) || env.args.contains(QLatin1String("-h"))) {
            out() << "Usage: lakeledger-cli [--store FILE] report <" << reportsAvailable.join(QLatin1Char('|')) << "> [options]\n"
                  << "  cost          cost by dimensions as CSV (see 'report cost --help')\n"
                  << "  corrections   corrections received per extraction batch and day\n"
                  << "  attribution   cost by team, department, org, project or bucket\n"
                  << "  insights      anomalies, waste and optimisation with estimated monthly savings\n"
                  << "  focus         line items as FOCUS 1.2 CSV (see 'report focus --help')\n"
                  << "  workloads     cost, runs and failures per job, pipeline, warehouse, cluster\n"
                  << "  utilization   cluster CPU/memory and warehouse busy/idle time\n"
                  << "  trend         moving averages, changes and month-end forecast\n"
                  << "  quality       unattributed share, unpriced usage, tag coverage, stale sources\n"
                  << "  coverage      per workspace and system table: readable, rows, newest data, cost shares\n"
                  << "  budgets       budget, spend, month-end forecast and status per budget\n"
                  << "  savings       realised vs estimated monthly savings of applied action plans\n";
            out().flush();
            return ExitOk;
        }
        return usage(QStringLiteral("report needs a report name: %1").arg(reportsAvailable.join(QStringLiteral(", "))));
    }
    CommandEnv sub = env;
    sub.args = QStringList{QStringLiteral("report ") + env.args[1]} + env.args.mid(2);
    if (env.args[1] == QLatin1String("cost"))
        return reportCost(sub);
    if (env.args[1] == QLatin1String("attribution"))
        return reportAttribution(sub);
    if (env.args[1] == QLatin1String("corrections"))
        return reportCorrections(sub);
    if (env.args[1] == QLatin1String("budgets"))
        return reportBudgets(sub);
    if (env.args[1] == QLatin1String("insights"))
        return reportInsights(sub);
    if (env.args[1] == QLatin1String("savings"))
        return reportSavings(sub);
    if (int rc = runExtraReport(env.args[1], sub); rc >= 0)
        return rc;
    return usage(QStringLiteral("Unknown report '%1'; available: %2").arg(env.args[1], reportsAvailable.join(QStringLiteral(", "))));
}

} // namespace ll::cli

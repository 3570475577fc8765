// lakeledger-cli report focus | workloads | utilization | trend (quality, coverage: clihealthreports.cpp)
#include "clicommon.h"

#include "common/money.h"
#include "reports/csvwriter.h"
#include "reports/focusexport.h"
#include "reports/trend.h"
#include "reports/workloads.h"

#include <QFile>
#include <QSaveFile>

#include <functional>

namespace ll::cli {

namespace {

const QCommandLineOption kFrom(QStringLiteral("from"), QStringLiteral("First usage day, YYYY-MM-DD (inclusive)."), QStringLiteral("DATE"));
const QCommandLineOption kTo(QStringLiteral("to"), QStringLiteral("Last usage day, YYYY-MM-DD (inclusive)."), QStringLiteral("DATE"));
const QCommandLineOption kOut(QStringLiteral("out"), QStringLiteral("Write the CSV to FILE instead of standard output."), QStringLiteral("FILE"));

int readRange(const QCommandLineParser &parser, QDate &from, QDate &to) { return readDateRange(parser, kFrom, kTo, from, to); }

Status header(reports::CsvWriter &csv, std::initializer_list<const char *> names)
{
    for (const char *n : names)
        csv.addText(QString::fromLatin1(n));
    return csv.endRow();
}

void addOptional(reports::CsvWriter &csv, const std::optional<std::int64_t> &v, int decimals)
{
    if (v)
        csv.addMoney(*v, decimals);
    else
        csv.addText(QString());
}

void addPercent(reports::CsvWriter &csv, const std::optional<double> &v)
{
    // Percentages are ratios, not money: two decimals, written as a number.
    if (v)
        csv.addMoney(static_cast<std::int64_t>(std::llround(*v * 100.0)) * 10000000, 2);
    else
        csv.addText(QString());
}

int reportFocus(const CommandEnv &env)
{
    QCommandLineParser parser;
    parser.addOptions({kFrom, kTo, kOut});
    if (int rc = parseCommand(parser, env, QStringLiteral("Exports line items as FOCUS 1.2 CSV (FinOps Open Cost and Usage Specification): the 21 "
                                                           "mandatory columns, the conditional ones the data supports, the DBU pricing-currency "
                                                           "columns and x_ Databricks columns. See docs/focus-export.md for how costs are derived."));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("Unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (!parser.isSet(kOut))
        return usage(QStringLiteral("report focus needs --out FILE"));
    reports::FocusQuery q;
    if (int rc = readRange(parser, q.from, q.to); rc >= 0)
        return rc;
    reports::FocusStats stats;
    const int rc = writeReport(env, parser.value(kOut), [&](store::Database &db, QIODevice &dev) -> Status {
        auto r = reports::exportFocus(db, q, dev);
        if (!r)
            return r.error();
        stats = *r;
        return {};
    });
    if (rc == ExitOk)
        err() << QStringLiteral("Wrote %1 line items (EffectiveCost %2) to %3").arg(stats.rows).arg(formatNanos(stats.effectiveCostNanos, 2), parser.value(kOut)) << Qt::endl;
    return rc;
}

int reportWorkloads(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption by(QStringLiteral("by"), QStringLiteral("Grouping: %1 (default work_unit).").arg(reports::workloadGroupingNames().join(QLatin1Char('|'))),
                                QStringLiteral("GROUPING"), QStringLiteral("work_unit"));
    parser.addOptions({by, kFrom, kTo, kOut});
    if (int rc = parseCommand(parser, env, QStringLiteral("Writes cost per workload (job, pipeline, warehouse, cluster or any work unit) as CSV, with "
                                                           "runs, failed runs, run durations and the cost of failed runs for jobs and pipelines."));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("Unexpected argument '%1'").arg(parser.positionalArguments().first()));
    reports::WorkloadQuery q;
    auto grouping = reports::parseWorkloadGrouping(parser.value(by));
    if (!grouping)
        return usage(grouping.error().message);
    q.by = *grouping;
    if (int rc = readRange(parser, q.from, q.to); rc >= 0)
        return rc;
    return writeReport(env, parser.value(kOut), [&](store::Database &db, QIODevice &dev) -> Status {
        auto rows = reports::queryWorkloads(db, q);
        if (!rows)
            return rows.error();
        reports::CsvWriter csv(dev);
        // Names beside ids: new columns go last so existing column positions stay.
        if (auto s = header(csv,
                {"work_unit_type", "work_unit_id", "name", "workspace", "cost", "list_cost", "quantity", "lines", "runs", "succeeded_runs",
                    "failed_runs", "run_seconds", "failed_run_cost", "workspace_name"});
            !s)
            return s;
        for (const auto &r : *rows) {
            csv.addText(r.workUnitType);
            csv.addText(r.workUnitId);
            csv.addText(r.name); // never blank: queryWorkloads names it or says why
            csv.addText(r.workspaceId);
            csv.addMoney(r.costNanos, 2);
            csv.addMoney(r.listCostNanos, 2);
            csv.addMoney(r.quantityNanos, 6);
            csv.addInteger(r.lineCount);
            csv.addInteger(r.runs);
            csv.addInteger(r.succeededRuns);
            csv.addInteger(r.failedRuns);
            csv.addInteger(r.runDurationSeconds);
            csv.addMoney(r.failedRunCostNanos, 2);
            csv.addText(r.workspaceName);
            if (auto s = csv.endRow(); !s)
                return s;
        }
        return {};
    });
}

int reportUtilization(const CommandEnv &env)
{
    QCommandLineParser parser;
    parser.addOptions({kFrom, kTo, kOut});
    if (int rc = parseCommand(parser, env, QStringLiteral("Writes utilization as CSV: clusters (CPU user+system and memory, averaged over node uptime) and "
                                                           "SQL warehouses (running hours, busy hours = union of statement times, share of running "
                                                           "time with statements executing, idle running hours)."));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("Unexpected argument '%1'").arg(parser.positionalArguments().first()));
    QDate from, to;
    if (int rc = readRange(parser, from, to); rc >= 0)
        return rc;
    return writeReport(env, parser.value(kOut), [&](store::Database &db, QIODevice &dev) -> Status {
        auto rows = reports::queryUtilization(db, from, to);
        if (!rows)
            return rows.error();
        reports::CsvWriter csv(dev);
        if (auto s = header(csv,
                {"kind", "id", "name", "workspace", "node_hours", "avg_cpu_percent", "avg_mem_percent", "running_hours", "cluster_hours",
                    "busy_hours", "idle_running_hours", "busy_share_percent", "queries", "workspace_name"});
            !s)
            return s;
        // Hours and percentages from integer seconds and hundredths, written exactly.
        const auto hours = [](std::int64_t seconds) { return seconds * (kNanosPerUnit / 3600) + (seconds * (kNanosPerUnit % 3600)) / 3600; };
        for (const auto &r : *rows) {
            const bool wh = r.kind == QLatin1String("warehouse");
            csv.addText(r.kind);
            csv.addText(r.id);
            csv.addText(r.name); // never blank: queryUtilization names it or says why
            csv.addText(r.workspaceId);
            csv.addMoney(hours(r.nodeSeconds), 3);
            addOptional(csv, r.avgCpuCentiPercent ? std::optional<std::int64_t>(*r.avgCpuCentiPercent * 10000000) : std::nullopt, 2);
            addOptional(csv, r.avgMemCentiPercent ? std::optional<std::int64_t>(*r.avgMemCentiPercent * 10000000) : std::nullopt, 2);
            for (std::int64_t v : {r.runningSeconds, r.clusterSeconds, r.busySeconds, r.idleRunningSeconds}) {
                if (wh)
                    csv.addMoney(hours(v), 3);
                else
                    csv.addText(QString());
            }
            addOptional(csv, r.busyShareBasisPoints ? std::optional<std::int64_t>(*r.busyShareBasisPoints * 10000000) : std::nullopt, 2);
            if (wh)
                csv.addInteger(r.queries);
            else
                csv.addText(QString());
            csv.addText(r.workspaceName);
            if (auto s = csv.endRow(); !s)
                return s;
        }
        return {};
    });
}

int reportTrend(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption scope(QStringLiteral("scope"), QStringLiteral("account (default) or workspace."), QStringLiteral("SCOPE"), QStringLiteral("account"));
    const QCommandLineOption view(QStringLiteral("view"), QStringLiteral("daily (default): moving averages and changes per day; forecast: month-end "
                                                                     "forecast and its backtest on past months."), QStringLiteral("VIEW"), QStringLiteral("daily"));
    const QCommandLineOption day(QStringLiteral("backtest-day"), QStringLiteral("Day of month the backtest forecasts are made on (1-28, default 15)."),
                                 QStringLiteral("N"), QStringLiteral("15"));
    parser.addOptions({scope, view, day, kFrom, kTo, kOut});
    if (int rc = parseCommand(parser, env, QStringLiteral("Writes cost trends as CSV. Forecast = month-to-date + average daily cost of the last 7 days x "
                                                           "days left in the month; its error is measured on every complete past month."));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("Unexpected argument '%1'").arg(parser.positionalArguments().first()));
    reports::TrendQuery q;
    const QString scopeName = parser.value(scope).toLower();
    if (scopeName != QLatin1String("account") && scopeName != QLatin1String("workspace"))
        return usage(QStringLiteral("--scope takes account or workspace, not '%1'").arg(parser.value(scope)));
    q.scope = scopeName == QLatin1String("account") ? reports::TrendScope::Account : reports::TrendScope::Workspace;
    const QString viewName = parser.value(view).toLower();
    if (viewName != QLatin1String("daily") && viewName != QLatin1String("forecast"))
        return usage(QStringLiteral("--view takes daily or forecast, not '%1'").arg(parser.value(view)));
    bool ok = false;
    q.backtestDay = parser.value(day).toInt(&ok);
    if (!ok || q.backtestDay < 1 || q.backtestDay > 28)
        return usage(QStringLiteral("--backtest-day takes a whole number from 1 to 28"));
    if (int rc = readRange(parser, q.from, q.to); rc >= 0)
        return rc;
    return writeReport(env, parser.value(kOut), [&](store::Database &db, QIODevice &dev) -> Status {
        auto trends = reports::queryTrend(db, q);
        if (!trends)
            return trends.error();
        reports::CsvWriter csv(dev);
        if (viewName == QLatin1String("daily")) {
            if (auto s = header(csv, {"scope", "day", "cost", "ma7", "ma30", "week_over_week_percent", "month_over_month_percent"}); !s)
                return s;
            for (const auto &t : *trends) {
                for (const auto &p : t.points) {
                    csv.addText(t.scope);
                    csv.addText(p.day.toString(Qt::ISODate));
                    csv.addMoney(p.costNanos, 2);
                    csv.addMoney(p.movingAverage7Nanos, 2);
                    csv.addMoney(p.movingAverage30Nanos, 2);
                    addPercent(csv, p.weekOverWeekPercent);
                    addPercent(csv, p.monthOverMonthPercent);
                    if (auto s = csv.endRow(); !s)
                        return s;
                }
            }
            return {};
        }
        if (auto s = header(csv, {"scope", "month", "kind", "made_on", "month_to_date", "forecast", "actual", "error", "abs_percent_error"}); !s)
            return s;
        for (const auto &t : *trends) {
            QList<std::pair<const char *, reports::MonthForecast>> rows;
            for (const auto &f : t.backtest)
                rows.append({"backtest", f});
            if (t.current)
                rows.append({"forecast", *t.current});
            for (const auto &[kind, f] : rows) {
                csv.addText(t.scope);
                csv.addText(f.month);
                csv.addText(QString::fromLatin1(kind));
                csv.addText(f.madeOn.toString(Qt::ISODate));
                csv.addMoney(f.monthToDateNanos, 2);
                csv.addMoney(f.forecastNanos, 2);
                addOptional(csv, f.actualNanos, 2);
                addOptional(csv, f.errorNanos, 2);
                addPercent(csv, f.absolutePercentError);
                if (auto s = csv.endRow(); !s)
                    return s;
            }
        }
        return {};
    });
}

} // namespace

// clihealthreports.cpp: quality and coverage.
QStringList healthReportNames();
int runHealthReport(const QString &name, const CommandEnv &env);

QStringList extraReportNames()
{
    return QStringList{QStringLiteral("focus"), QStringLiteral("workloads"), QStringLiteral("utilization"), QStringLiteral("trend")}
           + healthReportNames();
}

// `env.args[0]` is "report NAME"; returns -1 when NAME is not one of these reports.
int runExtraReport(const QString &name, const CommandEnv &env)
{
    if (name == QLatin1String("focus"))
        return reportFocus(env);
    if (name == QLatin1String("workloads"))
        return reportWorkloads(env);
    if (name == QLatin1String("utilization"))
        return reportUtilization(env);
    if (name == QLatin1String("trend"))
        return reportTrend(env);
    return runHealthReport(name, env);
}

} // namespace ll::cli

// Times the account-size-bound view queries (workloads, trend, Overview) against an existing store (built once by
// bench_pipeline --store FILE), so a change to them can be re-timed without regenerating data.
// Usage: bench_views --store FILE [--today YYYY-MM-DD] [--runs N]
//   Prints p95 of: workloads by job (30 days), trend by workspace, and the trend's parts (the
//   SQL read alone, the C++ analysis alone).
#include "reports/snapshots.h"
#include "reports/trend.h"
#include "reports/workloads.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMap>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace ll;

namespace {

template <typename F>
double p95Millis(int runs, F &&f)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        times.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times[static_cast<std::size_t>(static_cast<double>(times.size() - 1) * 0.95)];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QString storePath;
    QDate today(2026, 11, 27);
    int runs = 40;
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--store"))
            storePath = args[i + 1];
        else if (args[i] == QLatin1String("--today"))
            today = QDate::fromString(args[i + 1], Qt::ISODate);
        else if (args[i] == QLatin1String("--runs"))
            runs = std::max(1, args[i + 1].toInt());
    }
    if (storePath.isEmpty()) {
        out << "usage: bench_views --store FILE [--today YYYY-MM-DD] [--runs N]" << Qt::endl;
        return 2;
    }
    auto db = store::Store::open(storePath);
    if (!db) {
        out << db.error().toString() << Qt::endl;
        return 1;
    }
    qsizetype workloadRows = 0, scopes = 0;
    const double workloadsP95 = p95Millis(runs, [&] {
        workloadRows = reports::queryWorkloads(*db, {reports::WorkloadGrouping::Job, today.addDays(-30), today})->size();
    });
    const double trendP95 = p95Millis(runs, [&] {
        scopes = reports::queryTrend(*db, {reports::TrendScope::Workspace, {}, {}, 15})->size();
    });
    qsizetype topWorkloads = 0;
    const double overviewP95 = p95Millis(runs, [&] { topWorkloads = reports::loadOverview(*db, today)->topWorkloads.size(); });
    QMap<QString, QList<reports::DailyCostPoint>> series;
    const double trendSqlP95 = p95Millis(runs, [&] {
        series.clear();
        auto stmt = db->prepare("SELECT workspace_id, day, sum(cost_nanos) FROM metrics_daily_workspace "
                                "WHERE day <= coalesce(:to, '9999-12-31') GROUP BY 1, 2 ORDER BY 1, 2");
        stmt->bind(":to", QString());
        while (auto more = stmt->step()) {
            if (!*more)
                break;
            series[stmt->text(0)].append({QDate::fromString(stmt->text(1), Qt::ISODate), stmt->int64(2)});
        }
    });
    const double trendCppP95 = p95Millis(runs, [&] {
        for (auto it = series.cbegin(); it != series.cend(); ++it)
            (void)reports::analyseScope(it.key(), it.value(), 15);
    });
    out << QStringLiteral("p95 workloads by job (30 d):  %1 ms (%2 rows)\n").arg(workloadsP95, 0, 'f', 1).arg(workloadRows);
    out << QStringLiteral("p95 Overview snapshot:        %1 ms (%2 top workloads)\n").arg(overviewP95, 0, 'f', 1).arg(topWorkloads);
    out << QStringLiteral("p95 trend by workspace:       %1 ms (%2 scopes)\n").arg(trendP95, 0, 'f', 1).arg(scopes);
    out << QStringLiteral("  of which SQL read / C++:    %1 / %2 ms\n").arg(trendSqlP95, 0, 'f', 1).arg(trendCppP95, 0, 'f', 1);
    out.flush();
    return 0;
}

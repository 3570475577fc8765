// Measures the pipeline on a demo account of a chosen size:
//   ingest rate vs a bare sqlite3 insert loop, incremental processing, full rebuild,
//   p95 of the view queries, time per stage (rebuild and one re-computed day), and peak memory
//   (VmHWM).
// Usage: bench_pipeline [--days N] [--workspaces N] [--jobs N] [--store FILE] [--quick 1]
//   --quick 1: derive once (the demo job's derived stages, from an empty derived layer: a rebuild's work) and
//   skip the separate workload-stage and FOCUS timings, for large accounts on a busy machine.
#include "demo/demosource.h"
#include "job/job.h"
#include "metrics/workloadmetricsstage.h"
#include "reports/attributionreport.h"
#include "reports/costreport.h"
#include "reports/focusexport.h"
#include "reports/snapshots.h"
#include "reports/trend.h"
#include "reports/workloads.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>

using namespace ll;

namespace {

QTextStream out(stdout);

qint64 peakRssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// The reference the ingest target is stated against: a bare prepared-statement insert loop of
// rows shaped like billing usage (18 text columns, ~600 bytes), 50k rows per transaction.
double bareInsertRowsPerSecond(const QString &path, int rows)
{
    sqlite3 *db = nullptr;
    sqlite3_open(path.toUtf8().constData(), &db);
    sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
                     "CREATE TABLE t (id INTEGER PRIMARY KEY, b INTEGER, e INTEGER, c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13,c14,c15,c16,c17,c18)",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO t (b,e,c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11,c12,c13,c14,c15,c16,c17,c18) "
                           "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", -1, &stmt, nullptr);
    const QByteArray cell(32, 'x');
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < rows; ++i) {
        if (i % 50000 == 0)
            sqlite3_exec(db, i ? "COMMIT; BEGIN" : "BEGIN", nullptr, nullptr, nullptr);
        sqlite3_bind_int64(stmt, 1, 1);
        sqlite3_bind_int64(stmt, 2, i);
        for (int c = 3; c <= 20; ++c)
            sqlite3_bind_text(stmt, c, cell.constData(), static_cast<int>(cell.size()), SQLITE_TRANSIENT);
        sqlite3_step(stmt);
        sqlite3_reset(stmt);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    const double secs = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return rows / secs;
}

template<typename F>
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

// Wall time per stage from a job's outcome (app_stage_run keeps whole seconds only).
struct StageTime {
    QString stage;
    double ms;
};

QList<StageTime> stageTimes(const pipeline::RunSummary &summary, bool withExtract = false)
{
    QList<StageTime> times;
    for (const auto &s : summary.stages)
        if (withExtract || s.stage != QLatin1String("extract"))
            times.append({s.stage, static_cast<double>(s.elapsedMs)});
    return times;
}

double totalSeconds(const QList<StageTime> &times)
{
    double ms = 0;
    for (const auto &t : times)
        ms += t.ms;
    return ms / 1000.0;
}

QString formatTimes(const QList<StageTime> &times)
{
    QStringList parts;
    for (const auto &t : times)
        parts.append(QStringLiteral("%1 %2 ms").arg(t.stage).arg(t.ms, 0, 'f', 0));
    return parts.join(QStringLiteral(", "));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    demo::DemoOptions options;
    options.days = 60;
    options.endDate = QDate(2026, 11, 27);
    QString storePath;
    bool quick = false;
    const QStringList args = QCoreApplication::arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--days"))
            options.days = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--workspaces"))
            options.workspaces = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--jobs"))
            options.jobsPerWorkspace = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--store"))
            storePath = args[i + 1];
        else if (args[i] == QLatin1String("--quick"))
            quick = args[i + 1].toInt() != 0;
    }
    QTemporaryDir dir;
    if (storePath.isEmpty())
        storePath = dir.filePath(QStringLiteral("bench.lakeledger"));
    auto db = store::Store::open(storePath);
    if (!db) {
        out << db.error().toString() << Qt::endl;
        return 1;
    }
    SystemClock clock;
    CancelToken cancel;

    // The demo job: extraction (timed alone for the ingest ratio), then every derived stage
    // from an empty derived layer.
    const job::JobSpec demoJob{job::JobKind::Demo, [&options] { return std::make_unique<demo::DemoSource>(options); }};
    const auto loaded = job::runJob(*db, clock, demoJob, cancel);
    if (!loaded.ok() || loaded.stages.isEmpty()) {
        out << loaded.error.toString() << Qt::endl;
        return 1;
    }
    const double extractSecs = static_cast<double>(loaded.stages.first().elapsedMs) / 1000.0;
    const qint64 rawRows = loaded.stages.first().stats.rowsOut;
    const qint64 usageRows = db->queryInt("SELECT count(*) FROM raw_billing_usage")->value_or(0);
    const QList<StageTime> processStages = stageTimes(loaded);
    const double processSecs = totalSeconds(processStages);

    // --quick 1: the demo job's derivation already ran from an empty derived layer; a rebuild
    // would repeat it.
    QList<StageTime> rebuildStages = processStages;
    double rebuildSecs = processSecs;
    if (!quick) {
        QElapsedTimer timer;
        timer.start();
        const auto rebuilt = job::runJob(*db, clock, {job::JobKind::Rebuild, {}}, cancel);
        if (!rebuilt.ok())
            return 1;
        rebuildSecs = static_cast<double>(timer.nsecsElapsed()) / 1e9;
        rebuildStages = stageTimes(rebuilt);
    }
    const qint64 ledgerLines = db->queryInt("SELECT count(*) FROM ledger_usage_line")->value_or(0);

    // One changed day (the newest) through every day stage: the cost must follow the day's
    // lines, not the history. Same path as new data landing on that day.
    QByteArray lastDay;
    if (auto stmt = db->prepare("SELECT max(usage_day) FROM ledger_usage_line"); stmt) {
        if (auto row = stmt->step(); row && *row)
            lastDay = stmt->text(0).toLatin1();
    }
    (void)db->exec("INSERT OR IGNORE INTO app_dirty_day (stage, day) VALUES ('attribution', '" + lastDay + "')");
    const auto oneDay = job::runJob(*db, clock, {job::JobKind::Process, {}}, cancel);
    const bool dayOk = oneDay.ok();
    const auto oneDayStages = stageTimes(oneDay);
    const qint64 lastDayLines = db->queryInt("SELECT count(*) FROM ledger_usage_line WHERE usage_day = '" + lastDay + "'")->value_or(0);

    const QDate today = options.endDate;
    const double overviewP95 = p95Millis(40, [&] { (void)reports::loadOverview(*db, today); });
    reports::CostQuery byDayWorkspace;
    byDayWorkspace.by = *reports::parseDimensions(QStringLiteral("day,workspace"));
    byDayWorkspace.from = today.addDays(-90);
    byDayWorkspace.to = today;
    const double explorerP95 = p95Millis(40, [&] { (void)reports::queryCost(*db, byDayWorkspace); });
    reports::CostQuery byTeam;
    byTeam.by = *reports::parseDimensions(QStringLiteral("month,team,project"));
    const double teamP95 = p95Millis(40, [&] { (void)reports::queryCost(*db, byTeam); });
    const double healthP95 = p95Millis(20, [&] { (void)reports::loadDataHealth(*db, QDateTime::currentDateTimeUtc()); });
    const double workloadsP95 = p95Millis(20, [&] { (void)reports::queryWorkloads(*db, {reports::WorkloadGrouping::Job, today.addDays(-30), today}); });
    const double utilizationP95 = p95Millis(20, [&] { (void)reports::queryUtilization(*db, today.addDays(-30), today); });
    reports::AttributionQuery teamByMonth;
    const double attributionP95 = p95Millis(20, [&] { (void)reports::queryAttribution(*db, teamByMonth); });
    const double trendP95 = p95Millis(20, [&] { (void)reports::queryTrend(*db, {reports::TrendScope::Workspace, {}, {}, 15}); });
    // Workload metrics alone: the stage's share of a rebuild (all days re-queued) and of one new
    // day. A one-stage runner on purpose: a micro-benchmark of a stage, not a pipeline run.
    auto timeWorkloadStage = [&]() {
        QElapsedTimer t;
        t.start();
        pipeline::PipelineRunner only(*db, clock);
        only.addStage(std::make_unique<metrics::WorkloadMetricsStage>());
        (void)only.run(QStringLiteral("bench-workload"), cancel);
        return static_cast<double>(t.nsecsElapsed()) / 1e6;
    };
    double workloadAllMs = 0, workloadDayMs = 0;
    if (!quick) {
        (void)db->exec("INSERT OR IGNORE INTO app_dirty_day (stage, day) SELECT DISTINCT 'workload_metrics', usage_day FROM ledger_usage_line");
        workloadAllMs = timeWorkloadStage();
        (void)db->exec(QByteArray("INSERT OR IGNORE INTO app_dirty_day (stage, day) VALUES ('workload_metrics', '") + today.toString(Qt::ISODate).toLatin1() + "')");
        workloadDayMs = timeWorkloadStage();
    }
    QFile focusSink(dir.filePath(QStringLiteral("focus.csv")));
    QElapsedTimer focusTimer;
    focusTimer.start();
    qint64 focusRows = 0;
    if (!quick && focusSink.open(QIODevice::WriteOnly)) {
        if (auto st = reports::exportFocus(*db, {}, focusSink))
            focusRows = st->rows;
    }
    const double focusSecs = static_cast<double>(focusTimer.nsecsElapsed()) / 1e9;

    const double bare = bareInsertRowsPerSecond(dir.filePath(QStringLiteral("bare.db")), 500000);
    out << QStringLiteral("demo: %1 days, %2 workspaces, %3 jobs/workspace\n").arg(options.days).arg(options.workspaces).arg(options.jobsPerWorkspace);
    out << QStringLiteral("raw rows appended:        %1 (billing usage %2)\n").arg(rawRows).arg(usageRows);
    out << QStringLiteral("extract+ingest:           %1 s, %2 rows/s (generation included)\n").arg(extractSecs, 0, 'f', 2).arg(static_cast<double>(rawRows) / extractSecs, 0, 'f', 0);
    out << QStringLiteral("bare sqlite3 insert loop: %1 rows/s (ratio %2)\n").arg(bare, 0, 'f', 0).arg((static_cast<double>(rawRows) / extractSecs) / bare, 0, 'f', 2);
    out << QStringLiteral("ledger usage lines:       %1\n").arg(ledgerLines);
    out << QStringLiteral("process (all stages):     %1 s\n").arg(processSecs, 0, 'f', 2);
    out << QStringLiteral("rebuild (all stages):     %1 s\n").arg(rebuildSecs, 0, 'f', 2);
    out << QStringLiteral("  per stage:              %1\n").arg(formatTimes(rebuildStages));
    out << QStringLiteral("one re-computed day %1 (%2 lines)%3: %4\n").arg(QString::fromLatin1(lastDay)).arg(lastDayLines)
               .arg(dayOk ? QString() : QStringLiteral(" FAILED")).arg(formatTimes(oneDayStages));
    out << QStringLiteral("p95 overview snapshot:    %1 ms\n").arg(overviewP95, 0, 'f', 2);
    out << QStringLiteral("p95 cost day x workspace: %1 ms\n").arg(explorerP95, 0, 'f', 2);
    out << QStringLiteral("p95 cost month x team x project: %1 ms\n").arg(teamP95, 0, 'f', 2);
    out << QStringLiteral("p95 data health:          %1 ms\n").arg(healthP95, 0, 'f', 2);
    out << QStringLiteral("p95 workloads by job (30 d): %1 ms\n").arg(workloadsP95, 0, 'f', 2);
    out << QStringLiteral("p95 utilization (30 d):   %1 ms\n").arg(utilizationP95, 0, 'f', 2);
    out << QStringLiteral("p95 trend by workspace:   %1 ms\n").arg(trendP95, 0, 'f', 2);
    out << QStringLiteral("p95 attribution team x month: %1 ms\n").arg(attributionP95, 0, 'f', 2);
    for (const char *table : {"metrics_daily_cost", "metrics_daily_attribution", "metrics_work_unit_daily", "metrics_run_daily",
                              "metrics_daily_product", "metrics_daily_team_project", "metrics_daily_owner", "attr_allocation"})
        out << QStringLiteral("rows %1: %2\n").arg(QLatin1String(table)).arg(db->queryInt(QByteArray("SELECT count(*) FROM ") + table)->value_or(0));
    out << QStringLiteral("workload_metrics all days: %1 ms; one day: %2 ms\n").arg(workloadAllMs, 0, 'f', 1).arg(workloadDayMs, 0, 'f', 1);
    out << QStringLiteral("FOCUS export:             %1 rows in %2 s\n").arg(focusRows).arg(focusSecs, 0, 'f', 2);
    out << QStringLiteral("peak RSS:                 %1 MiB\n").arg(peakRssKiB() / 1024);
    return 0;
}

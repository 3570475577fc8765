#include "demoschedule.h"

#include "demorandom.h"

#include <cmath>

namespace ll::demo {

namespace {

std::int64_t seconds(double value)
{
    return static_cast<std::int64_t>(std::llround(value));
}

// Keeps what happened before the cutoff; a session still open at the cutoff is cut there,
// as it would be in a table read at that moment.
void addClipped(const DemoAccount &account, QList<Span> &out, Span span)
{
    span.end = std::min(span.end, account.cutoff);
    if (span.end > span.start)
        out.append(span);
}

} // namespace

bool isWeekend(std::int64_t epochDay)
{
    const std::int64_t weekday = ((epochDay + 4) % 7 + 7) % 7; // 1970-01-01 was a Thursday
    return weekday == 0 || weekday == 6;
}

std::optional<Span> clusterSession(const DemoAccount &account, const Cluster &cluster, std::int64_t day)
{
    const std::int64_t dayStart = day * kDay;
    Span span{};
    if (cluster.autoTermination == 0) {
        span = {std::max(dayStart, cluster.createTime), dayStart + kDay};
    } else {
        DemoRandom r = DemoRandom::forKey(account.seed, Kind::ClusterDay, cluster.index, day);
        if (isWeekend(day) ? !r.chance(0.05) : !r.chance(cluster.useChance))
            return std::nullopt;
        const std::int64_t start = dayStart + r.range(8, 10) * kHour + r.range(0, 59) * 60 + r.range(0, 59);
        // Billing continues through the idle minutes before auto-termination.
        const std::int64_t work = isWeekend(day) ? r.range(1, 3) * kHour : r.range(6, 9) * kHour + r.range(0, 59) * 60;
        span = {start, start + work + cluster.autoTermination * 60};
        if (span.start < cluster.createTime)
            return std::nullopt;
    }
    span.end = std::min(span.end, account.cutoff);
    if (span.end <= span.start)
        return std::nullopt;
    return span;
}

int clusterWorkers(const DemoAccount &account, const Cluster &cluster, std::int64_t hourStart)
{
    const bool resized = cluster.changeTime != 0 && hourStart >= cluster.changeTime;
    const int maxWorkers = resized ? cluster.maxWorkersAfterChange : cluster.maxWorkers;
    if (cluster.minWorkers == cluster.maxWorkers)
        return maxWorkers; // fixed size; a resize changes the fixed count
    DemoRandom r = DemoRandom::forKey(account.seed, Kind::ClusterDay, cluster.index, hourStart, 1);
    // Autoscaling mostly idles near the minimum and peaks now and then.
    const double load = r.uniform() * r.uniform();
    return cluster.minWorkers + static_cast<int>(std::lround(load * (maxWorkers - cluster.minWorkers)));
}

void jobRuns(const DemoAccount &account, const Job &job, std::int64_t day, QList<JobRun> &runs)
{
    runs.clear();
    if (job.weekdaysOnly && isWeekend(day))
        return;
    const std::int64_t every = 24 / job.runsPerDay;
    const auto taskCount = static_cast<int>(job.tasks.size());
    for (int slot = 0; slot < job.runsPerDay; ++slot) {
        DemoRandom r = DemoRandom::forKey(account.seed, Kind::JobRun, job.index, day, slot);
        JobRun run{};
        run.slot = slot;
        // Structured rather than hashed: unique by construction and increasing with time, like
        // real run ids.
        const std::int64_t runKey = (day * 1000000 + job.index) * 32 + slot;
        run.runId = 600000000000000 + runKey;
        const std::int64_t start = day * kDay + (job.firstHour + slot * every) * kHour + job.minute * 60 + r.range(3, 45);
        const double growth = 1.0 + job.growthPerDay * static_cast<double>(day - account.firstDay);
        std::int64_t duration = seconds(job.durationMinutes * 60 * growth * r.between(0.8, 1.25));
        run.failedTask = -1;
        run.retriedTask = -1;
        if (r.chance(0.05)) {
            run.failedTask = r.index(taskCount);
            duration = seconds(static_cast<double>(duration) * (run.failedTask + r.between(0.2, 0.9)) / taskCount);
        } else if (r.chance(0.04)) {
            run.retriedTask = r.index(taskCount);
            duration += seconds(static_cast<double>(duration) / taskCount * r.between(0.3, 0.9));
        }
        run.span = {start, start + std::max<std::int64_t>(duration, 60)};
        if (run.span.start < job.createTime || (job.deleteTime != 0 && run.span.start >= job.deleteTime)
            || run.span.end > account.cutoff)
            continue; // not yet created, deleted, or not finished when the tables were read
        if (job.compute == JobCompute::JobCluster)
            run.clusterId = account.clusterIdFor(start - r.range(60, 240), hashKey(Kind::JobRun, run.runId));
        else if (job.compute == JobCompute::AllPurpose)
            run.clusterId = account.clusters[job.cluster].id;
        runs.append(run);
    }
}

void taskRuns(const Job &job, const JobRun &run, QList<TaskRun> &tasks)
{
    tasks.clear();
    const auto taskCount = static_cast<int>(job.tasks.size());
    // The retried attempt takes the same share as a task; the other tasks split the rest.
    const int shares = taskCount + (run.retriedTask >= 0 ? 1 : 0);
    const std::int64_t length = run.span.end - run.span.start;
    const int lastTask = run.failedTask >= 0 ? run.failedTask : taskCount - 1;
    const int usedShares = run.failedTask >= 0 ? lastTask + 1 : shares;
    std::int64_t at = run.span.start;
    int share = 0;
    const std::int64_t taskBase = 700000000000000 + ((run.runId - 600000000000000) * 16);
    for (int t = 0; t <= lastTask; ++t) {
        const int attempts = t == run.retriedTask ? 2 : 1;
        for (int attempt = 0; attempt < attempts; ++attempt) {
            ++share;
            const std::int64_t end = share == usedShares ? run.span.end : run.span.start + length * share / usedShares;
            const bool failed = (attempt == 0 && attempts == 2) || t == run.failedTask;
            tasks.append({taskBase + t * 2 + attempt, t, {at, end}, failed});
            at = end;
        }
    }
}

void warehouseSessions(const DemoAccount &account, const Warehouse &warehouse, std::int64_t day, QList<Span> &sessions)
{
    sessions.clear();
    DemoRandom r = DemoRandom::forKey(account.seed, Kind::WarehouseDay, warehouse.index, day);
    const std::int64_t dayStart = day * kDay;
    if (dayStart + kDay <= warehouse.createTime)
        return;
    const std::int64_t idle = warehouse.autoStop * 60;
    if (warehouse.type == "PRO") {
        if (isWeekend(day) ? r.chance(0.2) : r.chance(0.95)) {
            const std::int64_t open = isWeekend(day) ? 10 : warehouse.openHour;
            const std::int64_t close = isWeekend(day) ? 10 + r.range(1, 3) : warehouse.closeHour;
            const std::int64_t start = dayStart + open * kHour + r.range(0, 40) * 60 + r.range(0, 59);
            addClipped(account, sessions, {start, dayStart + close * kHour + r.range(0, 50) * 60 + idle});
        }
        return;
    }
    // Serverless warehouses start in seconds, so they run in several short bursts a day.
    const int bursts = isWeekend(day) ? (r.chance(0.15) ? 1 : 0) : static_cast<int>(r.range(2, 4));
    std::int64_t at = dayStart + warehouse.openHour * kHour + r.range(0, 90) * 60;
    for (int b = 0; b < bursts && at < dayStart + kDay - kHour; ++b) {
        const std::int64_t end = std::min(at + r.range(30, 180) * 60 + idle, dayStart + kDay - 60);
        addClipped(account, sessions, {at, end});
        at = end + r.range(20, 150) * 60;
    }
}

int warehouseClusters(const DemoAccount &account, const Warehouse &warehouse, std::int64_t hourStart)
{
    if (warehouse.maxClusters <= 1)
        return 1;
    const std::int64_t hourOfDay = hourStart % kDay / kHour;
    DemoRandom r = DemoRandom::forKey(account.seed, Kind::WarehouseDay, warehouse.index, hourStart, 1);
    if (hourOfDay < 10 || hourOfDay > 15 || !r.chance(0.35))
        return 1;
    return static_cast<int>(r.range(2, warehouse.maxClusters));
}

std::int64_t warehouseDbuMilli(const Warehouse &warehouse, std::int64_t at)
{
    return warehouse.changeTime != 0 && at >= warehouse.changeTime ? warehouse.dbuMilliAfterChange : warehouse.dbuMilli;
}

void pipelineUpdates(const DemoAccount &account, int workspace, std::int64_t day, QList<PipelineUpdate> &updates)
{
    updates.clear();
    const Pipeline &p = account.pipelines[workspace];
    const std::int64_t every = 24 / p.updatesPerDay;
    for (int slot = 0; slot < p.updatesPerDay; ++slot) {
        DemoRandom r = DemoRandom::forKey(account.seed, Kind::PipelineDay, workspace, day, slot);
        const std::int64_t start = day * kDay + slot * every * kHour + 15 * 60 + r.range(0, 120);
        const std::int64_t end = start + seconds(p.durationMinutes * 60 * r.between(0.8, 1.3));
        if (start < p.createTime || end > account.cutoff)
            continue;
        PipelineUpdate u;
        u.span = {start, end};
        u.updateId = account.uuidFor(Kind::PipelineDay, workspace, day, slot);
        u.requestId = account.uuidFor(Kind::PipelineDay, workspace, day, slot, 1);
        u.clusterId = account.clusterIdFor(start - r.range(60, 180), hashKey(Kind::PipelineDay, workspace, day, slot));
        u.failed = r.chance(0.03);
        u.fullRefresh = slot == 0 && (day + 4) % 7 == 0; // Sundays
        updates.append(u);
    }
}

void notebookSessions(const DemoAccount &account, const Notebook &notebook, std::int64_t day, QList<Span> &sessions)
{
    sessions.clear();
    DemoRandom r = DemoRandom::forKey(account.seed, Kind::NotebookDay, notebook.index, day);
    if (isWeekend(day) || !r.chance(0.6))
        return;
    const std::int64_t start = day * kDay + r.range(9, 16) * kHour + r.range(0, 59) * 60;
    addClipped(account, sessions, {start, start + r.range(30, 240) * 60});
}

void vectorSearchSessions(const DemoAccount &account, std::int64_t day, QList<Span> &sessions)
{
    sessions.clear();
    // A handful of experiments with an endpoint whose SKU has no list price in the account.
    if ((day - account.firstDay) % 11 != 3)
        return;
    DemoRandom r = DemoRandom::forKey(account.seed, Kind::Vector, day);
    const std::int64_t start = day * kDay + 14 * kHour + r.range(0, 59) * 60;
    addClipped(account, sessions, {start, start + r.range(40, 110) * 60});
}

} // namespace ll::demo

#pragma once

#include "demoaccount.h"

#include <QByteArray>
#include <QList>

#include <algorithm>
#include <cstdint>
#include <optional>

// When things run. Every function here is a pure function of (account, entity, day), so the
// billing, compute, lakeflow and query tables, generated independently, agree on every run,
// session and id without keeping any of them in memory.
namespace ll::demo {

struct Span {
    std::int64_t start; // epoch seconds, inclusive
    std::int64_t end;   // exclusive
};

bool isWeekend(std::int64_t epochDay);

// Calls f(hourStart, secondsOfSpanInThatHour) for every clock hour the span touches.
template<typename F>
void forEachHour(const Span &span, F &&f)
{
    for (std::int64_t hour = span.start - span.start % kHour; hour < span.end; hour += kHour) {
        const std::int64_t from = std::max(hour, span.start);
        const std::int64_t to = std::min(hour + kHour, span.end);
        if (to > from)
            f(hour, to - from);
    }
}

std::optional<Span> clusterSession(const DemoAccount &account, const Cluster &cluster, std::int64_t day);
int clusterWorkers(const DemoAccount &account, const Cluster &cluster, std::int64_t hourStart);

struct JobRun {
    std::int64_t runId;
    int slot;
    Span span;
    int failedTask;  // -1 = succeeded
    int retriedTask; // -1 = none; that task failed once and succeeded on its retry
    QByteArray clusterId; // empty on serverless
};
void jobRuns(const DemoAccount &account, const Job &job, std::int64_t day, QList<JobRun> &runs);

struct TaskRun {
    std::int64_t runId;
    int task;
    Span span;
    bool failed;
};
void taskRuns(const Job &job, const JobRun &run, QList<TaskRun> &tasks);

void warehouseSessions(const DemoAccount &account, const Warehouse &warehouse, std::int64_t day, QList<Span> &sessions);
int warehouseClusters(const DemoAccount &account, const Warehouse &warehouse, std::int64_t hourStart);
std::int64_t warehouseDbuMilli(const Warehouse &warehouse, std::int64_t at);

struct PipelineUpdate {
    Span span;
    QByteArray updateId, requestId, clusterId;
    bool failed;
    bool fullRefresh;
};
void pipelineUpdates(const DemoAccount &account, int workspace, std::int64_t day, QList<PipelineUpdate> &updates);

void notebookSessions(const DemoAccount &account, const Notebook &notebook, std::int64_t day, QList<Span> &sessions);
void vectorSearchSessions(const DemoAccount &account, std::int64_t day, QList<Span> &sessions);

} // namespace ll::demo

#pragma once

#include "chunkwriter.h"
#include "demooptions.h"
#include "demorandom.h"

#include <QByteArray>
#include <QList>

#include <cstdint>

namespace ll::demo {

inline constexpr std::int64_t kHour = 3600;
inline constexpr std::int64_t kDay = 86400;

// Entity kinds, mixed into every hash so ids and random streams of different kinds never meet.
enum class Kind : quint64 {
    Account = 1, Workspace, User, Cluster, Job, Warehouse, Pipeline, Notebook, Vector,
    JobRun, ClusterDay, WarehouseDay, PipelineDay, NotebookDay, Record, Query, Instance, Tags,
};

struct NodeType {
    QByteArray name;
    int cores;
    int memoryMb;
    int gpus;
    std::int64_t dbuMilli; // DBU per hour x 1000, before the Photon multiplier
};

struct User {
    QByteArray name; // e-mail, or the application id of a service principal
    QByteArray userId;
    int team;
};

struct Workspace {
    QByteArray id;
    QByteArray name;
    QByteArray url;
    std::int64_t createTime;
    int team; // the team that mostly works here
};

struct Cluster { // all-purpose
    int workspace;
    int index;
    QByteArray id, name, owner, dbr, securityMode, policyId, tags;
    int driverNode, workerNode;
    int minWorkers, maxWorkers; // equal = fixed size
    int maxWorkersAfterChange;  // a resize recorded as a second SCD row
    int autoTermination;        // 0 = never terminates: runs around the clock
    bool photon;
    double useChance;           // chance of being started on a weekday
    std::int64_t createTime, changeTime; // changeTime 0 = never changed
};

enum class JobCompute { JobCluster, Serverless, AllPurpose };

struct Job {
    int workspace;
    int index; // account-wide
    QByteArray id, name, description, creatorId, runAs, tags, tagsAfterChange, trigger;
    std::int64_t createTime, changeTime, deleteTime; // 0 = none
    JobCompute compute;
    int cluster; // all-purpose cluster (account-wide index) for JobCompute::AllPurpose
    int node, workers;
    bool photon;
    std::int64_t serverlessDbuMilli;
    int runsPerDay, firstHour, minute, durationMinutes;
    double growthPerDay; // a few jobs slowly get more expensive, as real ones do
    bool weekdaysOnly;
    QList<QByteArray> tasks; // tasks[i] depends on tasks[i - 1]
};

struct Warehouse {
    int workspace;
    int index;
    QByteArray id, name, type, size, sizeAfterChange, owner, tags;
    std::int64_t dbuMilli, dbuMilliAfterChange; // per cluster
    int minClusters, maxClusters, autoStop;
    int openHour, closeHour;
    std::int64_t createTime, changeTime;
};

struct Pipeline {
    int workspace;
    QByteArray id, name, creator, runAs, tags;
    int node, workers, updatesPerDay, durationMinutes;
    bool photon;
    std::int64_t createTime;
};

struct Notebook {
    int workspace;
    int index;
    QByteArray id, path, user, tags, budgetPolicyId;
    std::int64_t dbuMilli;
};

// One demo account: the fixed cast of workspaces, people and resources. Small (at most a few
// thousand entities); everything time-dependent is derived on the fly in demoschedule.
struct DemoAccount {
    DemoAccount(const DemoOptions &options, std::int64_t firstDay, std::int64_t lastDay, std::int64_t cutoff);

    quint64 seed;
    QByteArray accountId;
    std::int64_t firstDay; // epoch days, inclusive
    std::int64_t lastDay;
    std::int64_t cutoff;   // nothing happens at or after this instant (epoch seconds)

    QList<NodeType> nodeTypes;
    QList<User> users;             // people first, then service principals
    int peopleCount = 0;
    QList<Workspace> workspaces;
    QList<Cluster> clusters;
    QList<Job> jobs;
    QList<Warehouse> warehouses;
    QList<Pipeline> pipelines;     // one per workspace
    QList<Notebook> notebooks;

    QByteArray vectorEndpointName, vectorEndpointId; // in workspace 0

    std::int64_t dbuMilli(int node, int workers, bool photon) const;
    std::int64_t firstSecond() const { return firstDay * kDay; }

    template<typename... Parts>
    QByteArray uuidFor(Kind kind, Parts... parts) const;
    // "0901-123456-abcd1234": creation date and time, then eight random characters.
    QByteArray clusterIdFor(std::int64_t createTime, quint64 key) const;
};

const char *teamName(int team);

template<typename... Parts>
QByteArray DemoAccount::uuidFor(Kind kind, Parts... parts) const
{
    const quint64 h = hashKey(seed, static_cast<quint64>(kind), parts...);
    return text::uuid(h, mix64(h ^ 0x5851f42d4c957f2dULL));
}

} // namespace ll::demo

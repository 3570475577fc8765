#pragma once

// The billed hours of every all-purpose cluster in a window, each with its utilisation (node
// timeline) and whether anything was attached to it (a job run or a query). idle_cluster,
// long_autotermination and oversized_compute judge the same hours, so they read them once,
// the same way (docs/insights.md, "Cluster hours").

#include "common/result.h"
#include "insights/detector.h"

#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace ll::insights {

struct ClusterHour {
    std::int64_t hour = 0; // epoch seconds of the hour's start (UTC)
    std::int64_t costNanos = 0;
    bool sampled = false; // the node timeline has samples in this hour
    double cpuPct = 0;    // sample-seconds weighted mean over the cluster's instances
    double memPct = 0;
    bool active = false; // a job run or a query on the cluster overlapped the hour
    bool idle = false;   // see IdleRule
    QDate day() const;
};

struct ClusterHours {
    QString clusterId;
    QString workspaceId;
    QString clusterName;   // empty when unknown
    QString workspaceName; // empty when unknown
    std::optional<int> autoTerminationMinutes;
    bool hasSamples = false; // any hour in the window has node samples
    QList<ClusterHour> hours;

    QString scopeName() const;
    QString label() const; // for titles: the name, else "Cluster <id>"
    QString workspaceLabel() const { return workspaceName.isEmpty() ? workspaceId : workspaceName; }
};

// An hour is idle when nothing was attached to it and, where the node timeline covers the
// cluster, its mean CPU and memory were both below the thresholds. A cluster without any node
// samples in the window is judged by attached activity alone; a sampled cluster's hour that
// lacks samples is not judged (not idle).
struct IdleRule {
    double cpuPct = 10;
    double memPct = 60;
    static IdleRule fromThresholds(const Thresholds &thresholds);
};

// Billed all-purpose cluster hours (billing_origin_product ALL_PURPOSE, excluding clusters
// whose cluster_source says JOB or PIPELINE) in the window, ordered by cluster and hour.
Result<QList<ClusterHours>> loadAllPurposeClusterHours(store::Database &db, const DayWindow &window, const IdleRule &rule);

} // namespace ll::insights

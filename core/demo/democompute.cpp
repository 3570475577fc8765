#include "demoschedule.h"
#include "demotables.h"

namespace ll::demo {

namespace {

QByteArray awsAttributes()
{
    JsonDoc doc;
    doc.beginObject().str("availability", "SPOT_WITH_FALLBACK").integer("first_on_demand", 1).str("zone_id", "auto");
    doc.integer("spot_bid_price_percent", 100).null("ebs_volume_type").null("ebs_volume_count");
    return doc.end();
}

struct ClusterRow {
    const Workspace *workspace;
    QByteArrayView id, name, owner, driverNode, workerNode, tags, source, dbr, securityMode, policyId;
    std::int64_t createTime;
    std::optional<std::int64_t> deleteTime;
    int minWorkers, maxWorkers, autoTermination;
    std::int64_t changeTime;
};

Status writeCluster(const DemoAccount &a, ChunkWriter &out, const ClusterRow &c, const QByteArray &aws)
{
    out.str(a.accountId);
    out.str(c.workspace->id);
    out.str(c.id);
    out.str(c.name);
    out.str(c.owner);
    out.timestamp(c.createTime);
    out.timestampOrNull(c.deleteTime);
    out.str(c.driverNode);
    out.str(c.workerNode);
    const bool autoscale = c.minWorkers != c.maxWorkers;
    if (autoscale) {
        out.null();
        out.integer(c.minWorkers);
        out.integer(c.maxWorkers);
    } else {
        out.integer(c.minWorkers);
        out.null();
        out.null();
    }
    out.integer(c.autoTermination);
    out.boolean(true);
    out.str(c.tags);
    out.str(c.source);
    out.null(); // init_scripts
    out.str(aws);
    out.null();
    out.null();
    out.null(); // instance pools
    out.null();
    out.str(c.dbr);
    out.timestamp(c.changeTime);
    out.date(c.changeTime / kDay);
    out.str(c.securityMode);
    out.strOrNull(c.policyId);
    return out.endRow();
}

Status emitClusters(const DemoAccount &a, ChunkWriter &out, const ProgressFn &progress)
{
    const QByteArray aws = awsAttributes();
    // All-purpose clusters: a creation row, and a second row for the ones resized in the range.
    for (const Cluster &c : a.clusters) {
        ClusterRow row{&a.workspaces[c.workspace], c.id, c.name, c.owner, a.nodeTypes[c.driverNode].name,
                       a.nodeTypes[c.workerNode].name, c.tags, "UI", c.dbr, c.securityMode, c.policyId,
                       c.createTime, std::nullopt, c.minWorkers, c.maxWorkers, c.autoTermination, c.createTime};
        if (Status s = writeCluster(a, out, row, aws); !s)
            return s;
        if (c.changeTime != 0 && c.changeTime < a.cutoff) {
            row.maxWorkers = c.maxWorkersAfterChange;
            if (c.minWorkers == c.maxWorkers)
                row.minWorkers = c.maxWorkersAfterChange;
            row.changeTime = c.changeTime;
            if (Status s = writeCluster(a, out, row, aws); !s)
                return s;
        }
    }
    // Job and pipeline clusters live for one run. To keep the table proportionate they get a
    // single row, written when they terminated (delete_time set).
    QList<JobRun> runs;
    QList<PipelineUpdate> updates;
    return forEachDay(a, progress, [&](std::int64_t day) -> Status {
        for (const Job &job : a.jobs) {
            if (job.compute != JobCompute::JobCluster)
                continue;
            jobRuns(a, job, day, runs);
            for (const JobRun &run : runs) {
                const QByteArray name = "job-" + job.id + "-run-" + text::number(run.runId);
                const QByteArray &tags = job.changeTime != 0 && run.span.start >= job.changeTime ? job.tagsAfterChange : job.tags;
                const std::int64_t end = std::min(run.span.end + 30, a.cutoff);
                const ClusterRow row{&a.workspaces[job.workspace], run.clusterId, name, job.runAs,
                                     a.nodeTypes[job.node].name, a.nodeTypes[job.node].name, tags, "JOB",
                                     job.photon ? "15.4.x-photon-scala2.12" : "15.4.x-scala2.12", "SINGLE_USER", {},
                                     run.span.start - 120, end, job.workers, job.workers, 0, end};
                if (Status s = writeCluster(a, out, row, aws); !s)
                    return s;
            }
        }
        for (int w = 0; w < a.workspaces.size(); ++w) {
            const Pipeline &p = a.pipelines[w];
            pipelineUpdates(a, w, day, updates);
            for (const PipelineUpdate &u : updates) {
                const QByteArray name = "dlt-execution-" + p.id;
                const std::int64_t end = std::min(u.span.end + 60, a.cutoff);
                const ClusterRow row{&a.workspaces[w], u.clusterId, name, p.runAs, a.nodeTypes[p.node].name,
                                     a.nodeTypes[p.node].name, p.tags, "PIPELINE",
                                     p.photon ? "dlt:15.4.x-photon-scala2.12" : "dlt:15.4.x-scala2.12", "SINGLE_USER", {},
                                     u.span.start - 120, end, p.workers, p.workers, 0, end};
                if (Status s = writeCluster(a, out, row, aws); !s)
                    return s;
            }
        }
        return {};
    });
}

Status emitNodeTypes(const DemoAccount &a, ChunkWriter &out, const ProgressFn &progress)
{
    for (const NodeType &n : a.nodeTypes) {
        out.str(a.accountId);
        out.str(n.name);
        out.integer(n.cores);
        out.integer(n.memoryMb);
        out.integer(n.gpus);
        if (Status s = out.endRow(); !s)
            return s;
    }
    progress(1.0);
    return {};
}

// Databricks publishes this table per minute; the demo writes one row per node per hour of
// all-purpose cluster uptime, which keeps a year-long demo small while still showing
// utilisation (the idle-cluster finding reads the same averages either way).
Status emitNodeTimeline(const DemoAccount &a, ChunkWriter &out, const ProgressFn &progress)
{
    JsonDoc disk;
    return forEachDay(a, progress, [&](std::int64_t day) -> Status {
        for (const Cluster &c : a.clusters) {
            const auto session = clusterSession(a, c, day);
            if (!session)
                continue;
            const Workspace &ws = a.workspaces[c.workspace];
            // An always-on cluster keeps its instances; others get new ones at each start.
            const std::int64_t instanceEpoch = c.autoTermination == 0 ? 0 : day;
            const double busy = c.autoTermination == 0 ? 0.04 : 0.35;
            Status status;
            forEachHour(*session, [&](std::int64_t hour, std::int64_t) {
                const int workers = clusterWorkers(a, c, hour);
                for (int node = 0; node <= workers && status; ++node) {
                    DemoRandom r = DemoRandom::forKey(a.seed, Kind::Instance, c.index, hour, node);
                    const std::int64_t hourOfDay = hour % kDay / kHour;
                    const double load = (hourOfDay >= 12 && hourOfDay < 13) || hourOfDay >= 17 ? busy * 0.3 : busy;
                    const double cpu = std::min(95.0, load * r.between(20.0, 160.0) + r.between(0.5, 3.0));
                    out.str(a.accountId);
                    out.str(ws.id);
                    out.str(c.id);
                    out.str("i-" + text::hex(hashKey(a.seed, Kind::Instance, c.index, instanceEpoch, node), 17));
                    out.timestamp(std::max(hour, session->start));
                    out.timestamp(std::min(hour + kHour, session->end));
                    out.boolean(node == 0);
                    out.fixed2(static_cast<std::int64_t>(cpu * 100));
                    out.fixed2(static_cast<std::int64_t>(cpu * r.between(5.0, 15.0)));
                    out.fixed2(static_cast<std::int64_t>(r.between(0.0, 2.0) * 100));
                    out.fixed2(static_cast<std::int64_t>(r.between(25.0, 80.0) * 100));
                    out.fixed2(0);
                    out.integer(static_cast<std::int64_t>(load * r.between(1e8, 4e9)));
                    out.integer(static_cast<std::int64_t>(load * r.between(1e8, 6e9)));
                    out.str(disk.beginObject().integer("/local_disk0", r.range(100, 800) * 1000000000LL)
                                .integer("/", r.range(20, 60) * 1000000000LL).end());
                    out.str(a.nodeTypes[node == 0 ? c.driverNode : c.workerNode].name);
                    status = out.endRow();
                }
            });
            if (!status)
                return status;
        }
        return {};
    });
}

Status writeWarehouse(const DemoAccount &a, ChunkWriter &out, const Warehouse &wh, const QByteArray &size, std::int64_t at)
{
    out.str(a.accountId);
    out.str(a.workspaces[wh.workspace].id);
    out.str(wh.id);
    out.str(wh.name);
    out.str(wh.type);
    out.str("CHANNEL_NAME_CURRENT");
    out.str(size);
    out.integer(wh.minClusters);
    out.integer(wh.maxClusters);
    out.integer(wh.autoStop);
    out.str(wh.tags);
    out.timestamp(at);
    out.null();
    return out.endRow();
}

Status emitWarehouses(const DemoAccount &a, ChunkWriter &out, const ProgressFn &progress)
{
    for (const Warehouse &wh : a.warehouses) {
        if (Status s = writeWarehouse(a, out, wh, wh.size, wh.createTime); !s)
            return s;
        if (wh.changeTime != 0 && wh.changeTime < a.cutoff) {
            if (Status s = writeWarehouse(a, out, wh, wh.sizeAfterChange, wh.changeTime); !s)
                return s;
        }
    }
    progress(1.0);
    return {};
}

Status emitWarehouseEvents(const DemoAccount &a, ChunkWriter &out, const ProgressFn &progress)
{
    QList<Span> sessions;
    auto event = [&](const Warehouse &wh, const char *type, int clusters, std::int64_t at) {
        out.str(a.accountId);
        out.str(a.workspaces[wh.workspace].id);
        out.str(wh.id);
        out.str(type);
        out.integer(clusters);
        out.timestamp(at);
        return out.endRow();
    };
    return forEachDay(a, progress, [&](std::int64_t day) -> Status {
        for (const Warehouse &wh : a.warehouses) {
            warehouseSessions(a, wh, day, sessions);
            for (const Span &s : sessions) {
                const std::int64_t startup = wh.type == "SERVERLESS" ? 8 : 150;
                if (Status st = event(wh, "STARTING", 0, s.start); !st)
                    return st;
                if (Status st = event(wh, "RUNNING", 1, std::min(s.start + startup, s.end)); !st)
                    return st;
                int clusters = 1;
                Status status;
                forEachHour(s, [&](std::int64_t hour, std::int64_t) {
                    const int now = warehouseClusters(a, wh, hour);
                    if (!status || now == clusters)
                        return;
                    const std::int64_t at = std::min(std::max(hour, s.start + startup) + 30, s.end - 1);
                    status = event(wh, now > clusters ? "SCALED_UP" : "SCALED_DOWN", now, at);
                    clusters = now;
                });
                if (!status)
                    return status;
                if (s.end >= a.cutoff)
                    continue; // still running when the table was read
                if (Status st = event(wh, "STOPPING", clusters, s.end); !st)
                    return st;
                if (Status st = event(wh, "STOPPED", 0, std::min(s.end + 40, a.cutoff)); !st)
                    return st;
            }
        }
        return {};
    });
}

} // namespace

DemoTable clustersTable()
{
    return {QStringLiteral("compute_clusters"),
            resultColumns({{"account_id", "STRING"}, {"workspace_id", "STRING"}, {"cluster_id", "STRING"},
                           {"cluster_name", "STRING"}, {"owned_by", "STRING"}, {"create_time", "TIMESTAMP"},
                           {"delete_time", "TIMESTAMP"}, {"driver_node_type", "STRING"}, {"worker_node_type", "STRING"},
                           {"worker_count", "LONG"}, {"min_autoscale_workers", "LONG"}, {"max_autoscale_workers", "LONG"},
                           {"auto_termination_minutes", "LONG"}, {"enable_elastic_disk", "BOOLEAN"}, {"tags", "MAP"},
                           {"cluster_source", "STRING"}, {"init_scripts", "ARRAY"}, {"aws_attributes", "STRUCT"},
                           {"azure_attributes", "STRUCT"}, {"gcp_attributes", "STRUCT"}, {"driver_instance_pool_id", "STRING"},
                           {"worker_instance_pool_id", "STRING"}, {"dbr_version", "STRING"}, {"change_time", "TIMESTAMP"},
                           {"change_date", "DATE"}, {"data_security_mode", "STRING"}, {"policy_id", "STRING"}}),
            emitClusters, 0.03};
}

DemoTable nodeTypesTable()
{
    return {QStringLiteral("compute_node_types"),
            resultColumns({{"account_id", "STRING"}, {"node_type", "STRING"}, {"core_count", "DOUBLE"},
                           {"memory_mb", "LONG"}, {"gpu_count", "LONG"}}),
            emitNodeTypes, 0.001};
}

DemoTable nodeTimelineTable()
{
    return {QStringLiteral("compute_node_timeline"),
            resultColumns({{"account_id", "STRING"}, {"workspace_id", "STRING"}, {"cluster_id", "STRING"},
                           {"instance_id", "STRING"}, {"start_time", "TIMESTAMP"}, {"end_time", "TIMESTAMP"},
                           {"driver", "BOOLEAN"}, {"cpu_user_percent", "DECIMAL"}, {"cpu_system_percent", "DECIMAL"},
                           {"cpu_wait_percent", "DECIMAL"}, {"mem_used_percent", "DECIMAL"}, {"mem_swap_percent", "DECIMAL"},
                           {"network_sent_bytes", "LONG"}, {"network_received_bytes", "LONG"},
                           {"disk_free_bytes_per_mount_point", "MAP"}, {"node_type", "STRING"}}),
            emitNodeTimeline, 0.1};
}

DemoTable warehousesTable()
{
    return {QStringLiteral("compute_warehouses"),
            resultColumns({{"account_id", "STRING"}, {"workspace_id", "STRING"}, {"warehouse_id", "STRING"},
                           {"warehouse_name", "STRING"}, {"warehouse_type", "STRING"}, {"warehouse_channel", "STRING"},
                           {"warehouse_size", "STRING"}, {"min_clusters", "INT"}, {"max_clusters", "INT"},
                           {"auto_stop_minutes", "INT"}, {"tags", "MAP"}, {"change_time", "TIMESTAMP"},
                           {"delete_time", "TIMESTAMP"}}),
            emitWarehouses, 0.001};
}

DemoTable warehouseEventsTable()
{
    return {QStringLiteral("compute_warehouse_events"),
            resultColumns({{"account_id", "STRING"}, {"workspace_id", "STRING"}, {"warehouse_id", "STRING"},
                           {"event_type", "STRING"}, {"cluster_count", "INT"}, {"event_time", "TIMESTAMP"}}),
            emitWarehouseEvents, 0.01};
}

} // namespace ll::demo

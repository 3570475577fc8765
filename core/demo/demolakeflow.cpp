#include "demoschedule.h"
#include "demotables.h"

namespace ll::demo {

namespace {

QByteArray computeIds(JsonDoc &doc, QByteArrayView clusterId)
{
    doc.beginArray();
    if (!clusterId.isEmpty())
        doc.element(clusterId);
    return doc.end();
}

Status writeJob(const DemoAccount &a, ChunkWriter &out, const Job &job, const QByteArray &tags, std::int64_t changeTime,
                std::optional<std::int64_t> deleteTime)
{
    out.str(a.accountId);
    out.str(a.workspaces[job.workspace].id);
    out.str(job.id);
    out.str(job.name);
    out.str(job.description);
    out.str(job.creatorId);
    out.str(tags);
    out.timestamp(changeTime);
    out.timestampOrNull(deleteTime);
    out.str(job.runAs);
    out.str(job.trigger);
    return out.endRow();
}

Status emitJobs(const DemoAccount &a, ChunkWriter &out, const ProgressFn &progress)
{
    for (const Job &job : a.jobs) {
        if (job.createTime >= a.cutoff)
            continue;
        if (Status s = writeJob(a, out, job, job.tags, job.createTime, std::nullopt); !s)
            return s;
        if (job.changeTime != 0 && job.changeTime < a.cutoff && (job.deleteTime == 0 || job.changeTime < job.deleteTime)) {
            if (Status s = writeJob(a, out, job, job.tagsAfterChange, job.changeTime, std::nullopt); !s)
                return s;
        }
        if (job.deleteTime != 0 && job.deleteTime < a.cutoff) {
            const QByteArray &tags = job.changeTime != 0 && job.changeTime < job.deleteTime ? job.tagsAfterChange : job.tags;
            if (Status s = writeJob(a, out, job, tags, job.deleteTime, job.deleteTime); !s)
                return s;
        }
    }
    progress(1.0);
    return {};
}

Status emitJobTasks(const DemoAccount &a, ChunkWriter &out, const ProgressFn &progress)
{
    JsonDoc depends;
    for (const Job &job : a.jobs) {
        if (job.createTime >= a.cutoff)
            continue;
        const bool deleted = job.deleteTime != 0 && job.deleteTime < a.cutoff;
        for (int version = 0; version < (deleted ? 2 : 1); ++version) {
            for (int t = 0; t < job.tasks.size(); ++t) {
                depends.beginArray();
                if (t > 0)
                    depends.element(job.tasks[t - 1]);
                out.str(a.accountId);
                out.str(a.workspaces[job.workspace].id);
                out.str(job.id);
                out.str(job.tasks[t]);
                out.str(depends.end());
                out.timestamp(version == 0 ? job.createTime : job.deleteTime);
                out.timestampOrNull(version == 0 ? std::nullopt : std::optional<std::int64_t>(job.deleteTime));
                if (Status s = out.endRow(); !s)
                    return s;
            }
        }
    }
    progress(1.0);
    return {};
}

Status emitJobRuns(const DemoAccount &a, ChunkWriter &out, const ProgressFn &progress)
{
    QList<JobRun> runs;
    JsonDoc ids;
    return forEachDay(a, progress, [&](std::int64_t day) -> Status {
        for (const Job &job : a.jobs) {
            jobRuns(a, job, day, runs);
            for (const JobRun &run : runs) {
                const bool failed = run.failedTask >= 0;
                out.str(a.accountId);
                out.str(a.workspaces[job.workspace].id);
                out.str(job.id);
                out.integer(run.runId);
                out.timestamp(run.span.start);
                out.timestamp(run.span.end);
                out.str("CRON");
                out.str("JOB_RUN");
                out.str(job.name);
                out.str(computeIds(ids, run.clusterId));
                out.str(failed ? "FAILED" : "SUCCEEDED");
                out.str(failed ? "RUN_EXECUTION_ERROR" : "SUCCESS");
                out.str("{}");
                if (Status s = out.endRow(); !s)
                    return s;
            }
        }
        return {};
    });
}

Status emitTaskRuns(const DemoAccount &a, ChunkWriter &out, const ProgressFn &progress)
{
    QList<JobRun> runs;
    QList<TaskRun> tasks;
    JsonDoc ids;
    return forEachDay(a, progress, [&](std::int64_t day) -> Status {
        for (const Job &job : a.jobs) {
            jobRuns(a, job, day, runs);
            for (const JobRun &run : runs) {
                taskRuns(job, run, tasks);
                const QByteArray &computeIdsJson = computeIds(ids, run.clusterId);
                for (const TaskRun &task : tasks) {
                    out.str(a.accountId);
                    out.str(a.workspaces[job.workspace].id);
                    out.str(job.id);
                    out.integer(task.runId);
                    out.integer(run.runId);
                    out.integer(run.runId);
                    out.str(job.tasks[task.task]);
                    out.timestamp(task.span.start);
                    out.timestamp(task.span.end);
                    out.str(computeIdsJson);
                    out.str(task.failed ? "FAILED" : "SUCCEEDED");
                    out.str(task.failed ? "RUN_EXECUTION_ERROR" : "SUCCESS");
                    if (Status s = out.endRow(); !s)
                        return s;
                }
            }
        }
        return {};
    });
}

Status emitPipelines(const DemoAccount &a, ChunkWriter &out, const ProgressFn &progress)
{
    JsonDoc settings;
    for (const Pipeline &p : a.pipelines) {
        out.str(a.accountId);
        out.str(a.workspaces[p.workspace].id);
        out.str(p.id);
        out.str("ETL_PIPELINE");
        out.str(p.name);
        out.str(p.creator);
        out.str(p.runAs);
        out.str(p.tags);
        out.str(settings.beginObject().boolean("photon", p.photon).boolean("development", false).boolean("continuous", false)
                    .boolean("serverless", false).str("edition", "CORE").str("channel", "CURRENT").end());
        out.timestamp(p.createTime);
        out.null();
        if (Status s = out.endRow(); !s)
            return s;
    }
    progress(1.0);
    return {};
}

Status emitPipelineUpdates(const DemoAccount &a, ChunkWriter &out, const ProgressFn &progress)
{
    QList<PipelineUpdate> updates;
    JsonDoc compute;
    return forEachDay(a, progress, [&](std::int64_t day) -> Status {
        for (int w = 0; w < a.workspaces.size(); ++w) {
            const Pipeline &p = a.pipelines[w];
            pipelineUpdates(a, w, day, updates);
            for (const PipelineUpdate &u : updates) {
                out.str(a.accountId);
                out.str(a.workspaces[w].id);
                out.str(p.id);
                out.str(u.updateId);
                out.str(u.fullRefresh ? "FULL_REFRESH" : "REFRESH");
                out.str(u.requestId);
                out.str(p.runAs);
                out.str("SCHEDULE");
                out.null();
                out.timestamp(u.span.start);
                out.timestamp(u.span.end);
                out.str(u.failed ? "FAILED" : "COMPLETED");
                out.str(compute.beginObject().str("type", "CLASSIC").str("cluster_id", u.clusterId).end());
                if (Status s = out.endRow(); !s)
                    return s;
            }
        }
        return {};
    });
}

} // namespace

DemoTable jobsTable()
{
    return {QStringLiteral("lakeflow_jobs"),
            resultColumns({{"account_id", "STRING"}, {"workspace_id", "STRING"}, {"job_id", "STRING"}, {"name", "STRING"},
                           {"description", "STRING"}, {"creator_id", "STRING"}, {"tags", "MAP"},
                           {"change_time", "TIMESTAMP"}, {"delete_time", "TIMESTAMP"}, {"run_as", "STRING"},
                           {"trigger", "STRUCT"}}),
            emitJobs, 0.005};
}

DemoTable jobTasksTable()
{
    return {QStringLiteral("lakeflow_job_tasks"),
            resultColumns({{"account_id", "STRING"}, {"workspace_id", "STRING"}, {"job_id", "STRING"},
                           {"task_key", "STRING"}, {"depends_on_keys", "ARRAY"}, {"change_time", "TIMESTAMP"},
                           {"delete_time", "TIMESTAMP"}}),
            emitJobTasks, 0.005};
}

DemoTable jobRunTimelineTable()
{
    return {QStringLiteral("lakeflow_job_run_timeline"),
            resultColumns({{"account_id", "STRING"}, {"workspace_id", "STRING"}, {"job_id", "STRING"}, {"run_id", "STRING"},
                           {"period_start_time", "TIMESTAMP"}, {"period_end_time", "TIMESTAMP"},
                           {"trigger_type", "STRING"}, {"run_type", "STRING"}, {"run_name", "STRING"},
                           {"compute_ids", "ARRAY"}, {"result_state", "STRING"}, {"termination_code", "STRING"},
                           {"job_parameters", "MAP"}}),
            emitJobRuns, 0.1};
}

DemoTable jobTaskRunTimelineTable()
{
    return {QStringLiteral("lakeflow_job_task_run_timeline"),
            resultColumns({{"account_id", "STRING"}, {"workspace_id", "STRING"}, {"job_id", "STRING"}, {"run_id", "STRING"},
                           {"job_run_id", "STRING"}, {"parent_run_id", "STRING"}, {"task_key", "STRING"},
                           {"period_start_time", "TIMESTAMP"}, {"period_end_time", "TIMESTAMP"},
                           {"compute_ids", "ARRAY"}, {"result_state", "STRING"}, {"termination_code", "STRING"}}),
            emitTaskRuns, 0.15};
}

DemoTable pipelinesTable()
{
    return {QStringLiteral("lakeflow_pipelines"),
            resultColumns({{"account_id", "STRING"}, {"workspace_id", "STRING"}, {"pipeline_id", "STRING"},
                           {"pipeline_type", "STRING"}, {"name", "STRING"}, {"created_by", "STRING"}, {"run_as", "STRING"},
                           {"tags", "MAP"}, {"settings", "STRUCT"}, {"change_time", "TIMESTAMP"},
                           {"delete_time", "TIMESTAMP"}}),
            emitPipelines, 0.001};
}

DemoTable pipelineUpdateTimelineTable()
{
    return {QStringLiteral("lakeflow_pipeline_update_timeline"),
            resultColumns({{"account_id", "STRING"}, {"workspace_id", "STRING"}, {"pipeline_id", "STRING"},
                           {"update_id", "STRING"}, {"update_type", "STRING"}, {"request_id", "STRING"},
                           {"run_as_user_name", "STRING"}, {"trigger_type", "STRING"}, {"trigger_details", "STRUCT"},
                           {"period_start_time", "TIMESTAMP"}, {"period_end_time", "TIMESTAMP"},
                           {"result_state", "STRING"}, {"compute", "STRUCT"}}),
            emitPipelineUpdates, 0.01};
}

} // namespace ll::demo

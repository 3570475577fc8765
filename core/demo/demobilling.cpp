#include "demoschedule.h"
#include "demotables.h"

namespace ll::demo {

namespace {

constexpr const char *kAllPurposeSku = "PREMIUM_ALL_PURPOSE_COMPUTE";
constexpr const char *kJobsSku = "PREMIUM_JOBS_COMPUTE";
constexpr const char *kJobsServerlessSku = "PREMIUM_JOBS_SERVERLESS_COMPUTE_US_EAST_N_VIRGINIA";
constexpr const char *kSqlProSku = "PREMIUM_SQL_PRO_COMPUTE_US_EAST_N_VIRGINIA";
constexpr const char *kSqlServerlessSku = "PREMIUM_SERVERLESS_SQL_COMPUTE_US_EAST_N_VIRGINIA";
constexpr const char *kDltSku = "PREMIUM_DLT_CORE_COMPUTE";
constexpr const char *kInteractiveServerlessSku = "PREMIUM_ALL_PURPOSE_SERVERLESS_COMPUTE_US_EAST_N_VIRGINIA";
// Deliberately absent from list_prices: exercises the "unpriced" path end to end.
constexpr const char *kVectorSearchSku = "PREMIUM_VECTOR_SEARCH_ENDPOINT_US_EAST_N_VIRGINIA";

QByteArray features(const char *jobsTier, const char *sqlTier, const char *dltTier, bool serverless, bool photon,
                    const char *performanceTarget)
{
    JsonDoc doc;
    doc.beginObject().strOrNull("jobs_tier", jobsTier).strOrNull("sql_tier", sqlTier).strOrNull("dlt_tier", dltTier);
    doc.boolean("is_serverless", serverless).boolean("is_photon", photon).null("serving_type");
    doc.strOrNull("performance_target", performanceTarget);
    return doc.end();
}

// Ids of what was used; every row carries the whole struct, nulls included, as Databricks does.
struct Meta {
    QByteArrayView clusterId{}, jobId{}, warehouseId{}, nodeType{}, jobRunId{}, notebookId{}, dltPipelineId{};
    QByteArrayView endpointName{}, endpointId{}, dltUpdateId{}, jobName{}, notebookPath{}, budgetPolicyId{};
};

class UsageWriter {
public:
    UsageWriter(const DemoAccount &account, ChunkWriter &out) : m_account(account), m_out(out) {}

    struct Record {
        const Workspace *workspace;
        const char *sku;
        const char *product;
        const QByteArray *features;
        QByteArrayView customTags;
        std::int64_t hourStart;
        std::int64_t nanos;
        quint64 key; // identity of the record: drives its id and whether it is corrected later
    };

    void setMeta(const Meta &m)
    {
        m_meta.beginObject();
        m_meta.strOrNull("cluster_id", m.clusterId).strOrNull("job_id", m.jobId).strOrNull("warehouse_id", m.warehouseId);
        m_meta.null("instance_pool_id").strOrNull("node_type", m.nodeType).strOrNull("job_run_id", m.jobRunId);
        m_meta.strOrNull("notebook_id", m.notebookId).strOrNull("dlt_pipeline_id", m.dltPipelineId);
        m_meta.strOrNull("endpoint_name", m.endpointName).strOrNull("endpoint_id", m.endpointId);
        m_meta.strOrNull("dlt_update_id", m.dltUpdateId).null("dlt_maintenance_id").null("run_name");
        m_meta.strOrNull("job_name", m.jobName).strOrNull("notebook_path", m.notebookPath);
        m_meta.strOrNull("budget_policy_id", m.budgetPolicyId);
        m_meta.end();
    }
    void setIdentity(QByteArrayView runAs, QByteArrayView ownedBy, QByteArrayView createdBy = {})
    {
        m_identity.beginObject().strOrNull("run_as", runAs).strOrNull("owned_by", ownedBy).strOrNull("created_by", createdBy);
        m_identity.end();
    }

    Status write(const Record &rec)
    {
        const std::int64_t usageDay = rec.hourStart / kDay;
        if (Status s = row(rec, "ORIGINAL", rec.nanos, usageDay + 1, 0); !s)
            return s;
        // About 1% of records are corrected a few days later: a RETRACTION cancels the original
        // and a RESTATEMENT carries the corrected quantity, each with its own record id.
        DemoRandom r = DemoRandom::forKey(m_account.seed, Kind::Record, rec.key);
        if (!r.chance(0.01))
            return {};
        const std::int64_t ingested = usageDay + 1 + r.range(2, 6);
        if (ingested > m_account.lastDay + 1)
            return {}; // not yet arrived when the account was read
        if (Status s = row(rec, "RETRACTION", -rec.nanos, ingested, 1); !s)
            return s;
        return row(rec, "RESTATEMENT", rec.nanos / 10 * 9, ingested, 2);
    }

private:
    Status row(const Record &rec, const char *recordType, std::int64_t nanos, std::int64_t ingestionDay, int variant)
    {
        m_out.str(m_account.uuidFor(Kind::Record, rec.key, variant));
        m_out.str(m_account.accountId);
        m_out.str(rec.workspace->id);
        m_out.str(rec.sku);
        m_out.str("AWS");
        m_out.timestamp(rec.hourStart);
        m_out.timestamp(rec.hourStart + kHour);
        m_out.date(rec.hourStart / kDay);
        m_out.str(rec.customTags);
        m_out.str("DBU");
        m_out.decimal18(nanos);
        m_out.str(m_meta.bytes());
        m_out.str(m_identity.bytes());
        m_out.str(recordType);
        m_out.date(ingestionDay);
        m_out.str(rec.product);
        m_out.str(*rec.features);
        m_out.str("COMPUTE_TIME");
        return m_out.endRow();
    }

    const DemoAccount &m_account;
    ChunkWriter &m_out;
    JsonDoc m_meta;
    JsonDoc m_identity;
};

std::int64_t nanosFor(std::int64_t dbuMilli, std::int64_t seconds)
{
    return dbuMilli * seconds * 1000000 / kHour;
}

enum Source : quint64 { AllPurposeSource = 1, JobSource, WarehouseSource, PipelineSource, NotebookSource, VectorSource };

Status emitUsage(const DemoAccount &a, ChunkWriter &out, const ProgressFn &progress)
{
    const QByteArray allPurpose[2] = {features(nullptr, nullptr, nullptr, false, false, nullptr),
                                      features(nullptr, nullptr, nullptr, false, true, nullptr)};
    const QByteArray jobsClassic[2] = {features("CLASSIC", nullptr, nullptr, false, false, nullptr),
                                       features("CLASSIC", nullptr, nullptr, false, true, nullptr)};
    const QByteArray jobsServerless = features(nullptr, nullptr, nullptr, true, true, "PERFORMANCE_OPTIMIZED");
    const QByteArray sqlPro = features(nullptr, "PRO", nullptr, false, true, nullptr);
    const QByteArray sqlServerless = features(nullptr, "SERVERLESS", nullptr, true, true, nullptr);
    const QByteArray dlt[2] = {features(nullptr, nullptr, "CORE", false, false, nullptr),
                               features(nullptr, nullptr, "CORE", false, true, nullptr)};
    const QByteArray interactive = features(nullptr, nullptr, nullptr, true, true, "PERFORMANCE_OPTIMIZED");
    const QByteArray vector = features(nullptr, nullptr, nullptr, true, false, nullptr);

    UsageWriter usage(a, out);
    QList<JobRun> runs;
    QList<Span> sessions;
    QList<PipelineUpdate> updates;

    return forEachDay(a, progress, [&](std::int64_t day) -> Status {
        for (const Cluster &c : a.clusters) {
            const auto session = clusterSession(a, c, day);
            if (!session)
                continue;
            const Workspace &ws = a.workspaces[c.workspace];
            const bool shared = c.securityMode == "USER_ISOLATION";
            usage.setMeta({.clusterId = c.id, .nodeType = a.nodeTypes[c.workerNode].name});
            usage.setIdentity(shared ? QByteArrayView() : QByteArrayView(c.owner), {});
            Status status;
            forEachHour(*session, [&](std::int64_t hour, std::int64_t secs) {
                if (!status)
                    return;
                const std::int64_t dbu = a.dbuMilli(c.workerNode, clusterWorkers(a, c, hour), c.photon);
                status = usage.write({&ws, kAllPurposeSku, "ALL_PURPOSE", &allPurpose[c.photon], c.tags, hour,
                                      nanosFor(dbu, secs), hashKey(AllPurposeSource, c.index, hour)});
            });
            if (!status)
                return status;
        }

        for (const Job &job : a.jobs) {
            jobRuns(a, job, day, runs);
            const Workspace &ws = a.workspaces[job.workspace];
            const bool retagged = job.changeTime != 0;
            // Serverless usage carries tags only through a budget policy: most have none.
            const bool serverlessTagged = hashKey(a.seed, Kind::Tags, job.index) % 10 < 3;
            for (const JobRun &run : runs) {
                const QByteArray runId = text::number(run.runId);
                const QByteArray &tags = retagged && run.span.start >= job.changeTime ? job.tagsAfterChange : job.tags;
                Meta meta{.clusterId = run.clusterId, .jobId = job.id, .jobRunId = runId};
                UsageWriter::Record rec{&ws, kJobsSku, "JOBS", &jobsClassic[job.photon], tags, 0, 0, 0};
                std::int64_t dbu = a.dbuMilli(job.node, job.workers, job.photon);
                const Cluster *cluster = nullptr;
                switch (job.compute) {
                case JobCompute::JobCluster:
                    meta.nodeType = a.nodeTypes[job.node].name;
                    break;
                case JobCompute::Serverless:
                    meta.jobName = job.name;
                    rec = {&ws, kJobsServerlessSku, "JOBS", &jobsServerless, serverlessTagged ? QByteArrayView(tags) : QByteArrayView("{}"), 0, 0, 0};
                    dbu = job.serverlessDbuMilli;
                    break;
                case JobCompute::AllPurpose:
                    // A scheduled job on an interactive cluster: billed at the all-purpose rate
                    // under the cluster's tags, the classic avoidable cost.
                    cluster = &a.clusters[job.cluster];
                    meta.nodeType = a.nodeTypes[cluster->workerNode].name;
                    rec = {&ws, kAllPurposeSku, "ALL_PURPOSE", &allPurpose[cluster->photon], cluster->tags, 0, 0, 0};
                    break;
                }
                usage.setMeta(meta);
                usage.setIdentity(job.runAs, {});
                Status status;
                forEachHour(run.span, [&](std::int64_t hour, std::int64_t secs) {
                    if (!status)
                        return;
                    if (cluster)
                        dbu = a.dbuMilli(cluster->workerNode, clusterWorkers(a, *cluster, hour), cluster->photon);
                    rec.hourStart = hour;
                    rec.nanos = nanosFor(dbu, secs);
                    rec.key = hashKey(JobSource, job.index, run.runId, hour);
                    status = usage.write(rec);
                });
                if (!status)
                    return status;
            }
        }

        for (const Warehouse &wh : a.warehouses) {
            warehouseSessions(a, wh, day, sessions);
            const Workspace &ws = a.workspaces[wh.workspace];
            const bool serverless = wh.type == "SERVERLESS";
            usage.setMeta({.warehouseId = wh.id});
            usage.setIdentity({}, wh.owner);
            for (const Span &s : sessions) {
                Status status;
                forEachHour(s, [&](std::int64_t hour, std::int64_t secs) {
                    if (!status)
                        return;
                    const std::int64_t dbu = warehouseDbuMilli(wh, hour) * warehouseClusters(a, wh, hour);
                    status = usage.write({&ws, serverless ? kSqlServerlessSku : kSqlProSku, "SQL",
                                          serverless ? &sqlServerless : &sqlPro, wh.tags, hour, nanosFor(dbu, secs),
                                          hashKey(WarehouseSource, wh.index, hour, s.start)});
                });
                if (!status)
                    return status;
            }
        }

        for (int w = 0; w < a.workspaces.size(); ++w) {
            const Pipeline &p = a.pipelines[w];
            pipelineUpdates(a, w, day, updates);
            for (const PipelineUpdate &u : updates) {
                usage.setMeta({.clusterId = u.clusterId, .nodeType = a.nodeTypes[p.node].name, .dltPipelineId = p.id,
                               .dltUpdateId = u.updateId});
                usage.setIdentity(p.runAs, {});
                Status status;
                forEachHour(u.span, [&](std::int64_t hour, std::int64_t secs) {
                    if (!status)
                        return;
                    status = usage.write({&a.workspaces[w], kDltSku, "DLT", &dlt[p.photon], p.tags, hour,
                                          nanosFor(a.dbuMilli(p.node, p.workers, p.photon), secs),
                                          hashKey(PipelineSource, w, u.span.start, hour)});
                });
                if (!status)
                    return status;
            }
        }

        for (const Notebook &nb : a.notebooks) {
            notebookSessions(a, nb, day, sessions);
            usage.setMeta({.notebookId = nb.id, .notebookPath = nb.path, .budgetPolicyId = nb.budgetPolicyId});
            usage.setIdentity(nb.user, {});
            for (const Span &s : sessions) {
                Status status;
                forEachHour(s, [&](std::int64_t hour, std::int64_t secs) {
                    if (!status)
                        return;
                    status = usage.write({&a.workspaces[nb.workspace], kInteractiveServerlessSku, "INTERACTIVE", &interactive,
                                          nb.tags, hour, nanosFor(nb.dbuMilli, secs), hashKey(NotebookSource, nb.index, hour)});
                });
                if (!status)
                    return status;
            }
        }

        vectorSearchSessions(a, day, sessions);
        usage.setMeta({.endpointName = a.vectorEndpointName, .endpointId = a.vectorEndpointId});
        usage.setIdentity({}, {}, a.users[0].name);
        for (const Span &s : sessions) {
            Status status;
            forEachHour(s, [&](std::int64_t hour, std::int64_t secs) {
                if (!status)
                    return;
                status = usage.write({&a.workspaces[0], kVectorSearchSku, "VECTOR_SEARCH", &vector, "{}", hour,
                                      nanosFor(4000, secs), hashKey(VectorSource, hour)});
            });
            if (!status)
                return status;
        }
        return {};
    });
}

// A price period as Databricks publishes it: list price, optional promotional price.
struct Price {
    const char *sku;
    std::int64_t start;
    std::int64_t end; // 0 = current
    std::int64_t nanos;
    std::int64_t promotionalNanos; // 0 = none
};

Status emitListPrices(const DemoAccount &a, ChunkWriter &out, const ProgressFn &progress)
{
    // Prices start months before the first usage day, as an account's price history does.
    const std::int64_t since = (a.firstDay - 180) * kDay;
    const std::int64_t priceChange = (a.lastDay - 20) * kDay; // all-purpose: 0.55 -> 0.60
    const std::int64_t promoStart = a.firstDay * kDay;
    const std::int64_t promoEnd = std::min(a.firstDay + 30, a.lastDay + 1) * kDay;
    const QList<Price> prices = {
        {kAllPurposeSku, since, priceChange, 550000000, 0},
        {kAllPurposeSku, priceChange, 0, 600000000, 0},
        {kJobsSku, since, 0, 150000000, 0},
        {kJobsServerlessSku, since, promoStart, 350000000, 0},
        {kJobsServerlessSku, promoStart, promoEnd, 350000000, 280000000},
        {kJobsServerlessSku, promoEnd, 0, 350000000, 0},
        {kSqlProSku, since, 0, 550000000, 0},
        {kSqlServerlessSku, since, 0, 700000000, 0},
        {kDltSku, since, 0, 200000000, 0},
        {kInteractiveServerlessSku, since, 0, 750000000, 0},
    };
    QByteArray pricing;
    for (const Price &p : prices) {
        pricing = "{\"default\":";
        text::appendDecimal18(pricing, p.nanos);
        pricing += ",\"promotional\":{\"default\":";
        if (p.promotionalNanos)
            text::appendDecimal18(pricing, p.promotionalNanos);
        else
            pricing += "null";
        pricing += "},\"effective_list\":{\"default\":";
        text::appendDecimal18(pricing, p.promotionalNanos ? p.promotionalNanos : p.nanos);
        pricing += "}}";
        out.timestamp(p.start);
        out.timestampOrNull(p.end ? std::optional<std::int64_t>(p.end) : std::nullopt);
        out.str(a.accountId);
        out.str(p.sku);
        out.str("AWS");
        out.str("USD");
        out.str("DBU");
        out.str(pricing);
        if (Status s = out.endRow(); !s)
            return s;
    }
    progress(1.0);
    return {};
}

Status emitWorkspaces(const DemoAccount &a, ChunkWriter &out, const ProgressFn &progress)
{
    for (const Workspace &ws : a.workspaces) {
        out.str(a.accountId);
        out.str(ws.id);
        out.str(ws.name);
        out.str(ws.url);
        out.timestamp(ws.createTime);
        out.str("RUNNING");
        if (Status s = out.endRow(); !s)
            return s;
    }
    progress(1.0);
    return {};
}

} // namespace

DemoTable workspacesTable()
{
    return {QStringLiteral("access_workspaces_latest"),
            resultColumns({{"account_id", "STRING"}, {"workspace_id", "STRING"}, {"workspace_name", "STRING"},
                           {"workspace_url", "STRING"}, {"create_time", "TIMESTAMP"}, {"status", "STRING"}}),
            emitWorkspaces, 0.001};
}

DemoTable listPricesTable()
{
    return {QStringLiteral("billing_list_prices"),
            resultColumns({{"price_start_time", "TIMESTAMP"}, {"price_end_time", "TIMESTAMP"}, {"account_id", "STRING"},
                           {"sku_name", "STRING"}, {"cloud", "STRING"}, {"currency_code", "STRING"}, {"usage_unit", "STRING"},
                           {"pricing", "STRUCT"}}),
            emitListPrices, 0.001};
}

DemoTable billingUsageTable()
{
    return {QStringLiteral("billing_usage"),
            resultColumns({{"record_id", "STRING"}, {"account_id", "STRING"}, {"workspace_id", "STRING"},
                           {"sku_name", "STRING"}, {"cloud", "STRING"}, {"usage_start_time", "TIMESTAMP"},
                           {"usage_end_time", "TIMESTAMP"}, {"usage_date", "DATE"}, {"custom_tags", "MAP"},
                           {"usage_unit", "STRING"}, {"usage_quantity", "DECIMAL"}, {"usage_metadata", "STRUCT"},
                           {"identity_metadata", "STRUCT"}, {"record_type", "STRING"}, {"ingestion_date", "DATE"},
                           {"billing_origin_product", "STRING"}, {"product_features", "STRUCT"}, {"usage_type", "STRING"}}),
            emitUsage, 0.45};
}

} // namespace ll::demo

#include "sourcecatalog.h"

namespace ll::raw {

const QList<SourceSpec> &SourceCatalog::systemTables()
{
    // Column lists follow shared/databricks-reference.md section 5. Extraction selects exactly
    // these named columns; migration 0001 creates raw tables with the same names (a test checks).
    static const QList<SourceSpec> specs = {
        {QStringLiteral("billing_usage"), QStringLiteral("system.billing.usage"), QByteArrayLiteral("raw_billing_usage"),
         {"record_id", "account_id", "workspace_id", "sku_name", "cloud", "usage_start_time", "usage_end_time", "usage_date", "custom_tags", "usage_unit", "usage_quantity", "usage_metadata", "identity_metadata", "record_type", "ingestion_date", "billing_origin_product", "product_features", "usage_type"},
         {"record_id", "usage_start_time", "usage_end_time", "usage_quantity", "sku_name", "workspace_id"},
         QByteArrayLiteral("usage_end_time"), true},
        {QStringLiteral("billing_list_prices"), QStringLiteral("system.billing.list_prices"), QByteArrayLiteral("raw_billing_list_prices"),
         {"price_start_time", "price_end_time", "account_id", "sku_name", "cloud", "currency_code", "usage_unit", "pricing"},
         {"sku_name", "cloud", "usage_unit", "price_start_time", "pricing"},
         QByteArrayLiteral("price_start_time"), true},
        {QStringLiteral("access_workspaces_latest"), QStringLiteral("system.access.workspaces_latest"), QByteArrayLiteral("raw_access_workspaces_latest"),
         {"account_id", "workspace_id", "workspace_name", "workspace_url", "create_time", "status"},
         {"workspace_id"},
         QByteArrayLiteral("create_time"), false},
        {QStringLiteral("compute_clusters"), QStringLiteral("system.compute.clusters"), QByteArrayLiteral("raw_compute_clusters"),
         {"account_id", "workspace_id", "cluster_id", "cluster_name", "owned_by", "create_time", "delete_time", "driver_node_type", "worker_node_type", "worker_count", "min_autoscale_workers", "max_autoscale_workers", "auto_termination_minutes", "enable_elastic_disk", "tags", "cluster_source", "init_scripts", "aws_attributes", "azure_attributes", "gcp_attributes", "driver_instance_pool_id", "worker_instance_pool_id", "dbr_version", "change_time", "change_date", "data_security_mode", "policy_id"},
         {"cluster_id", "change_time"},
         QByteArrayLiteral("change_time"), false},
        {QStringLiteral("compute_node_timeline"), QStringLiteral("system.compute.node_timeline"), QByteArrayLiteral("raw_compute_node_timeline"),
         {"account_id", "workspace_id", "cluster_id", "instance_id", "start_time", "end_time", "driver", "cpu_user_percent", "cpu_system_percent", "cpu_wait_percent", "mem_used_percent", "mem_swap_percent", "network_sent_bytes", "network_received_bytes", "disk_free_bytes_per_mount_point", "node_type"},
         {"cluster_id", "instance_id", "start_time"},
         QByteArrayLiteral("end_time"), false},
        {QStringLiteral("compute_node_types"), QStringLiteral("system.compute.node_types"), QByteArrayLiteral("raw_compute_node_types"),
         {"account_id", "node_type", "core_count", "memory_mb", "gpu_count"},
         {"node_type"},
         QByteArrayLiteral(""), false},
        {QStringLiteral("compute_warehouses"), QStringLiteral("system.compute.warehouses"), QByteArrayLiteral("raw_compute_warehouses"),
         {"account_id", "workspace_id", "warehouse_id", "warehouse_name", "warehouse_type", "warehouse_channel", "warehouse_size", "min_clusters", "max_clusters", "auto_stop_minutes", "tags", "change_time", "delete_time"},
         {"warehouse_id", "change_time"},
         QByteArrayLiteral("change_time"), false},
        {QStringLiteral("compute_warehouse_events"), QStringLiteral("system.compute.warehouse_events"), QByteArrayLiteral("raw_compute_warehouse_events"),
         {"account_id", "workspace_id", "warehouse_id", "event_type", "cluster_count", "event_time"},
         {"warehouse_id", "event_type", "event_time"},
         QByteArrayLiteral("event_time"), false},
        {QStringLiteral("lakeflow_jobs"), QStringLiteral("system.lakeflow.jobs"), QByteArrayLiteral("raw_lakeflow_jobs"),
         {"account_id", "workspace_id", "job_id", "name", "description", "creator_id", "tags", "change_time", "delete_time", "run_as", "trigger"},
         {"job_id", "change_time"},
         QByteArrayLiteral("change_time"), false},
        {QStringLiteral("lakeflow_job_tasks"), QStringLiteral("system.lakeflow.job_tasks"), QByteArrayLiteral("raw_lakeflow_job_tasks"),
         {"account_id", "workspace_id", "job_id", "task_key", "depends_on_keys", "change_time", "delete_time"},
         {"job_id", "task_key"},
         QByteArrayLiteral("change_time"), false},
        {QStringLiteral("lakeflow_job_run_timeline"), QStringLiteral("system.lakeflow.job_run_timeline"), QByteArrayLiteral("raw_lakeflow_job_run_timeline"),
         {"account_id", "workspace_id", "job_id", "run_id", "period_start_time", "period_end_time", "trigger_type", "run_type", "run_name", "compute_ids", "result_state", "termination_code", "job_parameters"},
         {"job_id", "run_id", "period_start_time"},
         QByteArrayLiteral("period_end_time"), false},
        {QStringLiteral("lakeflow_job_task_run_timeline"), QStringLiteral("system.lakeflow.job_task_run_timeline"), QByteArrayLiteral("raw_lakeflow_job_task_run_timeline"),
         {"account_id", "workspace_id", "job_id", "run_id", "job_run_id", "parent_run_id", "task_key", "period_start_time", "period_end_time", "compute_ids", "result_state", "termination_code"},
         {"job_id", "run_id", "period_start_time"},
         QByteArrayLiteral("period_end_time"), false},
        {QStringLiteral("lakeflow_pipelines"), QStringLiteral("system.lakeflow.pipelines"), QByteArrayLiteral("raw_lakeflow_pipelines"),
         {"account_id", "workspace_id", "pipeline_id", "pipeline_type", "name", "created_by", "run_as", "tags", "settings", "change_time", "delete_time"},
         {"pipeline_id", "change_time"},
         QByteArrayLiteral("change_time"), false},
        {QStringLiteral("lakeflow_pipeline_update_timeline"), QStringLiteral("system.lakeflow.pipeline_update_timeline"), QByteArrayLiteral("raw_lakeflow_pipeline_update_timeline"),
         {"account_id", "workspace_id", "pipeline_id", "update_id", "update_type", "request_id", "run_as_user_name", "trigger_type", "trigger_details", "period_start_time", "period_end_time", "result_state", "compute"},
         {"pipeline_id", "update_id", "period_start_time"},
         QByteArrayLiteral("period_end_time"), false},
        {QStringLiteral("query_history"), QStringLiteral("system.query.history"), QByteArrayLiteral("raw_query_history"),
         {"account_id", "workspace_id", "statement_id", "executed_by", "executed_by_user_id", "executed_as", "executed_as_user_id", "session_id", "execution_status", "compute", "statement_type", "error_message", "client_application", "client_driver", "total_duration_ms", "waiting_for_compute_duration_ms", "waiting_at_capacity_duration_ms", "execution_duration_ms", "compilation_duration_ms", "total_task_duration_ms", "result_fetch_duration_ms", "start_time", "end_time", "update_time", "read_partitions", "pruned_files", "read_files", "read_rows", "produced_rows", "read_bytes", "read_io_cache_percent", "from_result_cache", "spilled_local_bytes", "written_bytes", "shuffle_read_bytes", "query_source"},
         {"statement_id"},
         QByteArrayLiteral("end_time"), false},
    };
    return specs;
}

const SourceSpec *SourceCatalog::find(const QString &id)
{
    for (const SourceSpec &spec : systemTables()) {
        if (spec.id == id)
            return &spec;
    }
    return nullptr;
}

QList<QByteArray> SourceCatalog::entityKey(const QString &id)
{
    // workspace_id is part of every key: ids are only unique inside their workspace.
    if (id == QLatin1String("compute_clusters"))
        return {"workspace_id", "cluster_id"};
    if (id == QLatin1String("compute_warehouses"))
        return {"workspace_id", "warehouse_id"};
    if (id == QLatin1String("lakeflow_jobs"))
        return {"workspace_id", "job_id"};
    if (id == QLatin1String("lakeflow_job_tasks"))
        return {"workspace_id", "job_id", "task_key"};
    if (id == QLatin1String("lakeflow_pipelines"))
        return {"workspace_id", "pipeline_id"};
    return {};
}

QByteArray SourceCatalog::arrivalColumn(const QString &id)
{
    return id == QLatin1String("billing_usage") ? QByteArrayLiteral("ingestion_date") : QByteArray();
}

} // namespace ll::raw

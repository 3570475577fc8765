#pragma once

// A small hand-built account for the quality and coverage tests, whose figures are worked out
// by hand below (price 0.50 per DBU, effective = list).
//
//  record  workspace  DBU  cost   resource (usage_metadata)  owner            tags
//  r1      100        10   5.00   job j1                     run_as alice     team=a, env=prod
//  r2      100         4   2.00   none                       none             Team=b
//  r3      100         2   1.00   cluster c1                 c1 owned_by bob  -
//  r4      200         6   3.00   warehouse w1               none             env=dev
//  r5      200         1   0.50   none                       run_as carol     -
//  r6      200         3   -      job j2 (unpriced SKU)      run_as alice     team=c
//
// Workspace 100: cost 8.00, no resource 2.00 (2500 bp), no owner 2.00 (2500 bp).
// Workspace 200: cost 3.50, no resource 0.50 (1428.57 -> 1429 bp), no owner 3.00 (8571.43 -> 8571 bp).
// Clusters: one row (workspace 100). Query history: unavailable. Workspaces: 100 is "Prod".
#include "job/job.h"
#include "pipeline/pipelinerunner.h"
#include "raw/rawingestor.h"
#include "rawbuilder.h"
#include "tempstore.h"

#include <QTest>

namespace ll::test::health {

inline constexpr std::int64_t kUnit = 1'000'000'000;

inline QHash<QString, QString> usage(const QString &id, const QString &ws, const QString &sku, const QString &quantity, const QString &tags,
                                     const QString &metadata, const QString &identity, const QString &start = QStringLiteral("2026-11-27T08:00:00Z"))
{
    auto row = usageRow(id, ws, sku, start, quantity, QStringLiteral("ORIGINAL"), tags, metadata);
    row[QStringLiteral("identity_metadata")] = identity;
    return row;
}

inline bool runPipeline(TempStore &store, job::JobKind kind = job::JobKind::Process)
{
    CancelToken cancel;
    return job::runJob(store.db(), store.clock(), {kind, {}}, cancel).ok();
}

inline bool markUnavailable(TempStore &store, const QString &source)
{
    raw::RawIngestor ingestor(store.db(), store.clock());
    auto batch = ingestor.beginBatch(source, QStringLiteral("direct"));
    return batch && ingestor.finishBatch(*batch, raw::BatchStatus::Unavailable, QStringLiteral("TABLE_OR_VIEW_NOT_FOUND"));
}

// Builds the account above and runs the derived stages; false on any failure.
inline bool buildAccount(TempStore &store)
{
    const QString jobs = QStringLiteral("STANDARD_JOBS_COMPUTE");
    const QString noPrice = QStringLiteral("PREMIUM_UNPRICED_SKU");
    const QString none = QStringLiteral("{}");
    RawBuilder prices(store.db(), store.clock(), QStringLiteral("billing_list_prices"));
    prices.addRow(priceRow(jobs, QStringLiteral("2026-01-01T00:00:00Z"), QString(), QStringLiteral("0.5"), QStringLiteral("0.5")));
    if (!prices.flush())
        return false;
    RawBuilder billing(store.db(), store.clock(), QStringLiteral("billing_usage"));
    billing.addRow(usage(QStringLiteral("r1"), QStringLiteral("100"), jobs, QStringLiteral("10"), QStringLiteral("{\"team\":\"a\",\"env\":\"prod\"}"),
                         QStringLiteral("{\"job_id\":\"j1\"}"), QStringLiteral("{\"run_as\":\"alice@example.com\"}")));
    billing.addRow(usage(QStringLiteral("r2"), QStringLiteral("100"), jobs, QStringLiteral("4"), QStringLiteral("{\"Team\":\"b\"}"), none, none));
    billing.addRow(usage(QStringLiteral("r3"), QStringLiteral("100"), jobs, QStringLiteral("2"), none, QStringLiteral("{\"cluster_id\":\"c1\"}"), none));
    billing.addRow(usage(QStringLiteral("r4"), QStringLiteral("200"), jobs, QStringLiteral("6"), QStringLiteral("{\"env\":\"dev\"}"),
                         QStringLiteral("{\"warehouse_id\":\"w1\"}"), none, QStringLiteral("2026-11-25T08:00:00Z")));
    billing.addRow(usage(QStringLiteral("r5"), QStringLiteral("200"), jobs, QStringLiteral("1"), none, none,
                         QStringLiteral("{\"run_as\":\"carol@example.com\"}")));
    billing.addRow(usage(QStringLiteral("r6"), QStringLiteral("200"), noPrice, QStringLiteral("3"), QStringLiteral("{\"team\":\"c\"}"),
                         QStringLiteral("{\"job_id\":\"j2\"}"), QStringLiteral("{\"run_as\":\"alice@example.com\"}")));
    if (!billing.flush())
        return false;
    RawBuilder clusters(store.db(), store.clock(), QStringLiteral("compute_clusters"));
    clusters.addRow({{QStringLiteral("account_id"), QStringLiteral("acc-1")}, {QStringLiteral("workspace_id"), QStringLiteral("100")},
                     {QStringLiteral("cluster_id"), QStringLiteral("c1")}, {QStringLiteral("cluster_name"), QStringLiteral("etl")},
                     {QStringLiteral("owned_by"), QStringLiteral("bob@example.com")},
                     {QStringLiteral("change_time"), QStringLiteral("2026-10-01T00:00:00Z")}});
    if (!clusters.flush())
        return false;
    RawBuilder workspaces(store.db(), store.clock(), QStringLiteral("access_workspaces_latest"));
    workspaces.addRow({{QStringLiteral("account_id"), QStringLiteral("acc-1")}, {QStringLiteral("workspace_id"), QStringLiteral("100")},
                       {QStringLiteral("workspace_name"), QStringLiteral("Prod")}, {QStringLiteral("status"), QStringLiteral("RUNNING")},
                       {QStringLiteral("create_time"), QStringLiteral("2025-01-01T00:00:00Z")}});
    if (!workspaces.flush())
        return false;
    if (!markUnavailable(store, QStringLiteral("query_history")))
        return false;
    return runPipeline(store);
}

} // namespace ll::test::health

#pragma once

// Shared set-up for Direct Connection tests: a fake account with billing history, prices and a
// little of every other source, and a helper that runs extract + derived stages like the CLI.
#include "extract/directsource.h"
#include "fakedatabricks.h"
#include "job/job.h"
#include "pipeline/extractstage.h"
#include "rawbuilder.h"

#include <QDateTime>

namespace ll::test {

inline const QDateTime kNow(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC); // TempStore's clock

// Hourly billing rows whose usage ends in [from, to), record ids r<n>.
inline int seedBilling(FakeDatabricks &fake, const QDateTime &from, const QDateTime &to, int firstId = 0)
{
    int n = firstId;
    for (QDateTime end = from; end < to; end = end.addSecs(3600), ++n)
        fake.addRow(QStringLiteral("system.billing.usage"),
                    usageRow(QStringLiteral("r%1").arg(n), QStringLiteral("w1"), QStringLiteral("PREMIUM_JOBS_COMPUTE"),
                             end.addSecs(-3600).toString(Qt::ISODateWithMs), QStringLiteral("1.250000000000000000")));
    return n;
}

inline void seedAccount(FakeDatabricks &fake)
{
    fake.addCatalogTables();
    // A schema that drifted: compute.clusters gained a column and lost an optional one.
    FakeTable &clusters = fake.table(QStringLiteral("system.compute.clusters"));
    clusters.columns.removeAll(QStringLiteral("policy_id"));
    clusters.columns.append(QStringLiteral("brand_new_column"));
    seedBilling(fake, kNow.addDays(-95), kNow.addSecs(-2 * 3600));
    fake.addRow(QStringLiteral("system.billing.list_prices"),
                priceRow(QStringLiteral("PREMIUM_JOBS_COMPUTE"), QStringLiteral("2025-01-01T00:00:00.000Z"), {}, QStringLiteral("0.15"), QStringLiteral("0.15")));
    for (int i = 0; i < 3; ++i)
        fake.addRow(QStringLiteral("system.compute.clusters"),
                    {{QStringLiteral("cluster_id"), QStringLiteral("c%1").arg(i)}, {QStringLiteral("workspace_id"), QStringLiteral("w1")},
                     {QStringLiteral("change_time"), kNow.addDays(-i - 1).toString(Qt::ISODateWithMs)},
                     {QStringLiteral("tags"), QStringLiteral("{\"team\":\"ml\"}")}, {QStringLiteral("brand_new_column"), QStringLiteral("x")}});
    fake.addRow(QStringLiteral("system.compute.node_types"), {{QStringLiteral("node_type"), QStringLiteral("m5.xlarge")}, {QStringLiteral("core_count"), QStringLiteral("4")}});
    fake.addRow(QStringLiteral("system.access.workspaces_latest"), {{QStringLiteral("workspace_id"), QStringLiteral("w1")}, {QStringLiteral("workspace_name"), QStringLiteral("prod")}});
    // Optional sources this account lacks: one not granted, one not there at all.
    fake.deniedSchemas.insert(QStringLiteral("system.query"));
    fake.removeTable(QStringLiteral("system.lakeflow.pipeline_update_timeline"));
    for (int i = 0; i < 5; ++i)
        fake.jobs.append(QJsonObject{{QStringLiteral("job_id"), 100 + i}, {QStringLiteral("settings"), QJsonObject{{QStringLiteral("name"), QStringLiteral("job %1").arg(i)}}}});
    fake.clusters = {QJsonObject{{QStringLiteral("cluster_id"), QStringLiteral("c0")}}};
    fake.warehouses = {QJsonObject{{QStringLiteral("id"), QStringLiteral("wh1")}, {QStringLiteral("name"), QStringLiteral("Shared")}}};
    fake.pipelines = {QJsonObject{{QStringLiteral("pipeline_id"), QStringLiteral("p1")}}};
    fake.workspaces = {QJsonObject{{QStringLiteral("workspace_id"), 1}, {QStringLiteral("workspace_name"), QStringLiteral("prod")}}};
}

inline extract::ClientOptions fastClient(const FakeDatabricks &fake)
{
    extract::ClientOptions o;
    o.host = fake.url();
    o.accountsHost = fake.url();
    o.waitScale = 0.001;
    o.requestTimeoutMs = 5000;
    return o;
}

inline extract::DirectOptions fastDirect()
{
    extract::DirectOptions o;
    o.warehouseId = QStringLiteral("wh1");
    o.pollFirstMs = 1;
    o.pollMaxMs = 4;
    return o;
}

struct SyncRun {
    pipeline::RunSummary summary;
    QList<extract::SourceResult> sources;
    QString status(const QString &source) const
    {
        for (const auto &s : sources)
            if (s.source == source)
                return raw::toText(s.status);
        return {};
    }
};

inline SyncRun runSync(store::Database &db, const Clock &clock, const extract::ClientOptions &client,
                       const extract::ClientCredentials &credentials, const extract::DirectOptions &options, const CancelToken &cancel)
{
    SyncRun run;
    auto source = std::make_unique<extract::DirectSource>(client, credentials, options);
    source->setSourceFinishedCallback([&run](const extract::SourceResult &r) { run.sources.append(r); });
    const job::JobSpec runnerSpec{job::JobKind::Sync, [&] { return std::move(source); }};
    run.summary = job::runJob(db, clock, runnerSpec, cancel);
    return run;
}

// A run's outcome and every stage's, for a failure message.
inline QString describeRun(const pipeline::RunSummary &s)
{
    QString out = pipeline::toText(s.status) + QLatin1Char(' ') + s.error.toString();
    for (const auto &st : s.stages)
        out += QStringLiteral(" | %1 %2 %3").arg(st.stage, pipeline::toText(st.status), st.error);
    return out;
}

inline std::int64_t scalar(store::Database &db, const QByteArray &sql)
{
    auto v = db.queryInt(sql);
    return v ? v->value_or(-1) : -2;
}

} // namespace ll::test

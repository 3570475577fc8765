#pragma once

// Shared set-up for the action plan tests: insights written straight into insight_finding (the
// detectors have tests of their own), and a fake workspace holding their targets.
#include "extract/databricksclient.h"
#include "fakedatabricks.h"
#include "store/database.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ll::test {

inline std::int64_t addFinding(store::Database &db, const QString &kind, const QString &scopeType, const QString &scopeId,
    const QJsonObject &evidence, const QJsonObject &lineFilter = {}, std::int64_t impactNanos = 120'000'000'000)
{
    auto stmt = db.prepare("INSERT INTO insight_finding (kind, fingerprint, workspace_id, scope_type, scope_id, scope_name, title, detail, "
                           "impact_nanos, evidence, line_filter, first_day, last_day, status) VALUES (?, ?, 'w1', ?, ?, ?, ?, '', ?, ?, ?, "
                           "'2026-11-01', '2026-11-27', 'new')");
    if (!stmt)
        return -1;
    stmt->bind(1, kind);
    stmt->bind(2, kind + QStringLiteral("/") + scopeType + QStringLiteral("/w1/") + scopeId);
    stmt->bind(3, scopeType);
    stmt->bind(4, scopeId);
    stmt->bind(5, scopeId + QStringLiteral(" name"));
    stmt->bind(6, kind + QStringLiteral(" on ") + scopeId);
    stmt->bind(7, impactNanos);
    stmt->bind(8, QString::fromUtf8(QJsonDocument(evidence).toJson(QJsonDocument::Compact)));
    stmt->bind(9, QString::fromUtf8(QJsonDocument(lineFilter).toJson(QJsonDocument::Compact)));
    if (!stmt->run())
        return -1;
    return db.lastInsertRowId();
}

inline bool setFinding(store::Database &db, std::int64_t id, const QString &column, const QString &value)
{
    auto stmt = db.prepare("UPDATE insight_finding SET " + column.toLatin1() + " = ? WHERE finding_id = ?");
    if (!stmt)
        return false;
    stmt->bind(1, value);
    stmt->bind(2, id);
    return stmt->run().ok();
}

// long_autotermination on cluster c1: disabled (not set), recommended 30 minutes.
inline QJsonObject autoterminationEvidence(const QJsonValue &current = QJsonValue(QJsonValue::Null), int recommended = 30)
{
    return {{QStringLiteral("cluster_id"), QStringLiteral("c1")}, {QStringLiteral("auto_termination_minutes"), current},
        {QStringLiteral("recommended_auto_termination_minutes"), recommended}, {QStringLiteral("max_minutes"), 120}};
}

inline QJsonObject clusterLines(const QString &cluster)
{
    return {{QStringLiteral("workspace_id"), QStringLiteral("w1")}, {QStringLiteral("cluster_id"), cluster},
        {QStringLiteral("from"), QStringLiteral("2026-11-14")}, {QStringLiteral("to"), QStringLiteral("2026-11-27")}};
}

inline QJsonObject runawayEvidence(const QStringList &states)
{
    QJsonArray ids, runs;
    for (int i = 0; i < states.size(); ++i) {
        const QString id = QString::number(9001 + i);
        ids.append(id);
        runs.append(QJsonObject{{QStringLiteral("run_id"), id}, {QStringLiteral("state"), states[i]},
            {QStringLiteral("cost"), QStringLiteral("80.00")}, {QStringLiteral("median_cost"), QStringLiteral("10.00")}});
    }
    return {{QStringLiteral("job_id"), QStringLiteral("77")}, {QStringLiteral("run_ids"), ids}, {QStringLiteral("runs"), runs}};
}

inline void seedWorkspace(FakeDatabricks &fake)
{
    fake.clusters = {
        QJsonObject{{QStringLiteral("cluster_id"), QStringLiteral("c1")}, {QStringLiteral("cluster_name"), QStringLiteral("shared")},
            {QStringLiteral("state"), QStringLiteral("RUNNING")}, {QStringLiteral("cluster_source"), QStringLiteral("UI")},
            {QStringLiteral("autotermination_minutes"), 0}, {QStringLiteral("num_workers"), 8}}};
    fake.warehouses = {QJsonObject{{QStringLiteral("id"), QStringLiteral("wh1")}, {QStringLiteral("name"), QStringLiteral("BI")},
        {QStringLiteral("state"), QStringLiteral("RUNNING")}, {QStringLiteral("auto_stop_mins"), 0},
        {QStringLiteral("max_num_clusters"), 4}, {QStringLiteral("min_num_clusters"), 1}}};
    fake.runs = {QJsonObject{{QStringLiteral("run_id"), 9001},
                     {QStringLiteral("state"), QJsonObject{{QStringLiteral("life_cycle_state"), QStringLiteral("RUNNING")}}}},
        QJsonObject{{QStringLiteral("run_id"), 9002},
            {QStringLiteral("state"), QJsonObject{{QStringLiteral("life_cycle_state"), QStringLiteral("RUNNING")}}}}};
}

inline extract::ClientOptions planClientOptions(const FakeDatabricks &fake)
{
    extract::ClientOptions o;
    o.host = fake.url();
    o.accountsHost = fake.url();
    o.waitScale = 0.001;
    o.requestTimeoutMs = 5000;
    return o;
}

inline extract::ClientCredentials patCredentials(const FakeDatabricks &fake) { return {credentials::AuthType::Pat, fake.pat, {}, {}, {}}; }

} // namespace ll::test

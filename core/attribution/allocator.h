#pragma once

#include "allocationstate.h"
#include "attributionconfig.h"
#include "warehousesplit.h"

#include "common/result.h"
#include "store/database.h"

#include <QHash>
#include <QString>

#include <array>
#include <cstdint>
#include <vector>

namespace ll::attribution {

// Turns the decisions in temp.attr_decision into attr_allocation rows (one or more per line,
// adding up exactly to the line's cost, list cost, contract cost and quantity), then writes
// the redistribution of shared buckets to teams (attr_redistribution).
class Allocator {
public:
    Allocator(store::Database &db, const AttributionConfig &config);
    Result<std::int64_t> run(); // rows written

private:
    using Measures = std::array<std::int64_t, 4>; // cost, list cost, contract cost, quantity

    struct Target {
        AllocationKind kind = AllocationKind::Direct;
        QString team;
        QString project;
        QString bucket;
        QString principal;
        QString method;
        Confidence confidence = Confidence::Unattributed;
    };

    struct Line {
        std::int64_t lineId = 0;
        std::optional<std::int64_t> ruleId;
        Confidence confidence = Confidence::Unattributed;
        AllocationMode mode = AllocationMode::None;
        QString method, team, project, bucket, splits, day, warehouse, owner, workspace, cluster;
        std::int64_t start = 0, end = 0;
        Measures measures{};
    };

    Status allocate(const Line &line);
    Status allocateUsage(const Line &line);
    Status allocateProportional(const Line &line, const QHash<QString, std::int64_t> &teamCost);
    // Writes one row per target with the measures split by `weights` (exactly).
    Status write(const Line &line, const QList<Target> &targets, const std::vector<std::int64_t> &weights);
    Status redistributeBuckets();
    QString idleTeam(const Line &line) const;

    store::Database &m_db;
    const AttributionConfig &m_config;
    QHash<QString, QString> m_identity; // principal -> team
    QHash<QString, QString> m_jobTeam;  // "job:<id>" -> team (job's team tag, else its run-as identity)
    WarehouseActivity m_activity;
    store::Statement m_insert;
    std::int64_t m_written = 0;
};

} // namespace ll::attribution

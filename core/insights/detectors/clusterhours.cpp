#include "clusterhours.h"

#include "reports/entitynames.h"

#include <QDateTime>

namespace ll::insights {
namespace {

// Per billed cluster hour: cost, the node timeline's weighted CPU and memory, and attached
// activity. Everything is read through day- or time-bounded indexes (the unary + keeps SQLite
// from reading every job run by the run_kind key instead of the start-time window): a per-hour lookup in
// ledger_usage_line by cluster (which has no index) scanned the whole history once per hour
// and made one day's insights take minutes on a year of data (bench/README.md). The activity lookups are bounded by the longest query and
// run so the (cluster, start) and start-time indexes read a window, not all history.
const QByteArray kHours = R"SQL(
WITH billed AS (
    SELECT l.cluster_id, l.usage_start - l.usage_start % 3600 AS hour, sum(l.cost_nanos) AS cost, min(l.workspace_id) AS workspace_id
    FROM ledger_usage_line l
    WHERE l.usage_day BETWEEN :first AND :last AND l.billing_origin_product = 'ALL_PURPOSE'
      AND coalesce(l.cluster_id, '') <> '' AND l.cost_nanos IS NOT NULL
    GROUP BY 1, 2
),
samples AS (
    SELECT s.cluster_id, s.start_time - s.start_time % 3600 AS hour,
           sum(s.cpu_centi * max(s.end_time - s.start_time, 1)) * 1.0 / sum(max(s.end_time - s.start_time, 1)) / 100.0 AS cpu,
           sum(s.mem_centi * max(s.end_time - s.start_time, 1)) * 1.0 / sum(max(s.end_time - s.start_time, 1)) / 100.0 AS mem
    FROM ledger_node_sample s
    WHERE s.usage_day BETWEEN :first AND :last AND s.cluster_id IN (SELECT cluster_id FROM billed)
    GROUP BY 1, 2
),
longest AS (
    SELECT :longest_query AS query, :longest_run AS run
)
SELECT b.cluster_id, b.hour, b.cost, sm.cpu, sm.mem,
       EXISTS (SELECT 1 FROM ledger_query q, longest
               WHERE q.cluster_id = b.cluster_id AND q.start_time >= b.hour - longest.query AND q.start_time < b.hour + 3600
                 AND q.end_time > b.hour)
       OR EXISTS (SELECT 1 FROM ledger_run r, longest, json_each(r.compute_ids) j
                  WHERE r.start_time >= b.hour - longest.run AND r.start_time < b.hour + 3600 AND r.end_time > b.hour
                    AND +r.run_kind = 'job_run' AND r.compute_ids IS NOT NULL AND j.value = b.cluster_id),
       c.workspace_id, c.cluster_name, c.auto_termination_minutes,
       (SELECT w.workspace_name FROM ledger_workspace w WHERE w.workspace_id = c.workspace_id),
       b.workspace_id
FROM billed b
LEFT JOIN samples sm ON sm.cluster_id = b.cluster_id AND sm.hour = b.hour
LEFT JOIN ledger_cluster_current c ON c.cluster_id = b.cluster_id
WHERE coalesce(c.cluster_source, '') NOT IN ('JOB', 'PIPELINE')
ORDER BY b.cluster_id, b.hour
)SQL";

} // namespace

QDate ClusterHour::day() const { return QDateTime::fromSecsSinceEpoch(hour, Qt::UTC).date(); }

QString ClusterHours::scopeName() const
{
    return clusterName.isEmpty() ? reports::EntityNames::unknownReason(QStringLiteral("cluster")) : clusterName;
}

QString ClusterHours::label() const { return clusterName.isEmpty() ? QStringLiteral("Cluster %1").arg(clusterId) : clusterName; }

IdleRule IdleRule::fromThresholds(const Thresholds &thresholds)
{
    const QString kind = QStringLiteral("idle_cluster");
    return {thresholds.value(kind, QStringLiteral("cpu_idle_pct")), thresholds.value(kind, QStringLiteral("mem_idle_pct"))};
}

Result<QList<ClusterHours>> loadAllPurposeClusterHours(store::Database &db, const DayWindow &window, const IdleRule &rule)
{
    // The longest query and run bound the activity lookups. Read once here: as a CTE SQLite
    // evaluated them again for every billed hour, a scan of all history each time.
    auto longest = db.prepare("SELECT (SELECT coalesce(max(end_time - start_time), 0) FROM ledger_query), "
                              "(SELECT coalesce(max(end_time - start_time), 0) FROM ledger_run)");
    if (!longest)
        return longest.error();
    if (auto row = longest->step(); !row)
        return row.error();
    const std::int64_t longestQuery = longest->int64(0), longestRun = longest->int64(1);
    longest->reset();
    auto stmt = db.prepare(kHours);
    if (!stmt)
        return stmt.error();
    stmt->bind(":first", window.firstText());
    stmt->bind(":last", window.lastText());
    stmt->bind(":longest_query", longestQuery);
    stmt->bind(":longest_run", longestRun);
    QList<ClusterHours> clusters;
    const Status read = stmt->forEachRow([&](const store::Statement &row) {
        if (clusters.isEmpty() || clusters.last().clusterId != row.text(0)) {
            ClusterHours c;
            c.clusterId = row.text(0);
            c.workspaceId = row.isNull(6) ? row.text(10) : row.text(6);
            c.clusterName = row.text(7);
            if (!row.isNull(8))
                c.autoTerminationMinutes = static_cast<int>(row.int64(8));
            c.workspaceName = row.text(9);
            clusters.append(c);
        }
        ClusterHour h;
        h.hour = row.int64(1);
        h.costNanos = row.int64(2);
        h.sampled = !row.isNull(3);
        h.cpuPct = h.sampled ? row.real(3) : 0;
        h.memPct = h.sampled ? row.real(4) : 0;
        h.active = row.int64(5) != 0;
        clusters.last().hasSamples = clusters.last().hasSamples || h.sampled;
        clusters.last().hours.append(h);
    });
    if (!read)
        return read.error();
    for (ClusterHours &c : clusters) {
        for (ClusterHour &h : c.hours) {
            if (h.active)
                h.idle = false;
            else if (h.sampled)
                h.idle = h.cpuPct < rule.cpuPct && h.memPct < rule.memPct;
            else
                h.idle = !c.hasSamples;
        }
    }
    return clusters;
}

} // namespace ll::insights

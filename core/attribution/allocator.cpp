#include "allocator.h"

#include "apportion.h"
#include "attributionsql.h"

#include "common/money.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace ll::attribution {

Allocator::Allocator(store::Database &db, const AttributionConfig &config) : m_db(db), m_config(config)
{
    for (const auto &i : config.identities)
        m_identity.insert(i.principal, i.teamKey);
}

Result<std::int64_t> Allocator::run()
{
    auto insert = m_db.prepare(sql::insertAllocation);
    if (!insert)
        return insert.error();
    m_insert = std::move(*insert);
    auto range = m_db.prepare("SELECT min(usage_start), max(usage_end) FROM temp.attr_work");
    if (!range)
        return range.error();
    if (auto row = range->step(); !row)
        return row.error();
    if (auto s = m_activity.load(m_db, range->int64(0), range->int64(1)); !s)
        return s.error();

    // Job runs sharing an all-purpose cluster count for their job's team.
    auto jobs = m_db.prepare("SELECT job_id, (SELECT lower(trim(j.value)) FROM json_each(tags) j WHERE lower(j.key) = 'team' "
                             "AND j.type = 'text' AND trim(j.value) <> '' ORDER BY j.key LIMIT 1), run_as FROM ledger_job_current");
    if (!jobs)
        return jobs.error();
    if (Status s = jobs->forEachRow([&](const store::Statement &row) {
            const QString team = row.isNull(1) ? m_identity.value(row.text(2)) : row.text(1);
            if (!team.isEmpty())
                m_jobTeam.insert(QStringLiteral("job:") + row.text(0), team);
        });
        !s)
        return s.error();

    if (auto s = m_db.exec(sql::insertSingleTargetAllocations); !s)
        return s.error();
    m_written += m_db.changes();
    auto stmt = m_db.prepare(sql::decisions);
    if (!stmt)
        return stmt.error();
    QList<Line> proportional;
    if (Status s = stmt->forEachRow([&](const store::Statement &row) -> Status {
            Line l;
            l.lineId = row.int64(0);
            l.ruleId = row.optInt(1);
            l.method = row.text(2);
            // The waterfall and the rules wrote these from the same enums; anything else assigns nothing.
            l.confidence = confidenceFromText(row.text(3)).value_or(Confidence::Unattributed);
            l.mode = allocationModeFromText(row.text(4)).value_or(AllocationMode::None);
            l.team = row.text(5);
            l.project = row.text(6);
            l.bucket = row.text(7);
            l.splits = row.text(8);
            l.day = row.text(9);
            l.start = row.int64(10);
            l.end = row.int64(11);
            l.warehouse = row.text(12);
            l.owner = row.text(13);
            l.measures = {row.int64(14), row.int64(15), row.int64(16), row.int64(17)};
            l.workspace = row.text(18);
            l.cluster = row.text(19);
            if (l.mode == AllocationMode::Proportional) {
                proportional.append(l); // needs the day's direct cost per team: after the rest
                return {};
            }
            return allocate(l);
        });
        !s)
        return s.error();
    if (!proportional.isEmpty()) {
        QHash<QString, QHash<QString, std::int64_t>> byDay;
        auto cost = m_db.prepare(sql::directTeamCost);
        if (!cost)
            return cost.error();
        if (Status s = cost->forEachRow([&](const store::Statement &row) { byDay[row.text(0)][row.text(1)] = row.int64(2); }); !s)
            return s.error();
        for (const Line &l : proportional) {
            if (auto s = allocateProportional(l, byDay.value(l.day)); !s)
                return s.error();
        }
    }
    if (auto s = redistributeBuckets(); !s)
        return s.error();
    return m_written;
}

Status Allocator::allocate(const Line &line)
{
    Target t;
    t.method = line.method;
    t.confidence = line.confidence;
    t.project = line.project;
    switch (line.mode) {
    case AllocationMode::Direct:
        t.team = line.team;
        t.kind = line.team.isEmpty() && line.project.isEmpty() ? AllocationKind::Unattributed : AllocationKind::Direct;
        return write(line, {t}, {1});
    case AllocationMode::Shared:
        t.kind = AllocationKind::Bucket;
        t.bucket = line.bucket;
        return write(line, {t}, {1});
    case AllocationMode::Split: {
        QList<Target> targets;
        std::vector<std::int64_t> weights;
        for (const auto &v : QJsonDocument::fromJson(line.splits.toUtf8()).array()) {
            const QJsonObject sp = v.toObject();
            Target s = t;
            s.team = sp.value(QLatin1String("team")).toString().trimmed().toLower();
            const QString project = sp.value(QLatin1String("project")).toString().trimmed().toLower();
            if (!project.isEmpty())
                s.project = project;
            const QJsonValue pct = sp.value(QLatin1String("percent"));
            const auto d = parseDecimal(pct.isDouble() ? QString::number(pct.toDouble(), 'g', 15) : pct.toString());
            weights.push_back(d ? toNanos(*d).value_or(0) : 0);
            targets.append(s);
        }
        return write(line, targets, weights);
    }
    case AllocationMode::Usage: return allocateUsage(line);
    case AllocationMode::Proportional: // run() splits these after the rest; never reaches here
    case AllocationMode::None:         // nothing matched and no fallback applied
        break;
    }
    t.kind = AllocationKind::Unattributed;
    return write(line, {t}, {1});
}

QString Allocator::idleTeam(const Line &line) const { return m_identity.value(line.owner); }

// A shared warehouse hour: the idle part (no query running) is its own row; the busy part is
// split by each principal's query time, then mapped to the principal's team.
Status Allocator::allocateUsage(const Line &line)
{
    const QString computeKey = !line.warehouse.isEmpty() ? QStringLiteral("w:") + line.warehouse
                             : !line.cluster.isEmpty()   ? QStringLiteral("c:") + line.cluster
                                                         : QString();
    const auto activity = m_activity.split(computeKey, line.start, line.end);
    QList<Target> targets;
    std::vector<std::int64_t> weights;
    Target idle;
    idle.kind = AllocationKind::Idle;
    idle.method = line.method + QStringLiteral(" (idle)");
    idle.confidence = Confidence::Estimated;
    idle.project = line.project;
    if (m_config.idlePolicy.startsWith(QLatin1String("bucket:")))
        idle.bucket = m_config.idlePolicy.mid(7);
    else
        idle.team = idleTeam(line);
    if (computeKey.isEmpty() || activity.principalSeconds.isEmpty()) {
        return write(line, {idle}, {1});
    }
    std::int64_t totalQuerySeconds = 0;
    for (const auto &[principal, seconds] : activity.principalSeconds)
        totalQuerySeconds += seconds;
    // Busy time is shared among principals in proportion to their query time; weights are
    // busy * seconds_p / total, kept integral by scaling everything by total.
    const std::int64_t idleSeconds = std::max<std::int64_t>(0, activity.spanSeconds - activity.busySeconds);
    targets.append(idle);
    weights.push_back(idleSeconds * totalQuerySeconds);
    for (const auto &[principal, seconds] : activity.principalSeconds) {
        Target t;
        t.principal = principal;
        const bool job = principal.startsWith(QLatin1String("job:"));
        t.team = job ? m_jobTeam.value(principal) : m_identity.value(principal);
        t.kind = t.team.isEmpty() ? AllocationKind::Unattributed : AllocationKind::Direct;
        t.method = line.method + (job ? QStringLiteral(" (job run time)") : QStringLiteral(" (query time)"));
        t.confidence = Confidence::Estimated;
        t.project = line.project;
        targets.append(t);
        weights.push_back(activity.busySeconds * seconds);
    }
    return write(line, targets, weights);
}

// Split by a measure: each team's direct cost on the same day. A zero measure cannot split
// anything: the cost stays visible as unattributed, with the reason.
Status Allocator::allocateProportional(const Line &line, const QHash<QString, std::int64_t> &teamCost)
{
    QMap<QString, std::int64_t> sorted;
    for (auto it = teamCost.cbegin(); it != teamCost.cend(); ++it) {
        if (it.value() > 0)
            sorted.insert(it.key(), it.value());
    }
    if (sorted.isEmpty()) {
        Target t;
        t.kind = AllocationKind::Unattributed;
        t.method = line.method + QStringLiteral(" (no direct cost that day to split by)");
        t.confidence = Confidence::Unattributed;
        t.project = line.project;
        return write(line, {t}, {1});
    }
    QList<Target> targets;
    std::vector<std::int64_t> weights;
    for (auto it = sorted.cbegin(); it != sorted.cend(); ++it) {
        Target t;
        t.team = it.key();
        t.method = line.method + QStringLiteral(" (proportional to direct cost)");
        t.confidence = Confidence::Estimated;
        t.project = line.project;
        targets.append(t);
        weights.push_back(it.value());
    }
    return write(line, targets, weights);
}

Status Allocator::write(const Line &line, const QList<Target> &targets, const std::vector<std::int64_t> &weights)
{
    std::array<std::vector<std::int64_t>, 4> shares;
    for (std::size_t m = 0; m < 4; ++m) {
        shares[m] = apportion(line.measures[m], weights);
        if (shares[m].empty()) // all weights zero: keep the whole line on the first target
            shares[m] = std::vector<std::int64_t>(weights.size(), 0), shares[m][0] = line.measures[m];
    }
    int seq = 0;
    for (qsizetype i = 0; i < targets.size(); ++i) {
        const Target &t = targets[i];
        const auto idx = static_cast<std::size_t>(i);
        // Rows that received nothing carry no information (a principal with zero seconds).
        if (i > 0 && weights[idx] == 0)
            continue;
        m_insert.reset();
        m_insert.bind(1, line.lineId);
        m_insert.bind(2, seq++);
        m_insert.bind(3, line.day);
        m_insert.bind(4, toText(t.kind));
        m_insert.bind(5, t.team.isNull() ? QStringLiteral("") : t.team);
        m_insert.bind(6, t.project.isNull() ? QStringLiteral("") : t.project);
        m_insert.bind(7, t.bucket.isNull() ? QStringLiteral("") : t.bucket);
        m_insert.bind(8, t.principal.isEmpty() ? QString() : t.principal);
        m_insert.bind(9, t.method);
        m_insert.bind(10, toText(t.confidence));
        m_insert.bind(11, line.ruleId);
        m_insert.bind(12, shares[0][idx]);
        m_insert.bind(13, shares[1][idx]);
        m_insert.bind(14, shares[2][idx]);
        m_insert.bind(15, shares[3][idx]);
        if (auto s = m_insert.run(); !s)
            return s;
        ++m_written;
    }
    return {};
}

// Buckets are shared with teams per day and workspace: evenly among the teams with direct cost
// that day, in proportion to it, or by fixed shares. Without any team to share with, the
// amount stays in the bucket as a visible undistributed row (team '').
Status Allocator::redistributeBuckets()
{
    QHash<QString, QMap<QString, std::int64_t>> teamCost;
    {
        auto cost = m_db.prepare(sql::directTeamCost);
        if (!cost)
            return cost.error();
        if (Status s = cost->forEachRow([&](const store::Statement &row) {
                if (row.int64(2) > 0)
                    teamCost[row.text(0)][row.text(1)] = row.int64(2);
            });
            !s)
            return s;
    }
    auto totals = m_db.prepare(sql::bucketTotals);
    auto insert = m_db.prepare("INSERT INTO attr_redistribution (usage_day, workspace_id, bucket_key, team_key, cost_nanos, "
                               "list_cost_nanos, contract_cost_nanos) VALUES (?, ?, ?, ?, ?, ?, ?)");
    if (!totals || !insert)
        return !totals ? totals.error() : insert.error();
    return totals->forEachRow([&](const store::Statement &row) -> Status {
        const QString day = row.text(0), workspace = row.text(1), bucket = row.text(2);
        const Measures amounts{row.int64(5), row.int64(6), row.int64(7), 0};
        QStringList teams;
        std::vector<std::int64_t> weights;
        const auto &measure = teamCost.value(day);
        // A line in a bucket the configuration no longer has carries no policy: it stays undistributed.
        const BucketPolicy policy = bucketPolicyFromText(row.text(3)).value_or(BucketPolicy::None);
        switch (policy) {
        case BucketPolicy::Fixed: {
            const QJsonObject shares = QJsonDocument::fromJson(row.bytes(4)).object();
            for (const QString &team : shares.keys()) {
                const auto d = parseDecimal(shares.value(team).toString());
                teams.append(team);
                weights.push_back(d ? toNanos(*d).value_or(0) : 0);
            }
            break;
        }
        case BucketPolicy::Even:
        case BucketPolicy::Proportional:
            for (auto it = measure.cbegin(); it != measure.cend(); ++it) {
                teams.append(it.key());
                weights.push_back(policy == BucketPolicy::Even ? 1 : it.value());
            }
            break;
        case BucketPolicy::None: break;
        }
        std::array<std::vector<std::int64_t>, 3> shares;
        for (std::size_t m = 0; m < 3; ++m)
            shares[m] = apportion(amounts[m], weights);
        if (shares[0].empty()) { // policy 'none', an unknown bucket, or nobody to share with
            teams = {QString()};
            for (std::size_t m = 0; m < 3; ++m)
                shares[m] = {amounts[m]};
        }
        for (qsizetype i = 0; i < teams.size(); ++i) {
            const auto idx = static_cast<std::size_t>(i);
            insert->reset();
            insert->bind(1, day);
            insert->bind(2, workspace);
            insert->bind(3, bucket);
            insert->bind(4, teams[i].isNull() ? QStringLiteral("") : teams[i]);
            insert->bind(5, shares[0][idx]);
            insert->bind(6, shares[1][idx]);
            insert->bind(7, shares[2][idx]);
            if (auto s = insert->run(); !s)
                return s;
        }
        return {};
    });
}

} // namespace ll::attribution

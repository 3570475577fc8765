#include "quality.h"

#include "raw/sourcestate.h"

#include "common/money.h"
#include "coverage.h"

namespace ll::reports {
namespace {

void bindRange(store::Statement &stmt, const QDate &from, const QDate &to)
{
    stmt.bind(":from", from.isValid() ? from.toString(Qt::ISODate) : QString());
    stmt.bind(":to", to.isValid() ? to.toString(Qt::ISODate) : QString());
}

constexpr const char *kTotals = R"SQL(
SELECT coalesce(sum(cost_nanos), 0), coalesce(sum(CASE WHEN team_key = '' THEN cost_nanos ELSE 0 END), 0),
       coalesce(sum(unpriced_quantity_nanos), 0)
FROM metrics_daily_cost WHERE (:from IS NULL OR day >= :from) AND (:to IS NULL OR day <= :to)
)SQL";

constexpr const char *kUnpricedLines = R"SQL(
SELECT count(*) FROM ledger_usage_line
WHERE cost_nanos IS NULL AND (:from IS NULL OR usage_day >= :from) AND (:to IS NULL OR usage_day <= :to)
)SQL";


} // namespace

std::int64_t shareBasisPoints(std::int64_t part, std::int64_t total)
{
    if (total == 0)
        return 0;
    // floor((2 * part * 10000 + total) / (2 * total)) over a positive divisor: half up for
    // negative parts and totals too (integer division truncates toward zero).
    Int128 p = static_cast<Int128>(part) * 10000;
    Int128 t = total;
    if (t < 0) {
        p = -p;
        t = -t;
    }
    const Int128 n = 2 * p + t;
    const Int128 d = 2 * t;
    Int128 q = n / d;
    if (n % d != 0 && n < 0)
        --q;
    return static_cast<std::int64_t>(q);
}

Result<QualitySnapshot> loadQuality(store::Database &db, const QualityQuery &query)
{
    QualitySnapshot q;
    auto totals = db.prepare(kTotals);
    if (!totals)
        return totals.error();
    bindRange(*totals, query.from, query.to);
    if (auto row = totals->step(); !row)
        return row.error();
    q.totalCostNanos = totals->int64(0);
    q.unattributedCostNanos = totals->int64(1);
    q.unpricedQuantityNanos = totals->int64(2);
    q.unattributedBasisPoints = shareBasisPoints(q.unattributedCostNanos, q.totalCostNanos);

    auto unpriced = db.prepare(kUnpricedLines);
    if (!unpriced)
        return unpriced.error();
    bindRange(*unpriced, query.from, query.to);
    if (auto row = unpriced->step(); !row)
        return row.error();
    q.unpricedLines = unpriced->int64(0);

    // A key covers a line when its tags carry it in any case ("Team" and "team" are one key).
    // Coverage is per line and key: group (line, lower(key)) first so a line tagged both
    // "Team" and "team" counts once. The key is shown in its most common spelling (by lines;
    // SQLite takes the bare column from the row holding max(n)).
    auto tags = db.prepare("SELECT key, max(n), sum(cost) FROM ("
                           " SELECT lkey, key, count(*) AS n, sum(cost) AS cost FROM ("
                           "  SELECT l.line_id, lower(j.key) AS lkey, min(j.key) AS key, max(coalesce(l.cost_nanos, 0)) AS cost"
                           "  FROM ledger_usage_line l, json_each(l.custom_tags) j"
                           "  WHERE l.custom_tags IS NOT NULL AND l.custom_tags <> '{}'"
                           "    AND (:from IS NULL OR l.usage_day >= :from) AND (:to IS NULL OR l.usage_day <= :to)"
                           "  GROUP BY l.line_id, lower(j.key))"
                           " GROUP BY lkey, key)"
                           " GROUP BY lkey ORDER BY 3 DESC, 1 LIMIT :limit");
    if (!tags)
        return tags.error();
    bindRange(*tags, query.from, query.to);
    tags->bind(":limit", static_cast<std::int64_t>(query.maxTagKeys));
    const Status tagsRead = tags->forEachRow([&](const store::Statement &row) {
        TagCoverage t;
        t.key = row.text(0);
        t.coveredCostNanos = row.int64(2);
        t.basisPoints = shareBasisPoints(t.coveredCostNanos, q.totalCostNanos);
        q.tagCoverage.append(t);
    });
    if (!tagsRead)
        return tagsRead.error();

    const QDateTime now = query.now.isValid() ? query.now : QDateTime::currentDateTimeUtc();
    const qint64 limit = now.toSecsSinceEpoch() - query.staleAfterSeconds;
    auto states = raw::loadSourceStates(db); // ordered by source
    if (!states)
        return states.error();
    for (const raw::SourceState &state : std::as_const(*states)) {
        const bool stale = !state.newestEventTime.isValid() || state.newestEventTime.toSecsSinceEpoch() < limit;
        if (state.status == raw::SourceStatus::Never || !stale || !expectsRecentEvents(state.source))
            continue;
        StaleSource s;
        s.source = state.source;
        s.status = raw::toText(state.status);
        if (state.newestEventTime.isValid()) {
            s.newestEventTime = state.newestEventTime;
            s.lagSeconds = now.toSecsSinceEpoch() - state.newestEventTime.toSecsSinceEpoch();
        }
        q.staleSources.append(s);
    }
    return q;
}

} // namespace ll::reports

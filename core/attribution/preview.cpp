#include "preview.h"

#include "attributionstage.h"

#include "metrics/metricsstage.h"
#include "reports/attributionreport.h"

#include <QMap>
#include <QSet>

#include <algorithm>

namespace ll::attribution {
namespace {

Result<QMap<QPair<QString, QString>, std::int64_t>> totals(store::Database &db, const QDate &from, const QDate &to)
{
    QMap<QPair<QString, QString>, std::int64_t> map;
    for (const reports::AttributionAxis axis : {reports::AttributionAxis::Team, reports::AttributionAxis::Project}) {
        reports::AttributionQuery q;
        q.axis = axis;
        q.period = reports::AttributionPeriod::Month;
        q.from = from;
        q.to = to;
        auto rows = reports::queryAttribution(db, q);
        if (!rows)
            return rows.error();
        for (const auto &r : *rows)
            map[{toText(axis), r.owner}] += r.costNanos;
    }
    return map;
}

} // namespace

Result<QList<PreviewRow>> previewAttribution(store::Database &db, const Clock &clock, const AttributionConfig &candidate, const QDate &from,
                                             const QDate &to)
{
    if (auto s = candidate.validate(); !s)
        return s.error();
    if (!from.isValid() || !to.isValid() || from > to)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A preview needs a date range (from <= to)"));
    auto before = totals(db, from, to);
    if (!before)
        return before.error();
    QMap<QPair<QString, QString>, std::int64_t> after;
    {
        store::Transaction tx(db); // never committed: rolled back when it goes out of scope
        if (!tx.begun())
            return tx.begun().error();
        if (auto s = AttributionConfig::save(db, clock, QStringLiteral("preview"), candidate, /*allowEmpty=*/true); !s)
            return s.error();
        auto only = db.prepare("DELETE FROM app_dirty_day WHERE stage = 'attribution' AND (day < ? OR day > ?)");
        if (!only)
            return only.error();
        only->bind(1, from.toString(Qt::ISODate));
        only->bind(2, to.toString(Qt::ISODate));
        if (auto s = only->run(); !s)
            return s.error();
        CancelToken cancel;
        pipeline::StageContext context{db, clock, cancel, {}};
        AttributionStage attribution;
        metrics::MetricsStage metrics;
        if (auto r = attribution.run(context); !r)
            return r.error();
        if (auto r = metrics.run(context); !r)
            return r.error();
        auto computed = totals(db, from, to);
        if (!computed)
            return computed.error();
        after = *computed;
    }
    QList<PreviewRow> rows;
    QSet<QPair<QString, QString>> keys;
    for (auto it = before->cbegin(); it != before->cend(); ++it)
        keys.insert(it.key());
    for (auto it = after.cbegin(); it != after.cend(); ++it)
        keys.insert(it.key());
    QList<QPair<QString, QString>> sorted(keys.begin(), keys.end());
    std::sort(sorted.begin(), sorted.end());
    for (const auto &k : sorted)
        rows.append({k.first, k.second, before->value(k), after.value(k)});
    return rows;
}

} // namespace ll::attribution

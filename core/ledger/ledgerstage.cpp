#include "ledgerstage.h"

#include "ledgersql.h"

#include "pipeline/progressstate.h"

namespace ll::ledger {

using pipeline::ProgressState;
using pipeline::StageContext;
using pipeline::StageStats;

namespace {

const QString kStage = QStringLiteral("ledger");

Status runBound(store::Database &db, const char *sql, std::initializer_list<std::pair<const char *, std::int64_t>> params)
{
    auto stmt = db.prepare(QByteArray(sql));
    if (!stmt)
        return stmt.error();
    for (const auto &[name, value] : params) {
        const int i = stmt->index(name);
        if (i > 0)
            stmt->bind(i, value);
    }
    return stmt->run();
}

Result<std::int64_t> maxRawIdOf(store::Database &db, const char *table)
{
    auto v = db.queryInt(QByteArray(sql::maxRawId).replace("%1", table));
    if (!v)
        return v.error();
    return v->value_or(0);
}

Result<std::int64_t> maxLineId(store::Database &db)
{
    auto v = db.queryInt("SELECT coalesce(max(line_id), 0) FROM ledger_usage_line");
    if (!v)
        return v.error();
    return v->value_or(0);
}

} // namespace

Result<StageStats> LedgerStage::run(StageContext &context)
{
    StageStats stats;
    if (auto s = applyReferenceData(context, stats); !s)
        return s.error();

    auto start = ProgressState::watermark(context.db, kStage, QStringLiteral("billing_usage"));
    if (!start)
        return start.error();
    auto end = maxRawIdOf(context.db, "raw_billing_usage");
    if (!end)
        return end.error();
    std::int64_t from = *start;
    while (from < *end) {
        if (context.cancel.isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("Ledger update cancelled"));
        const std::int64_t to = std::min<std::int64_t>(*end, from + m_chunkRows);
        auto added = applyUsageChunk(context, from, to);
        if (!added)
            return added.error();
        stats.rowsIn += to - from;
        stats.rowsOut += *added;
        from = to;
        const double span = static_cast<double>(*end - *start);
        context.report(kStage, span > 0 ? static_cast<double>(from - *start) / span : 1.0,
                       QStringLiteral("%1 line items added").arg(stats.rowsOut));
    }
    return stats;
}

// Workspaces and list prices: small tables, one transaction. Price changes re-price the
// affected line items and queue their days.
Status LedgerStage::applyReferenceData(StageContext &context, StageStats &stats)
{
    store::Database &db = context.db;
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();

    auto wsFrom = ProgressState::watermark(db, kStage, QStringLiteral("access_workspaces_latest"));
    auto wsTo = maxRawIdOf(db, "raw_access_workspaces_latest");
    if (!wsFrom || !wsTo)
        return !wsFrom ? wsFrom.error() : wsTo.error();
    if (*wsTo > *wsFrom) {
        if (auto s = runBound(db, sql::upsertWorkspaces, {{":from", *wsFrom}}); !s)
            return s;
        if (auto s = ProgressState::setWatermark(db, kStage, QStringLiteral("access_workspaces_latest"), *wsTo); !s)
            return s;
        stats.rowsIn += *wsTo - *wsFrom;
    }

    auto pFrom = ProgressState::watermark(db, kStage, QStringLiteral("billing_list_prices"));
    auto pTo = maxRawIdOf(db, "raw_billing_list_prices");
    if (!pFrom || !pTo)
        return !pFrom ? pFrom.error() : pTo.error();
    if (*pTo > *pFrom) {
        if (auto s = db.exec(sql::createPriceWork); !s)
            return s;
        if (auto s = runBound(db, sql::fillPriceWork, {{":from", *pFrom}}); !s)
            return s;
        if (auto s = runBound(db, sql::rejectedPrices, {{":from", *pFrom}, {":now", context.clock.nowEpoch()}}); !s)
            return s;
        if (auto s = runBound(db, sql::changedPriceKeys, {}); !s)
            return s;
        if (auto s = runBound(db, sql::upsertPrices, {}); !s)
            return s;
        if (auto s = runBound(db, sql::priceLinesOfChangedKeys, {}); !s)
            return s;
        if (auto s = runBound(db, sql::dirtyDaysOfChangedKeys, {}); !s)
            return s;
        if (auto s = ProgressState::setWatermark(db, kStage, QStringLiteral("billing_list_prices"), *pTo); !s)
            return s;
        stats.rowsIn += *pTo - *pFrom;
    }
    return tx.commit();
}

Result<std::int64_t> LedgerStage::applyUsageChunk(StageContext &context, std::int64_t from, std::int64_t to)
{
    store::Database &db = context.db;
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun().error();
    auto before = maxLineId(db);
    if (!before)
        return before.error();
    if (auto s = runBound(db, sql::rejectedUsage, {{":from", from}, {":to", to}, {":now", context.clock.nowEpoch()}}); !s)
        return s.error();
    if (auto s = runBound(db, sql::insertUsageLines, {{":from", from}, {":to", to}}); !s)
        return s.error();
    auto after = maxLineId(db);
    if (!after)
        return after.error();
    if (*after > *before) {
        if (auto s = runBound(db, sql::priceLinesAfter, {{":after", *before}}); !s)
            return s.error();
        if (auto s = runBound(db, sql::workspacesFromUsage, {{":after", *before}}); !s)
            return s.error();
        if (auto s = runBound(db, sql::dirtyDaysAfter, {{":after", *before}}); !s)
            return s.error();
    }
    if (auto s = ProgressState::setWatermark(db, kStage, QStringLiteral("billing_usage"), to); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return *after - *before;
}

} // namespace ll::ledger

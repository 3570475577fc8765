#include "daybatchstage.h"

#include "progressstate.h"

namespace ll::pipeline {

Result<StageStats> DayBatchStage::run(StageContext &context)
{
    StageStats stats;
    if (auto s = prepare(context); !s)
        return s.error();
    auto pending = ProgressState::pendingDays(context.db, m_name);
    if (!pending)
        return pending.error();
    const std::int64_t total = *pending;
    std::int64_t done = 0;
    for (;;) {
        if (context.cancel.isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("%1 cancelled").arg(m_name));
        store::Transaction tx(context.db);
        if (!tx.begun())
            return tx.begun().error();
        auto taken = ProgressState::takeDirtyDays(context.db, m_name, m_daysPerTransaction);
        if (!taken)
            return taken.error();
        if (*taken == 0)
            break;
        auto written = processWorkDays(context);
        if (!written)
            return written.error();
        for (const QString &next : m_next) {
            if (auto s = ProgressState::queueWorkDays(context.db, next); !s)
                return s.error();
        }
        if (auto s = tx.commit(); !s)
            return s.error();
        done += *taken;
        stats.rowsIn += *taken;
        stats.rowsOut += *written;
        context.report(m_name, total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0,
                       QStringLiteral("%1 of %2 days").arg(done).arg(total));
    }
    return stats;
}

} // namespace ll::pipeline

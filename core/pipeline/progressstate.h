#pragma once

#include "store/database.h"

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace ll::pipeline {

// Watermarks and the dirty-day queue that chain the derived stages. All calls run inside the
// caller's transaction, so output and progress commit (or roll back) together.
class ProgressState {
public:
    static Result<std::int64_t> watermark(store::Database &db, const QString &stage, const QString &source);
    static Status setWatermark(store::Database &db, const QString &stage, const QString &source, std::int64_t rawId);

    // Moves up to `limit` of the oldest queued days of `stage` into the temp table
    // `temp.work_day(day)` (replacing its contents) and removes them from the queue; returns how
    // many days were taken (0 = nothing left to do).
    static Result<std::int64_t> takeDirtyDays(store::Database &db, const QString &stage, int limit);
    static Result<std::int64_t> pendingDays(store::Database &db, const QString &stage);
    // Queues every day in temp.work_day for `nextStage`.
    static Status queueWorkDays(store::Database &db, const QString &nextStage);
    // Queues the newest ledger day for `stage`, so the next run re-evaluates it although no data
    // changed: a configuration the stage reads (insight thresholds, budgets) was edited. Nothing
    // when the ledger is empty.
    static Status queueNewestDay(store::Database &db, const QString &stage);
};

} // namespace ll::pipeline

#include "progressstate.h"

namespace ll::pipeline {

Result<std::int64_t> ProgressState::watermark(store::Database &db, const QString &stage, const QString &source)
{
    auto stmt = db.prepare("SELECT raw_id FROM app_stage_watermark WHERE stage = ? AND source = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, stage);
    stmt->bind(2, source);
    auto row = stmt->step();
    if (!row)
        return row.error();
    return *row ? stmt->int64(0) : std::int64_t{0};
}

Status ProgressState::setWatermark(store::Database &db, const QString &stage, const QString &source, std::int64_t rawId)
{
    auto stmt = db.prepare("INSERT INTO app_stage_watermark (stage, source, raw_id) VALUES (?, ?, ?) "
                           "ON CONFLICT(stage, source) DO UPDATE SET raw_id = excluded.raw_id");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, stage);
    stmt->bind(2, source);
    stmt->bind(3, rawId);
    return stmt->run();
}

Result<std::int64_t> ProgressState::pendingDays(store::Database &db, const QString &stage)
{
    auto stmt = db.prepare("SELECT count(*) FROM app_dirty_day WHERE stage = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, stage);
    auto row = stmt->step();
    if (!row)
        return row.error();
    return stmt->int64(0);
}

Result<std::int64_t> ProgressState::takeDirtyDays(store::Database &db, const QString &stage, int limit)
{
    if (auto s = db.exec("CREATE TEMP TABLE IF NOT EXISTS work_day (day TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM temp.work_day;"); !s)
        return s.error();
    auto copy = db.prepare("INSERT INTO temp.work_day (day) SELECT day FROM app_dirty_day WHERE stage = ? ORDER BY day LIMIT ?");
    if (!copy)
        return copy.error();
    copy->bind(1, stage);
    copy->bind(2, limit);
    if (auto s = copy->run(); !s)
        return s.error();
    const std::int64_t taken = db.changes();
    auto clear = db.prepare("DELETE FROM app_dirty_day WHERE stage = ? AND day IN (SELECT day FROM temp.work_day)");
    if (!clear)
        return clear.error();
    clear->bind(1, stage);
    if (auto s = clear->run(); !s)
        return s.error();
    return taken;
}

Status ProgressState::queueWorkDays(store::Database &db, const QString &nextStage)
{
    auto stmt = db.prepare("INSERT OR IGNORE INTO app_dirty_day (stage, day) SELECT ?, day FROM temp.work_day");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, nextStage);
    return stmt->run();
}

Status ProgressState::queueNewestDay(store::Database &db, const QString &stage)
{
    auto stmt = db.prepare("INSERT OR IGNORE INTO app_dirty_day (stage, day) "
                           "SELECT ?, d FROM (SELECT max(usage_day) AS d FROM ledger_usage_line) WHERE d IS NOT NULL");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, stage);
    return stmt->run();
}

} // namespace ll::pipeline

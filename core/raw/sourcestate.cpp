#include "sourcestate.h"

namespace ll::raw {

namespace {

constexpr const char *kColumns = "SELECT source, status, coalesce(watermark, ''), last_success_at, newest_event_time, "
                                 "coalesce(message, '') FROM raw_source_state";

QDateTime utc(const store::Statement &s, int col)
{
    return s.isNull(col) ? QDateTime() : QDateTime::fromSecsSinceEpoch(s.int64(col), Qt::UTC);
}

SourceState read(const store::Statement &row)
{
    SourceState s;
    s.source = row.text(0);
    // The table's CHECK admits only the four texts; anything else reads as never extracted.
    s.status = sourceStatusFromText(row.text(1)).value_or(SourceStatus::Never);
    s.watermark = row.text(2);
    s.lastSuccessAt = utc(row, 3);
    s.newestEventTime = utc(row, 4);
    s.message = row.text(5);
    return s;
}

} // namespace

Result<QList<SourceState>> loadSourceStates(store::Database &db)
{
    auto stmt = db.prepare(QByteArray(kColumns) + " ORDER BY source");
    if (!stmt)
        return stmt.error();
    QList<SourceState> states;
    if (Status s = stmt->forEachRow([&states](const store::Statement &row) { states.append(read(row)); }); !s)
        return s.error();
    return states;
}

Result<SourceState> loadSourceState(store::Database &db, const QString &source)
{
    auto stmt = db.prepare(QByteArray(kColumns) + " WHERE source = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, source);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row) {
        SourceState never;
        never.source = source;
        return never;
    }
    return read(*stmt);
}

} // namespace ll::raw

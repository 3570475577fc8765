#include "datahealth.h"

#include "rowvalues.h"

#include "extract/restenrichment.h"
#include "raw/sourcecatalog.h"
#include "raw/sourcestate.h"

#include <QHash>

namespace ll::reports {
namespace {

// The state of `source`, or Never when it was never extracted.
SourceStateRow stateRow(const QHash<QString, raw::SourceState> &states, const QString &source, const QString &title, const QDateTime &now)
{
    SourceStateRow r;
    r.source = source;
    r.systemTable = title;
    const raw::SourceState state = states.value(source);
    r.status = raw::toText(state.status);
    r.lastSuccessAt = state.lastSuccessAt;
    r.newestEventTime = state.newestEventTime;
    r.message = state.message;
    if (r.newestEventTime.isValid())
        r.lagSeconds = r.newestEventTime.secsTo(now);
    return r;
}

// REST enrichment lists (jobs, clusters, ... APIs) have no event time; their rows are the
// objects the newest successful listing stored (each listing is a full snapshot).
Status appendRestSources(
    store::Database &db, const QHash<QString, raw::SourceState> &states, const QDateTime &now, QList<SourceStateRow> &rows)
{
    auto listed = db.prepare("SELECT row_count FROM raw_batch WHERE source = ? AND status = 'succeeded' ORDER BY batch_id DESC LIMIT 1");
    if (!listed)
        return listed.error();
    // Any account id lists every API, the account-level workspaces list included.
    for (const extract::RestApi &api : extract::restApis(QStringLiteral("account"))) {
        SourceStateRow r = stateRow(states, api.source, api.title, now);
        r.newestEventTime = {}; // a listing is a snapshot, not events
        r.lagSeconds.reset();
        listed->reset();
        listed->bind(1, api.source);
        auto count = listed->step();
        if (!count)
            return count.error();
        r.rawRows = *count ? listed->int64(0) : 0;
        rows.append(r);
    }
    return {};
}

} // namespace

Result<DataHealthSnapshot> loadDataHealth(store::Database &db, const QDateTime &now)
{
    DataHealthSnapshot snap;
    QHash<QString, raw::SourceState> states;
    {
        auto read = raw::loadSourceStates(db);
        if (!read)
            return read.error();
        for (const raw::SourceState &state : std::as_const(*read))
            states.insert(state.source, state);
    }
    for (const raw::SourceSpec &spec : raw::SourceCatalog::systemTables()) {
        SourceStateRow r = stateRow(states, spec.id, spec.systemTable, now);
        // max(raw_id) is an O(1) upper bound of rows appended: raw tables never delete.
        auto count = db.queryInt("SELECT coalesce(max(raw_id), 0) FROM " + spec.rawTable);
        if (!count)
            return count.error();
        r.rawRows = count->value_or(0);
        snap.sources.append(r);
    }
    if (auto s = appendRestSources(db, states, now, snap.sources); !s)
        return s.error();
    {
        auto stmt = db.prepare("SELECT stage_run_id, stage, status, started_at, finished_at, rows_in, rows_out, coalesce(error, '') "
                               "FROM app_stage_run ORDER BY stage_run_id DESC LIMIT 200");
        if (!stmt)
            return stmt.error();
        const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
            snap.recentStageRuns.append({row.int64(0), row.text(1), row.text(2), utcFromEpoch(row, 3), utcFromEpoch(row, 4), row.int64(5),
                row.int64(6), row.text(7)});
        });
        if (!rowsRead)
            return rowsRead.error();
    }
    {
        auto stmt =
            db.prepare("SELECT at, severity, source, message, coalesce(context, '') FROM app_issue ORDER BY issue_id DESC LIMIT 200");
        if (!stmt)
            return stmt.error();
        const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
            snap.issues.append({utcFromEpoch(row, 0), row.text(1), row.text(2), row.text(3), row.text(4)});
        });
        if (!rowsRead)
            return rowsRead.error();
    }
    {
        auto stmt = db.prepare("SELECT coalesce(sum(line_count), 0), coalesce(sum(cost_nanos), 0), "
                               "coalesce(sum(unattributed_cost_nanos), 0), "
                               "coalesce(sum(unpriced_quantity_nanos), 0) FROM metrics_daily_product");
        if (!stmt)
            return stmt.error();
        if (auto row = stmt->step(); !row)
            return row.error();
        snap.lineItems = stmt->int64(0);
        snap.totalCostNanos = stmt->int64(1);
        snap.unattributedCostNanos = stmt->int64(2);
        snap.unpricedQuantityNanos = stmt->int64(3);
    }
    {
        auto corrections = loadCorrections(db);
        if (!corrections)
            return corrections.error();
        snap.corrections = *corrections;
    }
    {
        auto v = db.queryInt("SELECT count(*) FROM ledger_usage_line WHERE cost_nanos IS NULL");
        if (!v)
            return v.error();
        snap.unpricedLineItems = v->value_or(0);
    }
    return snap;
}

Result<QList<CorrectionRow>> loadCorrections(store::Database &db, int limit)
{
    auto stmt = db.prepare("SELECT l.batch_id, b.started_at, l.usage_day, sum(l.record_type = 'RETRACTION'), "
                           "sum(l.record_type = 'RESTATEMENT'), coalesce(sum(l.cost_nanos), 0) "
                           "FROM ledger_usage_line l JOIN raw_batch b ON b.batch_id = l.batch_id "
                           "WHERE l.record_type <> 'ORIGINAL' "
                           "GROUP BY l.batch_id, l.usage_day ORDER BY l.batch_id DESC, l.usage_day LIMIT ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, limit);
    QList<CorrectionRow> list;
    const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
        list.append(
            {row.int64(0), utcFromEpoch(row, 1), QDate::fromString(row.text(2), Qt::ISODate), row.int64(3), row.int64(4), row.int64(5)});
    });
    if (!rowsRead)
        return rowsRead.error();
    return list;
}

} // namespace ll::reports

#include "rawingestor.h"

#include "sourcestatus.h"

#include "common/logging.h"
#include "common/timeparse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ll::raw {

RawIngestor::RawIngestor(store::Database &db, const Clock &clock) : m_db(db), m_clock(clock) {}

Result<std::int64_t> RawIngestor::beginBatch(const QString &sourceId, const QString &mode)
{
    auto stmt = m_db.prepare("INSERT INTO raw_batch (source, mode, started_at, status) VALUES (?, ?, ?, 'running')");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, sourceId);
    stmt->bind(2, mode);
    stmt->bind(3, m_clock.nowEpoch());
    if (auto s = stmt->run(); !s)
        return s.error();
    return m_db.lastInsertRowId();
}

Status RawIngestor::finishBatch(std::int64_t batchId, BatchStatus status, const QString &error)
{
    store::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    auto stmt = m_db.prepare("UPDATE raw_batch SET finished_at = ?, status = ?, error = ? WHERE batch_id = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, m_clock.nowEpoch());
    stmt->bind(2, toText(status));
    stmt->bind(3, error.isEmpty() ? QString() : error);
    stmt->bind(4, batchId);
    if (auto s = stmt->run(); !s)
        return s;
    // Freshness: a source's last success is the end of its last successful batch.
    auto state = m_db.prepare("INSERT INTO raw_source_state (source, last_success_at, status, message) "
                              "SELECT source, CASE WHEN :succeeded THEN :now END, :source_status, :error "
                              "FROM raw_batch WHERE batch_id = :batch "
                              "ON CONFLICT(source) DO UPDATE SET "
                              "  last_success_at = coalesce(excluded.last_success_at, last_success_at), "
                              "  status = excluded.status, message = excluded.message");
    if (!state)
        return state.error();
    const bool succeeded = status == BatchStatus::Succeeded;
    const SourceStatus sourceStatus = succeeded ? SourceStatus::Ok
        : status == BatchStatus::Unavailable    ? SourceStatus::Unavailable
                                                : SourceStatus::Failed;
    state->bind(":succeeded", succeeded ? 1 : 0);
    state->bind(":source_status", toText(sourceStatus));
    state->bind(":now", m_clock.nowEpoch());
    state->bind(":error", error.isEmpty() ? QString() : error);
    state->bind(":batch", batchId);
    if (auto s = state->run(); !s)
        return s;
    return tx.commit();
}

Status RawIngestor::setSourceMessage(const QString &sourceId, const QString &message)
{
    store::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun();
    auto stmt = m_db.prepare("UPDATE raw_source_state SET message = ? WHERE source = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, message);
    stmt->bind(2, sourceId);
    if (auto s = stmt->run(); !s)
        return s;
    return tx.commit();
}

Status RawIngestor::setSchema(const SourceSpec &spec, const QList<ResultColumn> &columns)
{
    m_spec = &spec;
    m_targetOfColumn.clear();
    m_ignored.clear();
    m_eventTimeResultColumn = -1;
    m_resultColumnCount = static_cast<int>(columns.size());
    QList<int> rawToResult(spec.columns.size(), -1);
    for (int i = 0; i < columns.size(); ++i) {
        const QByteArray name = columns[i].name.trimmed().toLower().toUtf8();
        const int target = static_cast<int>(spec.columns.indexOf(name));
        if (target >= 0 && rawToResult[target] >= 0)
            return makeError(ErrorCode::BadInput, QStringLiteral("The result for %1 names column %2 twice").arg(spec.systemTable, columns[i].name));
        m_targetOfColumn.append(target);
        if (target < 0)
            m_ignored.append(columns[i].name);
        else
            rawToResult[target] = i;
        if (!spec.eventTimeColumn.isEmpty() && name == spec.eventTimeColumn)
            m_eventTimeResultColumn = i;
    }
    for (const QByteArray &required : spec.requiredColumns) {
        if (rawToResult[spec.columns.indexOf(required)] < 0)
            return makeError(ErrorCode::BadInput,
                             QStringLiteral("%1 has no column %2; LakeLedger cannot use its rows without it. "
                                            "Check the table's schema in your workspace.").arg(spec.systemTable, QString::fromUtf8(required)));
    }
    if (!m_ignored.isEmpty())
        qCInfo(lcIngest) << spec.systemTable << "has columns LakeLedger does not store:" << m_ignored;

    QByteArray sql = "INSERT INTO " + spec.rawTable + " (batch_id, extracted_at";
    QByteArray values = "?, ?";
    for (int i = 0; i < columns.size(); ++i) {
        if (m_targetOfColumn[i] < 0)
            continue;
        sql += ", \"" + spec.columns[m_targetOfColumn[i]] + '"';
        values += ", ?";
    }
    sql += ") VALUES (" + values + ')';
    auto stmt = m_db.prepare(sql);
    if (!stmt)
        return stmt.error();
    m_insert = std::move(*stmt);
    return {};
}

Result<ChunkStats> RawIngestor::appendChunk(std::int64_t batchId, const QByteArray &chunkJson, const std::optional<QString> &watermark)
{
    if (!m_spec)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("appendChunk() before setSchema()"));
    store::Transaction tx(m_db);
    if (!tx.begun())
        return tx.begun().error();
    ChunkStats stats;
    if (auto s = appendRows(batchId, chunkJson, stats); !s)
        return s.error();
    if (auto s = updateSourceState(stats, watermark); !s)
        return s.error();
    auto count = m_db.prepare("UPDATE raw_batch SET row_count = row_count + ? WHERE batch_id = ?");
    if (!count)
        return count.error();
    count->bind(1, stats.rows);
    count->bind(2, batchId);
    if (auto s = count->run(); !s)
        return s.error();
    if (auto s = tx.commit(); !s)
        return s.error();
    return stats;
}

Status RawIngestor::appendRows(std::int64_t batchId, const QByteArray &chunkJson, ChunkStats &stats)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(chunkJson, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(ErrorCode::BadInput, QStringLiteral("A result chunk for %1 is not valid JSON").arg(m_spec->systemTable),
                         parseError.errorString() + QStringLiteral(" at offset %1").arg(parseError.offset));
    QJsonObject chunk = doc.object();
    if (chunk.contains(QLatin1String("result")))
        chunk = chunk.value(QLatin1String("result")).toObject();
    const QJsonArray rows = chunk.value(QLatin1String("data_array")).toArray();
    if (chunk.contains(QLatin1String("row_count")) && chunk.value(QLatin1String("row_count")).toInteger() != rows.size())
        return makeError(ErrorCode::BadInput, QStringLiteral("A result chunk for %1 is incomplete").arg(m_spec->systemTable),
                         QStringLiteral("row_count %1, data_array holds %2").arg(chunk.value(QLatin1String("row_count")).toInteger()).arg(rows.size()));

    const std::int64_t now = m_clock.nowEpoch();
    for (qsizetype r = 0; r < rows.size(); ++r) {
        const QJsonArray row = rows[r].toArray();
        if (row.size() != m_resultColumnCount)
            return makeError(ErrorCode::BadInput, QStringLiteral("Row %1 of a %2 chunk has %3 values; the schema has %4 columns")
                                                      .arg(r).arg(m_spec->systemTable).arg(row.size()).arg(m_resultColumnCount));
        m_insert.reset();
        m_insert.bind(1, batchId);
        m_insert.bind(2, now);
        int param = 3;
        for (int c = 0; c < m_resultColumnCount; ++c) {
            if (m_targetOfColumn[c] < 0)
                continue;
            const QJsonValue v = row[c];
            if (v.isNull() || v.isUndefined()) {
                m_insert.bindNull(param);
            } else if (v.isString()) {
                const QByteArray utf8 = v.toString().toUtf8();
                m_insert.bindText(param, utf8.constData(), static_cast<int>(utf8.size()));
            } else if (v.isBool()) {
                m_insert.bind(param, v.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
            } else if (v.isDouble()) {
                // JSON_ARRAY sends numbers as strings; tolerate a server that does not, keeping
                // the exact digits it sent where possible.
                m_insert.bind(param, QString::number(v.toDouble(), 'g', 17));
            } else {
                m_insert.bind(param, QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)));
            }
            if (c == m_eventTimeResultColumn && v.isString()) {
                const QByteArray t = v.toString().toLatin1();
                if (const auto epoch = parseTimestamp(t.constData(), static_cast<std::size_t>(t.size()));
                    epoch && (!stats.newestEventTime || *epoch > *stats.newestEventTime))
                    stats.newestEventTime = epoch;
            }
            ++param;
        }
        if (auto s = m_insert.run(); !s)
            return s;
        ++stats.rows;
    }
    return {};
}

Status RawIngestor::updateSourceState(const ChunkStats &stats, const std::optional<QString> &watermark)
{
    auto stmt = m_db.prepare(
        "INSERT INTO raw_source_state (source, watermark, newest_event_time, status) VALUES (:source, :watermark, :newest, :ok) "
        "ON CONFLICT(source) DO UPDATE SET "
        "  watermark = coalesce(:watermark, watermark), "
        "  newest_event_time = max(coalesce(newest_event_time, :newest), coalesce(:newest, newest_event_time))");
    if (!stmt)
        return stmt.error();
    stmt->bind(":source", m_spec->id);
    stmt->bind(":ok", toText(SourceStatus::Ok));
    stmt->bind(stmt->index(":watermark"), watermark ? *watermark : QString());
    stmt->bind(stmt->index(":newest"), stats.newestEventTime);
    return stmt->run();
}

} // namespace ll::raw

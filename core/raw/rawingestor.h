#pragma once

#include "batchstatus.h"
#include "sourcecatalog.h"

#include "common/clock.h"
#include "common/result.h"
#include "store/database.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace ll::raw {

// A column of a Statement API result manifest (manifest.schema.columns[]).
struct ResultColumn {
    QString name;
    QString typeName;
};

struct ChunkStats {
    std::int64_t rows = 0;
    std::optional<std::int64_t> newestEventTime; // Unix seconds
};

// The one path by which rows enter the raw layer, whatever produced them (Direct Connection,
// the External Connector's bundles, or the demo generator): JSON_ARRAY result chunks exactly as
// the SQL Statement Execution API returns them, appended verbatim with their batch and time.
//
// Each appendChunk() is one transaction covering the rows and the source's new watermark, so an
// extraction killed at any moment resumes from the last committed chunk without gaps or
// duplicates in what the watermark promises.
class RawIngestor {
public:
    RawIngestor(store::Database &db, const Clock &clock);

    // Starts a batch for one source; committed on its own so a crash leaves a visible trace.
    Result<std::int64_t> beginBatch(const QString &sourceId, const QString &mode);
    Status finishBatch(std::int64_t batchId, BatchStatus status, const QString &error = {});
    // A note on how a source was read (e.g. a fallback), shown with its status in Data Health.
    // Call after finishBatch(), which resets the message.
    Status setSourceMessage(const QString &sourceId, const QString &message);

    // Fixes the result schema for the following chunks of this batch. Columns the raw table does
    // not know are ignored (and reported once); missing optional columns become NULL; a missing
    // required column is an error, since rows without it cannot be used.
    Status setSchema(const SourceSpec &spec, const QList<ResultColumn> &columns);

    // Appends one chunk (a "result" object or a whole statement response) and, in the same
    // transaction, sets the source's watermark when one is given.
    Result<ChunkStats> appendChunk(std::int64_t batchId, const QByteArray &chunkJson,
                                   const std::optional<QString> &watermark = std::nullopt);

    QStringList ignoredColumns() const { return m_ignored; }

private:
    Status appendRows(std::int64_t batchId, const QByteArray &chunkJson, ChunkStats &stats);
    Status updateSourceState(const ChunkStats &stats, const std::optional<QString> &watermark);

    store::Database &m_db;
    const Clock &m_clock;
    const SourceSpec *m_spec = nullptr;
    QList<int> m_targetOfColumn; // result column index -> raw column index, -1 = ignored
    int m_resultColumnCount = 0;
    int m_eventTimeResultColumn = -1;
    QStringList m_ignored;
    store::Statement m_insert;
};

} // namespace ll::raw

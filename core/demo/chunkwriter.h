#pragma once

#include "common/canceltoken.h"
#include "common/result.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <optional>

namespace ll::raw {
class RawIngestor;
}

namespace ll::demo {

// Text forms of JSON_ARRAY values, appended straight to a buffer: generating millions of rows
// through QString/QDateTime would dominate the demo's run time.
namespace text {
void appendInt(QByteArray &out, std::int64_t value);
void appendTimestamp(QByteArray &out, std::int64_t epochSeconds); // 2026-09-01T10:00:00.000Z
void appendDate(QByteArray &out, std::int64_t epochDay);          // 2026-09-01
void appendDecimal18(QByteArray &out, std::int64_t nanos);        // DECIMAL(38,18) text
void appendFixed2(QByteArray &out, std::int64_t hundredths);      // 12.34
void appendJsonEscaped(QByteArray &out, QByteArrayView value);    // string body, no quotes
QByteArray uuid(quint64 hi, quint64 lo);
QByteArray hex(quint64 value, int digits);
QByteArray number(std::int64_t value);
} // namespace text

// Builds one STRUCT/MAP/ARRAY value as a compact JSON document in a reused buffer; the
// ChunkWriter then embeds it as a string, which is how JSON_ARRAY delivers complex columns.
class JsonDoc {
public:
    JsonDoc &beginObject();
    JsonDoc &beginArray();
    JsonDoc &str(const char *key, QByteArrayView value);
    JsonDoc &strOrNull(const char *key, QByteArrayView value); // empty = null
    JsonDoc &null(const char *key);
    JsonDoc &integer(const char *key, std::int64_t value);
    JsonDoc &boolean(const char *key, bool value);
    JsonDoc &raw(const char *key, QByteArrayView json);
    JsonDoc &element(QByteArrayView value); // string element of an array
    const QByteArray &end();
    const QByteArray &bytes() const { return m_buf; }

private:
    void key(const char *name);
    QByteArray m_buf;
    char m_close = '}';
    bool m_first = true;
};

// Streams rows of one batch into Statement API "result" chunks and appends each full chunk
// through the RawIngestor, so memory stays bounded by one chunk whatever the account size.
class ChunkWriter {
public:
    ChunkWriter(raw::RawIngestor &ingestor, std::int64_t batchId, const CancelToken &cancel, int eventTimeColumn,
                int maxRows = 20000);

    void str(QByteArrayView value);
    void strOrNull(QByteArrayView value); // empty = null
    void null();
    void integer(std::int64_t value);
    void timestamp(std::int64_t epochSeconds);
    void timestampOrNull(std::optional<std::int64_t> epochSeconds);
    void date(std::int64_t epochDay);
    void decimal18(std::int64_t nanos);
    void fixed2(std::int64_t hundredths);
    void boolean(bool value);

    // Ends the row; appends the chunk when it is full. Fails with the append's error, or with
    // ErrorCode::Cancelled when the user cancelled after a chunk was committed.
    Status endRow();
    Status finish(); // appends what is left
    std::int64_t rowsAppended() const { return m_rowOffset; }

private:
    void beginValue();
    Status flush(bool honourCancel);

    raw::RawIngestor &m_ingestor;
    std::int64_t m_batchId;
    const CancelToken &m_cancel;
    int m_eventTimeColumn;
    int m_maxRows;
    QByteArray m_rows; // the data_array body of the pending chunk
    QByteArray m_newestEventTime;
    int m_value = 0;
    int m_chunkRows = 0;
    int m_chunkIndex = 0;
    std::int64_t m_rowOffset = 0;
};

} // namespace ll::demo

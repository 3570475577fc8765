#include "chunkwriter.h"

#include "raw/rawingestor.h"

#include <QString>

namespace ll::demo {

namespace {

constexpr qsizetype kMaxChunkBytes = 8 * 1024 * 1024;

struct Civil {
    std::int64_t year;
    int month;
    int day;
};

// Howard Hinnant's days-to-civil: exact for any day, no time-zone database involved.
Civil civilFromDays(std::int64_t z)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    const std::int64_t d = doy - (153 * mp + 2) / 5 + 1;
    const std::int64_t m = mp < 10 ? mp + 3 : mp - 9;
    return {yoe + era * 400 + (m <= 2 ? 1 : 0), static_cast<int>(m), static_cast<int>(d)};
}

void appendDigits(QByteArray &out, std::int64_t value, int width)
{
    char buf[24];
    int n = 0;
    do {
        buf[n++] = static_cast<char>('0' + value % 10);
        value /= 10;
    } while (value > 0 || n < width);
    while (n > 0)
        out.append(buf[--n]);
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    const std::int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

} // namespace

namespace text {

void appendInt(QByteArray &out, std::int64_t value)
{
    if (value < 0) {
        out.append('-');
        appendDigits(out, -value, 1);
    } else {
        appendDigits(out, value, 1);
    }
}

void appendDate(QByteArray &out, std::int64_t epochDay)
{
    const Civil c = civilFromDays(epochDay);
    appendDigits(out, c.year, 4);
    out.append('-');
    appendDigits(out, c.month, 2);
    out.append('-');
    appendDigits(out, c.day, 2);
}

void appendTimestamp(QByteArray &out, std::int64_t epochSeconds)
{
    const std::int64_t day = floorDiv(epochSeconds, 86400);
    const std::int64_t secs = epochSeconds - day * 86400;
    appendDate(out, day);
    out.append('T');
    appendDigits(out, secs / 3600, 2);
    out.append(':');
    appendDigits(out, secs / 60 % 60, 2);
    out.append(':');
    appendDigits(out, secs % 60, 2);
    out.append(".000Z", 5);
}

void appendDecimal18(QByteArray &out, std::int64_t nanos)
{
    if (nanos < 0) {
        out.append('-');
        nanos = -nanos;
    }
    appendDigits(out, nanos / 1000000000, 1);
    out.append('.');
    appendDigits(out, nanos % 1000000000, 9);
    out.append("000000000", 9);
}

void appendFixed2(QByteArray &out, std::int64_t hundredths)
{
    appendDigits(out, hundredths / 100, 1);
    out.append('.');
    appendDigits(out, hundredths % 100, 2);
}

void appendJsonEscaped(QByteArray &out, QByteArrayView value)
{
    static const char hexDigits[] = "0123456789abcdef";
    const char *run = value.data();
    const char *const end = value.data() + value.size();
    for (const char *p = run; p != end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue; // UTF-8 passes through unchanged: JSON text is UTF-8
        out.append(run, p - run);
        run = p + 1;
        switch (c) {
        case '"': out.append("\\\"", 2); break;
        case '\\': out.append("\\\\", 2); break;
        case '\n': out.append("\\n", 2); break;
        case '\r': out.append("\\r", 2); break;
        case '\t': out.append("\\t", 2); break;
        default: {
            const char esc[6] = {'\\', 'u', '0', '0', hexDigits[c >> 4], hexDigits[c & 0xf]};
            out.append(esc, 6);
        }
        }
    }
    out.append(run, end - run);
}

QByteArray hex(quint64 value, int digits)
{
    static const char hexDigits[] = "0123456789abcdef";
    QByteArray out(digits, '0');
    for (int i = digits - 1; i >= 0; --i) {
        out[i] = hexDigits[value & 0xf];
        value >>= 4;
    }
    return out;
}

QByteArray uuid(quint64 hi, quint64 lo)
{
    // Version-4 layout so the ids look like the ones Databricks issues.
    hi = (hi & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;
    lo = (lo & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
    const QByteArray h = hex(hi, 16);
    const QByteArray l = hex(lo, 16);
    QByteArray out;
    out.reserve(36);
    out.append(h.constData(), 8).append('-').append(h.constData() + 8, 4).append('-').append(h.constData() + 12, 4);
    out.append('-').append(l.constData(), 4).append('-').append(l.constData() + 4, 12);
    return out;
}

QByteArray number(std::int64_t value)
{
    QByteArray out;
    appendInt(out, value);
    return out;
}

} // namespace text

JsonDoc &JsonDoc::beginObject()
{
    m_buf.clear();
    m_buf.append('{');
    m_close = '}';
    m_first = true;
    return *this;
}

JsonDoc &JsonDoc::beginArray()
{
    m_buf.clear();
    m_buf.append('[');
    m_close = ']';
    m_first = true;
    return *this;
}

void JsonDoc::key(const char *name)
{
    if (!m_first)
        m_buf.append(',');
    m_first = false;
    m_buf.append('"').append(name).append("\":", 2);
}

JsonDoc &JsonDoc::str(const char *name, QByteArrayView value)
{
    key(name);
    m_buf.append('"');
    text::appendJsonEscaped(m_buf, value);
    m_buf.append('"');
    return *this;
}

JsonDoc &JsonDoc::strOrNull(const char *name, QByteArrayView value)
{
    return value.isEmpty() ? null(name) : str(name, value);
}

JsonDoc &JsonDoc::null(const char *name)
{
    key(name);
    m_buf.append("null", 4);
    return *this;
}

JsonDoc &JsonDoc::integer(const char *name, std::int64_t value)
{
    key(name);
    text::appendInt(m_buf, value);
    return *this;
}

JsonDoc &JsonDoc::boolean(const char *name, bool value)
{
    key(name);
    m_buf.append(value ? QByteArrayView("true") : QByteArrayView("false"));
    return *this;
}

JsonDoc &JsonDoc::raw(const char *name, QByteArrayView json)
{
    key(name);
    m_buf.append(json);
    return *this;
}

JsonDoc &JsonDoc::element(QByteArrayView value)
{
    if (!m_first)
        m_buf.append(',');
    m_first = false;
    m_buf.append('"');
    text::appendJsonEscaped(m_buf, value);
    m_buf.append('"');
    return *this;
}

const QByteArray &JsonDoc::end()
{
    m_buf.append(m_close);
    return m_buf;
}

ChunkWriter::ChunkWriter(raw::RawIngestor &ingestor, std::int64_t batchId, const CancelToken &cancel, int eventTimeColumn,
                         int maxRows)
    : m_ingestor(ingestor), m_batchId(batchId), m_cancel(cancel), m_eventTimeColumn(eventTimeColumn), m_maxRows(maxRows)
{
}

void ChunkWriter::beginValue()
{
    if (m_value == 0)
        m_rows.append(m_chunkRows == 0 ? QByteArrayView("[") : QByteArrayView(",["));
    else
        m_rows.append(',');
    ++m_value;
}

void ChunkWriter::str(QByteArrayView value)
{
    beginValue();
    m_rows.append('"');
    text::appendJsonEscaped(m_rows, value);
    m_rows.append('"');
}

void ChunkWriter::strOrNull(QByteArrayView value)
{
    if (value.isEmpty())
        null();
    else
        str(value);
}

void ChunkWriter::null()
{
    beginValue();
    m_rows.append("null", 4);
}

void ChunkWriter::integer(std::int64_t value)
{
    beginValue();
    m_rows.append('"');
    text::appendInt(m_rows, value);
    m_rows.append('"');
}

void ChunkWriter::timestamp(std::int64_t epochSeconds)
{
    const bool isEventTime = m_value == m_eventTimeColumn;
    beginValue();
    m_rows.append('"');
    const qsizetype at = m_rows.size();
    text::appendTimestamp(m_rows, epochSeconds);
    // Every timestamp has the same fixed-width form, so text order is time order.
    if (isEventTime) {
        const QByteArrayView written(m_rows.constData() + at, m_rows.size() - at);
        if (m_newestEventTime.isEmpty() || written > QByteArrayView(m_newestEventTime))
            m_newestEventTime = written.toByteArray();
    }
    m_rows.append('"');
}

void ChunkWriter::timestampOrNull(std::optional<std::int64_t> epochSeconds)
{
    if (epochSeconds)
        timestamp(*epochSeconds);
    else
        null();
}

void ChunkWriter::date(std::int64_t epochDay)
{
    beginValue();
    m_rows.append('"');
    text::appendDate(m_rows, epochDay);
    m_rows.append('"');
}

void ChunkWriter::decimal18(std::int64_t nanos)
{
    beginValue();
    m_rows.append('"');
    text::appendDecimal18(m_rows, nanos);
    m_rows.append('"');
}

void ChunkWriter::fixed2(std::int64_t hundredths)
{
    beginValue();
    m_rows.append('"');
    text::appendFixed2(m_rows, hundredths);
    m_rows.append('"');
}

void ChunkWriter::boolean(bool value)
{
    str(value ? QByteArrayView("true") : QByteArrayView("false"));
}

Status ChunkWriter::endRow()
{
    m_rows.append(']');
    m_value = 0;
    // Wide tables (query_history) also flush on size, as the Statement API's chunks do: the
    // ingestor parses a whole chunk at once, so its size bounds the peak memory.
    if (++m_chunkRows >= m_maxRows || m_rows.size() >= kMaxChunkBytes)
        return flush(true);
    return {};
}

Status ChunkWriter::finish()
{
    // A complete table is kept as succeeded even if cancel arrived meanwhile; the caller
    // checks the token before starting the next one.
    if (m_chunkRows == 0)
        return {};
    return flush(false);
}

Status ChunkWriter::flush(bool honourCancel)
{
    QByteArray chunk;
    chunk.reserve(m_rows.size() + 96);
    chunk.append("{\"chunk_index\":");
    text::appendInt(chunk, m_chunkIndex);
    chunk.append(",\"row_offset\":");
    text::appendInt(chunk, m_rowOffset);
    chunk.append(",\"row_count\":");
    text::appendInt(chunk, m_chunkRows);
    chunk.append(",\"data_array\":[");
    chunk.append(m_rows);
    chunk.append("]}");
    m_rows.resize(0); // keeps the allocation for the next chunk

    // The watermark is the newest event time committed so far in this batch, never older than
    // an earlier chunk's: rows are generated day by day but SCD and correction rows can step back.
    std::optional<QString> watermark;
    if (!m_newestEventTime.isEmpty())
        watermark = QString::fromLatin1(m_newestEventTime);
    auto appended = m_ingestor.appendChunk(m_batchId, chunk, watermark);
    if (!appended)
        return appended.error();
    m_rowOffset += m_chunkRows;
    m_chunkRows = 0;
    ++m_chunkIndex;
    if (honourCancel && m_cancel.isCancelled())
        return makeError(ErrorCode::Cancelled, QStringLiteral("Generating the demo account was cancelled"));
    return {};
}

} // namespace ll::demo

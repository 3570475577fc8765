#pragma once

#include <QDate>
#include <QDateTime>
#include <QStringView>

#include <cstdint>
#include <cstddef>
#include <optional>

namespace ll {

// Parses the timestamp text Databricks returns ("2026-09-01T10:00:00.000Z", any fraction, any
// offset form: Z, +hh:mm, +hhmm, +hh; a space instead of T; a bare date) to Unix seconds (UTC).
// Fractions are truncated: billing hours are whole seconds. Returns nullopt on anything else.
std::optional<std::int64_t> parseTimestamp(const char *text, std::size_t length);

// Days since 1970-01-01 to "YYYY-MM-DD" and back, without time-zone lookups (UTC only).
std::int64_t daysFromCivil(int year, unsigned month, unsigned day);

// A calendar day typed by a user or read from a file: exactly "YYYY-MM-DD" (surrounding
// spaces allowed), a real date. Anything else ("2026-11-30garbage", "2026-12-04T03:49:16Z",
// "2026-2-3") is nullopt. QDate::fromString(.., Qt::ISODate) is not used for input because
// it accepts trailing text.
std::optional<QDate> parseIsoDate(QStringView text);

// An instant typed by a user: a full ISO 8601 date-time with seconds optional, fractions
// allowed, and Z or an offset ("2026-12-04T03:49:16Z", "2026-12-04T05:49:16+02:00"); without
// an offset it is UTC. A bare date is not an instant (see parseAsOf). nullopt otherwise.
std::optional<QDateTime> parseIsoInstant(QStringView text);

// --as-of: a bare date means the end of that UTC day (the start of the next one, exclusive);
// a date-time is that very instant, to the second.
std::optional<QDateTime> parseAsOf(QStringView text);

} // namespace ll

#pragma once

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

} // namespace ll

#pragma once

#include <QDate>
#include <QDateTime>
#include <QJsonValue>
#include <QString>

#include <cstdint>
#include <optional>

// Display formatting shared by models and pages. Money itself goes through ll::formatMoney.
namespace ll::ui {

QString formatDateTime(const QDateTime &at);       // "2024-05-01 13:05 UTC", "—" when invalid
QString formatDate(const QDate &day);              // ISO date, "—" when invalid
QString formatQuantity(std::int64_t nanos);        // locale number with 2 decimals
QString formatCount(std::int64_t count);           // locale integer with group separators
QString formatPercent(double percent, int decimals = 1);
QString formatLagHours(const std::optional<std::int64_t> &seconds); // "3.5", "—" when unknown
QString formatPeriod(const QDate &first, const QDate &last);
// An evidence or settings value as one line: text as is, numbers, yes/no, "not set" for null,
// arrays and objects as compact JSON.
QString formatJsonValue(const QJsonValue &value);

// Nano-units as a double in whole units, for charts and ratios only (never for stored money).
double nanosToUnits(std::int64_t nanos);

// part / whole as a percentage; nullopt when whole is zero.
std::optional<double> sharePercent(std::int64_t part, std::int64_t whole);

} // namespace ll::ui

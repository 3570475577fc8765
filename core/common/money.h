#pragma once

#include <QString>
#include <QStringView>

#include <cstdint>
#include <optional>

namespace ll {

// 128-bit integers (a GCC/Clang extension) carry 38-digit decimal mantissas exactly.
__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

// Money and quantities are fixed-point integers in nano-units (1e-9) end to end: SQLite sums
// int64 exactly, binary floating point never touches a cost. One nano-dollar per line item is
// far below a cent even over tens of millions of lines, and int64 nanos hold ±9.2 billion units.
inline constexpr int kNanoScale = 9;
inline constexpr std::int64_t kNanosPerUnit = 1'000'000'000;

// A decimal number exactly as it arrived ("1.500000000000000000", "-2", "3e-2" is rejected).
struct Decimal {
    Int128 mantissa = 0; // signed
    int scale = 0;         // value = mantissa / 10^scale, 0 <= scale <= 38
};

// Parses plain decimal text (optional sign, digits, optional fraction). Rejects exponents,
// blanks and anything longer than 38 significant digits rather than rounding silently.
std::optional<Decimal> parseDecimal(QStringView text);
std::optional<Decimal> parseDecimal(const char *text, std::size_t length);

// Converts a decimal to nano-units, rounding half away from zero past the ninth decimal.
std::optional<std::int64_t> toNanos(const Decimal &value);

// Exact product of two decimals, rounded once (half away from zero) to nano-units.
// Returns nullopt when the rounded result does not fit int64.
std::optional<std::int64_t> multiplyToNanos(const Decimal &a, const Decimal &b);

// nanos x (100 - percent) / 100, exact, rounded once; nullopt for percent outside 0..100.
std::optional<std::int64_t> applyDiscount(std::int64_t nanos, const Decimal &percent);

// Rounds nano-units to `decimals` places (0..9), half away from zero, as an integer of that scale.
std::int64_t roundNanos(std::int64_t nanos, int decimals);

// Plain decimal text with exactly `decimals` places ("-12.30"): for CSV and the CLI.
QString formatNanos(std::int64_t nanos, int decimals);

// Locale-aware currency text for display, rounded to cents.
QString formatMoney(std::int64_t nanos, const QString &currency = QStringLiteral("USD"));

} // namespace ll

#include "money.h"

#include <QLocale>

#include <array>
#include <limits>

namespace ll {
namespace {

using u128 = UInt128;
using u64 = std::uint64_t;

constexpr int kMaxDigits = 38;

// 256-bit unsigned integer as four little-endian 64-bit limbs: enough for the product of two
// 38-digit mantissas (< 10^76 < 2^253).
using U256 = std::array<u64, 4>;

U256 multiply(u128 a, u128 b)
{
    const u64 a0 = static_cast<u64>(a), a1 = static_cast<u64>(a >> 64);
    const u64 b0 = static_cast<u64>(b), b1 = static_cast<u64>(b >> 64);
    U256 r{0, 0, 0, 0};
    const u128 p00 = static_cast<u128>(a0) * b0;
    const u128 p01 = static_cast<u128>(a0) * b1;
    const u128 p10 = static_cast<u128>(a1) * b0;
    const u128 p11 = static_cast<u128>(a1) * b1;
    r[0] = static_cast<u64>(p00);
    u128 mid = (p00 >> 64) + static_cast<u64>(p01) + static_cast<u64>(p10);
    r[1] = static_cast<u64>(mid);
    u128 high = (mid >> 64) + (p01 >> 64) + (p10 >> 64) + static_cast<u64>(p11);
    r[2] = static_cast<u64>(high);
    r[3] = static_cast<u64>((high >> 64) + (p11 >> 64));
    return r;
}

// Divides in place by a divisor below 2^64, returning the remainder.
u64 divideSmall(U256 &value, u64 divisor)
{
    u128 rem = 0;
    for (int i = 3; i >= 0; --i) {
        const u128 cur = (rem << 64) | value[static_cast<std::size_t>(i)];
        value[static_cast<std::size_t>(i)] = static_cast<u64>(cur / divisor);
        rem = cur % divisor;
    }
    return static_cast<u64>(rem);
}

bool fitsU128(const U256 &v) { return v[2] == 0 && v[3] == 0; }

u128 pow10u(int n)
{
    u128 r = 1;
    for (int i = 0; i < n; ++i)
        r *= 10;
    return r;
}

// Scales |value| (given as 256 bits at `scale` decimals) to nano-units with half-away rounding.
std::optional<std::int64_t> rescaleToNanos(U256 magnitude, int scale, bool negative)
{
    if (scale > kNanoScale) {
        int drop = scale - kNanoScale;
        // Half away from zero only needs the first dropped digit: drop the rest in steps of at
        // most 18 digits (10^18 < 2^64), then look at that digit.
        while (drop > 1) {
            const int step = drop - 1 > 18 ? 18 : drop - 1;
            divideSmall(magnitude, static_cast<u64>(pow10u(step)));
            drop -= step;
        }
        const u64 firstDroppedDigit = divideSmall(magnitude, 10);
        if (firstDroppedDigit >= 5) {
            for (std::size_t i = 0; i < 4; ++i) {
                if (++magnitude[i] != 0)
                    break;
            }
        }
    } else if (scale < kNanoScale) {
        if (!fitsU128(magnitude))
            return std::nullopt;
        const u128 factor = pow10u(kNanoScale - scale);
        const u128 m = (static_cast<u128>(magnitude[1]) << 64) | magnitude[0];
        if (m != 0 && m > std::numeric_limits<u128>::max() / factor)
            return std::nullopt;
        magnitude = multiply(m * factor, 1);
    }
    if (!fitsU128(magnitude) || magnitude[1] != 0)
        return std::nullopt;
    const u64 m = magnitude[0];
    constexpr u64 maxPositive = static_cast<u64>(std::numeric_limits<std::int64_t>::max());
    if (negative) {
        if (m > maxPositive + 1)
            return std::nullopt;
        return m == maxPositive + 1 ? std::numeric_limits<std::int64_t>::min() : -static_cast<std::int64_t>(m);
    }
    if (m > maxPositive)
        return std::nullopt;
    return static_cast<std::int64_t>(m);
}

u128 magnitudeOf(Int128 v) { return v < 0 ? static_cast<u128>(-(v + 1)) + 1 : static_cast<u128>(v); }

template<typename CharAt>
std::optional<Decimal> parseGeneric(std::size_t length, CharAt at)
{
    std::size_t i = 0;
    bool negative = false;
    if (i < length && (at(i) == '-' || at(i) == '+')) {
        negative = at(i) == '-';
        ++i;
    }
    u128 mantissa = 0;
    int digits = 0;
    int scale = 0;
    bool seenPoint = false;
    bool anyDigit = false;
    for (; i < length; ++i) {
        const char c = at(i);
        if (c == '.') {
            if (seenPoint)
                return std::nullopt;
            seenPoint = true;
            continue;
        }
        if (c < '0' || c > '9')
            return std::nullopt;
        anyDigit = true;
        if (mantissa != 0 || c != '0')
            ++digits;
        if (seenPoint)
            ++scale;
        if (digits > kMaxDigits || scale > kMaxDigits)
            return std::nullopt;
        mantissa = mantissa * 10 + static_cast<u128>(c - '0');
    }
    if (!anyDigit)
        return std::nullopt;
    Decimal d;
    d.mantissa = negative ? -static_cast<Int128>(mantissa) : static_cast<Int128>(mantissa);
    d.scale = scale;
    return d;
}

} // namespace

std::optional<Decimal> parseDecimal(QStringView text)
{
    text = text.trimmed();
    return parseGeneric(static_cast<std::size_t>(text.size()), [&](std::size_t i) {
        const QChar c = text[static_cast<qsizetype>(i)];
        return c.unicode() < 128 ? static_cast<char>(c.unicode()) : '\x7f';
    });
}

std::optional<Decimal> parseDecimal(const char *text, std::size_t length)
{
    while (length > 0 && (*text == ' ' || *text == '\t')) {
        ++text;
        --length;
    }
    while (length > 0 && (text[length - 1] == ' ' || text[length - 1] == '\t'))
        --length;
    return parseGeneric(length, [&](std::size_t i) { return text[i]; });
}

std::optional<std::int64_t> toNanos(const Decimal &value)
{
    return rescaleToNanos(multiply(magnitudeOf(value.mantissa), 1), value.scale, value.mantissa < 0);
}

std::optional<std::int64_t> multiplyToNanos(const Decimal &a, const Decimal &b)
{
    const bool negative = (a.mantissa < 0) != (b.mantissa < 0);
    return rescaleToNanos(multiply(magnitudeOf(a.mantissa), magnitudeOf(b.mantissa)), a.scale + b.scale, negative);
}

std::optional<std::int64_t> applyDiscount(std::int64_t nanos, const Decimal &percent)
{
    const Int128 hundred = static_cast<Int128>(pow10u(percent.scale + 2));
    if (percent.mantissa < 0 || percent.mantissa > hundred)
        return std::nullopt;
    // (100 - p) / 100 as a decimal with two more places than p.
    const Decimal factor{hundred - percent.mantissa, percent.scale + 2};
    if (factor.scale > kMaxDigits)
        return std::nullopt;
    return multiplyToNanos(Decimal{nanos, kNanoScale}, factor);
}

std::int64_t roundNanos(std::int64_t nanos, int decimals)
{
    if (decimals >= kNanoScale)
        return nanos;
    if (decimals < 0)
        decimals = 0;
    std::int64_t divisor = 1;
    for (int i = decimals; i < kNanoScale; ++i)
        divisor *= 10;
    const std::int64_t q = nanos / divisor;
    const std::int64_t r = nanos % divisor;
    if (2 * (r < 0 ? -r : r) >= divisor)
        return q + (nanos < 0 ? -1 : 1);
    return q;
}

QString formatNanos(std::int64_t nanos, int decimals)
{
    if (decimals > kNanoScale)
        decimals = kNanoScale;
    const std::int64_t scaled = roundNanos(nanos, decimals);
    const bool negative = scaled < 0;
    const u128 magnitude = magnitudeOf(scaled);
    const u128 divisor = pow10u(decimals);
    const auto whole = static_cast<unsigned long long>(magnitude / divisor);
    const auto frac = static_cast<unsigned long long>(magnitude % divisor);
    QString out;
    if (negative)
        out += QLatin1Char('-');
    out += QString::number(whole);
    if (decimals > 0)
        out += QLatin1Char('.') + QString::number(frac).rightJustified(decimals, QLatin1Char('0'));
    return out;
}

QString formatMoney(std::int64_t nanos, const QString &currency)
{
    const std::int64_t cents = roundNanos(nanos, 2);
    // Exact for any amount below 2^53 cents (90 trillion dollars); display only.
    return QLocale().toCurrencyString(static_cast<double>(cents) / 100.0,
                                      currency == QLatin1String("USD") ? QStringLiteral("$") : currency, 2);
}

} // namespace ll

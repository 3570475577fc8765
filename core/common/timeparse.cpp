#include "timeparse.h"

namespace ll {
namespace {

bool digits(const char *p, std::size_t n, int &out)
{
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return false;
        v = v * 10 + (p[i] - '0');
    }
    out = v;
    return true;
}

} // namespace

// Howard Hinnant's days_from_civil: exact proleptic Gregorian arithmetic.
std::int64_t daysFromCivil(int y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? static_cast<unsigned>(-3) : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::optional<std::int64_t> parseTimestamp(const char *p, std::size_t n)
{
    while (n > 0 && p[0] == ' ') {
        ++p;
        --n;
    }
    while (n > 0 && p[n - 1] == ' ')
        --n;
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (n < 10 || p[4] != '-' || p[7] != '-' || !digits(p, 4, year) || !digits(p + 5, 2, month) || !digits(p + 8, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return std::nullopt;
    std::size_t i = 10;
    if (i < n) {
        if ((p[i] != 'T' && p[i] != ' ') || n < i + 6 || p[i + 3] != ':' || !digits(p + i + 1, 2, hour) || !digits(p + i + 4, 2, minute))
            return std::nullopt;
        i += 6;
        if (i < n && p[i] == ':') {
            if (n < i + 3 || !digits(p + i + 1, 2, second))
                return std::nullopt;
            i += 3;
        }
        if (i < n && (p[i] == '.' || p[i] == ',')) {
            ++i;
            while (i < n && p[i] >= '0' && p[i] <= '9')
                ++i;
        }
    }
    if (hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    int offsetSeconds = 0;
    if (i < n) {
        if (p[i] == 'Z' || p[i] == 'z') {
            ++i;
        } else if (p[i] == '+' || p[i] == '-') {
            const int sign = p[i] == '-' ? -1 : 1;
            ++i;
            int oh = 0, om = 0;
            if (n < i + 2 || !digits(p + i, 2, oh))
                return std::nullopt;
            i += 2;
            if (i < n && p[i] == ':')
                ++i;
            if (i + 2 <= n) {
                if (!digits(p + i, 2, om))
                    return std::nullopt;
                i += 2;
            }
            offsetSeconds = sign * (oh * 3600 + om * 60);
        }
        if (i != n)
            return std::nullopt;
    }
    const std::int64_t days = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
    return days * 86400 + hour * 3600 + minute * 60 + second - offsetSeconds;
}

std::optional<QDate> parseIsoDate(QStringView text)
{
    const QByteArray b = text.trimmed().toLatin1();
    int year = 0, month = 0, day = 0;
    if (b.size() != 10 || b[4] != '-' || b[7] != '-' || !digits(b.constData(), 4, year) || !digits(b.constData() + 5, 2, month)
        || !digits(b.constData() + 8, 2, day))
        return std::nullopt;
    const QDate d(year, month, day);
    if (!d.isValid())
        return std::nullopt;
    return d;
}

std::optional<QDateTime> parseIsoInstant(QStringView text)
{
    const QStringView t = text.trimmed();
    // parseTimestamp takes a bare date too; an instant needs its time of day.
    if (t.size() <= 10 || (t[10] != QLatin1Char('T') && t[10] != QLatin1Char('t') && t[10] != QLatin1Char(' ')))
        return std::nullopt;
    for (const QChar c : t) {
        if (c.unicode() > 127)
            return std::nullopt;
    }
    if (!parseIsoDate(t.left(10)))
        return std::nullopt;
    QByteArray b = t.toLatin1();
    if (b[10] == 't')
        b[10] = 'T';
    const auto secs = parseTimestamp(b.constData(), static_cast<std::size_t>(b.size()));
    if (!secs)
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(*secs, Qt::UTC);
}

std::optional<QDateTime> parseAsOf(QStringView text)
{
    if (const auto d = parseIsoDate(text))
        return QDateTime(d->addDays(1), QTime(0, 0), Qt::UTC);
    return parseIsoInstant(text);
}

} // namespace ll

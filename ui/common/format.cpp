#include "format.h"

#include "common/money.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <QLocale>

namespace ll::ui {

namespace {
QString dash() { return QStringLiteral("\u2014"); }
}

QString formatDateTime(const QDateTime &at)
{
    if (!at.isValid())
        return dash();
    return at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) + QStringLiteral(" UTC");
}

QString formatDate(const QDate &day)
{
    return day.isValid() ? day.toString(Qt::ISODate) : dash();
}

QString formatQuantity(std::int64_t nanos)
{
    return QLocale().toString(static_cast<double>(roundNanos(nanos, 2)) / 100.0, 'f', 2);
}

QString formatCount(std::int64_t count)
{
    return QLocale().toString(static_cast<qlonglong>(count));
}

QString formatPercent(double percent, int decimals)
{
    return QLocale().toString(percent, 'f', decimals) + QLatin1Char('%');
}

QString formatLagHours(const std::optional<std::int64_t> &seconds)
{
    if (!seconds)
        return dash();
    return QLocale().toString(static_cast<double>(*seconds) / 3600.0, 'f', 1);
}

QString formatPeriod(const QDate &first, const QDate &last)
{
    if (!first.isValid() && !last.isValid())
        return dash();
    if (first == last || !last.isValid())
        return formatDate(first);
    if (!first.isValid())
        return formatDate(last);
    return formatDate(first) + QStringLiteral(" \u2013 ") + formatDate(last);
}

double nanosToUnits(std::int64_t nanos)
{
    return static_cast<double>(nanos) / static_cast<double>(kNanosPerUnit);
}

std::optional<double> sharePercent(std::int64_t part, std::int64_t whole)
{
    if (whole == 0)
        return std::nullopt;
    return 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

QString formatJsonValue(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QCoreApplication::translate("ll::ui::format", "yes") : QCoreApplication::translate("ll::ui::format", "no");
    if (value.isNull() || value.isUndefined())
        return QCoreApplication::translate("ll::ui::format", "not set");
    return QString::fromUtf8(
        (value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject())).toJson(QJsonDocument::Compact));
}

} // namespace ll::ui

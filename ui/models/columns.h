#pragma once

// Column factories for the shapes many column tables repeat: a timestamp, a count, a lag.

#include "common/format.h"
#include "models/columntablemodel.h"

#include <QDateTime>

#include <cstdint>
#include <optional>

namespace ll::ui {

// "2024-05-01 13:05 UTC" (a dash when never), sorted by the instant.
template <typename Row> TableColumn<Row> dateTimeColumn(const QString &title, QDateTime Row::*member)
{
    return {.title = title, .display = [member](const Row &r) -> QVariant { return formatDateTime(r.*member); }, .sort = cellOf(member)};
}

// A locale-grouped integer, right-aligned, sorted and exported as the number.
template <typename Row> TableColumn<Row> countColumn(const QString &title, std::int64_t Row::*member)
{
    return {.title = title,
        .kind = ColumnKind::Integer,
        .display = [member](const Row &r) -> QVariant { return formatCount(r.*member); },
        .sort = cellOf(member),
        .alignment = kNumberAlignment};
}

// Hours behind; a source without events sorts first.
template <typename Row> TableColumn<Row> lagHoursColumn(const QString &title, std::optional<std::int64_t> Row::*member)
{
    return {.title = title,
        .display = [member](const Row &r) -> QVariant { return formatLagHours(r.*member); },
        .sort = [member](const Row &r) -> QVariant { return QVariant::fromValue<qint64>((r.*member).value_or(-1)); },
        .alignment = kNumberAlignment};
}

} // namespace ll::ui

#pragma once

#include <Qt>

namespace ll::ui {

// Every table model answers this role with the raw value (qint64 nanos, QDate, QDateTime,
// plain text) so QSortFilterProxyModel compares numbers and dates, not display strings.
inline constexpr int SortRole = Qt::UserRole + 1;

} // namespace ll::ui

#pragma once

#include <Qt>

namespace ll::ui {

// Every table model answers this role with the raw value (qint64 nanos, QDate, QDateTime,
// plain text) so QSortFilterProxyModel compares numbers and dates, not display strings.
inline constexpr int SortRole = Qt::UserRole + 1;

// Asked of headerData(section, Qt::Horizontal, ColumnKindRole): how the column's SortRole value
// is written to CSV (a ColumnKind as int). Columns that do not answer are Text.
inline constexpr int ColumnKindRole = Qt::UserRole + 2;

enum class ColumnKind {
    Text,     // DisplayRole text (QDate/QDateTime SortRole values are written as ISO 8601)
    Money,    // qint64 nano-units, written with 2 decimals
    Quantity, // qint64 nano-units, written with 6 decimals
    Integer,  // qint64 / int
    Number,   // double (shares, percentages)
    Decimal,  // DisplayRole is exact decimal text (prices, verbatim quantities), written as a number
};

} // namespace ll::ui

#pragma once

// Small conversions the report loaders share when reading a row.

#include "store/database.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace ll::reports {

inline QString isoDay(const QDate &d) { return d.toString(Qt::ISODate); }

// An epoch-seconds column as UTC; NULL is an invalid QDateTime ("never").
inline QDateTime utcFromEpoch(const store::Statement &s, int col)
{
    return s.isNull(col) ? QDateTime() : QDateTime::fromSecsSinceEpoch(s.int64(col), Qt::UTC);
}

} // namespace ll::reports

#pragma once

#include "reports/snapshots.h"

#include <QDate>
#include <QList>
#include <QStringList>

#include <cstdint>

namespace ll::ui {

// The data behind the Overview's stacked daily cost chart, built without any widget so it can
// be tested on its own. Every day of the window is present (days without cost are zero).
struct DailyCostSeries {
    QList<QDate> days;                        // consecutive, ascending
    QStringList products;                     // stacking order: largest total first, "Other" last
    QList<QList<std::int64_t>> costNanos;     // costNanos[product][day]
    QList<std::int64_t> dayTotalNanos;        // per day, all products
    std::int64_t maxDayTotalNanos = 0;

    bool isEmpty() const { return products.isEmpty(); }
};

// Builds `dayCount` days ending at `through` (or at the newest day in `daily` when `through` is
// invalid). Products beyond `maxProducts - 1` are folded into `otherLabel` so the legend stays
// readable; rows outside the window are ignored.
DailyCostSeries buildDailyCostSeries(const QList<reports::DailyProductCost> &daily, QDate through,
                                     int dayCount = 60, int maxProducts = 8,
                                     const QString &otherLabel = QStringLiteral("Other"));

} // namespace ll::ui

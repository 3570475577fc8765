#pragma once

// What an applied plan saved: the cost of its scope (the insight's line filter without its
// dates) over the window of the same length after the apply day, against the window before it,
// both scaled to a month (x 30 / days). The apply day itself is left out (it is half before,
// half after). Until the window after has fully arrived the figure is extrapolated from the
// complete days so far and says so ("measuring: N of M days").

#include "common/result.h"
#include "store/database.h"

#include <QDate>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace ll::plans {

struct RealisedSaving {
    std::int64_t planId = 0;
    QString insightKind;
    QString targetType;
    QString targetId;
    QString targetName;
    QString currency;
    std::int64_t estimatedMonthlyNanos = 0;
    std::optional<std::int64_t> realisedMonthlyNanos; // none while no day after the apply is complete
    QDate baselineFrom, baselineTo, afterFrom, afterTo;
    int daysMeasured = 0;
    int windowDays = 0;
    std::int64_t baselineCostNanos = 0;
    std::int64_t afterCostNanos = 0;

    bool complete() const { return windowDays > 0 && daysMeasured >= windowDays; }
    // "complete", or "measuring: N of M days".
    QString state() const;
    // "2026-10-02..2026-10-15 vs 2026-09-17..2026-09-30"
    QString windowText() const;
};

// Every applied or partially applied plan, oldest first. `lastCompleteDay` is the newest usage
// day that has fully arrived (invalid: the day before the newest usage day in the ledger).
Result<QList<RealisedSaving>> realisedSavings(store::Database &db, QDate lastCompleteDay = {});

} // namespace ll::plans

#pragma once

// The analyst's side of an insight's lifecycle: acknowledge, dismiss (a reason is required),
// reopen. Each change is one transaction with its audit-log entry (actor, before, after, reason).

#include "common/clock.h"
#include "common/result.h"
#include "insightstatus.h"
#include "store/database.h"

#include <QString>

#include <cstdint>

namespace ll::insights {

enum class ReviewAction { Acknowledge, Dismiss, Reopen };

struct ReviewOutcome {
    InsightStatus before;
    InsightStatus after;
    QString title;
};

// Errors: NotFound for an unknown id; InvalidArgument for a dismissal without a reason, or an
// action the current status does not allow (a resolved insight cannot be acknowledged: its
// condition no longer holds). Nothing changes on error.
Result<ReviewOutcome> reviewInsight(
    store::Database &db, const Clock &clock, std::int64_t findingId, ReviewAction action, const QString &actor, const QString &reason = {});

} // namespace ll::insights

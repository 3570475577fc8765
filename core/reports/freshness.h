#pragma once

// Is the data behind the views fresh enough to trust? The Overview shows a warning strip when it
// is not. Decided from raw_source_state (one row per extracted source) and the latest run of each
// pipeline stage, both tiny tables; the decision itself is a pure function so it can be tested
// on hand-made states.
//
// A problem is one of:
// - billing usage whose newest usage record is older than `billingLagSeconds` (usage normally
//   lands within ~12 h, so two days means extraction stopped or Databricks is late);
// - any other extracted source not refreshed successfully for `sourceAgeSeconds` (their newest
//   event can be old legitimately, e.g. a cluster list that did not change, so the age of the
//   last successful extraction is what says "stale");
// - a source whose last extraction failed;
// - a stage whose latest run failed or was interrupted (a later successful run clears it).
// Sources never extracted or unavailable in the account (optional system tables) are not
// problems: Data Health lists them.

#include "common/result.h"
#include "store/database.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace ll::reports {

// snapshots.h (which includes this header for OverviewSnapshot) defines these.
struct SourceStateRow;
struct StageRunRow;

struct FreshnessPolicy {
    std::int64_t billingLagSeconds = 2 * 86400;
    std::int64_t sourceAgeSeconds = 3 * 86400;
};

struct FreshnessProblem {
    enum class Kind {
        BillingStale,    // newest billing usage record too old (at = that record's time)
        SourceNotRefreshed, // last successful extraction too old (at = last success, invalid = never)
        SourceFailed,    // last extraction failed (at = last success, message = error)
        StageFailed,     // latest stage run failed or was interrupted (at = its start)
    };
    Kind kind = Kind::BillingStale;
    QString subject;     // source id ("billing_usage") or stage name ("attribution")
    QString systemTable; // sources only: "system.billing.usage"
    QDateTime at;
    std::optional<std::int64_t> ageSeconds; // now − at, when `at` is valid
    QString message;     // error text from the source state or the stage run
};

struct FreshnessReport {
    QDateTime now;
    QList<FreshnessProblem> problems; // billing first, then other sources by id, then stages
    bool ok() const { return problems.isEmpty(); }
};

// `latestStageRuns`: the newest run of each stage (any order).
FreshnessReport assessFreshness(const QList<SourceStateRow> &sources, const QList<StageRunRow> &latestStageRuns,
                                const QDateTime &now, const FreshnessPolicy &policy = {});

// Reads the source states and each stage's latest run, then assesses them.
Result<FreshnessReport> loadFreshness(store::Database &db, const QDateTime &now, const FreshnessPolicy &policy = {});

} // namespace ll::reports

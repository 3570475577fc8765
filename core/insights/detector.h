#pragma once

// A detector reads ledger and metrics tables and returns the findings that hold now. It writes
// nothing: the insights stage upserts its findings and resolves the ones it no longer returns,
// so a detector is a pure function of the store and can be tested as one.

#include "common/money.h"
#include "common/result.h"
#include "finding.h"
#include "store/database.h"
#include "thresholds.h"

#include <QDate>
#include <QList>
#include <QString>

#include <memory>
#include <vector>

namespace ll::insights {

struct DetectorContext {
    store::Database &db;
    const Thresholds &thresholds;
    // The newest usage day in the ledger, and the newest day whose usage is complete (the last
    // day's usage keeps arriving for hours; judging it early reads every partial day as a
    // drop). Detectors judge complete days only.
    QDate lastDataDay;
    QDate lastCompleteDay;
};

class Detector {
public:
    virtual ~Detector() = default;
    // The type ids this detector may return (the stage resolves findings of these types that
    // were not returned).
    virtual QStringList kinds() const = 0;
    virtual Result<QList<Finding>> detect(const DetectorContext &context) = 0;
};

// Every detector, in the order the stage runs them.
std::vector<std::unique_ptr<Detector>> allDetectors();

// The day range of a trailing window ending on the last complete day, as ISO text for SQL.
struct DayWindow {
    QDate first;
    QDate last;
    QString firstText() const { return first.toString(Qt::ISODate); }
    QString lastText() const { return last.toString(Qt::ISODate); }
    int days() const { return static_cast<int>(first.daysTo(last)) + 1; }
};
inline DayWindow trailingWindow(const DetectorContext &context, int days)
{
    return {context.lastCompleteDay.addDays(-(days - 1)), context.lastCompleteDay};
}

// Scales a figure observed over `days` days to 30 days (the "monthly" of every saving).
inline std::int64_t perMonth(std::int64_t nanos, int days)
{
    if (days <= 0)
        return 0;
    return static_cast<std::int64_t>((static_cast<Int128>(nanos) * 30) / days);
}

} // namespace ll::insights

namespace ll::insights {

// The default severity of a saving (docs/insights.md): high from $1,000 a month, medium from
// $200, low from $20, info below.
inline Severity severityForMonthlySaving(std::int64_t nanos)
{
    if (nanos >= 1000 * kNanosPerUnit)
        return Severity::High;
    if (nanos >= 200 * kNanosPerUnit)
        return Severity::Medium;
    if (nanos >= 20 * kNanosPerUnit)
        return Severity::Low;
    return Severity::Info;
}

inline QString usd(std::int64_t nanos) { return formatNanos(nanos, 2) + QStringLiteral(" USD"); }

} // namespace ll::insights

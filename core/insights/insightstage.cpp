#include "insightstage.h"

#include "detector.h"
#include "findingwriter.h"
#include "plans/plansync.h"

#include "pipeline/steptimer.h"

#include <QDateTime>
#include <QTimeZone>

namespace ll::insights {
namespace {

struct DataDays {
    QDate last;
    QDate lastComplete;
};

// The newest usage day, and the newest day whose usage has fully arrived: the day of the newest
// usage_end is partial unless that usage ended exactly at midnight. Both read through the
// usage_day index (no scan of the line table).
Result<DataDays> dataDays(store::Database &db)
{
    auto stmt = db.prepare("SELECT d.day, (SELECT max(usage_end) FROM ledger_usage_line WHERE usage_day = d.day) "
                           "FROM (SELECT max(usage_day) AS day FROM ledger_usage_line) d");
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    DataDays days;
    if (!*row || stmt->isNull(0))
        return days;
    days.last = QDate::fromString(stmt->text(0), Qt::ISODate);
    const std::int64_t lastEnd = stmt->int64(1);
    const QDate endDay = QDateTime::fromSecsSinceEpoch(lastEnd - 1, QTimeZone::utc()).date();
    days.lastComplete = lastEnd % 86400 == 0 ? endDay : endDay.addDays(-1);
    if (days.lastComplete > days.last)
        days.lastComplete = days.last;
    return days;
}

} // namespace

Result<std::int64_t> InsightStage::processWorkDays(pipeline::StageContext &context)
{
    store::Database &db = context.db;
    auto thresholds = Thresholds::load(db);
    if (!thresholds)
        return thresholds.error();
    auto days = dataDays(db);
    if (!days)
        return days.error();
    FindingWriter writer(db, context.clock, days->lastComplete);
    QStringList kinds;
    const auto detectors = allDetectors();
    if (days->lastComplete.isValid()) {
        const DetectorContext detectorContext{db, *thresholds, days->last, days->lastComplete};
        pipeline::StepTimer timer("insights");
        for (const auto &detector : detectors) {
            if (context.cancel.isCancelled())
                return makeError(ErrorCode::Cancelled, QStringLiteral("insights cancelled"));
            auto findings = detector->detect(detectorContext);
            if (!findings)
                return findings.error();
            for (const Finding &finding : *findings) {
                if (auto s = writer.write(finding); !s)
                    return s.error();
            }
            kinds << detector->kinds();
            timer.lap(detector->kinds().constFirst().toLatin1().constData());
        }
    } else {
        // No usage at all (every line retracted, or an empty account): nothing holds.
        for (const auto &detector : detectors)
            kinds << detector->kinds();
    }
    if (auto s = writer.resolveUnseen(kinds); !s)
        return s.error();
    // Plans follow their insights in the same transaction: a plan never outlives the insight
    // it acts on unnoticed, and a rebuild re-derives them like the findings (ids kept).
    if (auto s = plans::syncPlans(db, context.clock); !s)
        return s.error();
    return writer.written();
}

} // namespace ll::insights

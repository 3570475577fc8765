#include "realisedsavings.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace ll::plans {
namespace {

Result<QDate> newestCompleteDay(store::Database &db)
{
    auto stmt = db.prepare("SELECT max(usage_day) FROM ledger_usage_line");
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row || stmt->isNull(0))
        return QDate();
    // The newest day is usually still arriving: only the days before it count as complete.
    return QDate::fromString(stmt->text(0), Qt::ISODate).addDays(-1);
}

// The cost of the plan's scope over [from, to]: every line-filter key but the dates.
Result<std::int64_t> scopeCost(store::Database &db, const QJsonObject &filter, QDate from, QDate to)
{
    auto stmt =
        db.prepare("SELECT coalesce(sum(cost_nanos), 0) FROM ledger_usage_line WHERE usage_day BETWEEN :from AND :to "
                   "AND (:workspace IS NULL OR workspace_id = :workspace) AND (:job IS NULL OR job_id = :job) "
                   "AND (:cluster IS NULL OR cluster_id = :cluster) AND (:warehouse IS NULL OR warehouse_id = :warehouse) "
                   "AND (:pipeline IS NULL OR pipeline_id = :pipeline) AND (:product IS NULL OR billing_origin_product = :product)");
    if (!stmt)
        return stmt.error();
    const auto key = [&filter](const char *name) {
        const QString v = filter.value(QLatin1String(name)).toString();
        return v.isEmpty() ? QString() : v;
    };
    stmt->bind(":from", from.toString(Qt::ISODate));
    stmt->bind(":to", to.toString(Qt::ISODate));
    stmt->bind(":workspace", key("workspace_id"));
    stmt->bind(":job", key("job_id"));
    stmt->bind(":cluster", key("cluster_id"));
    stmt->bind(":warehouse", key("warehouse_id"));
    stmt->bind(":pipeline", key("pipeline_id"));
    stmt->bind(":product", key("billing_origin_product"));
    auto row = stmt->step();
    if (!row)
        return row.error();
    return stmt->int64(0);
}

} // namespace

QString RealisedSaving::state() const
{
    return complete() ? QStringLiteral("complete") : QStringLiteral("measuring: %1 of %2 days").arg(daysMeasured).arg(windowDays);
}

QString RealisedSaving::windowText() const
{
    return QStringLiteral("%1..%2 vs %3..%4")
        .arg(afterFrom.toString(Qt::ISODate), afterTo.toString(Qt::ISODate), baselineFrom.toString(Qt::ISODate),
            baselineTo.toString(Qt::ISODate));
}

Result<QList<RealisedSaving>> realisedSavings(store::Database &db, QDate lastCompleteDay)
{
    if (!lastCompleteDay.isValid()) {
        auto day = newestCompleteDay(db);
        if (!day)
            return day.error();
        lastCompleteDay = *day;
    }
    auto stmt = db.prepare("SELECT plan_id, insight_kind, target_type, target_id, target_name, currency_code, estimated_monthly_nanos, "
                           "baseline_from, baseline_to, line_filter FROM action_plan WHERE status IN ('applied', 'partially_applied') "
                           "AND baseline_from IS NOT NULL AND baseline_to IS NOT NULL ORDER BY plan_id");
    if (!stmt)
        return stmt.error();
    QList<RealisedSaving> rows;
    QList<QJsonObject> filters;
    if (auto s = stmt->forEachRow([&](const store::Statement &row) {
            RealisedSaving r;
            r.planId = row.int64(0);
            r.insightKind = row.text(1);
            r.targetType = row.text(2);
            r.targetId = row.text(3);
            r.targetName = row.text(4);
            r.currency = row.text(5);
            r.estimatedMonthlyNanos = row.int64(6);
            r.baselineFrom = QDate::fromString(row.text(7), Qt::ISODate);
            r.baselineTo = QDate::fromString(row.text(8), Qt::ISODate);
            filters.append(QJsonDocument::fromJson(row.text(9).toUtf8()).object());
            rows.append(r);
        });
        !s)
        return s.error();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        RealisedSaving &r = rows[i];
        r.windowDays = static_cast<int>(r.baselineFrom.daysTo(r.baselineTo)) + 1;
        // The apply day is baselineTo + 1; the window after starts the day after it.
        r.afterFrom = r.baselineTo.addDays(2);
        r.afterTo = r.afterFrom.addDays(r.windowDays - 1);
        // No usage at all yet (an invalid day): nothing after the apply has arrived.
        const QDate measuredTo = lastCompleteDay.isValid() ? std::min(r.afterTo, lastCompleteDay) : QDate();
        r.daysMeasured = measuredTo.isValid() && measuredTo >= r.afterFrom ? static_cast<int>(r.afterFrom.daysTo(measuredTo)) + 1 : 0;
        auto baseline = scopeCost(db, filters[i], r.baselineFrom, r.baselineTo);
        if (!baseline)
            return baseline.error();
        r.baselineCostNanos = *baseline;
        if (r.daysMeasured == 0)
            continue;
        auto after = scopeCost(db, filters[i], r.afterFrom, measuredTo);
        if (!after)
            return after.error();
        r.afterCostNanos = *after;
        // Per day before minus per day after, x 30; exact in nanos up to the final division.
        const std::int64_t perMonthBefore = r.baselineCostNanos * 30 / r.windowDays;
        const std::int64_t perMonthAfter = r.afterCostNanos * 30 / r.daysMeasured;
        r.realisedMonthlyNanos = perMonthBefore - perMonthAfter;
    }
    return rows;
}

} // namespace ll::plans

#include "attributiondeclining.h"

namespace ll::insights {
namespace {

const QString kKind = QStringLiteral("attribution_declining");

const QByteArray kDaily = "SELECT day, sum(cost_nanos), sum(unattributed_cost_nanos) FROM metrics_daily_product "
                          "WHERE day BETWEEN :first AND :last GROUP BY day ORDER BY day";

struct Week {
    std::int64_t cost = 0, unattributed = 0;
    double sharePct() const { return cost > 0 ? static_cast<double>(unattributed) * 100.0 / static_cast<double>(cost) : 0.0; }
};

} // namespace

Result<QList<Finding>> AttributionDecliningDetector::detect(const DetectorContext &context)
{
    const Thresholds &t = context.thresholds;
    const double minPoints = t.value(kKind, QStringLiteral("min_points"));
    const std::int64_t minWeekCost = t.nanos(kKind, QStringLiteral("min_week_cost_usd"));
    const DayWindow both = trailingWindow(context, 14);
    const QDate recentFirst = context.lastCompleteDay.addDays(-6);
    auto stmt = context.db.prepare(kDaily);
    if (!stmt)
        return stmt.error();
    stmt->bind(":first", both.firstText());
    stmt->bind(":last", both.lastText());
    Week previous, recent;
    QList<EvidenceDay> series;
    const Status read = stmt->forEachRow([&](const store::Statement &row) {
        const QDate day = QDate::fromString(row.text(0), Qt::ISODate);
        Week &w = day >= recentFirst ? recent : previous;
        w.cost += row.int64(1);
        w.unattributed += row.int64(2);
        series.append({day, row.int64(2), row.int64(1)}); // unattributed against the day's whole cost
    });
    if (!read)
        return read.error();
    QList<Finding> findings;
    if (previous.cost < minWeekCost || recent.cost < minWeekCost)
        return findings; // too little spend in a week to read a share from
    const double points = recent.sharePct() - previous.sharePct();
    if (points < minPoints)
        return findings;
    const QString before = QString::number(previous.sharePct(), 'f', 1), after = QString::number(recent.sharePct(), 'f', 1);
    const QString pointsText = QString::number(points, 'f', 1);
    const QString previousRange = both.firstText() + QStringLiteral("..") + recentFirst.addDays(-1).toString(Qt::ISODate);
    const QString recentRange = recentFirst.toString(Qt::ISODate) + QStringLiteral("..") + both.lastText();
    Finding f;
    f.kind = kKind;
    f.scopeType = ScopeType::Account;
    f.scopeId = QStringLiteral("account"); // insight_finding.scope_id is NOT NULL; one account per store
    f.scopeName = QStringLiteral("Account");
    f.severity = points >= t.value(kKind, QStringLiteral("high_points")) ? Severity::High
        : points >= t.value(kKind, QStringLiteral("medium_points"))      ? Severity::Medium
                                                                         : Severity::Low;
    f.title = QStringLiteral("Unattributed share rose %1 points to %2%").arg(pointsText, after);
    f.detail = QStringLiteral("%1 of %2 (%3%) was unattributed in the last 7 complete days (%4), against %5 of %6 (%7%) in the 7 "
                              "days before (%8): up %9 percentage points. Look at the unattributed view for new untagged "
                              "resources or principals without an identity mapping.")
                   .arg(usd(recent.unattributed), usd(recent.cost), after, recentRange, usd(previous.unattributed), usd(previous.cost),
                       before, previousRange, pointsText);
    f.monthlySavingsNanos = 0;
    f.savingsFormula = QStringLiteral("none: attribution decides who pays, not what is spent");
    f.firstDay = both.first;
    f.lastDay = both.last;
    f.evidence = QJsonObject{{QStringLiteral("previous_week"), previousRange}, {QStringLiteral("recent_week"), recentRange},
        {QStringLiteral("previous_cost"), formatNanos(previous.cost, 2)},
        {QStringLiteral("previous_unattributed"), formatNanos(previous.unattributed, 2)}, {QStringLiteral("previous_share_pct"), before},
        {QStringLiteral("recent_cost"), formatNanos(recent.cost, 2)},
        {QStringLiteral("recent_unattributed"), formatNanos(recent.unattributed, 2)}, {QStringLiteral("recent_share_pct"), after},
        {QStringLiteral("points"), pointsText}};
    f.series = series;
    f.lineFilter = QJsonObject{
        {QStringLiteral("team_key"), QString()}, {QStringLiteral("from"), both.firstText()}, {QStringLiteral("to"), both.lastText()}};
    findings.append(f);
    return findings;
}

} // namespace ll::insights

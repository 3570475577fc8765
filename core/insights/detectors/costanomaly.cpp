#include "costanomaly.h"

#include "insights/robuststats.h"
#include "metrics/teamaxis.h"
#include "reports/entitynames.h"

#include <QJsonArray>

#include <cmath>
#include <vector>

namespace ll::insights {
namespace {

const QString kSpike = QStringLiteral("cost_spike");
const QString kDrop = QStringLiteral("cost_drop");

// Each returns scope id, workspace id ('' for account-wide scopes), day, cost, quantity, name;
// ordered by scope and day.
struct ScopeQuery {
    ScopeType type;
    const char *sql;
};

const ScopeQuery kScopes[] = {
    {ScopeType::Workspace,
        "SELECT m.workspace_id, m.workspace_id, m.day, m.cost_nanos, m.quantity_nanos, "
        "(SELECT w.workspace_name FROM ledger_workspace w WHERE w.workspace_id = m.workspace_id) "
        "FROM metrics_daily_workspace m WHERE m.day BETWEEN :from AND :to ORDER BY 1, 2, 3"},
    {ScopeType::Team,
        "SELECT m.team_key, '', m.day, sum(m.cost_nanos), sum(m.quantity_nanos), max(" LL_TEAM_KEY_IS_NOT_A_TEAM ") "
        "FROM metrics_daily_team_project m WHERE m.day BETWEEN :from AND :to AND NOT " LL_TEAM_KEY_IS_NOT_A_TEAM " "
        "GROUP BY m.team_key, m.day ORDER BY 1, 2, 3"},
    {ScopeType::Job,
        "SELECT m.work_unit_id, m.workspace_id, m.day, sum(m.cost_nanos), sum(m.quantity_nanos), "
        "(SELECT u.name FROM ledger_work_unit u WHERE u.work_unit_type = 'job' AND u.work_unit_id = m.work_unit_id) "
        "FROM metrics_work_unit_daily m WHERE m.work_unit_type = 'job' AND m.work_unit_id <> '' AND m.day BETWEEN :from AND :to "
        "GROUP BY m.work_unit_id, m.workspace_id, m.day ORDER BY 1, 2, 3"},
};

struct Series {
    QString scopeId;
    QString workspaceId;
    QString name;
    int firstPresent = -1;          // index of the first day with a row
    std::vector<std::int64_t> cost; // index 0 = the query's first day
    std::vector<std::int64_t> quantity;
};

struct Baseline {
    double cost = 0;
    double costMad = 0;
    double quantity = 0;
    double quantityMad = 0;
};

struct Params {
    double minZ, minRatio;
    double minBaseline, minDelta; // nanos
    double minSpread;             // share of the baseline (0.25 = 25 %)
};

struct AnomalousDay {
    QDate day;
    std::int64_t cost;
    std::int64_t baseline;
    double z;
};

std::optional<Baseline> baselineAt(const Series &s, int index, int weeks, int minPoints)
{
    QList<double> costs, quantities;
    for (int k = 1; k <= weeks; ++k) {
        const int i = index - 7 * k;
        if (i < 0 || i < s.firstPresent)
            break;
        costs.append(static_cast<double>(s.cost[i]));
        quantities.append(static_cast<double>(s.quantity[i]));
    }
    if (costs.size() < minPoints)
        return std::nullopt;
    Baseline b;
    b.cost = median(costs);
    b.costMad = medianAbsoluteDeviation(costs, b.cost);
    b.quantity = median(quantities);
    b.quantityMad = medianAbsoluteDeviation(quantities, b.quantity);
    return b;
}

bool isSpike(double x, double base, double mad, const Params &p, bool withFloors)
{
    if (withFloors && (base < p.minBaseline || x - base < p.minDelta))
        return false;
    return x > base && (robustZ(x, base, mad, p.minSpread * base) >= p.minZ || x >= p.minRatio * base);
}

bool isDrop(double x, double base, double mad, const Params &p, bool withFloors)
{
    if (withFloors && (base < p.minBaseline || base - x < p.minDelta))
        return false;
    return x < base && (robustZ(x, base, mad, p.minSpread * base) <= -p.minZ || x * p.minRatio <= base);
}

Params paramsOf(const Thresholds &t, const QString &kind)
{
    return {t.value(kind, QStringLiteral("min_z")), t.value(kind, QStringLiteral("min_ratio")),
        static_cast<double>(t.nanos(kind, QStringLiteral("min_baseline_usd"))),
        static_cast<double>(t.nanos(kind, QStringLiteral("min_delta_usd"))), t.value(kSpike, QStringLiteral("min_spread_pct")) / 100.0};
}

QString scopeNoun(ScopeType type)
{
    switch (type) {
    case ScopeType::Workspace: return QStringLiteral("Workspace");
    case ScopeType::Team: return QStringLiteral("Team");
    case ScopeType::Job: return QStringLiteral("Job");
    default: return toText(type);
    }
}

Severity spikeSeverity(std::int64_t excess, double ratio)
{
    if (excess >= 1000 * kNanosPerUnit || ratio >= 5.0)
        return Severity::High;
    if (excess >= 250 * kNanosPerUnit)
        return Severity::Medium;
    return Severity::Low;
}

Severity dropSeverity(std::int64_t shortfall)
{
    if (shortfall >= 1000 * kNanosPerUnit)
        return Severity::High;
    if (shortfall >= 250 * kNanosPerUnit)
        return Severity::Medium;
    return Severity::Low;
}

Finding makeFinding(const QString &kind, ScopeType type, const Series &s, const QList<AnomalousDay> &days, const QDate &seriesStart,
    const QDate &windowFirst, const QDate &windowLast, int weeks, int minPoints)
{
    Finding f;
    f.kind = kind;
    f.scopeType = type;
    f.scopeId = s.scopeId;
    f.workspaceId = type == ScopeType::Team ? QString() : s.workspaceId;
    const QString unknownType = type == ScopeType::Job ? QStringLiteral("job")
        : type == ScopeType::Workspace                 ? QStringLiteral("workspace")
                                                       : QString();
    f.scopeName = !s.name.isEmpty() ? s.name : unknownType.isEmpty() ? s.scopeId : reports::EntityNames::unknownReason(unknownType);
    const QString label = s.name.isEmpty() ? s.scopeId : s.name;
    const bool spike = kind == kSpike;

    std::int64_t delta = 0;
    const AnomalousDay *largest = &days.first();
    QJsonArray dayList;
    QStringList dayTexts;
    for (const AnomalousDay &d : days) {
        delta += spike ? d.cost - d.baseline : d.baseline - d.cost;
        if (std::llabs(d.cost - d.baseline) > std::llabs(largest->cost - largest->baseline))
            largest = &d;
        dayList.append(QJsonObject{{QStringLiteral("day"), d.day.toString(Qt::ISODate)}, {QStringLiteral("cost"), formatNanos(d.cost, 2)},
            {QStringLiteral("baseline"), formatNanos(d.baseline, 2)},
            {QStringLiteral("z"), std::isfinite(d.z) ? QJsonValue(std::round(d.z * 100) / 100) : QJsonValue(QStringLiteral("inf"))}});
        dayTexts << QStringLiteral("%1: %2 against %3").arg(d.day.toString(Qt::ISODate), usd(d.cost), usd(d.baseline));
    }
    const double ratio = largest->baseline > 0 ? static_cast<double>(largest->cost) / static_cast<double>(largest->baseline) : 0.0;
    const QString weekday = QLocale::c().dayName(largest->day.dayOfWeek());
    if (spike) {
        f.title = QStringLiteral("%1 %2 cost %3 on %4, %5x its usual %6")
                      .arg(scopeNoun(type), label, usd(largest->cost), largest->day.toString(Qt::ISODate), QString::number(ratio, 'f', 1),
                          weekday);
        f.severity = spikeSeverity(delta, ratio);
        f.monthlySavingsNanos = delta;
        f.savingsFormula = QStringLiteral("sum over the spike days of (cost - same-weekday median of the %1 weeks before) = %2")
                               .arg(weeks)
                               .arg(usd(delta));
        f.detail =
            QStringLiteral("%1 %2 spent far above its baseline (the median of the same weekday over up to %3 weeks, at least %4 of them) "
                           "on %5 day(s), %6 above it in all: %7. Its DBUs rose the same way, so this is more usage, not a price change. "
                           "Open the line items to see which SKUs and work units grew.")
                .arg(scopeNoun(type), label, QString::number(weeks), QString::number(minPoints), QString::number(days.size()), usd(delta),
                    dayTexts.join(QStringLiteral("; ")));
    } else {
        f.title = QStringLiteral("%1 %2 cost fell to %3 on %4, from a usual %5 of %6")
                      .arg(scopeNoun(type), label, usd(largest->cost), largest->day.toString(Qt::ISODate), weekday, usd(largest->baseline));
        f.severity = dropSeverity(delta);
        f.monthlySavingsNanos = 0;
        f.savingsFormula =
            QStringLiteral("none: a drop saves money only if the work it stopped was not needed; shortfall %1").arg(usd(delta));
        f.detail = QStringLiteral("%1 %2 spent far below its baseline (the median of the same weekday over up to %3 weeks) on %4 day(s), "
                                  "%5 short in all: %6. Its DBUs fell the same way. A sudden drop often means a job or pipeline stopped "
                                  "running or fails early: check its recent runs.")
                       .arg(scopeNoun(type), label, QString::number(weeks), QString::number(days.size()), usd(delta),
                           dayTexts.join(QStringLiteral("; ")));
    }
    f.firstDay = days.first().day;
    f.lastDay = days.last().day;
    f.evidence = QJsonObject{{QStringLiteral("days"), dayList},
        {spike ? QStringLiteral("excess") : QStringLiteral("shortfall"), formatNanos(delta, 2)},
        {QStringLiteral("baseline"),
            QStringLiteral("same-weekday median over up to %1 weeks, at least %2 points").arg(weeks).arg(minPoints)},
        {QStringLiteral("window"), windowFirst.toString(Qt::ISODate) + QStringLiteral("..") + windowLast.toString(Qt::ISODate)}};
    f.lineFilter =
        QJsonObject{{QStringLiteral("from"), f.firstDay.toString(Qt::ISODate)}, {QStringLiteral("to"), f.lastDay.toString(Qt::ISODate)}};
    if (type == ScopeType::Workspace)
        f.lineFilter.insert(QStringLiteral("workspace_id"), s.workspaceId);
    else if (type == ScopeType::Job) {
        f.lineFilter.insert(QStringLiteral("workspace_id"), s.workspaceId);
        f.lineFilter.insert(QStringLiteral("job_id"), s.scopeId);
    } else if (type == ScopeType::Team)
        f.lineFilter.insert(QStringLiteral("team_key"), s.scopeId);
    (void)seriesStart;
    return f;
}

} // namespace

Result<QList<Finding>> CostAnomalyDetector::detect(const DetectorContext &context)
{
    const Thresholds &t = context.thresholds;
    const int weeks = static_cast<int>(t.value(kSpike, QStringLiteral("baseline_weeks")));
    const int minPoints = static_cast<int>(t.value(kSpike, QStringLiteral("min_points")));
    const DayWindow window = trailingWindow(context, static_cast<int>(t.value(kSpike, QStringLiteral("window_days"))));
    const QDate from = window.first.addDays(-7 * weeks);
    const int length = static_cast<int>(from.daysTo(window.last)) + 1;
    const Params spike = paramsOf(t, kSpike);
    const Params drop = paramsOf(t, kDrop);
    const int chartDays = 28; // the evidence chart: four weeks before the window, and the window

    QList<Finding> findings;
    for (const ScopeQuery &scope : kScopes) {
        auto stmt = context.db.prepare(scope.sql);
        if (!stmt)
            return stmt.error();
        stmt->bind(":from", from.toString(Qt::ISODate));
        stmt->bind(":to", window.lastText());
        std::vector<Series> all;
        const Status read = stmt->forEachRow([&](const store::Statement &row) {
            if (all.empty() || all.back().scopeId != row.text(0) || all.back().workspaceId != row.text(1)) {
                Series s;
                s.scopeId = row.text(0);
                s.workspaceId = row.text(1);
                s.name = scope.type == ScopeType::Team ? QString() : row.text(5);
                s.cost.assign(length, 0);
                s.quantity.assign(length, 0);
                all.push_back(std::move(s));
            }
            Series &s = all.back();
            const int i = static_cast<int>(from.daysTo(QDate::fromString(row.text(2), Qt::ISODate)));
            if (i < 0 || i >= length)
                return;
            if (s.firstPresent < 0)
                s.firstPresent = i;
            s.cost[i] += row.int64(3);
            s.quantity[i] += row.int64(4);
        });
        if (!read)
            return read.error();
        if (scope.type == ScopeType::Team) {
            auto names = context.db.prepare(QByteArray("SELECT ") + metrics::kTeamLabel + " FROM (SELECT ? AS team_key) m");
            if (!names)
                return names.error();
            for (Series &s : all) {
                names->reset();
                names->bind(1, s.scopeId);
                if (auto row = names->step(); row && *row)
                    s.name = names->text(0);
            }
        }

        const int windowStart = static_cast<int>(from.daysTo(window.first));
        for (const Series &s : all) {
            QList<AnomalousDay> spikes, drops;
            QList<EvidenceDay> chart;
            for (int i = std::max(0, windowStart - chartDays); i < length; ++i) {
                const auto base = baselineAt(s, i, weeks, minPoints);
                const QDate day = from.addDays(i);
                if (i >= std::max(0, s.firstPresent))
                    chart.append({day, s.cost[i], base ? std::optional<std::int64_t>(std::llround(base->cost)) : std::nullopt});
                if (i < windowStart || !base)
                    continue;
                const double x = static_cast<double>(s.cost[i]);
                const double q = static_cast<double>(s.quantity[i]);
                const AnomalousDay d{
                    day, s.cost[i], std::llround(base->cost), robustZ(x, base->cost, base->costMad, spike.minSpread * base->cost)};
                if (isSpike(x, base->cost, base->costMad, spike, true) && isSpike(q, base->quantity, base->quantityMad, spike, false))
                    spikes.append(d);
                else if (isDrop(x, base->cost, base->costMad, drop, true) && isDrop(q, base->quantity, base->quantityMad, drop, false))
                    drops.append(d);
            }
            if (!spikes.isEmpty()) {
                findings.append(makeFinding(kSpike, scope.type, s, spikes, from, window.first, window.last, weeks, minPoints));
                findings.last().series = chart;
            }
            if (!drops.isEmpty()) {
                findings.append(makeFinding(kDrop, scope.type, s, drops, from, window.first, window.last, weeks, minPoints));
                findings.last().series = chart;
            }
        }
    }
    return findings;
}

} // namespace ll::insights

#include "thresholds.h"

#include "audit/auditlog.h"
#include "common/money.h"
#include "pipeline/progressstate.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>

namespace ll::insights {
namespace {

QString fullName(const QString &detector, const QString &key) { return detector + QLatin1Char('.') + key; }

const QString kSettingKey = QStringLiteral("insights.thresholds");

} // namespace

const QList<ThresholdSpec> &Thresholds::specs()
{
    // Defaults follow the field's best tools: a spike needs a robust z of 2 or 2.5x the
    // baseline, on a baseline of at least $10, and moves at least $50.
    static const QList<ThresholdSpec> table = {
        {"cost_spike", "min_z", 2.0, 0.5, 20, "z", "Robust z-score (median/MAD of the same weekday) a day must reach"},
        {"cost_spike", "min_ratio", 2.5, 1.1, 100, "x", "...or this multiple of its baseline"},
        {"cost_spike", "min_baseline_usd", 10, 0, 1e9, "USD", "Baselines below this are too small to judge"},
        {"cost_spike", "min_delta_usd", 50, 0, 1e9, "USD", "A day must exceed its baseline by at least this much"},
        {"cost_spike", "baseline_weeks", 8, 4, 12, "weeks", "Same-weekday history the baseline is taken from"},
        {"cost_spike", "min_points", 5, 3, 12, "points", "Same-weekday days the baseline needs"},
        {"cost_spike", "window_days", 14, 1, 60, "days", "Recent complete days that are checked"},
        {"cost_spike", "min_spread_pct", 25, 0, 100, "%",
            "Smallest spread the z-score assumes, as a share of the baseline: 5-8 same-weekday points can show almost no spread by chance"},
        {"cost_drop", "min_z", 2.0, 0.5, 20, "z", "Robust z-score below the baseline a day must reach"},
        {"cost_drop", "min_ratio", 2.5, 1.1, 100, "x", "...or the baseline must be this multiple of the day"},
        {"cost_drop", "min_baseline_usd", 10, 0, 1e9, "USD", "Baselines below this are too small to judge"},
        {"cost_drop", "min_delta_usd", 50, 0, 1e9, "USD", "A day must fall short of its baseline by at least this much"},
        {"jobs_on_all_purpose", "window_days", 30, 7, 90, "days", "Days of usage checked"},
        {"jobs_on_all_purpose", "min_savings_usd", 1, 0, 1e9, "USD", "Smallest monthly saving worth an insight"},
        // Runs and SQL warehouses (runaway_run, failed_run_waste, retry_storm, idle_warehouse, always_on_warehouse).
        {"runaway_run", "min_z", 2.5, 0.5, 20, "z",
            "Robust z-score (median/MAD of the job's previous runs) a run's duration or cost must reach"},
        {"runaway_run", "min_spread_pct", 25, 0, 100, "%",
            "Smallest spread the z-score assumes, as a share of the median: a job's runs can be nearly identical"},
        {"runaway_run", "min_history_runs", 5, 3, 100, "runs", "Previous completed runs a job needs before its runs are judged"},
        {"runaway_run", "history_runs", 30, 5, 500, "runs", "Previous completed runs the median and MAD are taken from"},
        {"runaway_run", "history_days", 90, 7, 365, "days", "How far back before the window previous runs are read"},
        {"runaway_run", "window_days", 30, 1, 90, "days", "Recent days whose runs are judged"},
        {"runaway_run", "min_excess_usd", 5, 0, 1e9, "USD", "A run must cost at least this much above the median to count on cost"},
        {"runaway_run", "min_excess_minutes", 15, 0, 10000, "minutes",
            "A run must take at least this much longer than the median to count on duration"},
        {"runaway_run", "min_savings_usd", 10, 0, 1e9, "USD",
            "Smallest monthly excess worth an insight (a run still going is always reported)"},
        {"failed_run_waste", "window_days", 30, 7, 90, "days", "Days of runs checked"},
        {"failed_run_waste", "min_savings_usd", 25, 0, 1e9, "USD", "Smallest monthly cost of failed runs worth an insight"},
        {"retry_storm", "window_days", 7, 1, 30, "days", "Recent days checked for a storm"},
        {"retry_storm", "min_failed_per_day", 3, 2, 1000, "runs", "Failed runs on one day that make a storm"},
        {"retry_storm", "min_runs", 6, 2, 1000, "runs", "...or at least this many runs in the window,"},
        {"retry_storm", "min_failure_pct", 50, 1, 100, "%", "...of which at least this share failed"},
        {"retry_storm", "min_failed_cost_usd", 1, 0, 1e9, "USD", "Storms whose failed runs cost less are left out"},
        {"idle_warehouse", "window_days", 30, 7, 90, "days", "Days of warehouse running time checked"},
        {"idle_warehouse", "min_idle_pct", 50, 1, 100, "%", "Share of running time without a query a warehouse must reach"},
        {"idle_warehouse", "min_idle_hours_per_day", 1, 0, 24, "hours", "Idle hours per day of the window a warehouse must reach"},
        {"idle_warehouse", "min_savings_usd", 20, 0, 1e9, "USD", "Smallest monthly idle cost worth an insight"},
        {"always_on_warehouse", "max_auto_stop_minutes", 60, 1, 10000, "minutes",
            "Auto-stops longer than this are flagged (0, disabled, always is)"},
        {"always_on_warehouse", "target_auto_stop_minutes", 10, 1, 1000, "minutes", "The auto-stop the saving is estimated for"},
        {"always_on_warehouse", "window_days", 30, 7, 90, "days", "Days of running time the saving is replayed over"},
        {"always_on_warehouse", "min_savings_usd", 5, 0, 1e9, "USD",
            "Smallest monthly saving worth an insight for a long (not disabled) auto-stop"},
        // Clusters, tags and attribution (idle_cluster, long_autotermination, oversized_compute, tag_hygiene,
        // attribution_declining).
        // An hour is idle with nothing attached and CPU and memory below these (an idle Spark driver
        // and executors keep 20-50 % of memory in use, so memory alone says little).
        {"idle_cluster", "cpu_idle_pct", 10, 0.5, 100, "%", "Mean CPU below which a cluster hour with nothing attached is idle"},
        {"idle_cluster", "mem_idle_pct", 60, 1, 100, "%", "...and mean memory below which it is idle"},
        {"idle_cluster", "window_days", 14, 1, 60, "days", "Recent complete days that are checked"},
        {"idle_cluster", "min_idle_hours_per_day", 2, 0, 24, "hours", "Idle hours per day of the window a cluster needs to be reported"},
        {"idle_cluster", "medium_idle_hours_per_day", 6, 0, 24, "hours", "Idle hours per day from which the insight is medium"},
        {"idle_cluster", "high_idle_hours_per_day", 12, 0, 24, "hours", "Idle hours per day from which the insight is high"},
        {"idle_cluster", "min_savings_usd", 5, 0, 1e9, "USD", "Smallest monthly idle cost worth an insight"},
        {"long_autotermination", "max_minutes", 120, 10, 10000, "minutes", "Auto-termination above this (or disabled) is reported"},
        {"long_autotermination", "recommended_minutes", 30, 10, 1000, "minutes", "Auto-termination the saving is computed for"},
        {"long_autotermination", "window_days", 14, 1, 60, "days", "Recent complete days whose idle stretches price the saving"},
        {"oversized_compute", "cpu_p95_pct", 30, 1, 100, "%", "A cluster whose busy hours stay below this CPU at the 95th percentile..."},
        {"oversized_compute", "mem_p95_pct", 50, 1, 100, "%", "...and below this memory is oversized"},
        {"oversized_compute", "min_busy_hours", 20, 1, 1000, "hours", "Busy (not idle) sampled hours a cluster needs to be judged"},
        {"oversized_compute", "min_savings_usd", 20, 0, 1e9, "USD", "Smallest monthly saving worth an insight"},
        {"oversized_compute", "window_days", 30, 7, 90, "days", "Recent complete days that are checked"},
        {"oversized_compute", "warehouse_min_running_hours", 20, 1, 10000, "hours",
            "Running hours a warehouse needs before 'never scaled past its minimum' is reported"},
        {"tag_hygiene", "window_days", 30, 7, 90, "days", "Recent complete days that are checked"},
        {"tag_hygiene", "min_affected_usd", 20, 0, 1e9, "USD", "Smallest monthly spend affected worth an insight"},
        {"tag_hygiene", "low_usd", 100, 0, 1e9, "USD", "Monthly spend affected from which the insight is low (info below)"},
        {"tag_hygiene", "medium_usd", 1000, 0, 1e9, "USD", "Monthly spend affected from which the insight is medium"},
        {"tag_hygiene", "high_usd", 5000, 0, 1e9, "USD", "Monthly spend affected from which the insight is high"},
        {"attribution_declining", "min_points", 5, 0.5, 100, "points", "Rise of the unattributed share, week over week, that is reported"},
        {"attribution_declining", "medium_points", 10, 0.5, 100, "points", "Rise from which the insight is medium"},
        {"attribution_declining", "high_points", 20, 0.5, 100, "points", "Rise from which the insight is high"},
        {"attribution_declining", "min_week_cost_usd", 100, 0, 1e9, "USD", "Spend each week needs for its share to count"},
        // Budgets (budget_at_risk).
        {"budget_at_risk", "min_elapsed_days", 3, 1, 31, "days",
            "Days of the month known before a forecast overrun is reported (an overrun already spent always is)"},
        {"budget_at_risk", "min_overrun_percent", 0, 0, 1000, "%", "Forecast overrun, in percent of the budget, that is reported"},
        {"budget_at_risk", "medium_overrun_percent", 10, 0, 1000, "%", "Forecast overrun from which the insight is medium"},
        {"budget_at_risk", "high_overrun_percent", 25, 0, 1000, "%",
            "Forecast overrun from which the insight is high (as is any overrun already spent)"},
    };
    return table;
}

Thresholds::Thresholds()
{
    for (const ThresholdSpec &s : specs())
        m_values.insert(s.name(), s.defaultValue);
}

double Thresholds::value(const QString &detector, const QString &key) const { return m_values.value(fullName(detector, key), 0.0); }

std::int64_t Thresholds::nanos(const QString &detector, const QString &key) const
{
    return static_cast<std::int64_t>(std::llround(value(detector, key) * static_cast<double>(kNanosPerUnit)));
}

Result<Thresholds> Thresholds::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return makeError(ErrorCode::BadInput,
            QStringLiteral("The thresholds file is not valid JSON: %1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!doc.isObject())
        return makeError(ErrorCode::BadInput,
            QStringLiteral("The thresholds file must be a JSON object of detectors, e.g. {\"cost_spike\": {\"min_z\": 3}}"));
    Thresholds result;
    QStringList problems;
    const QJsonObject root = doc.object();
    for (auto d = root.begin(); d != root.end(); ++d) {
        const bool knownDetector =
            std::any_of(specs().begin(), specs().end(), [&](const ThresholdSpec &s) { return s.detectorName() == d.key(); });
        if (!knownDetector) {
            problems << QStringLiteral("%1: not a detector with thresholds").arg(d.key());
            continue;
        }
        if (!d.value().isObject()) {
            problems << QStringLiteral("%1: must be an object of thresholds").arg(d.key());
            continue;
        }
        const QJsonObject values = d.value().toObject();
        for (auto v = values.begin(); v != values.end(); ++v) {
            const QString name = fullName(d.key(), v.key());
            const auto spec = std::find_if(specs().begin(), specs().end(), [&](const ThresholdSpec &s) { return s.name() == name; });
            if (spec == specs().end()) {
                problems << QStringLiteral("%1: not a threshold of %2").arg(name, d.key());
                continue;
            }
            if (!v.value().isDouble()) {
                problems << QStringLiteral("%1: must be a number").arg(name);
                continue;
            }
            const double x = v.value().toDouble();
            if (!std::isfinite(x) || x < spec->minimum || x > spec->maximum) {
                problems << QStringLiteral("%1: %2 is outside %3..%4 %5")
                                .arg(name, QString::number(x), QString::number(spec->minimum), QString::number(spec->maximum),
                                    QString::fromLatin1(spec->unit));
                continue;
            }
            result.m_values.insert(name, x);
        }
    }
    if (!problems.isEmpty())
        return makeError(ErrorCode::BadInput, QStringLiteral("The thresholds were not changed: ") + problems.join(QStringLiteral("; ")));
    return result;
}

namespace {

QByteArray writeJson(const QHash<QString, double> &values, bool overridesOnly)
{
    QJsonObject root;
    for (const ThresholdSpec &s : Thresholds::specs()) {
        const double v = values.value(s.name(), s.defaultValue);
        if (overridesOnly && v == s.defaultValue)
            continue;
        QJsonObject detector = root.value(s.detectorName()).toObject();
        detector.insert(s.keyName(), v);
        root.insert(s.detectorName(), detector);
    }
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

} // namespace

QByteArray Thresholds::toJson() const { return writeJson(m_values, false); }

QByteArray Thresholds::overridesJson() const { return writeJson(m_values, true); }

Result<Thresholds> Thresholds::load(store::Database &db)
{
    auto stmt = db.prepare("SELECT value FROM app_setting WHERE key = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, kSettingKey);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return Thresholds();
    auto parsed = fromJson(stmt->text(0).toUtf8());
    if (!parsed)
        return makeError(ErrorCode::Corrupt,
            QStringLiteral("The stored insight thresholds are damaged; import a valid file to replace them"), parsed.error().message);
    return parsed;
}

Status Thresholds::save(store::Database &db) const
{
    auto stmt = db.prepare("INSERT INTO app_setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, kSettingKey);
    stmt->bind(2, QString::fromUtf8(overridesJson()));
    return stmt->run();
}

Status Thresholds::apply(store::Database &db, const Clock &clock, const QString &actor, const Thresholds &next)
{
    auto before = load(db);
    if (!before)
        return before.error();
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    if (auto s = next.save(db); !s)
        return s;
    if (auto s = pipeline::ProgressState::queueNewestDay(db, QStringLiteral("insights")); !s)
        return s;
    if (auto s = audit::AuditLog::record(db, clock, actor, QStringLiteral("insights.thresholds"), QStringLiteral("thresholds"),
            QString::fromUtf8(before->overridesJson()), QString::fromUtf8(next.overridesJson()));
        !s)
        return s;
    return tx.commit();
}

} // namespace ll::insights

#include "taghygiene.h"

#include <QJsonArray>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace ll::insights {
namespace {

const QString kKind = QStringLiteral("tag_hygiene");

// A malformed or non-object custom_tags reads as no tags rather than failing the statement.
#define LL_LINE_TAGS                                                                                                                       \
    "json_each(CASE WHEN json_valid(l.custom_tags) AND json_type(l.custom_tags) = 'object' THEN l.custom_tags ELSE '{}' END)"

const QByteArray kRuleKeys =
    "SELECT DISTINCT lower(trim(json_extract(spec, '$.match.key'))) FROM app_rule "
    "WHERE enabled = 1 AND json_extract(spec, '$.match.field') = 'tag' AND json_extract(spec, '$.match.key') IS NOT NULL";

const QByteArray kKeySpend = "SELECT j.key, sum(l.cost_nanos), count(*) FROM ledger_usage_line l, " LL_LINE_TAGS " j "
                             "WHERE l.usage_day BETWEEN :first AND :last AND l.cost_nanos IS NOT NULL GROUP BY j.key";

const QByteArray kTotal = "SELECT coalesce(sum(cost_nanos), 0) FROM ledger_usage_line WHERE usage_day BETWEEN :first AND :last";

// Per day: cost of the lines without the key (any case).
const QByteArray kMissing = "SELECT l.usage_day, sum(l.cost_nanos), count(*), count(DISTINCT l.workspace_id) FROM ledger_usage_line l "
                            "WHERE l.usage_day BETWEEN :first AND :last AND l.cost_nanos IS NOT NULL "
                            "AND NOT EXISTS (SELECT 1 FROM " LL_LINE_TAGS " j WHERE lower(j.key) = :key) "
                            "GROUP BY l.usage_day ORDER BY l.usage_day";

// Keys that differ only by case or separators are one key spelled several ways.
QString normalisedKey(const QString &key)
{
    QString out;
    for (const QChar ch : key)
        if (ch.isLetterOrNumber())
            out.append(ch.toLower());
    return out;
}

Severity severityForAffected(std::int64_t monthly, const Thresholds &t)
{
    if (monthly >= t.nanos(kKind, QStringLiteral("high_usd")))
        return Severity::High;
    if (monthly >= t.nanos(kKind, QStringLiteral("medium_usd")))
        return Severity::Medium;
    if (monthly >= t.nanos(kKind, QStringLiteral("low_usd")))
        return Severity::Low;
    return Severity::Info;
}

struct Spelling {
    QString key;
    std::int64_t cost = 0, lines = 0;
};

Finding baseFinding(const QString &scopeId, const QString &name, const DayWindow &window)
{
    Finding f;
    f.kind = kKind;
    f.scopeType = ScopeType::Account;
    f.scopeId = scopeId;
    f.scopeName = name;
    f.monthlySavingsNanos = 0;
    f.savingsFormula = QStringLiteral("none: fixing tags changes who a cost is attributed to, not what it costs");
    f.firstDay = window.first;
    f.lastDay = window.last;
    f.lineFilter = QJsonObject{{QStringLiteral("from"), window.firstText()}, {QStringLiteral("to"), window.lastText()}};
    return f;
}

} // namespace

Result<QList<Finding>> TagHygieneDetector::detect(const DetectorContext &context)
{
    const Thresholds &t = context.thresholds;
    const DayWindow window = trailingWindow(context, static_cast<int>(t.value(kKind, QStringLiteral("window_days"))));
    const std::int64_t minAffected = t.nanos(kKind, QStringLiteral("min_affected_usd"));
    QList<Finding> findings;

    auto total = context.db.prepare(kTotal);
    if (!total)
        return total.error();
    total->bind(":first", window.firstText());
    total->bind(":last", window.lastText());
    std::int64_t totalCost = 0;
    if (Status s = total->forEachRow([&](const store::Statement &row) { totalCost = row.int64(0); }); !s)
        return s.error();
    if (totalCost <= 0)
        return findings;
    auto share = [&](std::int64_t nanos) {
        return QString::number(static_cast<double>(nanos) * 100.0 / static_cast<double>(totalCost), 'f', 1);
    };

    // 1. Required keys missing.
    QStringList required{QStringLiteral("team")};
    auto rules = context.db.prepare(kRuleKeys);
    if (!rules)
        return rules.error();
    if (Status s = rules->forEachRow([&](const store::Statement &row) {
            if (!row.text(0).isEmpty() && !required.contains(row.text(0)))
                required.append(row.text(0));
        });
        !s)
        return s.error();
    for (const QString &key : required) {
        auto missing = context.db.prepare(kMissing);
        if (!missing)
            return missing.error();
        missing->bind(":first", window.firstText());
        missing->bind(":last", window.lastText());
        missing->bind(":key", key);
        std::int64_t cost = 0, lines = 0;
        QList<EvidenceDay> series;
        if (Status s = missing->forEachRow([&](const store::Statement &row) {
                cost += row.int64(1);
                lines += row.int64(2);
                series.append({QDate::fromString(row.text(0), Qt::ISODate), row.int64(1), std::nullopt});
            });
            !s)
            return s.error();
        const std::int64_t monthly = perMonth(cost, window.days());
        if (cost <= 0 || monthly < minAffected)
            continue;
        Finding f = baseFinding(QStringLiteral("missing:") + key, QStringLiteral("Tag key '%1'").arg(key), window);
        f.severity = severityForAffected(monthly, t);
        const bool fallback = key == QLatin1String("team");
        f.title = QStringLiteral("%1 of spend has no '%2' tag").arg(usd(cost), key);
        f.detail = QStringLiteral("Between %1 and %2, %3 line item(s) costing %4 (%5% of %6) carried no '%7' tag in any case. %8 "
                                  "Tag the clusters, jobs, warehouses and budget policies behind them.")
                       .arg(window.firstText(), window.lastText(), QString::number(lines), usd(cost), share(cost), usd(totalCost), key,
                           fallback ? QStringLiteral("Attribution falls back to the work unit's tag and identity mappings for them, "
                                                     "and leaves the rest unattributed.")
                                    : QStringLiteral("An enabled attribution rule matches on this key."));
        f.evidence = QJsonObject{{QStringLiteral("tag_key"), key}, {QStringLiteral("problem"), QStringLiteral("missing")},
            {QStringLiteral("affected_cost"), formatNanos(cost, 2)}, {QStringLiteral("affected_cost_per_month"), formatNanos(monthly, 2)},
            {QStringLiteral("affected_lines"), static_cast<qint64>(lines)}, {QStringLiteral("total_cost"), formatNanos(totalCost, 2)},
            {QStringLiteral("affected_share_pct"), share(cost)},
            {QStringLiteral("required_by"),
                fallback ? QStringLiteral("attribution fallback (team tag)") : QStringLiteral("enabled tag rule")},
            {QStringLiteral("window"), window.firstText() + QStringLiteral("..") + window.lastText()}};
        f.series = series;
        findings.append(f);
    }

    // 2. One key spelled several ways.
    auto keys = context.db.prepare(kKeySpend);
    if (!keys)
        return keys.error();
    keys->bind(":first", window.firstText());
    keys->bind(":last", window.lastText());
    QMap<QString, QList<Spelling>> families;
    if (Status s = keys->forEachRow([&](const store::Statement &row) {
            const QString key = row.text(0);
            const QString norm = normalisedKey(key);
            if (!norm.isEmpty())
                families[norm].append({key, row.int64(1), row.int64(2)});
        });
        !s)
        return s.error();
    for (auto it = families.begin(); it != families.end(); ++it) {
        QList<Spelling> spellings = it.value();
        if (spellings.size() < 2)
            continue;
        // The spelling carrying the most spend is the one to keep; ties go to the alphabetically first.
        std::sort(spellings.begin(), spellings.end(),
            [](const Spelling &a, const Spelling &b) { return a.cost != b.cost ? a.cost > b.cost : a.key < b.key; });
        std::int64_t variantCost = 0, variantLines = 0;
        QJsonArray variants;
        QStringList names;
        for (const Spelling &s : spellings) {
            variants.append(QJsonObject{{QStringLiteral("key"), s.key}, {QStringLiteral("cost"), formatNanos(s.cost, 2)},
                {QStringLiteral("lines"), static_cast<qint64>(s.lines)}});
            names << QLatin1Char('\'') + s.key + QLatin1Char('\'');
            if (&s != &spellings.first()) {
                variantCost += s.cost;
                variantLines += s.lines;
            }
        }
        const std::int64_t monthly = perMonth(variantCost, window.days());
        if (variantCost <= 0 || monthly < minAffected)
            continue;
        const QString canonical = spellings.first().key;
        Finding f = baseFinding(QStringLiteral("spelling:") + it.key(), QStringLiteral("Tag key '%1'").arg(canonical), window);
        f.severity = severityForAffected(monthly, t);
        f.title = QStringLiteral("%1 of spend tags '%2' under another spelling").arg(usd(variantCost), canonical);
        f.detail = QStringLiteral("Between %1 and %2 the tag key '%3' was also written %4. %5 line item(s) costing %6 use a "
                                  "spelling other than '%3' (the one on the most spend). LakeLedger reads keys case-insensitively, "
                                  "but Databricks budget policies, tag filters and other tools do not: use one spelling.")
                       .arg(window.firstText(), window.lastText(), canonical, names.mid(1).join(QStringLiteral(", ")),
                           QString::number(variantLines), usd(variantCost));
        f.evidence = QJsonObject{{QStringLiteral("tag_key"), canonical}, {QStringLiteral("problem"), QStringLiteral("spelling")},
            {QStringLiteral("spellings"), variants}, {QStringLiteral("affected_cost"), formatNanos(variantCost, 2)},
            {QStringLiteral("affected_cost_per_month"), formatNanos(monthly, 2)},
            {QStringLiteral("affected_lines"), static_cast<qint64>(variantLines)},
            {QStringLiteral("affected_share_pct"), share(variantCost)},
            {QStringLiteral("window"), window.firstText() + QStringLiteral("..") + window.lastText()}};
        findings.append(f);
    }
    return findings;
}

} // namespace ll::insights

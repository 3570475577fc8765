#pragma once

// The detectors' tunable thresholds. One table (thresholds.cpp) names every threshold with its
// default, its valid range and what it means; the Settings page, the JSON file and the
// validation all read that table, so a new threshold is one row.
//
// JSON form (the file `insights thresholds import` reads, and what `export` writes):
//   { "cost_spike": { "min_z": 2.0, "min_ratio": 2.5, ... }, "idle_cluster": { ... } }
// Only the thresholds being changed need to be present; the rest keep their defaults.

#include "common/clock.h"
#include "common/result.h"
#include "store/database.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace ll::insights {

struct ThresholdSpec {
    const char *detector; // type id
    const char *key;      // threshold name within the detector
    double defaultValue;
    double minimum;
    double maximum;
    const char *unit;        // "USD", "%", "minutes", "hours", "x", "z", "runs", "days", "points"
    const char *description; // one sentence for Settings and --help (English; translated in the ll::core context)

    QString detectorName() const { return QString::fromLatin1(detector); }
    QString keyName() const { return QString::fromLatin1(key); }
    QString name() const { return detectorName() + QLatin1Char('.') + keyName(); }
};

class Thresholds {
public:
    // Every threshold at its default.
    Thresholds();

    static const QList<ThresholdSpec> &specs();

    // detector.key; asserting on an unknown name is a programming error, so it returns the
    // spec table's default or 0 for a name not in the table.
    double value(const QString &detector, const QString &key) const;
    // USD thresholds as nano-dollars.
    std::int64_t nanos(const QString &detector, const QString &key) const;

    // Validates the whole document first: unknown detectors or keys, non-numbers and values
    // outside their range are errors naming the path ("cost_spike.min_z: 0.1 is below 0.5").
    // Nothing is applied unless everything is valid.
    static Result<Thresholds> fromJson(const QByteArray &json);
    // Every threshold, defaults included, so the file documents itself.
    QByteArray toJson() const;
    // Only the thresholds that differ from their defaults.
    QByteArray overridesJson() const;

    // Stored in app_setting 'insights.thresholds' (overrides only).
    static Result<Thresholds> load(store::Database &db);
    Status save(store::Database &db) const;
    // The analyst's change: saves `next` in one transaction with its audit entry (before and
    // after overrides) and queues the newest day for the insights stage, so the next `process`
    // or sync re-evaluates the detectors although no usage changed.
    static Status apply(store::Database &db, const Clock &clock, const QString &actor, const Thresholds &next);

    bool operator==(const Thresholds &other) const { return m_values == other.m_values; }

private:
    QHash<QString, double> m_values; // "detector.key" -> value
};

} // namespace ll::insights

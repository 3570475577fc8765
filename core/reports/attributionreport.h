#pragma once

#include "common/result.h"
#include "store/database.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <cstdint>
#include <optional>

namespace ll::reports {

// The period grain of an attribution report (its stored and command-line text: day, month).
enum class AttributionPeriod { Day, Month };
QString toText(AttributionPeriod period);
std::optional<AttributionPeriod> attributionPeriodFromText(QStringView text);
// As above, with the InvalidArgument message a user sees for any other text.
Result<AttributionPeriod> parseAttributionPeriod(const QString &text);

// The owner axis (text: team, department, org, project, bucket).
enum class AttributionAxis { Team, Department, Org, Project, Bucket };
QString toText(AttributionAxis axis);
std::optional<AttributionAxis> attributionAxisFromText(QStringView text);
Result<AttributionAxis> parseAttributionAxis(const QString &text);

// Cost by the attribution hierarchy, from metrics_daily_attribution. The period axis is day or
// month; the owner axis is team, department, org (unit), project or bucket. 'unattributed'
// and 'idle' are rows of their own; with afterSharing, buckets are redistributed to teams.
struct AttributionQuery {
    AttributionPeriod period = AttributionPeriod::Month;
    AttributionAxis axis = AttributionAxis::Team;
    bool afterSharing = false;
    QDate from;
    QDate to;
};

struct AttributionRow {
    QString period;
    QString owner;
    std::int64_t costNanos = 0;
    std::int64_t exactNanos = 0;       // by confidence tier
    std::int64_t strongNanos = 0;
    std::int64_t estimatedNanos = 0;
    std::int64_t unattributedNanos = 0;
};

Result<QList<AttributionRow>> queryAttribution(store::Database &db, const AttributionQuery &query);

// "Why is this mine?": the line items behind an owner's cost with the rule or fallback step
// and the confidence, for evidence beside a chargeback report.
struct ExplainQuery {
    AttributionAxis axis = AttributionAxis::Team; // team, project, bucket
    QString key;                                  // team/project/bucket key or display name; "unattributed", "idle"
    QDate from;
    QDate to;
    int limit = 1000000;
};

struct ExplainRow {
    std::int64_t lineId = 0;
    QString recordId;
    QString usageDay;
    QString workspaceId;
    QString sku;
    QString workUnit;
    QString principal;
    QString kind;
    QString team;
    QString project;
    QString bucket;
    QString method;
    QString confidence;
    std::int64_t allocatedNanos = 0;
    std::int64_t lineCostNanos = 0;
    QString workspaceName; // its name, or the reason it has none (EntityNames)
    QString workUnitName;  // the work unit's name, the reason it has none, or why the line has none
    QString workUnitUrl;   // its Databricks page when the workspace URL is known
    QString principalName; // a user's e-mail, a service principal's "displayName (application id)", or why none
};

Result<QList<ExplainRow>> explainAttribution(store::Database &db, const ExplainQuery &query);

// The "Unattributed" explorer: what carries the most unattributed cost, grouped by work unit,
// principal and tag, each with a ready-made rule (JSON, as in the rules file; its assign names
// no team yet) so an analyst can turn a row into a rule in one click.
struct UnattributedGroup {
    QString dimension;     // resource, principal, tag
    QString key;           // "job:123", "alice@example.com", "env=dev"
    QString label;         // readable: the work unit's or service principal's name, or why it has none
    std::int64_t costNanos = 0;
    std::int64_t lines = 0;
    QString suggestedRule; // JSON object of a rule matching exactly this group
};

Result<QList<UnattributedGroup>> unattributedBreakdown(store::Database &db, const QDate &from, const QDate &to, int limitPerDimension = 20);

} // namespace ll::reports

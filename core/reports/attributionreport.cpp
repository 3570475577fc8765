#include "attributionreport.h"

#include "entitynames.h"

#include "attribution/allocationstate.h"
#include "common/coretext.h"
#include "common/enumtext.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace ll::reports {
namespace {

// Owner labels; hierarchy names come from app_org_node, teams outside it roll up to
// "(unassigned)" so the department and org views still add up to the total.
QByteArray ownerExpression(AttributionAxis axis)
{
    const QByteArray team = "CASE WHEN m.kind = 'unattributed' OR (m.kind <> 'idle' AND m.team_key = '' AND m.bucket_key = '') THEN 'unattributed' "
                            "WHEN m.kind = 'idle' AND m.after_sharing = 0 THEN 'idle' "
                            "WHEN m.team_key = '' AND m.bucket_key <> '' THEN 'shared:' || m.bucket_key "
                            "WHEN m.team_key = '' THEN 'idle' "
                            "ELSE coalesce((SELECT o.display_name FROM app_org_node o WHERE o.node_key = m.team_key), "
                            "              (SELECT t.display_name FROM attr_team t WHERE t.team_key = m.team_key), m.team_key) END";
    const QByteArray special = "CASE WHEN m.kind = 'unattributed' OR (m.kind <> 'idle' AND m.team_key = '' AND m.bucket_key = '') THEN 'unattributed' "
                               "WHEN m.kind = 'idle' AND m.after_sharing = 0 THEN 'idle' "
                               "WHEN m.team_key = '' AND m.bucket_key <> '' THEN 'shared:' || m.bucket_key "
                               "WHEN m.team_key = '' THEN 'idle' END";
    const QByteArray dept = "(SELECT coalesce(d.display_name, '(unassigned)') FROM (SELECT 1) "
                            " LEFT JOIN app_org_node tn ON tn.node_key = m.team_key AND tn.kind = 'team' "
                            " LEFT JOIN app_org_node d ON d.node_key = tn.parent_key)";
    const QByteArray org = "(SELECT coalesce(o.display_name, '(unassigned)') FROM (SELECT 1) "
                           " LEFT JOIN app_org_node tn ON tn.node_key = m.team_key AND tn.kind = 'team' "
                           " LEFT JOIN app_org_node d ON d.node_key = tn.parent_key "
                           " LEFT JOIN app_org_node o ON o.node_key = d.parent_key)";
    switch (axis) {
    case AttributionAxis::Team: return team;
    case AttributionAxis::Department: return "coalesce(" + special + ", " + dept + ")";
    case AttributionAxis::Org: return "coalesce(" + special + ", " + org + ")";
    case AttributionAxis::Project:
        return "CASE WHEN m.project_key = '' THEN 'none' ELSE coalesce((SELECT p.display_name FROM app_project p WHERE p.project_key = m.project_key), "
               "(SELECT p.display_name FROM attr_project p WHERE p.project_key = m.project_key), m.project_key) END";
    case AttributionAxis::Bucket: break;
    }
    return "CASE WHEN m.bucket_key = '' THEN 'none' ELSE coalesce((SELECT b.display_name FROM app_bucket b WHERE b.bucket_key = m.bucket_key), m.bucket_key) END";
}

} // namespace

QString toText(AttributionPeriod period)
{
    switch (period) {
    case AttributionPeriod::Day: return QStringLiteral("day");
    case AttributionPeriod::Month: return QStringLiteral("month");
    }
    return {};
}

std::optional<AttributionPeriod> attributionPeriodFromText(QStringView text)
{
    return enumFromText<AttributionPeriod, AttributionPeriod::Month>(text);
}

Result<AttributionPeriod> parseAttributionPeriod(const QString &text)
{
    if (const auto period = attributionPeriodFromText(text))
        return *period;
    return makeError(ErrorCode::InvalidArgument, CoreText::tr("The period is day or month, not '%1'").arg(text));
}

QString toText(AttributionAxis axis)
{
    switch (axis) {
    case AttributionAxis::Team: return QStringLiteral("team");
    case AttributionAxis::Department: return QStringLiteral("department");
    case AttributionAxis::Org: return QStringLiteral("org");
    case AttributionAxis::Project: return QStringLiteral("project");
    case AttributionAxis::Bucket: return QStringLiteral("bucket");
    }
    return {};
}

std::optional<AttributionAxis> attributionAxisFromText(QStringView text)
{
    return enumFromText<AttributionAxis, AttributionAxis::Bucket>(text);
}

Result<AttributionAxis> parseAttributionAxis(const QString &text)
{
    if (const auto axis = attributionAxisFromText(text))
        return *axis;
    QStringList axes;
    for (int i = 0; i <= static_cast<int>(AttributionAxis::Bucket); ++i)
        axes.append(toText(static_cast<AttributionAxis>(i)));
    return makeError(
        ErrorCode::InvalidArgument, CoreText::tr("Unknown attribution axis '%1'; choose from %2").arg(text, axes.join(QLatin1Char(','))));
}

Result<QList<AttributionRow>> queryAttribution(store::Database &db, const AttributionQuery &query)
{
    const QByteArray period = query.period == AttributionPeriod::Day ? "m.day" : "substr(m.day, 1, 7)";
    // Whole history by month reads the monthly rollup (its `day` is the month's first day).
    const QByteArray table = query.period == AttributionPeriod::Month && !query.from.isValid() && !query.to.isValid()
        ? "metrics_monthly_owner"
        : "metrics_daily_owner";
    auto stmt = db.prepare("SELECT " + period + ", " + ownerExpression(query.axis) + " AS owner, sum(m.cost_nanos), "
                           "sum(CASE m.confidence WHEN 'exact' THEN m.cost_nanos ELSE 0 END), "
                           "sum(CASE m.confidence WHEN 'strong' THEN m.cost_nanos ELSE 0 END), "
                           "sum(CASE m.confidence WHEN 'estimated' THEN m.cost_nanos ELSE 0 END), "
                           "sum(CASE m.confidence WHEN 'unattributed' THEN m.cost_nanos ELSE 0 END) "
                           "FROM " + table + " m WHERE m.after_sharing = :after "
                           "AND m.day >= coalesce(:from, '') AND m.day <= coalesce(:to, '9999-12-31') "
                           "GROUP BY 1, 2 ORDER BY 1, 2");
    if (!stmt)
        return stmt.error();
    stmt->bind(":after", query.afterSharing ? 1 : 0);
    stmt->bind(":from", query.from.isValid() ? query.from.toString(Qt::ISODate) : QString());
    stmt->bind(":to", query.to.isValid() ? query.to.toString(Qt::ISODate) : QString());
    QList<AttributionRow> rows;
    const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
        rows.append({row.text(0), row.text(1), row.int64(2), row.int64(3), row.int64(4), row.int64(5), row.int64(6)});
    });
    if (!rowsRead)
        return rowsRead.error();
    return rows;
}

Result<QList<ExplainRow>> explainAttribution(store::Database &db, const ExplainQuery &query)
{
    QByteArray match;
    const QString key = query.key.trimmed().toLower();
    switch (query.axis) {
    case AttributionAxis::Team:
        if (key == QLatin1String("unattributed"))
            match = "a.kind = 'unattributed'";
        else if (key == QLatin1String("idle"))
            match = "a.kind = 'idle'";
        else
            match = "a.team_key = :key OR a.team_key = (SELECT team_key FROM attr_team WHERE lower(display_name) = :key LIMIT 1)";
        break;
    case AttributionAxis::Project: match = "a.project_key = :key"; break;
    case AttributionAxis::Bucket: match = "a.bucket_key = :key"; break;
    case AttributionAxis::Department:
    case AttributionAxis::Org:
        return makeError(
            ErrorCode::InvalidArgument, CoreText::tr("explain works by team, project or bucket, not '%1'").arg(toText(query.axis)));
    }
    auto stmt = db.prepare("SELECT l.line_id, l.record_id, l.usage_day, l.workspace_id, l.sku_name, "
                           "l.work_unit_type || ':' || coalesce(l.work_unit_id, ''), coalesce(a.principal, l.run_as, ''), a.kind, a.team_key, "
                           "a.project_key, a.bucket_key, a.method, a.confidence, a.cost_nanos, coalesce(l.cost_nanos, 0) "
                           "FROM attr_allocation a JOIN ledger_usage_line l ON l.line_id = a.line_id "
                           "WHERE (" + match + ") AND a.usage_day >= coalesce(:from, '') AND a.usage_day <= coalesce(:to, '9999-12-31') "
                           "ORDER BY l.usage_start, l.line_id, a.seq LIMIT :limit");
    if (!stmt)
        return stmt.error();
    if (const int i = stmt->index(":key"); i > 0)
        stmt->bind(i, key);
    stmt->bind(":from", query.from.isValid() ? query.from.toString(Qt::ISODate) : QString());
    stmt->bind(":to", query.to.isValid() ? query.to.toString(Qt::ISODate) : QString());
    stmt->bind(stmt->index(":limit"), query.limit);
    QList<ExplainRow> rows;
    const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
        rows.append({row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5), row.text(6), row.text(7), row.text(8),
            row.text(9), row.text(10), row.text(11), row.text(12), row.int64(13), row.int64(14), {}, {}, {}, {}});
    });
    if (!rowsRead)
        return rowsRead.error();
    // Names after the rows (one statement at a time on the connection); cached per id.
    EntityNames names(db);
    for (ExplainRow &r : rows) {
        auto workspace = names.workspace(r.workspaceId);
        if (!workspace)
            return workspace.error();
        r.workspaceName = std::move(workspace).value();
        const qsizetype colon = r.workUnit.indexOf(QLatin1Char(':'));
        const QString type = r.workUnit.left(colon), id = colon < 0 ? QString() : r.workUnit.mid(colon + 1);
        auto unit = id.isEmpty() ? Result<QString>(EntityNames::noIdLabel(QStringLiteral("work_unit"))) : names.workload(type, id);
        if (!unit)
            return unit.error();
        r.workUnitName = std::move(unit).value();
        auto url = names.pageUrl(type, id, r.workspaceId);
        if (!url)
            return url.error();
        r.workUnitUrl = std::move(url).value();
        auto principal = names.principal(r.principal);
        if (!principal)
            return principal.error();
        r.principalName = std::move(principal).value();
    }
    return rows;
}

Result<QList<UnattributedGroup>> unattributedBreakdown(store::Database &db, const QDate &from, const QDate &to, int limitPerDimension)
{
    static const QHash<QString, QString> resourceOf{{QStringLiteral("job"), QStringLiteral("job")}, {QStringLiteral("pipeline"), QStringLiteral("pipeline")},
                                                    {QStringLiteral("warehouse"), QStringLiteral("warehouse")}, {QStringLiteral("cluster"), QStringLiteral("cluster")},
                                                    {QStringLiteral("serving_endpoint"), QStringLiteral("endpoint")}};
    const QByteArray base = "FROM attr_allocation a JOIN ledger_usage_line l ON l.line_id = a.line_id "
                            "WHERE a.kind = 'unattributed' AND a.usage_day >= coalesce(:from, '') AND a.usage_day <= coalesce(:to, '9999-12-31') ";
    const QList<QPair<QString, QByteArray>> queries{
        {QStringLiteral("resource"), "SELECT l.work_unit_type, coalesce(l.work_unit_id, ''), coalesce(max(w.name), ''), sum(a.cost_nanos), count(*) "
                                     "FROM attr_allocation a JOIN ledger_usage_line l ON l.line_id = a.line_id "
                                     "LEFT JOIN ledger_work_unit w ON w.work_unit_type = l.work_unit_type AND w.work_unit_id = l.work_unit_id "
                                     "WHERE a.kind = 'unattributed' AND a.usage_day >= coalesce(:from, '') AND a.usage_day <= coalesce(:to, '9999-12-31') "
                                     "AND l.work_unit_id IS NOT NULL GROUP BY 1, 2 ORDER BY 4 DESC, 1, 2 LIMIT :limit"},
        {QStringLiteral("principal"), "SELECT '', coalesce(a.principal, l.run_as), '', sum(a.cost_nanos), count(*) " + base +
                                      "AND coalesce(a.principal, l.run_as) IS NOT NULL GROUP BY 2 ORDER BY 4 DESC, 2 LIMIT :limit"},
        {QStringLiteral("tag"), "SELECT j.key, j.value, '', sum(a.cost_nanos), count(*) FROM attr_allocation a "
                                "JOIN ledger_usage_line l ON l.line_id = a.line_id, json_each(l.custom_tags) j "
                                "WHERE a.kind = 'unattributed' AND a.usage_day >= coalesce(:from, '') AND a.usage_day <= coalesce(:to, '9999-12-31') "
                                "AND j.type = 'text' GROUP BY 1, 2 ORDER BY 4 DESC, 1, 2 LIMIT :limit"},
    };
    QList<UnattributedGroup> groups;
    QList<QPair<QString, QJsonObject>> ruleParts; // kind and match of each group's suggested rule
    for (const auto &[dimension, sql] : queries) {
        auto stmt = db.prepare(sql);
        if (!stmt)
            return stmt.error();
        stmt->bind(":from", from.isValid() ? from.toString(Qt::ISODate) : QString());
        stmt->bind(":to", to.isValid() ? to.toString(Qt::ISODate) : QString());
        stmt->bind(stmt->index(":limit"), limitPerDimension);
        const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
            UnattributedGroup g;
            g.dimension = dimension;
            g.costNanos = row.int64(3);
            g.lines = row.int64(4);
            QJsonObject match;
            attribution::RuleKind kind = attribution::RuleKind::Pattern;
            const QString a = row.text(0), b = row.text(1);
            if (dimension == QLatin1String("resource")) {
                g.key = a + QLatin1Char(':') + b;
                g.label = row.text(2).isEmpty() ? g.key : row.text(2);
                if (resourceOf.contains(a)) {
                    kind = attribution::RuleKind::Exact;
                    match = {{QStringLiteral("resource"), resourceOf.value(a)}, {QStringLiteral("ids"), QJsonArray{b}}};
                } else {
                    // Notebooks, apps and the like: match the work unit itself ("notebook:123").
                    kind = attribution::RuleKind::Exact;
                    match = {{QStringLiteral("resource"), QStringLiteral("work_unit")}, {QStringLiteral("ids"), QJsonArray{g.key}}};
                }
            } else if (dimension == QLatin1String("principal")) {
                g.key = g.label = b;
                match = {{QStringLiteral("field"), QStringLiteral("principal")}, {QStringLiteral("regex"), QLatin1Char('^') + QRegularExpression::escape(b) + QLatin1Char('$')}};
            } else {
                g.key = g.label = a + QLatin1Char('=') + b;
                match = {{QStringLiteral("field"), QStringLiteral("tag")}, {QStringLiteral("key"), a},
                         {QStringLiteral("regex"), QLatin1Char('^') + QRegularExpression::escape(b) + QLatin1Char('$')}};
            }
            groups.append(g);
            ruleParts.append({toText(kind), match});
        });
        if (!rowsRead)
            return rowsRead.error();
    }
    // Names after the rows (one statement at a time on the connection): service principals read as
    // "displayName (application id)", resources without a name say why.
    EntityNames names(db);
    static const QStringList namedTypes{
        QStringLiteral("job"), QStringLiteral("pipeline"), QStringLiteral("cluster"), QStringLiteral("warehouse")};
    for (qsizetype i = 0; i < groups.size(); ++i) {
        UnattributedGroup &g = groups[i];
        if (g.dimension == QLatin1String("principal")) {
            auto name = names.principal(g.key);
            if (!name)
                return name.error();
            g.label = std::move(name).value();
        } else if (g.dimension == QLatin1String("resource") && g.label == g.key) {
            const qsizetype colon = g.key.indexOf(QLatin1Char(':'));
            if (colon > 0 && namedTypes.contains(g.key.left(colon))) {
                auto name = names.workload(g.key.left(colon), g.key.mid(colon + 1));
                if (!name)
                    return name.error();
                g.label = std::move(name).value();
            }
        }
        const QJsonObject rule{{QStringLiteral("name"), QStringLiteral("Unattributed %1 %2").arg(g.dimension, g.label)},
            {QStringLiteral("enabled"), true}, {QStringLiteral("kind"), ruleParts.at(i).first},
            {QStringLiteral("match"), ruleParts.at(i).second},
            {QStringLiteral("assign"),
                QJsonObject{{QStringLiteral("mode"), toText(attribution::AllocationMode::Direct)}, {QStringLiteral("team"), QString()}}}};
        g.suggestedRule = QString::fromUtf8(QJsonDocument(rule).toJson(QJsonDocument::Compact));
    }
    return groups;
}

} // namespace ll::reports

#include "insightlist.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace ll::reports {
namespace {

constexpr const char *kColumns =
    "SELECT f.finding_id, f.kind, f.severity, f.status, f.scope_type, f.scope_id, f.scope_name, coalesce(f.workspace_id, ''), "
    "coalesce((SELECT w.workspace_name FROM ledger_workspace w WHERE w.workspace_id = f.workspace_id), ''), f.title, f.detail, "
    "f.impact_nanos, f.currency_code, f.savings_formula, f.evidence, f.line_filter, f.first_day, f.last_day, "
    "coalesce(f.status_actor, ''), coalesce(f.status_reason, ''), f.status_changed_at FROM insight_finding f ";

InsightSummary readSummary(const store::Statement &row)
{
    InsightSummary s;
    s.findingId = row.int64(0);
    s.kind = row.text(1);
    s.severity = row.text(2);
    s.status = row.text(3);
    s.scopeType = row.text(4);
    s.scopeId = row.text(5);
    s.scopeName = row.text(6);
    s.workspaceId = row.text(7);
    s.workspaceName = row.text(8);
    s.title = row.text(9);
    s.detail = row.text(10);
    s.impactNanos = row.int64(11);
    s.currency = row.text(12);
    s.savingsFormula = row.text(13);
    s.evidenceJson = row.text(14);
    s.lineFilterJson = row.text(15);
    s.firstDay = QDate::fromString(row.text(16), Qt::ISODate);
    s.lastDay = QDate::fromString(row.text(17), Qt::ISODate);
    s.statusActor = row.text(18);
    s.statusReason = row.text(19);
    s.statusChangedAt = row.optInt(20);
    return s;
}

} // namespace

Result<QList<InsightSummary>> loadInsights(store::Database &db, const InsightFilter &filter)
{
    QByteArray sql = kColumns;
    sql += "WHERE (:active = 0 OR f.status IN ('new', 'acknowledged')) AND (:kind = '' OR f.kind = :kind) "
           "AND (:from = '' OR f.last_day >= :from) AND (:to = '' OR f.first_day <= :to) "
           "ORDER BY f.status IN ('new', 'acknowledged') DESC, "
           "CASE f.severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END, f.impact_nanos DESC, f.finding_id";
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(":active", filter.activeOnly ? 1 : 0);
    stmt->bind(":kind", filter.kind.isNull() ? QStringLiteral("") : filter.kind);
    stmt->bind(":from", filter.from.isValid() ? filter.from.toString(Qt::ISODate) : QStringLiteral(""));
    stmt->bind(":to", filter.to.isValid() ? filter.to.toString(Qt::ISODate) : QStringLiteral(""));
    QList<InsightSummary> list;
    const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) { list.append(readSummary(row)); });
    if (!rowsRead)
        return rowsRead.error();
    return list;
}

Result<std::optional<InsightSummary>> loadInsight(store::Database &db, std::int64_t findingId)
{
    auto stmt = db.prepare(QByteArray(kColumns) + "WHERE f.finding_id = ?");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, findingId);
    auto row = stmt->step();
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<InsightSummary>();
    return std::optional<InsightSummary>(readSummary(*stmt));
}

Result<QList<InsightDay>> loadInsightSeries(store::Database &db, std::int64_t findingId)
{
    auto stmt = db.prepare("SELECT e.day, e.value_nanos, e.baseline_nanos FROM insight_evidence_day e "
                           "JOIN insight_finding f ON f.fingerprint = e.fingerprint WHERE f.finding_id = ? ORDER BY e.day");
    if (!stmt)
        return stmt.error();
    stmt->bind(1, findingId);
    QList<InsightDay> days;
    const Status read = stmt->forEachRow([&](const store::Statement &row) {
        days.append({QDate::fromString(row.text(0), Qt::ISODate), row.int64(1), row.optInt(2)});
    });
    if (!read)
        return read.error();
    return days;
}

Result<InsightLines> loadInsightLines(store::Database &db, const InsightSummary &insight, int limit)
{
    const QJsonObject filter = QJsonDocument::fromJson(insight.lineFilterJson.toUtf8()).object();
    // A missing key is "" (a null QString would bind NULL and match nothing).
    const auto text = [&](const char *key) { return filter.value(QLatin1String(key)).toString(QStringLiteral("")); };
    // Every key of the filter is optional: an empty one matches all (the filter names what the
    // detector looked at; the day range is always there).
    const QByteArray where =
        " FROM ledger_usage_line l WHERE l.usage_day BETWEEN :from AND :to"
        " AND (:workspace = '' OR l.workspace_id = :workspace) AND (:job = '' OR l.job_id = :job)"
        " AND (:cluster = '' OR l.cluster_id = :cluster) AND (:warehouse = '' OR l.warehouse_id = :warehouse)"
        " AND (:pipeline = '' OR l.pipeline_id = :pipeline) AND (:product = '' OR l.billing_origin_product = :product)"
        " AND (:team = '' OR EXISTS (SELECT 1 FROM attr_allocation a WHERE a.line_id = l.line_id AND a.team_key = :team))"
        " AND (:project = '' OR EXISTS (SELECT 1 FROM attr_allocation a WHERE a.line_id = l.line_id AND a.project_key = :project))"
        " AND (:teams = '' OR EXISTS (SELECT 1 FROM attr_allocation a WHERE a.line_id = l.line_id"
        " AND a.team_key IN (SELECT value FROM json_each(:teams))))";
    const auto bindAll = [&](store::Statement &stmt) {
        stmt.bind(":from", text("from"));
        stmt.bind(":to", text("to"));
        stmt.bind(":workspace", text("workspace_id"));
        stmt.bind(":job", text("job_id"));
        stmt.bind(":cluster", text("cluster_id"));
        stmt.bind(":warehouse", text("warehouse_id"));
        stmt.bind(":pipeline", text("pipeline_id"));
        stmt.bind(":product", text("billing_origin_product"));
        stmt.bind(":team", text("team_key"));
        stmt.bind(":project", text("project_key"));
        // A list of teams (a department's or org unit's): JSON text for json_each, '' for none.
        const QJsonValue teams = filter.value(QLatin1String("team_keys"));
        stmt.bind(":teams",
            teams.isArray() ? QString::fromUtf8(QJsonDocument(teams.toArray()).toJson(QJsonDocument::Compact)) : QStringLiteral(""));
    };
    InsightLines result;
    if (text("from").isEmpty())
        return result;
    auto totals = db.prepare("SELECT count(*), coalesce(sum(l.cost_nanos), 0)" + where);
    if (!totals)
        return totals.error();
    bindAll(*totals);
    if (auto row = totals->step(); !row)
        return row.error();
    result.lineCount = totals->int64(0);
    result.costNanos = totals->int64(1);
    auto lines = db.prepare("SELECT l.record_id, l.usage_day, l.workspace_id, l.sku_name, l.billing_origin_product, "
                            "l.work_unit_type || ':' || coalesce(l.work_unit_id, ''), l.quantity_nanos, l.cost_nanos"
        + where + " ORDER BY l.cost_nanos IS NULL, l.cost_nanos DESC, l.line_id LIMIT :limit");
    if (!lines)
        return lines.error();
    bindAll(*lines);
    lines->bind(":limit", limit);
    const Status read = lines->forEachRow([&](const store::Statement &row) {
        result.lines.append({row.text(0), QDate::fromString(row.text(1), Qt::ISODate), row.text(2), row.text(3), row.text(4), row.text(5),
            row.int64(6), row.optInt(7)});
    });
    if (!read)
        return read.error();
    return result;
}

} // namespace ll::reports

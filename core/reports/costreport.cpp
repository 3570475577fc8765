#include "costreport.h"

#include <QHash>

namespace ll::reports {
namespace {

struct DimensionInfo {
    Dimension dimension;
    const char *name;
    const char *expression; // over metrics_daily_cost m, attr_team t, attr_project p
};

constexpr DimensionInfo kDimensions[] = {
    {Dimension::Day, "day", "m.day"},
    {Dimension::Month, "month", "substr(m.day, 1, 7)"},
    {Dimension::Workspace, "workspace", "m.workspace_id"},
    {Dimension::Sku, "sku", "m.sku_name"},
    {Dimension::Product, "product", "m.billing_origin_product"},
    {Dimension::Team, "team", "CASE WHEN m.team_key = '' THEN 'unattributed' ELSE coalesce(t.display_name, m.team_key) END"},
    {Dimension::Project, "project", "CASE WHEN m.project_key = '' THEN 'none' ELSE coalesce(p.display_name, m.project_key) END"},
};

const DimensionInfo &info(Dimension d)
{
    for (const auto &i : kDimensions) {
        if (i.dimension == d)
            return i;
    }
    return kDimensions[0];
}

} // namespace

QString dimensionName(Dimension d) { return QString::fromLatin1(info(d).name); }

QStringList allDimensionNames()
{
    QStringList names;
    for (const auto &i : kDimensions)
        names.append(QString::fromLatin1(i.name));
    return names;
}

Result<QList<Dimension>> parseDimensions(const QString &commaSeparated)
{
    QList<Dimension> dims;
    const QStringList parts = commaSeparated.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("--by needs at least one dimension: %1").arg(allDimensionNames().join(QLatin1Char(','))));
    for (const QString &raw : parts) {
        const QString name = raw.trimmed().toLower();
        bool found = false;
        for (const auto &i : kDimensions) {
            if (name == QLatin1String(i.name)) {
                if (dims.contains(i.dimension))
                    return makeError(ErrorCode::InvalidArgument, QStringLiteral("Dimension '%1' is given twice").arg(name));
                dims.append(i.dimension);
                found = true;
            }
        }
        if (!found)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("Unknown dimension '%1'; choose from %2").arg(raw.trimmed(), allDimensionNames().join(QLatin1Char(','))));
    }
    return dims;
}

std::int64_t CostTable::totalCostNanos() const
{
    std::int64_t total = 0;
    for (const auto &r : rows)
        total += r.costNanos;
    return total;
}

Result<CostTable> queryCost(store::Database &db, const CostQuery &query)
{
    if (query.from.isValid() && query.to.isValid() && query.from > query.to)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The start date %1 is after the end date %2")
                                                         .arg(query.from.toString(Qt::ISODate), query.to.toString(Qt::ISODate)));
    // Dimension expressions come from the fixed table above; values are bound.
    QByteArray select;
    QByteArray groupBy;
    for (int i = 0; i < query.by.size(); ++i) {
        select += info(query.by[i]).expression;
        select += " AS d" + QByteArray::number(i) + ", ";
        groupBy += (i ? ", " : "") + QByteArray::number(i + 1);
    }
    QByteArray sql = "SELECT " + select +
                     "sum(m.cost_nanos), sum(m.list_cost_nanos), sum(m.quantity_nanos), sum(m.unpriced_quantity_nanos) "
                     "FROM metrics_daily_cost m "
                     "LEFT JOIN attr_team t ON t.team_key = m.team_key "
                     "LEFT JOIN attr_project p ON p.project_key = m.project_key "
                     "WHERE (:from IS NULL OR m.day >= :from) AND (:to IS NULL OR m.day <= :to)";
    if (!query.by.isEmpty())
        sql += " GROUP BY " + groupBy + " ORDER BY " + groupBy;
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(":from", query.from.isValid() ? query.from.toString(Qt::ISODate) : QString());
    stmt->bind(":to", query.to.isValid() ? query.to.toString(Qt::ISODate) : QString());
    CostTable table;
    table.by = query.by;
    const int n = static_cast<int>(query.by.size());
    for (;;) {
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            break;
        if (query.by.isEmpty() && stmt->isNull(0))
            break; // no metrics at all: an empty table, not a zero row
        CostRow r;
        for (int i = 0; i < n; ++i)
            r.keys.append(stmt->text(i));
        r.costNanos = stmt->int64(n);
        r.listCostNanos = stmt->int64(n + 1);
        r.quantityNanos = stmt->int64(n + 2);
        r.unpricedQuantityNanos = stmt->int64(n + 3);
        table.rows.append(r);
    }
    return table;
}

} // namespace ll::reports

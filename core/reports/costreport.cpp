#include "costreport.h"

#include "common/coretext.h"
#include "costfilter.h"
#include "entitynames.h"
#include "metrics/teamaxis.h"
#include "storecurrency.h"

namespace ll::reports {
namespace {

// Expressions over a row source `m` with the columns of metrics_daily_cost, plus (ledger
// source only) the line-level columns; joined with attr_project p.
struct DimensionInfo {
    Dimension dimension;
    const char *name;
    const char *expression;
    bool metrics; // available in metrics_daily_cost
};

constexpr DimensionInfo kDimensions[] = {
    {Dimension::Day, "day", "m.day", true},
    {Dimension::Month, "month", "substr(m.day, 1, 7)", true},
    {Dimension::Workspace, "workspace", "m.workspace_id", true},
    {Dimension::Sku, "sku", "m.sku_name", true},
    {Dimension::Product, "product", "m.billing_origin_product", true},
    {Dimension::Team, "team", metrics::kTeamLabel, true},
    {Dimension::Project, "project", "CASE WHEN m.project_key = '' THEN 'none' ELSE coalesce(p.display_name, m.project_key) END", true},
    {Dimension::Job, "job", "coalesce(m.job_id, '')", false},
    {Dimension::Warehouse, "warehouse", "coalesce(m.warehouse_id, '')", false},
    {Dimension::Cluster, "cluster", "coalesce(m.cluster_id, '')", false},
    {Dimension::Pipeline, "pipeline", "coalesce(m.pipeline_id, '')", false},
    {Dimension::Principal, "principal", "coalesce(m.run_as, '')", false},
    {Dimension::WorkUnit, "work_unit", "m.work_unit_type || ':' || coalesce(m.work_unit_id, '')", false},
    {Dimension::Tag, "tag", nullptr, false},
    // Owners that are not a team keep the Team dimension's label on the hierarchy dimensions.
    {Dimension::OrgUnit, "org_unit",
        "CASE WHEN " LL_TEAM_KEY_IS_NOT_A_TEAM " THEN " LL_NON_TEAM_LABEL " ELSE coalesce("
        "(SELECT o.display_name FROM app_org_node t JOIN app_org_node d ON d.node_key = t.parent_key JOIN app_org_node o ON o.node_key = d.parent_key "
        "WHERE t.node_key = m.team_key AND t.kind = 'team'), '(no org unit)') END",
        true},
    {Dimension::Department, "department",
        "CASE WHEN " LL_TEAM_KEY_IS_NOT_A_TEAM " THEN " LL_NON_TEAM_LABEL " ELSE coalesce("
        "(SELECT d.display_name FROM app_org_node t JOIN app_org_node d ON d.node_key = t.parent_key "
        "WHERE t.node_key = m.team_key AND t.kind = 'team'), '(no department)') END",
        true},
};

// The keys behind a label, for filters that name a key rather than what the report shows.
constexpr struct {
    Dimension dimension;
    const char *expression;
} kKeys[] = {
    {Dimension::Team, "m.team_key"},
    {Dimension::Project, "m.project_key"},
    {Dimension::Department, "(SELECT t.parent_key FROM app_org_node t WHERE t.node_key = m.team_key AND t.kind = 'team')"},
    {Dimension::OrgUnit, "(SELECT d.parent_key FROM app_org_node t JOIN app_org_node d ON d.node_key = t.parent_key "
                         "WHERE t.node_key = m.team_key AND t.kind = 'team')"},
};

const DimensionInfo &info(Dimension d)
{
    for (const auto &i : kDimensions) {
        if (i.dimension == d)
            return i;
    }
    return kDimensions[0];
}

// The line items as rows shaped like metrics_daily_cost, optionally as of an instant.
constexpr const char *kLedgerSource = R"SQL((
    SELECT l.line_id, l.usage_day AS day, l.workspace_id, l.sku_name, l.billing_origin_product,
           %TEAM_KEY% AS team_key,
           coalesce(a.project_key, '') AS project_key,
           coalesce(a.cost_nanos, l.cost_nanos, 0) AS cost_nanos, coalesce(a.list_cost_nanos, l.list_cost_nanos, 0) AS list_cost_nanos,
           coalesce(a.contract_cost_nanos, l.contract_cost_nanos, 0) AS contract_cost_nanos,
           coalesce(a.quantity_nanos, l.quantity_nanos) AS quantity_nanos,
           CASE WHEN l.cost_nanos IS NULL THEN coalesce(a.quantity_nanos, l.quantity_nanos) ELSE 0 END AS unpriced_quantity_nanos,
           l.job_id, l.warehouse_id, l.cluster_id, l.pipeline_id, coalesce(a.principal, l.run_as) AS run_as,
           l.work_unit_type, l.work_unit_id, l.custom_tags
    FROM ledger_usage_line l
    LEFT JOIN attr_allocation a ON a.line_id = l.line_id
    JOIN raw_batch b ON b.batch_id = l.batch_id
    WHERE (:from IS NULL OR l.usage_day >= :from) AND (:to IS NULL OR l.usage_day <= :to)
      AND (:asof IS NULL OR b.started_at < :asof)
))SQL";

// The smallest metrics table that has every requested dimension: the day x team x project and
// day x workspace rollups (migration 0007) are a fraction of metrics_daily_cost, which keeps
// workspace, SKU, product, team and project together.
QByteArray metricsTable(const CostQuery &query)
{
    const QList<Dimension> &by = query.by;
    const auto only = [&by](std::initializer_list<Dimension> allowed) {
        return std::all_of(by.begin(), by.end(), [allowed](Dimension d) { return std::find(allowed.begin(), allowed.end(), d) != allowed.end(); });
    };
    // Whole history by month: the monthly rollup (its `day` is the month's first day, so only
    // without a day dimension or date bounds).
    if (only({Dimension::Month, Dimension::Team, Dimension::Project}) && !query.from.isValid() && !query.to.isValid())
        return "metrics_monthly_team_project";
    if (only({Dimension::Day, Dimension::Month, Dimension::Team, Dimension::Project}))
        return "metrics_daily_team_project";
    if (only({Dimension::Day, Dimension::Month, Dimension::Workspace}))
        return "metrics_daily_workspace";
    return "metrics_daily_cost";
}

} // namespace

namespace detail {

QByteArray dimensionSql(Dimension d, const QByteArray &tagKeyParameter)
{
    if (d == Dimension::Tag)
        return "coalesce((SELECT j.value FROM json_each(m.custom_tags) j WHERE lower(j.key) = lower(" + tagKeyParameter
             + ") ORDER BY j.key LIMIT 1), '')";
    return info(d).expression;
}

QByteArray dimensionKeySql(Dimension d)
{
    for (const auto &k : kKeys) {
        if (k.dimension == d)
            return k.expression;
    }
    return {};
}

QByteArray ledgerRowsSql()
{
    return QByteArray(kLedgerSource).replace("%TEAM_KEY%", metrics::kAllocationTeamKey);
}

} // namespace detail

QString dimensionName(Dimension d) { return QString::fromLatin1(info(d).name); }

QString entityTypeOf(Dimension d)
{
    switch (d) {
    case Dimension::Workspace:
    case Dimension::Job:
    case Dimension::Warehouse:
    case Dimension::Cluster:
    case Dimension::Pipeline:
    case Dimension::Principal:
    case Dimension::WorkUnit: return dimensionName(d);
    case Dimension::Day:
    case Dimension::Month:
    case Dimension::Sku:
    case Dimension::Product:
    case Dimension::Team:
    case Dimension::Project:
    case Dimension::Tag:
    case Dimension::OrgUnit:
    case Dimension::Department: break;
    }
    return {};
}

namespace {
bool hasEntityNames(const QString &workUnitType)
{
    return workUnitType == QLatin1String("job") || workUnitType == QLatin1String("pipeline") || workUnitType == QLatin1String("cluster")
        || workUnitType == QLatin1String("warehouse");
}

// Labels for the rows' keys, after the cost statement has finished (one statement at a time).
Status labelRows(store::Database &db, CostTable &table)
{
    QStringList types;
    for (const Dimension d : std::as_const(table.by))
        types << entityTypeOf(d);
    EntityNames names(db);
    for (CostRow &row : table.rows) {
        row.labels = row.keys;
        for (qsizetype i = 0; i < types.size() && i < row.keys.size(); ++i) {
            const QString &type = types.at(i);
            const QString &key = row.keys.at(i);
            if (type.isEmpty())
                continue;
            if (type == QLatin1String("principal")) {
                // Users read as their e-mail; service principals as "displayName (application id)".
                auto name = key.isEmpty() ? Result<QString>(EntityNames::noIdLabel(type)) : names.principal(key);
                if (!name)
                    return name.error();
                row.labels[i] = std::move(name).value();
                continue;
            }
            if (key.isEmpty()) {
                row.labels[i] = EntityNames::noIdLabel(type);
                continue;
            }
            const qsizetype colon = key.indexOf(QLatin1Char(':'));
            const QString unitType = key.left(colon);
            if (type == QLatin1String("work_unit") && colon > 0 && colon < key.size() - 1 && !hasEntityNames(unitType)) {
                // Notebooks, endpoints, apps: no names are read, so the id tells rows apart.
                row.labels[i] = CoreText::tr("%1 %2").arg(unitType, key.mid(colon + 1));
                continue;
            }
            auto name = type == QLatin1String("work_unit") ? names.workUnitKey(key) : names.workUnit(type, key);
            if (!name)
                return name.error();
            row.labels[i] = std::move(name).value();
        }
    }
    return {};
}
} // namespace
bool isMetricsDimension(Dimension d) { return info(d).metrics; }

QStringList allDimensionNames()
{
    QStringList names;
    for (const auto &i : kDimensions)
        names.append(i.dimension == Dimension::Tag ? QStringLiteral("tag:KEY") : QString::fromLatin1(i.name));
    return names;
}

Result<QList<Dimension>> parseDimensions(const QString &commaSeparated, QStringList *tagKeys)
{
    QList<Dimension> dims;
    const QStringList parts = commaSeparated.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("--by needs at least one dimension: %1").arg(allDimensionNames().join(QLatin1Char(','))));
    for (const QString &raw : parts) {
        const QString name = raw.trimmed().toLower();
        if (name.startsWith(QLatin1String("tag:"))) {
            const QString key = raw.trimmed().mid(4).trimmed();
            if (key.isEmpty())
                return makeError(ErrorCode::InvalidArgument, QStringLiteral("'tag:' needs a tag key, e.g. tag:cost_center"));
            if (!tagKeys)
                return makeError(ErrorCode::InvalidArgument, QStringLiteral("Tag dimensions are not available here"));
            dims.append(Dimension::Tag);
            tagKeys->append(key);
            continue;
        }
        bool found = false;
        for (const auto &i : kDimensions) {
            if (i.dimension != Dimension::Tag && name == QLatin1String(i.name)) {
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
    const qsizetype tagCount = std::count(query.by.begin(), query.by.end(), Dimension::Tag);
    if (tagCount != query.tagKeys.size())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Each tag dimension needs its key"));
    // Metrics answer in milliseconds; other dimensions and as-of figures need the line items.
    if (auto valid = detail::validateFilters(query.filters); !valid)
        return valid.error();
    const bool fromLedger = query.asOf.isValid() || std::any_of(query.by.begin(), query.by.end(), [](Dimension d) { return !isMetricsDimension(d); })
                         || detail::filtersNeedLedger(query.filters);

    // Dimension expressions come from the fixed table above; every value is bound.
    QByteArray select;
    QByteArray groupBy;
    int tagIndex = 0;
    for (int i = 0; i < query.by.size(); ++i) {
        if (query.by[i] == Dimension::Tag)
            select += detail::dimensionSql(Dimension::Tag, ":tag" + QByteArray::number(tagIndex++));
        else
            select += info(query.by[i]).expression;
        select += " AS d" + QByteArray::number(i) + ", ";
        groupBy += (i ? ", " : "") + QByteArray::number(i + 1);
    }
    QByteArray sql = "SELECT " + select +
                     "sum(m.cost_nanos), sum(m.list_cost_nanos), sum(m.quantity_nanos), sum(m.unpriced_quantity_nanos), "
                     "sum(m.contract_cost_nanos) FROM ";
    // Filters may name any metrics_daily_cost column, so the small rollups serve unfiltered queries.
    const QByteArray metricsSource = query.filters.isEmpty() ? metricsTable(query) : QByteArray("metrics_daily_cost");
    sql += fromLedger ? detail::ledgerRowsSql() + " m " : metricsSource + " m ";
    if (fromLedger || metricsSource != "metrics_daily_workspace") // the workspace rollup has no project column
        sql += "LEFT JOIN attr_project p ON p.project_key = m.project_key ";
    if (!fromLedger)
        sql += "WHERE m.day >= coalesce(:from, '') AND m.day <= coalesce(:to, '9999-12-31')";
    else
        sql += "WHERE 1 = 1";
    sql += detail::filterConditions(query.filters);
    if (!query.by.isEmpty())
        sql += " GROUP BY " + groupBy + " ORDER BY " + groupBy;
    auto stmt = db.prepare(sql);
    if (!stmt)
        return stmt.error();
    stmt->bind(":from", query.from.isValid() ? query.from.toString(Qt::ISODate) : QString());
    stmt->bind(":to", query.to.isValid() ? query.to.toString(Qt::ISODate) : QString());
    if (fromLedger)
        stmt->bind(stmt->index(":asof"), query.asOf.isValid() ? std::optional<std::int64_t>(query.asOf.toSecsSinceEpoch()) : std::nullopt);
    for (int i = 0; i < query.tagKeys.size(); ++i)
        stmt->bind(stmt->index((":tag" + QByteArray::number(i)).constData()), query.tagKeys[i]);
    detail::bindFilters(*stmt, query.filters);

    CostTable table;
    table.by = query.by;
    auto contracts = db.queryInt("SELECT count(*) FROM app_contract_price");
    if (!contracts)
        return contracts.error();
    table.hasContracts = contracts->value_or(0) > 0;
    auto currency = storeCurrency(db);
    if (!currency)
        return currency.error();
    table.currency = std::move(currency).value();
    const int n = static_cast<int>(query.by.size());
    const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
        if (query.by.isEmpty() && row.isNull(0))
            return; // no data at all: an empty table, not a zero row (the grand total is the only row)
        CostRow r;
        for (int i = 0; i < n; ++i)
            r.keys.append(row.text(i));
        r.costNanos = row.int64(n);
        r.listCostNanos = row.int64(n + 1);
        r.quantityNanos = row.int64(n + 2);
        r.unpricedQuantityNanos = row.int64(n + 3);
        r.contractCostNanos = row.int64(n + 4);
        table.rows.append(r);
    });
    if (!rowsRead)
        return rowsRead.error();
    if (Status labelled = labelRows(db, table); !labelled)
        return labelled.error();
    auto unmatched = detail::unmatchedFilterValues(db, query);
    if (!unmatched)
        return unmatched.error();
    table.unmatchedFilterValues = std::move(unmatched).value();
    return table;
}

} // namespace ll::reports

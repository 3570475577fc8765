#include "costfilter.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace ll::reports {
namespace {

QByteArray parameter(int index) { return ":f" + QByteArray::number(index); }

// lower(label) or lower(key) is one of the values in `valuesSql` (a set of lower-cased text).
QByteArray matchSql(const CostFilter &filter, int index, const QByteArray &valuesSql)
{
    QByteArray sql = "(lower(" + detail::dimensionSql(filter.dimension, parameter(index) + "tag") + ") IN " + valuesSql;
    const QByteArray key = detail::dimensionKeySql(filter.dimension);
    if (!key.isEmpty())
        sql += " OR lower(" + key + ") IN " + valuesSql;
    return sql + ")";
}

QString filterLabel(const CostFilter &f)
{
    return f.dimension == Dimension::Tag ? QStringLiteral("tag:") + f.tagKey : dimensionName(f.dimension);
}

} // namespace

Result<CostFilter> parseCostFilter(const QString &text)
{
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq < 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("A filter is DIMENSION=VALUE[,VALUE...] (e.g. team=ml,bi or tag:env=prod), not '%1'").arg(text));
    CostFilter filter;
    QStringList tagKeys;
    const QString name = text.left(eq).trimmed();
    if (name.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The filter '%1' names no dimension before '='").arg(text));
    auto dims = parseDimensions(name, &tagKeys);
    if (!dims)
        return dims.error();
    if (dims->size() != 1)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("A filter names one dimension, not '%1'").arg(name));
    filter.dimension = dims->first();
    filter.tagKey = tagKeys.value(0);
    for (const QString &v : text.mid(eq + 1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString value = v.trimmed();
        if (!value.isEmpty() && !filter.values.contains(value))
            filter.values.append(value);
    }
    if (filter.values.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The filter on %1 lists no values").arg(filterLabel(filter)));
    return filter;
}

QString costFilterText(const CostFilter &filter)
{
    return filterLabel(filter) + QLatin1Char('=') + filter.values.join(QLatin1Char(','));
}

QList<CostPreset> costPresets()
{
    using D = Dimension;
    return {
        {QStringLiteral("workspace"), {D::Workspace, D::WorkUnit}},
        {QStringLiteral("org"), {D::OrgUnit, D::Department, D::Team, D::Principal}},
        {QStringLiteral("project"), {D::Project, D::Team}},
        {QStringLiteral("sku"), {D::Sku, D::WorkUnit}},
    };
}

Result<QList<Dimension>> presetDimensions(const QString &name)
{
    QStringList names;
    for (const CostPreset &p : costPresets()) {
        if (p.name == name.trimmed().toLower())
            return p.by;
        names << p.name;
    }
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("Unknown preset '%1'; choose from %2").arg(name, names.join(QLatin1Char(','))));
}

QList<CostTreeRow> withSubtotals(const CostTable &table)
{
    const int levels = static_cast<int>(table.by.size());
    QList<CostTreeRow> out;
    out.reserve(table.rows.size() * 2);
    // Rows come ordered by keys, so each group is a contiguous run: open a subtotal at every
    // level where the keys change and fill it as the run goes on.
    QList<qsizetype> openAt(levels, -1);
    const CostRow *previous = nullptr;
    for (const CostRow &row : table.rows) {
        int changed = 0;
        if (previous) {
            while (changed < levels - 1 && previous->keys.value(changed) == row.keys.value(changed))
                ++changed;
        }
        for (int level = changed; level < levels - 1; ++level) {
            CostTreeRow subtotal;
            subtotal.level = level + 1;
            subtotal.row.keys = row.keys.mid(0, level + 1);
            subtotal.row.labels = row.labels.mid(0, level + 1);
            while (subtotal.row.keys.size() < levels)
                subtotal.row.keys.append(QString());
            while (!row.labels.isEmpty() && subtotal.row.labels.size() < levels)
                subtotal.row.labels.append(QString());
            openAt[level] = out.size();
            out.append(subtotal);
        }
        for (int level = 0; level < levels - 1; ++level) {
            CostRow &s = out[openAt[level]].row;
            s.costNanos += row.costNanos;
            s.listCostNanos += row.listCostNanos;
            s.contractCostNanos += row.contractCostNanos;
            s.quantityNanos += row.quantityNanos;
            s.unpricedQuantityNanos += row.unpricedQuantityNanos;
        }
        out.append(CostTreeRow{levels, row});
        previous = &row;
    }
    // A deeper subtotal that repeats its only row, or its parent's whole group, is noise.
    QList<qsizetype> details(out.size(), 0);
    for (qsizetype i = 0; i < out.size(); ++i) {
        for (qsizetype j = i + 1; out[i].level < levels && j < out.size() && out[j].level > out[i].level; ++j)
            details[i] += out[j].level == levels ? 1 : 0;
    }
    QList<CostTreeRow> kept;
    kept.reserve(out.size());
    QList<qsizetype> groupSize(levels + 1, 0); // detail rows of the current subtotal per level
    for (qsizetype i = 0; i < out.size(); ++i) {
        const int level = out[i].level;
        if (level < levels) {
            groupSize[level] = details[i];
            if (level > 1 && (details[i] == 1 || details[i] == groupSize[level - 1]))
                continue;
        }
        kept.append(out[i]);
    }
    return kept;
}

namespace detail {

Status validateFilters(const QList<CostFilter> &filters)
{
    for (const CostFilter &f : filters) {
        if (f.values.isEmpty())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("The filter on %1 lists no values").arg(filterLabel(f)));
        if (f.dimension == Dimension::Tag && f.tagKey.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("A tag filter needs the tag key, e.g. tag:env=prod"));
    }
    return {};
}

bool filtersNeedLedger(const QList<CostFilter> &filters)
{
    return std::any_of(filters.begin(), filters.end(), [](const CostFilter &f) { return !isMetricsDimension(f.dimension); });
}

QByteArray filterConditions(const QList<CostFilter> &filters)
{
    QByteArray sql;
    for (int i = 0; i < filters.size(); ++i)
        sql += " AND " + matchSql(filters[i], i, "(SELECT lower(value) FROM json_each(" + parameter(i) + "))");
    return sql;
}

void bindFilters(store::Statement &stmt, const QList<CostFilter> &filters)
{
    for (int i = 0; i < filters.size(); ++i) {
        const CostFilter &f = filters[i];
        stmt.bind(stmt.index(parameter(i).constData()),
                  QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(f.values)).toJson(QJsonDocument::Compact)));
        if (f.dimension == Dimension::Tag)
            stmt.bind(stmt.index((parameter(i) + "tag").constData()), f.tagKey);
    }
}

Result<QStringList> unmatchedFilterValues(store::Database &db, const CostQuery &query)
{
    QStringList unmatched;
    for (const CostFilter &f : query.filters) {
        const bool ledger = query.asOf.isValid() || !isMetricsDimension(f.dimension);
        // One statement per filter, so its parameters are those of filter 0.
        QByteArray sql = "SELECT v.value FROM json_each(" + parameter(0) + ") v WHERE NOT EXISTS (SELECT 1 FROM ";
        sql += ledger ? ledgerRowsSql() + " m " : QByteArray("metrics_daily_cost m ");
        sql += "LEFT JOIN attr_project p ON p.project_key = m.project_key WHERE ";
        sql += ledger ? "1 = 1" : "(:from IS NULL OR m.day >= :from) AND (:to IS NULL OR m.day <= :to)";
        sql += " AND " + matchSql(f, 0, "(lower(v.value))") + ") ORDER BY v.key";
        auto stmt = db.prepare(sql);
        if (!stmt)
            return stmt.error();
        stmt->bind(":from", query.from.isValid() ? query.from.toString(Qt::ISODate) : QString());
        stmt->bind(":to", query.to.isValid() ? query.to.toString(Qt::ISODate) : QString());
        if (ledger)
            stmt->bind(stmt->index(":asof"), query.asOf.isValid() ? std::optional<std::int64_t>(query.asOf.toSecsSinceEpoch()) : std::nullopt);
        bindFilters(*stmt, {f});
        const Status read = stmt->forEachRow([&](const store::Statement &row) {
            unmatched << QStringLiteral("%1 '%2'").arg(filterLabel(f), row.text(0));
        });
        if (!read)
            return read.error();
    }
    return unmatched;
}

} // namespace detail
} // namespace ll::reports

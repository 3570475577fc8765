#include "drilldownfilter.h"

#include "models/costtablemodel.h"

#include <QCoreApplication>

namespace ll::ui {

namespace {
void narrowDays(reports::LineItemFilter &filter, const QDate &first, const QDate &last)
{
    if (!first.isValid() || !last.isValid())
        return;
    if (!filter.from.isValid() || first > filter.from)
        filter.from = first;
    if (!filter.to.isValid() || last < filter.to)
        filter.to = last;
}
} // namespace

DrillDown drillDownForCostRow(const QList<reports::Dimension> &by, const QStringList &tagKeys, const QStringList &keys, const QDate &from,
    const QDate &to, const QList<reports::CostFilter> &filters, const QStringList &labels)
{
    using reports::Dimension;
    DrillDown d;
    d.filter.from = from;
    d.filter.to = to;
    d.filter.costFilters = filters;
    for (const reports::CostFilter &f : filters) {
        const QString title = CostTableModel::dimensionTitle(f.dimension, f.tagKey);
        d.criteria << QStringLiteral("%1: %2").arg(title, f.values.join(QStringLiteral(", ")));
    }
    int tagIndex = 0;
    for (qsizetype i = 0; i < by.size(); ++i) {
        const Dimension dimension = by.at(i);
        const QString key = keys.value(i);
        const QString tagKey = dimension == Dimension::Tag ? tagKeys.value(tagIndex++) : QString();
        const QString title = CostTableModel::dimensionTitle(dimension, tagKey);
        const QString label = labels.value(i);
        if (!label.isEmpty() && label != key)
            d.criteria << (key.isEmpty() ? QStringLiteral("%1: %2").arg(title, label)
                                         : QStringLiteral("%1: %2 (%3)").arg(title, label, key));
        else
            d.criteria << QStringLiteral("%1: %2").arg(title, key.isEmpty() ? QStringLiteral("\u2014") : key);
        const auto workUnit = [&d, &key, &title](const QString &type, bool exact) {
            if (key.isEmpty()) {
                d.notNarrowed << title;
                return;
            }
            d.filter.workUnitType = type;
            d.filter.workUnitId = key;
            if (!exact)
                d.approximate << title;
        };
        switch (dimension) {
        case Dimension::Day: {
            const QDate day = QDate::fromString(key, Qt::ISODate);
            narrowDays(d.filter, day, day);
            break;
        }
        case Dimension::Month: {
            const QDate first = QDate::fromString(key + QStringLiteral("-01"), Qt::ISODate);
            narrowDays(d.filter, first, first.isValid() ? first.addMonths(1).addDays(-1) : QDate());
            break;
        }
        case Dimension::Workspace: d.filter.workspaceId = key; break;
        case Dimension::Sku: d.filter.sku = key; break;
        case Dimension::Product: d.filter.product = key; break;
        // Reports show a team's (project's) display name; line items are filtered by its key.
        // They agree unless a display name was given: then the list can come back empty.
        case Dimension::Team:
        case Dimension::Project: {
            const bool team = dimension == Dimension::Team;
            const bool none = key == (team ? QLatin1String("unattributed") : QLatin1String("none"));
            (team ? d.filter.team : d.filter.project) = none ? QString() : key;
            if (!none)
                d.caveats << QCoreApplication::translate("ll::ui::DrillDown", "%1 \u201c%2\u201d is matched by key; if the list is "
                                                         "empty, its display name differs from its key.").arg(title, key);
            break;
        }
        case Dimension::Job: workUnit(QStringLiteral("job"), true); break;
        // A job or pipeline running on a warehouse or cluster has that job/pipeline as work unit.
        case Dimension::Warehouse: workUnit(QStringLiteral("warehouse"), false); break;
        case Dimension::Cluster: workUnit(QStringLiteral("cluster"), false); break;
        case Dimension::Pipeline: workUnit(QStringLiteral("pipeline"), false); break;
        case Dimension::WorkUnit: {
            const qsizetype colon = key.indexOf(QLatin1Char(':'));
            d.filter.workUnitType = colon < 0 ? key : key.left(colon);
            d.filter.workUnitId = colon < 0 ? QString() : key.mid(colon + 1);
            break;
        }
        // Through the report's own allocation rows: the exact lines (and shares) of the figure.
        case Dimension::Principal:
        case Dimension::Tag:
        case Dimension::OrgUnit:
        case Dimension::Department:
            d.filter.costFilters.append(reports::CostFilter{dimension, tagKey, {key}});
            break;
        }
    }
    if (d.filter.from.isValid() && d.filter.to.isValid() && d.filter.from > d.filter.to)
        d.filter.to = d.filter.from.addDays(-1); // a key outside the range: an empty window, honestly
    return d;
}

} // namespace ll::ui

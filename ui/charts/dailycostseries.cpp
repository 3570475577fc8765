#include "dailycostseries.h"

#include <QHash>

#include <algorithm>

namespace ll::ui {

DailyCostSeries buildDailyCostSeries(const QList<reports::DailyProductCost> &daily, QDate through,
                                     int dayCount, int maxProducts, const QString &otherLabel)
{
    DailyCostSeries series;
    if (dayCount <= 0 || daily.isEmpty())
        return series;
    if (!through.isValid()) {
        for (const reports::DailyProductCost &row : daily)
            if (row.day.isValid() && (!through.isValid() || row.day > through))
                through = row.day;
        if (!through.isValid())
            return series;
    }
    const QDate first = through.addDays(-(dayCount - 1));

    // Totals per product inside the window decide the stacking order.
    QHash<QString, std::int64_t> productTotals;
    for (const reports::DailyProductCost &row : daily)
        if (row.day >= first && row.day <= through)
            productTotals[row.product] += row.costNanos;
    if (productTotals.isEmpty())
        return series;

    QStringList ordered = productTotals.keys();
    std::sort(ordered.begin(), ordered.end(), [&productTotals](const QString &a, const QString &b) {
        const std::int64_t ta = productTotals.value(a);
        const std::int64_t tb = productTotals.value(b);
        return ta != tb ? ta > tb : a < b;
    });
    const bool fold = maxProducts > 0 && ordered.size() > maxProducts;
    QHash<QString, qsizetype> productIndex;
    for (qsizetype i = 0; i < ordered.size(); ++i) {
        if (fold && i >= maxProducts - 1) {
            productIndex.insert(ordered.at(i), maxProducts - 1);
            continue;
        }
        productIndex.insert(ordered.at(i), i);
        series.products << ordered.at(i);
    }
    if (fold)
        series.products << otherLabel;

    for (QDate day = first; day <= through; day = day.addDays(1))
        series.days << day;
    series.costNanos = QList<QList<std::int64_t>>(series.products.size(), QList<std::int64_t>(series.days.size(), 0));
    series.dayTotalNanos = QList<std::int64_t>(series.days.size(), 0);
    for (const reports::DailyProductCost &row : daily) {
        if (row.day < first || row.day > through)
            continue;
        const qsizetype d = static_cast<qsizetype>(first.daysTo(row.day));
        series.costNanos[productIndex.value(row.product)][d] += row.costNanos;
        series.dayTotalNanos[d] += row.costNanos;
    }
    series.maxDayTotalNanos = *std::max_element(series.dayTotalNanos.cbegin(), series.dayTotalNanos.cend());
    return series;
}

} // namespace ll::ui

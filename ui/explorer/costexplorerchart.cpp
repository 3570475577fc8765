#include "costexplorerchart.h"

#include "common/format.h"
#include "common/money.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QHash>
#include <QHorizontalBarSeries>
#include <QLocale>
#include <QMap>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>

namespace ll::ui {

ExplorerChartData explorerChartData(const reports::CostTable &table, const QString &firstTitle, int topN)
{
    ExplorerChartData data;
    if (table.by.isEmpty())
        return data;
    const qsizetype day = table.by.indexOf(reports::Dimension::Day);
    data.timeSeries = day >= 0 || table.by.first() == reports::Dimension::Month;
    const qsizetype column = day >= 0 ? day : 0;
    data.title = firstTitle;
    QMap<QString, std::int64_t> sums; // days and months sort as ISO text
    QHash<QString, QString> labelOf;  // bars are summed by key and labelled by name
    for (const reports::CostRow &row : table.rows) {
        const QString key = row.keys.value(column);
        sums[key] += row.costNanos;
        labelOf.insert(key, row.labels.value(column, key));
    }
    if (data.timeSeries) {
        for (auto it = sums.cbegin(); it != sums.cend(); ++it) {
            data.keys << it.key();
            data.labels << labelOf.value(it.key(), it.key());
            data.costNanos << it.value();
        }
        return data;
    }
    QList<std::pair<QString, std::int64_t>> ranked;
    for (auto it = sums.cbegin(); it != sums.cend(); ++it)
        ranked.append({it.key(), it.value()});
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.second > b.second; });
    for (qsizetype i = 0; i < ranked.size(); ++i) {
        if (i < topN) {
            data.keys << ranked.at(i).first;
            data.labels << labelOf.value(ranked.at(i).first, ranked.at(i).first);
            data.costNanos << ranked.at(i).second;
        } else {
            data.otherNanos += ranked.at(i).second;
            ++data.otherCount;
        }
    }
    return data;
}

CostExplorerChart::CostExplorerChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(160);
}

QString CostExplorerChart::barToolTip(int index) const
{
    const qsizetype bars = m_data.costNanos.size();
    if (index < 0 || index > bars || (index == bars && m_data.otherCount == 0))
        return {};
    std::int64_t total = m_data.otherNanos;
    for (const std::int64_t v : m_data.costNanos)
        total += v;
    const bool other = index == bars;
    const std::int64_t value = other ? m_data.otherNanos : m_data.costNanos.at(index);
    const QString label = other ? tr("Other (%n value(s))", nullptr, m_data.otherCount)
                                : (m_data.labels.at(index).isEmpty() ? tr("(none)") : m_data.labels.at(index));
    const QString share = total > 0 ? QLocale().toString(100.0 * static_cast<double>(value) / static_cast<double>(total), 'f', 1) : QStringLiteral("0");
    const QString key = other ? QString() : m_data.keys.value(index);
    const QString id = !key.isEmpty() && key != label ? tr("\nId: %1").arg(key) : QString();
    return tr("%1: %2%5\n%3\n%4% of the total shown").arg(m_data.title, label, formatMoney(value, m_currency), share, id);
}

void CostExplorerChart::setData(ExplorerChartData data, QString currency)
{
    m_data = std::move(data);
    m_currency = std::move(currency);

    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->hide();
    auto *set = new QBarSet(m_data.title);
    double max = 1.0;
    for (const std::int64_t v : m_data.costNanos) {
        set->append(nanosToUnits(v));
        max = std::max(max, nanosToUnits(v));
    }
    QStringList labels = m_data.labels;
    for (QString &l : labels) {
        if (l.isEmpty())
            l = tr("(none)");
    }
    if (m_data.otherCount > 0) {
        set->append(nanosToUnits(m_data.otherNanos));
        max = std::max(max, nanosToUnits(m_data.otherNanos));
        labels << tr("Other (%n)", nullptr, m_data.otherCount);
    }
    auto *costAxis = new QValueAxis;
    costAxis->setRange(0.0, max);
    costAxis->applyNiceNumbers();
    costAxis->setLabelFormat(QStringLiteral("%.0f"));
    QFont small = costAxis->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    costAxis->setLabelsFont(small);
    QAbstractBarSeries *series = nullptr;
    if (m_data.timeSeries) {
        chart->setTitle(tr("Cost per %1 (%2)").arg(m_data.title.toLower(), m_currency));
        series = new QBarSeries;
        series->append(set);
        chart->addSeries(series);
        // Every date on a category axis would overlap: label about eight of them.
        auto *dayAxis = new QCategoryAxis;
        const qsizetype n = labels.size();
        dayAxis->setRange(-0.5, static_cast<double>(n) - 0.5);
        dayAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        const qsizetype step = std::max<qsizetype>(1, n / 8);
        for (qsizetype i = 0; i < n; i += step)
            dayAxis->append(labels.at(i), static_cast<double>(i));
        dayAxis->setGridLineVisible(false);
        dayAxis->setLabelsFont(small);
        dayAxis->setTruncateLabels(false);
        chart->addAxis(dayAxis, Qt::AlignBottom);
        chart->addAxis(costAxis, Qt::AlignLeft);
        series->attachAxis(dayAxis);
    } else {
        chart->setTitle(m_data.otherCount > 0 ? tr("Top %1 by %2 (%3)").arg(m_data.costNanos.size()).arg(m_data.title, m_currency)
                                              : tr("Cost by %1 (%2)").arg(m_data.title, m_currency));
        series = new QHorizontalBarSeries;
        series->append(set);
        chart->addSeries(series);
        // Largest at the top: a horizontal bar axis draws its first category at the bottom.
        auto *categories = new QBarCategoryAxis;
        QStringList reversed(labels.crbegin(), labels.crend());
        QList<qreal> values;
        for (int i = 0; i < set->count(); ++i)
            values.prepend(set->at(i));
        set->remove(0, set->count());
        set->append(values);
        categories->append(reversed);
        categories->setLabelsFont(small);
        categories->setTruncateLabels(false); // a few long labels beat "..." on every bar
        categories->setGridLineVisible(false);
        chart->addAxis(categories, Qt::AlignLeft);
        chart->addAxis(costAxis, Qt::AlignBottom);
        series->attachAxis(categories);
    }
    series->attachAxis(costAxis);
    set->setBorderColor(Qt::transparent);
    const bool reversedIndex = !m_data.timeSeries;
    connect(series, &QAbstractBarSeries::hovered, this, [this, reversedIndex, set](bool status, int index, QBarSet *) {
        if (!status) {
            QToolTip::hideText();
            return;
        }
        QToolTip::showText(QCursor::pos(), barToolTip(reversedIndex ? set->count() - 1 - index : index), this);
    });

    QChart *old = this->chart();
    setChart(chart);
    delete old;
}

} // namespace ll::ui

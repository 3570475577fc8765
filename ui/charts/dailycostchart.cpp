#include "dailycostchart.h"

#include "charts/chartsupport.h"
#include "common/format.h"
#include "common/money.h"

#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QCursor>
#include <QLocale>
#include <QStackedBarSeries>
#include <QToolTip>
#include <QValueAxis>

namespace ll::ui {

namespace {
constexpr qsizetype kLabelEveryDays = 7;
}

DailyCostChart::DailyCostChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(260);
    ChartSupport::addSavePngAction(this, QStringLiteral("daily-cost.png"));
}

Status DailyCostChart::savePng(const QString &path)
{
    return ChartSupport::savePng(this, path);
}

void DailyCostChart::setSeries(DailyCostSeries series, QString currency)
{
    m_series = std::move(series);
    m_currency = std::move(currency);

    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setLocalizeNumbers(true);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setTitle(tr("Daily cost by billing product, last %1 days").arg(m_series.days.size()));

    auto *bars = new QStackedBarSeries;
    bars->setBarWidth(0.8);
    for (qsizetype p = 0; p < m_series.products.size(); ++p) {
        auto *set = new QBarSet(m_series.products.at(p));
        set->setBorderColor(Qt::transparent);
        for (const std::int64_t nanos : m_series.costNanos.at(p))
            set->append(nanosToUnits(nanos));
        bars->append(set);
    }
    chart->addSeries(bars);

    // A category axis would print all 60 dates on top of each other. Bars sit at x = 0..n-1 on a
    // value axis instead, labelled weekly (ending at the newest day) through a QCategoryAxis.
    auto *dayAxis = new QCategoryAxis;
    const qsizetype dayCount = m_series.days.size();
    dayAxis->setRange(-0.5, static_cast<double>(dayCount) - 0.5);
    dayAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    for (qsizetype i = (dayCount - 1) % kLabelEveryDays; i < dayCount; i += kLabelEveryDays)
        dayAxis->append(QLocale().toString(m_series.days.at(i), QStringLiteral("MMM d")), static_cast<double>(i));
    QFont small = dayAxis->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    dayAxis->setLabelsFont(small);
    dayAxis->setTitleText(tr("Usage day (UTC)"));
    dayAxis->setGridLineVisible(false);
    dayAxis->setTruncateLabels(false);
    chart->addAxis(dayAxis, Qt::AlignBottom);
    bars->attachAxis(dayAxis);

    auto *costAxis = new QValueAxis;
    costAxis->setRange(0.0, std::max(1.0, nanosToUnits(m_series.maxDayTotalNanos)));
    costAxis->applyNiceNumbers();
    costAxis->setLabelFormat(QStringLiteral("%.0f"));
    costAxis->setTitleText(tr("Cost (%1)").arg(m_currency));
    costAxis->setLabelsFont(small);
    chart->addAxis(costAxis, Qt::AlignLeft);
    bars->attachAxis(costAxis);

    connect(bars, &QStackedBarSeries::hovered, this, &DailyCostChart::showBarToolTip);

    QChart *old = this->chart();
    setChart(chart); // the view takes ownership of the new chart, not of the old one
    delete old;
}

void DailyCostChart::showBarToolTip(bool status, int index, QBarSet *set)
{
    if (!status || !set || index < 0 || index >= m_series.days.size()) {
        m_toolTip.clear();
        QToolTip::hideText();
        return;
    }
    const qsizetype product = m_series.products.indexOf(set->label());
    if (product < 0)
        return;
    m_toolTip = ChartSupport::dayToolTip(m_series.days.at(index), set->label(), m_series.costNanos.at(product).at(index),
                                         m_series.dayTotalNanos.at(index), m_currency);
    QToolTip::showText(QCursor::pos(), m_toolTip, this);
}

} // namespace ll::ui

#include "insightchart.h"

#include "charts/chartsupport.h"
#include "common/money.h"

#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QPen>
#include <QTimeZone>
#include <QValueAxis>

#include <algorithm>

namespace ll::ui {

InsightChart::InsightChart(QWidget *parent) : QChartView(parent)
{
    auto *c = new QChart;
    c->setAnimationOptions(QChart::NoAnimation);
    c->legend()->setAlignment(Qt::AlignBottom);
    c->setMargins(QMargins(4, 4, 4, 4));
    setChart(c);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(180);
    ChartSupport::addSavePngAction(this, QStringLiteral("insight.png"));
}

void InsightChart::setSeries(const QList<reports::InsightDay> &days, const QString &currency)
{
    QChart *c = chart();
    c->removeAllSeries();
    // removeAxis() hands the axis back to the caller: delete it, or every new detail leaks the
    // previous axes (found by LeakSanitizer under the asan preset).
    for (QAbstractAxis *axis : c->axes()) {
        c->removeAxis(axis);
        delete axis;
    }
    m_points = static_cast<int>(days.size());
    if (days.isEmpty()) {
        c->setTitle(tr("No day series for this insight"));
        return;
    }
    c->setTitle(QString());
    auto *value = new QLineSeries;
    value->setName(tr("Daily figure (%1)").arg(currency));
    auto *baseline = new QLineSeries;
    baseline->setName(tr("Baseline"));
    QPen dashed = baseline->pen();
    dashed.setStyle(Qt::DashLine);
    baseline->setPen(dashed);
    double top = 0;
    for (const auto &d : days) {
        const double x = static_cast<double>(QDateTime(d.day, QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch());
        const double y = static_cast<double>(d.valueNanos) / static_cast<double>(kNanosPerUnit);
        value->append(x, y);
        top = std::max(top, y);
        if (d.baselineNanos) {
            const double b = static_cast<double>(*d.baselineNanos) / static_cast<double>(kNanosPerUnit);
            baseline->append(x, b);
            top = std::max(top, b);
        }
    }
    c->addSeries(value);
    if (baseline->count() > 0)
        c->addSeries(baseline);
    else
        delete baseline;
    auto *axisX = new QDateTimeAxis;
    axisX->setFormat(QStringLiteral("MMM d"));
    axisX->setTickCount(std::min(8, static_cast<int>(days.size())));
    auto *axisY = new QValueAxis;
    axisY->setRange(0, top > 0 ? top * 1.1 : 1);
    axisY->setLabelFormat(QStringLiteral("%.0f"));
    axisY->setTitleText(currency);
    c->addAxis(axisX, Qt::AlignBottom);
    c->addAxis(axisY, Qt::AlignLeft);
    for (QAbstractSeries *s : c->series()) {
        s->attachAxis(axisX);
        s->attachAxis(axisY);
    }
}

} // namespace ll::ui

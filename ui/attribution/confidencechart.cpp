#include "confidencechart.h"

#include "charts/chartsupport.h"
#include "common/format.h"
#include "common/money.h"

#include <QChart>
#include <QCursor>
#include <QLegend>
#include <QPieSeries>
#include <QPieSlice>
#include <QToolTip>

namespace ll::ui {

QList<ConfidenceSlice> confidenceSlices(std::int64_t exact, std::int64_t strong, std::int64_t estimated, std::int64_t unattributed)
{
    return {{ConfidenceChart::tr("Exact"), exact, QColor(0x2e, 0x7d, 0x32)},
            {ConfidenceChart::tr("Strong"), strong, QColor(0x1e, 0x88, 0xe5)},
            {ConfidenceChart::tr("Estimated"), estimated, QColor(0xf9, 0xa8, 0x25)},
            {ConfidenceChart::tr("Unattributed"), unattributed, QColor(0x9e, 0x9e, 0x9e)}};
}

ConfidenceChart::ConfidenceChart(QWidget *parent)
    : QChartView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(300, 200);
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setLocalizeNumbers(true);
    chart->setTitle(tr("Cost by confidence"));
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart);
    ChartSupport::addSavePngAction(this, QStringLiteral("cost-by-confidence.png"));
}

void ConfidenceChart::setSlices(const QList<ConfidenceSlice> &slices, const QString &currency)
{
    m_slices = slices;
    m_currency = currency;
    m_toolTip.clear();
    QChart *c = chart();
    c->removeAllSeries();
    auto *series = new QPieSeries;
    series->setHoleSize(0.45);
    std::int64_t total = 0;
    for (const ConfidenceSlice &s : slices)
        total += s.nanos;
    for (const ConfidenceSlice &s : slices) {
        if (s.nanos <= 0)
            continue;
        auto *slice = series->append(s.label, nanosToUnits(s.nanos));
        slice->setColor(s.color);
        slice->setBorderColor(Qt::white);
        const QString text = ChartSupport::sliceToolTip(s.label, s.nanos, sharePercent(s.nanos, total), m_currency);
        connect(slice, &QPieSlice::hovered, this, [this, slice, text](bool on) { showSliceToolTip(slice, on, text); });
    }
    c->addSeries(series);
}

void ConfidenceChart::showSliceToolTip(QPieSlice *slice, bool on, const QString &text)
{
    slice->setExploded(on);
    m_toolTip = on ? text : QString();
    if (on)
        QToolTip::showText(QCursor::pos(), text, this);
    else
        QToolTip::hideText();
}

Status ConfidenceChart::savePng(const QString &path)
{
    return ChartSupport::savePng(this, path);
}

} // namespace ll::ui

#include "confidencechart.h"

#include "common/format.h"
#include "common/money.h"

#include <QChart>
#include <QLegend>
#include <QPieSeries>
#include <QPieSlice>

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
    chart->setTitle(tr("Cost by confidence"));
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    setChart(chart);
}

void ConfidenceChart::setSlices(const QList<ConfidenceSlice> &slices)
{
    m_slices = slices;
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
        const std::optional<double> share = sharePercent(s.nanos, total);
        auto *slice = series->append(s.label, nanosToUnits(s.nanos));
        slice->setColor(s.color);
        slice->setBorderColor(Qt::white);
        connect(slice, &QPieSlice::hovered, this, [this, slice, label = s.label, nanos = s.nanos, share](bool on) {
            slice->setExploded(on);
            setToolTip(on ? tr("%1: %2 (%3)").arg(label, formatMoney(nanos), formatPercent(share.value_or(0.0))) : QString());
        });
    }
    c->addSeries(series);
}

} // namespace ll::ui

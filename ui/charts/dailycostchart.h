#pragma once

#include "charts/dailycostseries.h"
#include "common/result.h"

#include <QChartView>

class QBarSet;

namespace ll::ui {

// Stacked bars of daily cost by billing product, with a legend and per-bar tooltips.
class DailyCostChart : public QChartView {
    Q_OBJECT
public:
    explicit DailyCostChart(QWidget *parent = nullptr);

    void setSeries(DailyCostSeries series, QString currency);
    const DailyCostSeries &series() const { return m_series; }

    // Renders the chart as shown to a PNG file (the context menu's "Save chart as PNG…").
    Status savePng(const QString &path);
    void savePngAs(); // asks for a file (non-blocking dialog)

private:
    void showBarToolTip(bool status, int index, QBarSet *set);

    DailyCostSeries m_series;
    QString m_currency = QStringLiteral("USD");
};

} // namespace ll::ui

#pragma once

#include "charts/dailycostseries.h"

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

private:
    void showBarToolTip(bool status, int index, QBarSet *set);

    DailyCostSeries m_series;
    QString m_currency = QStringLiteral("USD");
};

} // namespace ll::ui

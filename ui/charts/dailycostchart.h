#pragma once

#include "charts/dailycostseries.h"
#include "common/result.h"

#include <QChartView>

class QBarSet;

namespace ll::ui {

// Stacked bars of daily cost by billing product, with a legend, per-bar tooltips and "Save as PNG…"
// in its context menu.
class DailyCostChart : public QChartView {
    Q_OBJECT
public:
    explicit DailyCostChart(QWidget *parent = nullptr);

    void setSeries(DailyCostSeries series, QString currency);
    const DailyCostSeries &series() const { return m_series; }

    // Renders the chart as shown to a PNG file (what the context menu's "Save as PNG…" writes).
    Status savePng(const QString &path);
    // The text of the bar tooltip shown last ("" after the pointer left the bars).
    QString currentToolTip() const { return m_toolTip; }

private:
    void showBarToolTip(bool status, int index, QBarSet *set);

    DailyCostSeries m_series;
    QString m_currency = QStringLiteral("USD");
    QString m_toolTip;
};

} // namespace ll::ui

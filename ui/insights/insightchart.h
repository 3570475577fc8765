#pragma once

#include "reports/insightlist.h"

#include <QChartView>

namespace ll::ui {

// An insight's day series: the figure as a line and, where the detector has one, its baseline
// as a dashed line, on a date axis with a currency value axis.
class InsightChart : public QChartView {
    Q_OBJECT
public:
    explicit InsightChart(QWidget *parent = nullptr);
    void setSeries(const QList<reports::InsightDay> &days, const QString &currency);
    int pointCount() const { return m_points; }

private:
    int m_points = 0;
};

} // namespace ll::ui

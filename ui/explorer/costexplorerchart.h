#pragma once

#include "reports/costreport.h"

#include <QChartView>

namespace ll::ui {

// What the explorer charts: cost per day when Day is a dimension (every day of the table, in
// order), per month when Month is the first dimension, else the top N values of the first
// dimension with the rest summed as "Other".
struct ExplorerChartData {
    bool timeSeries = false;   // days or months, in order
    QString title;             // what the bars are, e.g. "Team"
    QStringList labels;        // one per bar (ISO days or months when timeSeries): names for id dimensions
    QStringList keys;          // one per bar: the key behind the label (an id for id dimensions)
    QList<std::int64_t> costNanos;
    std::int64_t otherNanos = 0; // the values beyond the top N (included as the last bar when > 0)
    int otherCount = 0;
};
ExplorerChartData explorerChartData(const reports::CostTable &table, const QString &firstTitle, int topN = 8);

// A small bar chart of ExplorerChartData with a tooltip per bar (label, exact cost, share).
class CostExplorerChart : public QChartView {
    Q_OBJECT
public:
    explicit CostExplorerChart(QWidget *parent = nullptr);
    void setData(ExplorerChartData data, QString currency);
    const QString &currency() const { return m_currency; }
    const ExplorerChartData &data() const { return m_data; }
    // The tooltip text of bar `index` (tests; hover shows the same).
    QString barToolTip(int index) const;

private:
    ExplorerChartData m_data;
    QString m_currency = QStringLiteral("USD");
};

} // namespace ll::ui

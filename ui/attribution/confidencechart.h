#pragma once

#include <QChartView>
#include <QColor>
#include <QList>
#include <QString>

#include <cstdint>

namespace ll::ui {

struct ConfidenceSlice {
    QString label;
    std::int64_t nanos = 0;
    QColor color;
};

// The four confidence tiers in a fixed order (exact, strong, estimated, unattributed) with
// their colours; a pure function so tests check the data without rendering.
QList<ConfidenceSlice> confidenceSlices(std::int64_t exact, std::int64_t strong, std::int64_t estimated, std::int64_t unattributed);

// A small donut of cost by confidence tier for the period.
class ConfidenceChart : public QChartView {
    Q_OBJECT
public:
    explicit ConfidenceChart(QWidget *parent = nullptr);

    void setSlices(const QList<ConfidenceSlice> &slices);
    const QList<ConfidenceSlice> &slices() const { return m_slices; }

private:
    QList<ConfidenceSlice> m_slices;
};

} // namespace ll::ui

#pragma once

#include "common/result.h"

#include <QChartView>
#include <QColor>
#include <QList>
#include <QString>

#include <cstdint>

class QPieSlice;

namespace ll::ui {

struct ConfidenceSlice {
    QString label;
    std::int64_t nanos = 0;
    QColor color;
};

// The four confidence tiers in a fixed order (exact, strong, estimated, unattributed) with
// their colours; a pure function so tests check the data without rendering.
QList<ConfidenceSlice> confidenceSlices(std::int64_t exact, std::int64_t strong, std::int64_t estimated, std::int64_t unattributed);

// A small donut of cost by confidence tier for the period, with a tooltip per slice (cost and
// share) and "Save as PNG…" in its context menu.
class ConfidenceChart : public QChartView {
    Q_OBJECT
public:
    explicit ConfidenceChart(QWidget *parent = nullptr);

    void setSlices(const QList<ConfidenceSlice> &slices, const QString &currency = QStringLiteral("USD"));
    const QList<ConfidenceSlice> &slices() const { return m_slices; }
    QString currency() const { return m_currency; }

    Status savePng(const QString &path);
    // The text of the slice tooltip shown last ("" after the pointer left the slices).
    QString currentToolTip() const { return m_toolTip; }

private:
    void showSliceToolTip(QPieSlice *slice, bool on, const QString &text);

    QList<ConfidenceSlice> m_slices;
    QString m_currency = QStringLiteral("USD");
    QString m_toolTip;
};

} // namespace ll::ui

#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QDate>
#include <QSize>
#include <QString>

#include <cstdint>
#include <optional>

class QAction;
class QChartView;

namespace ll::ui {

// What every chart of the app shares: hover tooltip texts (money in the chart's currency, dates
// and numbers in the user's locale) and saving the chart as a PNG file. The text and rendering
// functions take no widget state beyond their arguments, so tests check them directly.
class ChartSupport {
    Q_DECLARE_TR_FUNCTIONS(ChartSupport)
public:
    // "Tuesday, November 3, 2026\nJOBS: $12.34\nDay total: $40.00" (long date in the locale).
    static QString dayToolTip(const QDate &day, const QString &series, std::int64_t nanos, std::int64_t dayTotalNanos,
                              const QString &currency);
    // "Exact: $1,234.00 (45.0%)"; without a share when it is unknown.
    static QString sliceToolTip(const QString &category, std::int64_t nanos, const std::optional<double> &sharePercent,
                                const QString &currency);

    // Renders the view as shown (a view never shown: at its current size) into a PNG file at
    // `path`. Fails with ErrorCode::Io when the file cannot be written.
    static Status savePng(QChartView *view, const QString &path);

    // Adds "Save as PNG…" to the view's context menu; it asks for a file name (non-blocking
    // dialog, `suggestedName` pre-filled) and reports a failed write in a notice.
    static QAction *addSavePngAction(QChartView *view, const QString &suggestedName);
};

} // namespace ll::ui

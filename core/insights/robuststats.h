#pragma once

// Robust statistics for baselines: the median and the median absolute deviation (MAD) resist
// the very outliers a detector looks for, where a mean and standard deviation are dragged by them.

#include <QList>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace ll::insights {

inline double median(QList<double> values)
{
    if (values.isEmpty())
        return 0.0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

inline double medianAbsoluteDeviation(const QList<double> &values, double center)
{
    QList<double> deviations;
    deviations.reserve(values.size());
    for (double v : values)
        deviations.append(std::abs(v - center));
    return median(deviations);
}

// (x - median) / (1.4826 x MAD): comparable with a z-score for normal data. A baseline without
// spread (MAD 0) makes any difference infinitely unusual; the dollar floors keep that honest.
// `minSigma` floors the spread: a handful of points can agree by chance, and a z-score over
// such a tight history calls every ordinary day extreme.
inline double robustZ(double x, double center, double mad, double minSigma = 0.0)
{
    const double sigma = std::max(1.4826 * mad, minSigma);
    if (sigma > 0.0)
        return (x - center) / sigma;
    if (x == center)
        return 0.0;
    return x > center ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity();
}

} // namespace ll::insights

#pragma once

#include <QColor>
#include <QString>

#include <cstdint>

// The "unpriced" marker of a cost cell (issue 16): usage without a list price is in no cost, so
// a bare figure would read as if it cost nothing. One wording and colour for every view that
// shows a cost (Cost Explorer, Workloads, Overview).
namespace ll::ui {

// "$12.00 + 3.20 DBU unpriced" when unpricedNanos > 0, else the money alone.
QString formatCostWithUnpriced(std::int64_t costNanos, std::int64_t unpricedNanos, const QString &currency);

// Why the marker is there and how to price it; empty when nothing is unpriced.
QString unpricedToolTip(std::int64_t unpricedNanos);

// The marker's text colour (amber: a caveat, not an error).
QColor unpricedColor();

} // namespace ll::ui

#pragma once

#include "attributionconfig.h"

#include "common/clock.h"
#include "common/result.h"
#include "store/database.h"

#include <QDate>
#include <QList>
#include <QString>

namespace ll::attribution {

// "Who gains, who loses": the effect of a candidate configuration on each team's and
// project's cost over a date range, before anything is saved. It runs the real attribution
// and metrics stages inside a transaction that is then rolled back, so the preview is
// computed by exactly the code that will run on save.
struct PreviewRow {
    QString axis;   // team or project
    QString owner;  // display label
    std::int64_t beforeNanos = 0;
    std::int64_t afterNanos = 0;
    std::int64_t deltaNanos() const { return afterNanos - beforeNanos; }
};

Result<QList<PreviewRow>> previewAttribution(store::Database &db, const Clock &clock, const AttributionConfig &candidate,
                                             const QDate &from, const QDate &to);

} // namespace ll::attribution

#pragma once

// The Insights view's list (and the Overview's top insights): every finding, open first.

#include "common/result.h"
#include "store/database.h"

#include <QDate>
#include <QList>
#include <QString>

#include <cstdint>

namespace ll::reports {

struct InsightSummary {
    std::int64_t findingId = 0;
    QString kind;
    QString title;
    QString detail;
    QString workspaceId;
    QString status;
    std::int64_t impactNanos = 0;
    QDate firstDay;
    QDate lastDay;
};

// Open findings first, then by impact: reads insight_finding only.
Result<QList<InsightSummary>> loadInsights(store::Database &db);

} // namespace ll::reports

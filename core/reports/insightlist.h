#pragma once

// The Insights view's list and detail (and the Overview's top insights, the CLI's
// `report insights` and `insights show`): reads insight_finding, insight_evidence_day and, for
// a finding's line items, ledger_usage_line.

#include "common/result.h"
#include "store/database.h"

#include <QDate>
#include <QList>
#include <QString>

#include <cstdint>
#include <optional>

namespace ll::reports {

struct InsightSummary {
    std::int64_t findingId = 0;
    QString kind;
    QString severity;
    QString status;
    QString scopeType;
    QString scopeId;
    QString scopeName;
    QString workspaceId;
    QString workspaceName;
    QString title;
    QString detail;
    std::int64_t impactNanos = 0; // estimated monthly saving
    QString currency;
    QString savingsFormula;
    QString evidenceJson;
    QString lineFilterJson;
    QDate firstDay;
    QDate lastDay;
    QString statusActor;
    QString statusReason;
    std::optional<std::int64_t> statusChangedAt;
};

struct InsightFilter {
    bool activeOnly = false; // new and acknowledged only
    QString kind;            // empty: every type
    QDate from;              // findings whose [first_day, last_day] meets [from, to]
    QDate to;
};

// Active first, then by severity, saving and id.
Result<QList<InsightSummary>> loadInsights(store::Database &db, const InsightFilter &filter = {});
Result<std::optional<InsightSummary>> loadInsight(store::Database &db, std::int64_t findingId);

struct InsightDay {
    QDate day;
    std::int64_t valueNanos = 0;
    std::optional<std::int64_t> baselineNanos;
};
Result<QList<InsightDay>> loadInsightSeries(store::Database &db, std::int64_t findingId);

struct InsightLineItem {
    QString recordId;
    QDate day;
    QString workspaceId;
    QString skuName;
    QString product;
    QString workUnit; // type:id
    std::int64_t quantityNanos = 0;
    std::optional<std::int64_t> costNanos; // none: unpriced
};
struct InsightLines {
    QList<InsightLineItem> lines; // largest cost first, at most `limit`
    std::int64_t lineCount = 0;   // all the lines the filter matches
    std::int64_t costNanos = 0;   // their total
};
// The ledger lines behind an insight (its line_filter), e.g. for the one-click drill-down.
Result<InsightLines> loadInsightLines(store::Database &db, const InsightSummary &insight, int limit = 200);

} // namespace ll::reports

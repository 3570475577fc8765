#pragma once

#include "insights/detector.h"

namespace ll::insights {

// budget_at_risk: a monthly budget whose month-end forecast (budgets/budgetforecast.h, as of the
// last complete day) exceeds it. No saving to estimate (the overrun is a forecast, not a
// saving); the overrun in money and percent is the evidence, and the severity follows it.
class BudgetAtRiskDetector final : public Detector {
public:
    QStringList kinds() const override { return {QStringLiteral("budget_at_risk")}; }
    Result<QList<Finding>> detect(const DetectorContext &context) override;
};

} // namespace ll::insights

#pragma once

#include "insights/detector.h"

namespace ll::insights {

// idle_warehouse: a SQL warehouse (any type: serverless ones bill while running too) that runs
// for hours without a query. From metrics_warehouse_utilization_daily: idle = running seconds
// - busy running seconds (query time inside the running intervals). Idle cost = the
// warehouse's cost in the window x its idle share of running time, per month. Severity by idle
// hours per day of the window.
class IdleWarehouseDetector final : public Detector {
public:
    QStringList kinds() const override { return {QStringLiteral("idle_warehouse")}; }
    Result<QList<Finding>> detect(const DetectorContext &context) override;
};

} // namespace ll::insights

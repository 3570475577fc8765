#pragma once

#include "insights/detector.h"

namespace ll::insights {

// always_on_warehouse: a SQL warehouse whose auto-stop is disabled (0) or longer than
// max_auto_stop_minutes (ledger_warehouse_current). Serverless warehouses are judged too: they
// also bill until their auto-stop ends. A NULL auto-stop means the source did not say, and is
// not judged. Saving: the idle time a target_auto_stop_minutes auto-stop would have cut, replayed
// over the window's running intervals and queries (docs/insights.md), at the warehouse's cost
// per running second.
class AlwaysOnWarehouseDetector final : public Detector {
public:
    QStringList kinds() const override { return {QStringLiteral("always_on_warehouse")}; }
    Result<QList<Finding>> detect(const DetectorContext &context) override;
};

} // namespace ll::insights

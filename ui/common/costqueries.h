#pragma once

#include "reports/costreport.h"

namespace ll::ui {

// Runs several cost queries on one connection (worker side); the first failure wins.
Result<QList<reports::CostTable>> runCostQueries(store::Database &db, const QList<reports::CostQuery> &queries);

// The inclusive window of `days` days ending at `today`.
reports::CostQuery lastDaysQuery(QList<reports::Dimension> by, const QDate &today, int days);

} // namespace ll::ui

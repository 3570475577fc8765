#pragma once

#include "common/result.h"
#include "store/database.h"

#include <QString>

namespace ll::reports {

// The currency the store's cost is in: the currency_code carrying the most cost in
// metrics_daily_cost (a Databricks account bills in one currency, so in practice the only one),
// "USD" while the store has no cost. Pages pass it to formatMoney and their charts.
Result<QString> storeCurrency(store::Database &db);

} // namespace ll::reports

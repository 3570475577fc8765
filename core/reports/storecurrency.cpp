#include "storecurrency.h"

namespace ll::reports {

Result<QString> storeCurrency(store::Database &db)
{
    // The newest 31 days of data decide (a primary-key range: the read stays the same size as
    // history grows, and every view asks for this); the whole cube only when no rollup exists.
    auto stmt = db.prepare("SELECT currency_code FROM metrics_daily_cost "
                           "WHERE day >= coalesce((SELECT date(max(day), '-30 days') FROM metrics_daily_product), '') "
                           "GROUP BY currency_code ORDER BY sum(abs(cost_nanos)) DESC, currency_code LIMIT 1");
    if (!stmt)
        return stmt.error();
    QString currency = QStringLiteral("USD");
    const Status read = stmt->forEachRow([&](const store::Statement &row) {
        if (!row.text(0).isEmpty())
            currency = row.text(0);
    });
    if (!read)
        return read.error();
    return currency;
}

} // namespace ll::reports

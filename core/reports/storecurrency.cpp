#include "storecurrency.h"

namespace ll::reports {

Result<QString> storeCurrency(store::Database &db)
{
    auto stmt = db.prepare("SELECT currency_code FROM metrics_daily_cost GROUP BY currency_code "
                           "ORDER BY sum(abs(cost_nanos)) DESC, currency_code LIMIT 1");
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

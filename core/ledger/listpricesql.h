#pragma once

#include <QByteArray>

namespace ll::ledger::sql {

// The one definition of "the list-price period that prices a usage line": the same SKU, cloud,
// currency and unit, and the period that contains the line's usage start (the latest-starting
// one should periods overlap). A scalar subquery over ledger_list_price `p` that selects
// `columns`; `line` names the usage line (its table or alias) and `sku` the SKU to price, by
// default the line's own (the insight stage prices a line at another SKU to compare with).
// Every part is a fixed string from code, never input.
inline QByteArray listPriceOf(const QByteArray &columns, const QByteArray &line, const QByteArray &sku = {})
{
    return "SELECT " + columns + " FROM ledger_list_price p WHERE p.sku_name = " + (sku.isEmpty() ? line + ".sku_name" : sku)
        + " AND p.cloud = " + line + ".cloud AND p.currency_code = " + line + ".currency_code AND p.usage_unit = " + line
        + ".usage_unit AND p.price_start <= " + line + ".usage_start AND (p.price_end IS NULL OR " + line
        + ".usage_start < p.price_end) ORDER BY p.price_start DESC LIMIT 1";
}

} // namespace ll::ledger::sql

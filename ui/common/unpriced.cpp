#include "unpriced.h"

#include "common/format.h"
#include "common/money.h"

#include <QCoreApplication>

namespace ll::ui {
namespace {
// The context these strings were first translated under (the Cost Explorer's table).
QString tr(const char *text) { return QCoreApplication::translate("ll::ui::CostTableModel", text); }
} // namespace

QString formatCostWithUnpriced(std::int64_t costNanos, std::int64_t unpricedNanos, const QString &currency)
{
    const QString money = formatMoney(costNanos, currency);
    if (unpricedNanos <= 0)
        return money;
    return tr("%1 + %2 DBU unpriced").arg(money, formatQuantity(unpricedNanos));
}

QString unpricedToolTip(std::int64_t unpricedNanos)
{
    if (unpricedNanos <= 0)
        return {};
    return tr("%1 DBU of this usage has no list price for its SKU and hour, so no cost figure includes it. "
              "Sync the list prices (system.billing.list_prices) or check the SKU to price it.")
        .arg(formatQuantity(unpricedNanos));
}

QColor unpricedColor() { return QColor(150, 100, 0); }

} // namespace ll::ui

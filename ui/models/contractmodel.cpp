#include "contractmodel.h"

#include "common/format.h"
#include "common/money.h"

namespace ll::ui {

ContractModel::ContractModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = contracts::ContractPrice;
    setColumns({
        {.title = tr("Scope"), .display = cellOf(&Row::scope)}, {.title = tr("Applies to"), .display = cellOf(&Row::scopeKey)},
        {.title = tr("Kind"), .display = cellOf(&Row::kind)},
        {.title = tr("Value"),
            .kind = ColumnKind::Decimal,
            .display = cellOf(&Row::value),
            .sort = [](const Row &r) -> QVariant {
                const std::optional<Decimal> d = parseDecimal(r.value);
                const std::optional<std::int64_t> nanos = d ? toNanos(*d) : std::nullopt;
                return nanos ? QVariant::fromValue<qint64>(*nanos) : QVariant();
            },
            .toolTip = [](const Row &r) -> QVariant {
                return r.kind == QLatin1String("discount") ? tr("Percent off the list price") : tr("Unit price per usage unit");
            },
            .alignment = kNumberAlignment},
        {.title = tr("Valid from"),
            .display = [](const Row &r) -> QVariant { return formatDate(r.validFrom); },
            .sort = cellOf(&Row::validFrom)},
        {.title = tr("Valid to"),
            .display = [](const Row &r) -> QVariant { return r.validTo.isValid() ? formatDate(r.validTo) : tr("open-ended"); },
            .sort = cellOf(&Row::validTo)}, // open-ended: invalid (an empty CSV cell)
    });
}

} // namespace ll::ui

#include "tagcoveragemodel.h"

#include "common/format.h"
#include "common/money.h"

namespace ll::ui {

TagCoverageModel::TagCoverageModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::TagCoverage;
    const auto share = [](const Row &r) { return static_cast<double>(r.basisPoints) / 100.0; };
    setColumns({
        {.title = tr("Tag key"), .display = cellOf(&Row::key)},
        {.title = tr("Cost covered"),
            .kind = ColumnKind::Money,
            .display = [](const Row &r) -> QVariant { return formatMoney(r.coveredCostNanos); },
            .sort = cellOf(&Row::coveredCostNanos),
            .alignment = kNumberAlignment},
        {.title = tr("Share of cost"),
            .kind = ColumnKind::Number,
            .display = [share](const Row &r) -> QVariant { return formatPercent(share(r), 2); },
            .sort = [share](const Row &r) -> QVariant { return share(r); },
            .alignment = kNumberAlignment},
    });
}

} // namespace ll::ui

#include "namedcostmodel.h"

#include "common/format.h"
#include "common/money.h"

namespace ll::ui {

NamedCostModel::NamedCostModel(QString nameHeader, QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::NamedCost;
    const auto share = [this](const Row &r) { return sharePercent(r.costNanos, m_totalNanos); };
    setColumns({
        {.title = std::move(nameHeader),
            .display = cellOf(&Row::label),
            .toolTip = [](const Row &r) -> QVariant { return r.key != r.label ? QVariant(r.key) : QVariant(); }},
        {.title = tr("Cost"),
            .kind = ColumnKind::Money,
            .display = [this](const Row &r) -> QVariant { return formatMoney(r.costNanos, m_currency); },
            .sort = cellOf(&Row::costNanos),
            .alignment = kNumberAlignment},
        {.title = tr("Share"),
            .kind = ColumnKind::Number,
            .display = [share](const Row &r) -> QVariant {
                const std::optional<double> s = share(r);
                return s ? formatPercent(*s) : QStringLiteral("\u2014");
            },
            .sort = [share](const Row &r) -> QVariant { return share(r).value_or(0.0); },
            .alignment = kNumberAlignment},
    });
}

void NamedCostModel::setRows(QList<reports::NamedCost> rows, std::int64_t totalNanos, QString currency)
{
    resetRows(std::move(rows), [&] {
        m_totalNanos = totalNanos;
        m_currency = std::move(currency);
    });
}

} // namespace ll::ui

#include "namedcostmodel.h"

#include "common/format.h"
#include "common/money.h"
#include "common/unpriced.h"

#include <QBrush>
#include <QColor>

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
            .display = [this](const Row &r) -> QVariant {
                // Unpriced usage is in no cost: a bare figure would read as if it cost nothing. Kept
                // short in these narrow tables (the names need the room); the tooltip says the rest.
                return r.unpricedQuantityNanos > 0
                    ? tr("%1 + %2 DBU").arg(formatMoney(r.costNanos, m_currency), formatQuantity(r.unpricedQuantityNanos))
                    : formatMoney(r.costNanos, m_currency);
            },
            .sort = cellOf(&Row::costNanos),
            .toolTip = [](const Row &r) -> QVariant {
                return r.unpricedQuantityNanos > 0
                    ? QVariant(tr("+ %1 DBU unpriced: no list price for its SKU and hour, so no cost includes it")
                                   .arg(formatQuantity(r.unpricedQuantityNanos)))
                    : QVariant();
            },
            .alignment = kNumberAlignment,
            .foreground = [](const Row &r) -> QVariant {
                return r.unpricedQuantityNanos > 0 ? QVariant(QBrush(unpricedColor())) : QVariant();
            }},
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

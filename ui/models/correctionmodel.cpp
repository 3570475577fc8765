#include "correctionmodel.h"

#include "models/columns.h"

#include "common/format.h"
#include "common/money.h"

#include <QColor>

namespace ll::ui {

CorrectionModel::CorrectionModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::CorrectionRow;
    const auto number = [](const QString &title, std::int64_t Row::*member) {
        return ColumnSpec{.title = title,
            .kind = ColumnKind::Integer,
            .display = [member](const Row &r) -> QVariant { return QString::number(r.*member); },
            .sort = cellOf(member),
            .alignment = kNumberAlignment};
    };
    setColumns({
        {.title = tr("Sync batch"),
            .kind = ColumnKind::Integer,
            .display = [](const Row &r) -> QVariant { return QString::number(r.batchId); },
            .sort = cellOf(&Row::batchId)}, // an id: leading, not aligned as a figure
        dateTimeColumn(tr("Extracted"), &Row::extractedAt),
        {.title = tr("Usage day"),
            .display = [](const Row &r) -> QVariant { return formatDate(r.usageDay); },
            .sort = cellOf(&Row::usageDay)},
        number(tr("Retractions"), &Row::retractions),
        number(tr("Restatements"), &Row::restatements),
        {.title = tr("Net effect on cost"),
            .kind = ColumnKind::Money,
            .display = [](const Row &r) -> QVariant { return formatMoney(r.netCostNanos); },
            .sort = cellOf(&Row::netCostNanos),
            .alignment = kNumberAlignment,
            // A correction that lowered the cost.
            .foreground = [](const Row &r) -> QVariant { return r.netCostNanos < 0 ? QVariant(QColor(0x1b, 0x7f, 0x3b)) : QVariant(); }},
    });
}

} // namespace ll::ui

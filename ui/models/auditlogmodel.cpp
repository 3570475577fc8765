#include "auditlogmodel.h"

#include "common/format.h"

namespace ll::ui {

AuditLogModel::AuditLogModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::AuditRow;
    // Every cell is its own tooltip: before/after values are often longer than the column.
    const auto text = [](const QString &title, QString Row::*member) {
        return ColumnSpec{.title = title, .display = cellOf(member), .toolTip = cellOf(member)};
    };
    const auto when = [](const Row &r) -> QVariant { return formatDateTime(r.at); };
    setColumns({
        // Entries are ordered: ties in time keep their order.
        {.title = tr("When"), .display = when, .sort = cellOf(&Row::entryId), .toolTip = when},
        text(tr("Actor"), &Row::actor),
        text(tr("Action"), &Row::action),
        text(tr("Object"), &Row::object),
        text(tr("Before"), &Row::before),
        text(tr("After"), &Row::after),
    });
}

} // namespace ll::ui

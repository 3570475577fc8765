#include "auditlogmodel.h"

#include "audit/auditlog.h"
#include "common/format.h"

#include <QColor>

namespace ll::ui {

QString AuditLogModel::outcomeLabel(const QString &outcome)
{
    const auto parsed = audit::outcomeFromText(outcome);
    if (!parsed)
        return outcome;
    switch (*parsed) {
    case audit::Outcome::Ok: return tr("ok");
    case audit::Outcome::Failed: return tr("failed");
    case audit::Outcome::Cancelled: return tr("cancelled");
    }
    return outcome;
}

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
        {.title = tr("Outcome"),
            .display = [](const Row &r) -> QVariant { return outcomeLabel(r.outcome); },
            .toolTip = [](const Row &r) -> QVariant { return tr("Entry %1, hash %2").arg(r.entryId).arg(r.entryHash); },
            .foreground = [](const Row &r) -> QVariant {
                return audit::outcomeFromText(r.outcome) == audit::Outcome::Ok ? QVariant() : QVariant(QColor(0xb3, 0x26, 0x1e));
            }},
        text(tr("Object"), &Row::object),
        text(tr("Before"), &Row::before),
        text(tr("After"), &Row::after),
    });
}

} // namespace ll::ui

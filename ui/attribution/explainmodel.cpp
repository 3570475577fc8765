#include "explainmodel.h"

#include "common/money.h"

namespace ll::ui {

ExplainModel::ExplainModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::ExplainRow;
    const auto text = [](const QString &title, QString Row::*member) { return ColumnSpec{.title = title, .display = cellOf(member)}; };
    const auto money = [](const QString &title, std::int64_t Row::*member) {
        return ColumnSpec{.title = title,
            .kind = ColumnKind::Money,
            .display = [member](const Row &r) -> QVariant { return formatMoney(r.*member); },
            .sort = cellOf(member),
            .alignment = kNumberAlignment};
    };
    setColumns({
        text(tr("Day"), &Row::usageDay),
        text(tr("Record"), &Row::recordId),
        {.title = tr("Workspace"),
            .display = cellOf(&Row::workspaceName),
            .sort = cellOf(&Row::workspaceName),
            .toolTip = [](const Row &r) -> QVariant { return tr("%1\nId: %2").arg(r.workspaceName, r.workspaceId); }},
        text(tr("SKU"), &Row::sku),
        {.title = tr("Work unit"),
            .display = cellOf(&Row::workUnitName),
            .toolTip = [](const Row &r) -> QVariant {
                QString tip = r.workUnit.endsWith(QLatin1Char(':')) ? r.workUnitName : tr("%1\nId: %2").arg(r.workUnitName, r.workUnit);
                if (!r.workUnitUrl.isEmpty())
                    tip += tr("\nIn Databricks: %1").arg(r.workUnitUrl);
                return tip;
            }},
        {.title = tr("Principal"),
            .display = cellOf(&Row::principalName),
            .toolTip = [](const Row &r) -> QVariant {
                return r.principal.isEmpty() || r.principal == r.principalName ? r.principalName
                                                                               : tr("%1\nId: %2").arg(r.principalName, r.principal);
            }},
        text(tr("Team"), &Row::team),
        text(tr("Project"), &Row::project),
        text(tr("Bucket"), &Row::bucket),
        text(tr("Rule or step"), &Row::method),
        text(tr("Confidence"), &Row::confidence),
        money(tr("Allocated"), &Row::allocatedNanos),
        money(tr("Line cost"), &Row::lineCostNanos),
    });
}

std::int64_t ExplainModel::allocatedTotal() const
{
    std::int64_t total = 0;
    for (const reports::ExplainRow &r : rows())
        total += r.allocatedNanos;
    return total;
}

} // namespace ll::ui

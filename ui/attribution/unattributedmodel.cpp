#include "unattributedmodel.h"

#include "common/format.h"
#include "common/money.h"

namespace ll::ui {

UnattributedModel::UnattributedModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::UnattributedGroup;
    QList<ColumnSpec> columns{
        {.title = tr("Grouped by"),
            .display = [](const Row &g) -> QVariant {
                return g.dimension == QLatin1String("resource") ? tr("Resource")
                    : g.dimension == QLatin1String("principal") ? tr("Principal")
                    : g.dimension == QLatin1String("tag")       ? tr("Tag")
                                                                : g.dimension;
            },
            .sort = cellOf(&Row::dimension)},
        {.title = tr("Name"), .display = cellOf(&Row::label)},
        {.title = tr("Key"), .display = cellOf(&Row::key)},
        {.title = tr("Unattributed cost"),
            .kind = ColumnKind::Money,
            .display = [](const Row &g) -> QVariant { return formatMoney(g.costNanos); },
            .sort = cellOf(&Row::costNanos),
            .alignment = kNumberAlignment},
        {.title = tr("Lines"),
            .kind = ColumnKind::Integer,
            .display = [](const Row &g) -> QVariant { return formatCount(g.lines); },
            .sort = cellOf(&Row::lines),
            .alignment = kNumberAlignment},
    };
    // Every row offers the same action.
    for (ColumnSpec &c : columns)
        c.toolTip = [](const Row &) -> QVariant { return tr("Select the row and press \u201cMake a rule from this\u201d"); };
    setColumns(std::move(columns));
}

} // namespace ll::ui

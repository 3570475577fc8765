#include "issuemodel.h"

#include "common/format.h"

namespace ll::ui {

IssueModel::IssueModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::IssueRow;
    setColumns({
        {.title = tr("When"), .display = [](const Row &r) -> QVariant { return formatDateTime(r.at); }, .sort = cellOf(&Row::at)},
        {.title = tr("Severity"), .display = cellOf(&Row::severity)},
        {.title = tr("Source"), .display = cellOf(&Row::source)},
        {.title = tr("Message"), .display = cellOf(&Row::message), .toolTip = cellOf(&Row::message)},
        {.title = tr("Context"), .display = cellOf(&Row::context), .toolTip = cellOf(&Row::context)},
    });
}

} // namespace ll::ui

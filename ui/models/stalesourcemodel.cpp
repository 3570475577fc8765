#include "stalesourcemodel.h"

#include "models/columns.h"

#include "common/format.h"

namespace ll::ui {

StaleSourceModel::StaleSourceModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::StaleSource;
    setColumns({
        {.title = tr("Stale source"), .display = cellOf(&Row::source)},
        {.title = tr("Status"), .display = cellOf(&Row::status)},
        dateTimeColumn(tr("Newest event"), &Row::newestEventTime),
        lagHoursColumn(tr("Lag (h)"), &Row::lagSeconds),
    });
}

} // namespace ll::ui

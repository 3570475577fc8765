#include "stagerunmodel.h"

#include "models/columns.h"

#include "common/format.h"

namespace ll::ui {

StageRunModel::StageRunModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::StageRunRow;
    setColumns({
        {.title = tr("Stage"), .display = cellOf(&Row::stage)},
        {.title = tr("Status"), .display = cellOf(&Row::status)},
        dateTimeColumn(tr("Started"), &Row::startedAt),
        dateTimeColumn(tr("Finished"), &Row::finishedAt),
        countColumn(tr("Rows in"), &Row::rowsIn),
        countColumn(tr("Rows out"), &Row::rowsOut),
        {.title = tr("Error"),
            .display = cellOf(&Row::error),
            .toolTip = [](const Row &r) -> QVariant { return r.error.isEmpty() ? QVariant() : QVariant(r.error); }},
    });
}

} // namespace ll::ui

#include "stagerunmodel.h"

#include "common/format.h"

namespace ll::ui {

StageRunModel::StageRunModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::StageRunRow;
    const auto count = [](const QString &title, std::int64_t Row::*member) {
        return ColumnSpec{.title = title,
            .kind = ColumnKind::Integer,
            .display = [member](const Row &r) -> QVariant { return formatCount(r.*member); },
            .sort = cellOf(member),
            .alignment = kNumberAlignment};
    };
    setColumns({
        {.title = tr("Stage"), .display = cellOf(&Row::stage)},
        {.title = tr("Status"), .display = cellOf(&Row::status)},
        {.title = tr("Started"),
            .display = [](const Row &r) -> QVariant { return formatDateTime(r.startedAt); },
            .sort = cellOf(&Row::startedAt)},
        {.title = tr("Finished"),
            .display = [](const Row &r) -> QVariant { return formatDateTime(r.finishedAt); },
            .sort = cellOf(&Row::finishedAt)},
        count(tr("Rows in"), &Row::rowsIn),
        count(tr("Rows out"), &Row::rowsOut),
        {.title = tr("Error"),
            .display = cellOf(&Row::error),
            .toolTip = [](const Row &r) -> QVariant { return r.error.isEmpty() ? QVariant() : QVariant(r.error); }},
    });
}

} // namespace ll::ui

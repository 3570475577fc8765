#include "stalesourcemodel.h"

#include "common/format.h"

namespace ll::ui {

StaleSourceModel::StaleSourceModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::StaleSource;
    setColumns({
        {.title = tr("Stale source"), .display = cellOf(&Row::source)},
        {.title = tr("Status"), .display = cellOf(&Row::status)},
        {.title = tr("Newest event"),
            .display = [](const Row &r) -> QVariant { return formatDateTime(r.newestEventTime); },
            .sort = cellOf(&Row::newestEventTime)},
        {.title = tr("Lag (h)"),
            .display = [](const Row &r) -> QVariant { return formatLagHours(r.lagSeconds); },
            .sort = [](const Row &r) -> QVariant { return QVariant::fromValue<qint64>(r.lagSeconds.value_or(-1)); },
            .alignment = kNumberAlignment},
    });
}

} // namespace ll::ui

#include "sourcestatemodel.h"

#include "common/format.h"

#include <QBrush>
#include <QColor>

namespace ll::ui {

SourceStateModel::SourceStateModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::SourceStateRow;
    setColumns({
        {.title = tr("Source"), .display = cellOf(&Row::source)},
        {.title = tr("System table"), .display = cellOf(&Row::systemTable)},
        {.title = tr("Status"),
            .display = cellOf(&Row::status),
            // Not readable stands out: an analyst should not trust figures built on these.
            .background = [](const Row &r) -> QVariant {
                if (r.status == QLatin1String("failed") || r.status == QLatin1String("unavailable"))
                    return QBrush(QColor(0xfd, 0xdc, 0xd8));
                return {};
            }},
        {.title = tr("Last success"),
            .display = [](const Row &r) -> QVariant { return formatDateTime(r.lastSuccessAt); },
            .sort = cellOf(&Row::lastSuccessAt)},
        {.title = tr("Newest event"),
            .display = [](const Row &r) -> QVariant { return formatDateTime(r.newestEventTime); },
            .sort = cellOf(&Row::newestEventTime)},
        {.title = tr("Lag (h)"),
            .display = [](const Row &r) -> QVariant { return formatLagHours(r.lagSeconds); },
            .sort = [](const Row &r) -> QVariant { return QVariant::fromValue<qint64>(r.lagSeconds.value_or(-1)); },
            .alignment = kNumberAlignment},
        {.title = tr("Raw rows"),
            .kind = ColumnKind::Integer,
            .display = [](const Row &r) -> QVariant { return formatCount(r.rawRows); },
            .sort = cellOf(&Row::rawRows),
            .toolTip = [](const Row &r) -> QVariant {
                if (r.source.startsWith(QLatin1String("rest_")))
                    return tr("Objects in the newest successful listing (REST enrichment has no event time)");
                return {};
            },
            .alignment = kNumberAlignment},
        {.title = tr("Message"),
            .display = cellOf(&Row::message),
            .toolTip = [](const Row &r) -> QVariant { return r.message.isEmpty() ? QVariant() : QVariant(r.message); }},
    });
}

} // namespace ll::ui

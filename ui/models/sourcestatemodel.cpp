#include "sourcestatemodel.h"

#include "models/columns.h"
#include "raw/sourcestatus.h"

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
                const auto status = raw::sourceStatusFromText(r.status);
                if (status == raw::SourceStatus::Failed || status == raw::SourceStatus::Unavailable)
                    return QBrush(QColor(0xfd, 0xdc, 0xd8));
                return {};
            }},
        dateTimeColumn(tr("Last success"), &Row::lastSuccessAt),
        dateTimeColumn(tr("Newest event"), &Row::newestEventTime),
        lagHoursColumn(tr("Lag (h)"), &Row::lagSeconds),
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

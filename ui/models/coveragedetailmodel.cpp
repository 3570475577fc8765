#include "coveragedetailmodel.h"

#include "common/format.h"
#include "models/coveragemodel.h"

#include <QBrush>

namespace ll::ui {

namespace {
QString stateName(reports::CoverageState state)
{
    using reports::CoverageState;
    switch (state) {
    case CoverageState::Ok: return CoverageDetailModel::tr("ok");
    case CoverageState::Stale: return CoverageDetailModel::tr("stale");
    case CoverageState::NoRows: return CoverageDetailModel::tr("no rows");
    case CoverageState::Failed: return CoverageDetailModel::tr("failed");
    case CoverageState::Unavailable: return CoverageDetailModel::tr("unavailable");
    case CoverageState::Never: return CoverageDetailModel::tr("not read yet");
    }
    return {};
}

// The whole row explains a state that is not simply "ok".
QVariant stateToolTip(const reports::SourceCoverage &s)
{
    if (s.state == reports::CoverageState::Stale)
        return CoverageDetailModel::tr("Stale: no event in the last 48 hours.");
    if (s.state == reports::CoverageState::Unavailable)
        return CoverageDetailModel::tr("Not readable: the table is not granted or not enabled for this account.");
    if (s.state == reports::CoverageState::NoRows)
        return CoverageDetailModel::tr("Read, but no rows for this workspace (e.g. a regional table or an unused feature).");
    return {};
}
} // namespace

CoverageDetailModel::CoverageDetailModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::SourceCoverage;
    QList<ColumnSpec> columns{
        {.title = tr("System table"), .display = cellOf(&Row::systemTable)},
        {.title = tr("State"),
            .display = [](const Row &s) -> QVariant { return stateName(s.state); },
            .sort = [](const Row &s) -> QVariant { return static_cast<int>(s.state); },
            .background = [](const Row &s) -> QVariant {
                if (const QColor c = CoverageModel::stateColor(s.state); c.isValid())
                    return QBrush(c);
                return {};
            }},
        {.title = tr("Extraction status"), .display = cellOf(&Row::sourceStatus)},
        {.title = tr("Rows for this workspace"),
            .kind = ColumnKind::Integer,
            .display = [](const Row &s) -> QVariant { return formatCount(s.rows); },
            .sort = cellOf(&Row::rows),
            .alignment = kNumberAlignment},
        {.title = tr("Newest event"),
            .display = [](const Row &s) -> QVariant { return formatDateTime(s.newestEventTime); },
            .sort = cellOf(&Row::newestEventTime)},
        {.title = tr("Newest ingestion"),
            .display = [](const Row &s) -> QVariant { return formatDate(s.newestIngestionDate); },
            .sort = cellOf(&Row::newestIngestionDate)},
    };
    for (ColumnSpec &c : columns)
        c.toolTip = stateToolTip;
    setColumns(std::move(columns));
}

void CoverageDetailModel::setWorkspace(const QString &title, QList<reports::SourceCoverage> sources)
{
    resetRows(std::move(sources), [this, &title] { m_title = title; });
}

} // namespace ll::ui

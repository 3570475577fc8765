#include "coveragedetailmodel.h"

#include "common/format.h"
#include "models/coveragemodel.h"
#include "models/modelroles.h"

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
} // namespace

CoverageDetailModel::CoverageDetailModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CoverageDetailModel::setWorkspace(const QString &title, QList<reports::SourceCoverage> sources)
{
    beginResetModel();
    m_title = title;
    m_sources = std::move(sources);
    endResetModel();
}

int CoverageDetailModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_sources.size());
}

int CoverageDetailModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CoverageDetailModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::SourceCoverage &s = m_sources.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Table: return s.systemTable;
        case State: return stateName(s.state);
        case Status: return s.sourceStatus;
        case Rows: return formatCount(s.rows);
        case NewestEvent: return formatDateTime(s.newestEventTime);
        case NewestIngestion: return formatDate(s.newestIngestionDate);
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Table: return s.systemTable;
        case State: return static_cast<int>(s.state);
        case Status: return s.sourceStatus;
        case Rows: return QVariant::fromValue<qint64>(s.rows);
        case NewestEvent: return s.newestEventTime;
        case NewestIngestion: return s.newestIngestionDate;
        }
        break;
    case Qt::BackgroundRole:
        if (index.column() == State) {
            if (const QColor c = CoverageModel::stateColor(s.state); c.isValid())
                return QBrush(c);
        }
        break;
    case Qt::ToolTipRole:
        if (s.state == reports::CoverageState::Stale)
            return tr("Stale: no event in the last 48 hours.");
        if (s.state == reports::CoverageState::Unavailable)
            return tr("Not readable: the table is not granted or not enabled for this account.");
        if (s.state == reports::CoverageState::NoRows)
            return tr("Read, but no rows for this workspace (e.g. a regional table or an unused feature).");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == Rows)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant CoverageDetailModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == ColumnKindRole)
        return static_cast<int>(section == Rows ? ColumnKind::Integer : ColumnKind::Text);
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Table: return tr("System table");
    case State: return tr("State");
    case Status: return tr("Extraction status");
    case Rows: return tr("Rows for this workspace");
    case NewestEvent: return tr("Newest event");
    case NewestIngestion: return tr("Newest ingestion");
    }
    return {};
}

} // namespace ll::ui

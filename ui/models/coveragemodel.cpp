#include "coveragemodel.h"

#include "common/format.h"
#include "common/money.h"
#include "models/modelroles.h"

#include <QBrush>
#include <QColor>

namespace ll::ui {

namespace {
QVariant rightAligned() { return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter); }
QString percentText(std::int64_t basisPoints) { return formatPercent(static_cast<double>(basisPoints) / 100.0, 2); }
} // namespace

CoverageModel::CoverageModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void CoverageModel::setSnapshot(reports::CoverageSnapshot snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    endResetModel();
}

int CoverageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_snapshot.workspaces.size());
}

int CoverageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstSourceColumn + static_cast<int>(m_snapshot.tables.size());
}

QString CoverageModel::stateText(const reports::SourceCoverage &source)
{
    using reports::CoverageState;
    switch (source.state) {
    case CoverageState::Ok: return formatCount(source.rows);
    case CoverageState::Stale: return tr("stale: %1").arg(formatCount(source.rows));
    case CoverageState::NoRows: return tr("no rows");
    case CoverageState::Failed: return tr("failed");
    case CoverageState::Unavailable: return tr("unavailable");
    case CoverageState::Never: return tr("not read yet");
    }
    return {};
}

QColor CoverageModel::stateColor(reports::CoverageState state)
{
    using reports::CoverageState;
    switch (state) {
    case CoverageState::Ok: return QColor(0xe6, 0xf4, 0xea);
    case CoverageState::Stale: return QColor(0xff, 0xf0, 0xc2);
    case CoverageState::NoRows: return QColor(0xee, 0xee, 0xee);
    case CoverageState::Failed:
    case CoverageState::Unavailable: return QColor(0xfd, 0xdc, 0xd8);
    case CoverageState::Never: return {};
    }
    return {};
}

QVariant CoverageModel::sourceData(const reports::SourceCoverage &source, int role) const
{
    using reports::CoverageState;
    switch (role) {
    case Qt::DisplayRole:
        return stateText(source);
    case SortRole:
        // Readable data first by rows; then the states without data, worst last.
        return QVariant::fromValue<qint64>(source.state == CoverageState::Ok || source.state == CoverageState::Stale
                                               ? source.rows
                                               : -1 - static_cast<qint64>(source.state));
    case Qt::BackgroundRole:
        if (const QColor c = stateColor(source.state); c.isValid())
            return QBrush(c);
        break;
    case Qt::ForegroundRole:
        if (source.state == CoverageState::Unavailable || source.state == CoverageState::Failed)
            return QBrush(QColor(0x8a, 0x1c, 0x12));
        break;
    case Qt::ToolTipRole: {
        QString tip = tr("%1\nExtraction status: %2\nRows for this workspace: %3\nNewest event: %4")
                          .arg(source.systemTable, source.sourceStatus, formatCount(source.rows), formatDateTime(source.newestEventTime));
        if (source.newestIngestionDate.isValid())
            tip += tr("\nNewest ingestion date: %1").arg(formatDate(source.newestIngestionDate));
        if (source.state == CoverageState::Stale)
            tip += tr("\nStale: no event in the last 48 hours.");
        if (source.state == CoverageState::Unavailable)
            tip += tr("\nNot readable: the table is not granted or not enabled for this account.");
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (source.state == CoverageState::Ok)
            return rightAligned();
        break;
    }
    return {};
}

// Billing usage: its newest event and ingestion date say how current the cost figures are.
const reports::SourceCoverage *CoverageModel::usage(const reports::WorkspaceCoverage &w)
{
    for (const auto &s : w.sources) {
        if (s.source == QLatin1String("billing_usage"))
            return &s;
    }
    return nullptr;
}

QVariant CoverageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::WorkspaceCoverage &w = m_snapshot.workspaces.at(index.row());
    if (index.column() >= FirstSourceColumn) {
        const qsizetype i = index.column() - FirstSourceColumn;
        return i < w.sources.size() ? sourceData(w.sources.at(i), role) : QVariant();
    }
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Workspace: return w.workspaceId;
        case Name: return w.name;
        case Cloud: return w.cloud;
        case Region: return w.region;
        case Cost: return formatMoney(w.costNanos);
        case NoResource: return percentText(w.noResourceBasisPoints);
        case NoOwner: return percentText(w.noOwnerBasisPoints);
        case Unattributed: return percentText(w.unattributedBasisPoints);
        case Readable: return tr("%1 of %2").arg(w.readableSources()).arg(w.sources.size());
        case NewestUsage: return formatDateTime(usage(w) ? usage(w)->newestEventTime : QDateTime());
        case NewestIngestion: return formatDate(usage(w) ? usage(w)->newestIngestionDate : QDate());
        }
        break;
    case SortRole:
        switch (index.column()) {
        case Workspace: return w.workspaceId;
        case Name: return w.name;
        case Cloud: return w.cloud;
        case Region: return w.region;
        case Cost: return QVariant::fromValue<qint64>(w.costNanos);
        case NoResource: return static_cast<double>(w.noResourceBasisPoints) / 100.0;
        case NoOwner: return static_cast<double>(w.noOwnerBasisPoints) / 100.0;
        case Unattributed: return static_cast<double>(w.unattributedBasisPoints) / 100.0;
        case Readable: return w.readableSources();
        case NewestUsage: return usage(w) ? usage(w)->newestEventTime : QDateTime();
        case NewestIngestion: return usage(w) ? usage(w)->newestIngestionDate : QDate();
        }
        break;
    case Qt::BackgroundRole:
        if (index.column() == Readable && w.readableSources() < w.sources.size())
            return QBrush(stateColor(reports::CoverageState::Unavailable));
        if (index.column() == NewestUsage && usage(w) && usage(w)->state == reports::CoverageState::Stale)
            return QBrush(stateColor(reports::CoverageState::Stale));
        break;
    case Qt::ToolTipRole:
        if (index.column() == Name || index.column() == Workspace)
            return tr("Workspace %1").arg(w.workspaceId);
        if (index.column() == Readable) {
            QStringList unreadable;
            for (const reports::SourceCoverage &source : w.sources)
                if (!source.readable)
                    unreadable << tr("%1 (%2)").arg(source.systemTable, stateText(source));
            return unreadable.isEmpty() ? tr("Every system table with a workspace_id was read")
                                        : tr("Not read:\n%1").arg(unreadable.join(QLatin1Char('\n')));
        }
        if (index.column() == NoResource)
            return tr("Cost whose billing record names no job, pipeline, warehouse, endpoint, cluster, notebook or app");
        if (index.column() == NoOwner)
            return tr("Cost with no known principal: no run_as or owned_by, and no owner of its resource");
        if (index.column() == Unattributed)
            return tr("Cost the attribution rules left without a team");
        break;
    case Qt::TextAlignmentRole:
        if (index.column() >= Cost && index.column() <= Readable)
            return rightAligned();
        break;
    }
    return {};
}

QVariant CoverageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section >= FirstSourceColumn && section < columnCount()) {
        const reports::CoverageTable &t = m_snapshot.tables.at(section - FirstSourceColumn);
        if (role == Qt::DisplayRole) {
            QString name = t.systemTable;
            return name.startsWith(QLatin1String("system.")) ? name.mid(7) : name;
        }
        if (role == Qt::ToolTipRole)
            return t.systemTable;
        return {};
    }
    if (role == ColumnKindRole)
        return static_cast<int>(section == Cost ? ColumnKind::Money
                                : section == NoResource || section == NoOwner || section == Unattributed ? ColumnKind::Number
                                                                                                          : ColumnKind::Text);
    if (role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Workspace: return tr("Workspace");
    case Name: return tr("Name");
    case Cloud: return tr("Cloud");
    case Region: return tr("Region");
    case Cost: return tr("Cost");
    case NoResource: return tr("No resource");
    case NoOwner: return tr("No owner");
    case Unattributed: return tr("Unattributed");
    case Readable: return tr("Tables read");
    case NewestUsage: return tr("Newest usage");
    case NewestIngestion: return tr("Newest ingestion");
    }
    return {};
}

} // namespace ll::ui

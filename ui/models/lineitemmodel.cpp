#include "lineitemmodel.h"

#include "common/format.h"
#include "common/money.h"
#include "models/modelroles.h"

#include <QBrush>
#include <QColor>

namespace ll::ui {

namespace {
QVariant nanosOrNull(const std::optional<std::int64_t> &nanos)
{
    return nanos ? QVariant::fromValue<qint64>(*nanos) : QVariant();
}
} // namespace

LineItemModel::LineItemModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void LineItemModel::setPage(reports::LineItemPage page, QString currency)
{
    beginResetModel();
    m_page = std::move(page);
    m_currency = std::move(currency);
    endResetModel();
}

bool LineItemModel::isCorrection(const reports::LineItemRow &row)
{
    return row.recordType == QLatin1String("RETRACTION") || row.recordType == QLatin1String("RESTATEMENT");
}

int LineItemModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_page.rows.size());
}

int LineItemModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LineItemModel::display(const reports::LineItemRow &row, int column) const
{
    const auto money = [this](const std::optional<std::int64_t> &nanos) -> QVariant {
        return nanos ? formatMoney(*nanos, m_currency) : tr("unpriced");
    };
    switch (column) {
    case RecordId: return row.recordId;
    case RecordType: return row.recordType;
    case UsageStart: return formatDateTime(row.usageStart);
    case Workspace: return row.workspaceId;
    case Sku: return row.sku;
    case Quantity: return row.quantity;
    case Cost: return money(row.costNanos);
    case ListCost: return money(row.listCostNanos);
    case ContractCost: return money(row.contractCostNanos);
    case EffectivePrice: return row.effectivePrice;
    case ListPrice: return row.listPrice;
    case PriceValidity:
        if (!row.priceStart.isValid())
            return QStringLiteral("\u2014");
        return row.priceEnd.isValid() ? tr("%1 \u2013 %2").arg(formatDateTime(row.priceStart), formatDateTime(row.priceEnd))
                                      : tr("from %1").arg(formatDateTime(row.priceStart));
    case WorkUnitType: return row.workUnitType;
    case WorkUnitId: return row.workUnitId;
    case WorkUnitName: return row.workUnitName;
    case Run: return row.jobRunId;
    case Principal: return row.runAs;
    case Team: return row.teamKey.isEmpty() ? tr("unattributed") : row.teamKey;
    case Project: return row.projectKey.isEmpty() ? tr("none") : row.projectKey;
    case Method: return row.attributionMethod;
    case Confidence: return row.confidence;
    case Batch: return formatCount(row.batchId);
    case ExtractedAt: return formatDateTime(row.extractedAt);
    }
    return {};
}

QVariant LineItemModel::raw(const reports::LineItemRow &row, int column) const
{
    switch (column) {
    case UsageStart: return row.usageStart;
    case Quantity: return row.quantity; // exact decimal text; the proxy sorts it numerically below
    case Cost: return nanosOrNull(row.costNanos);
    case ListCost: return nanosOrNull(row.listCostNanos);
    case ContractCost: return nanosOrNull(row.contractCostNanos);
    case EffectivePrice: return row.effectivePrice;
    case ListPrice: return row.listPrice;
    case PriceValidity: return row.priceStart;
    case Batch: return QVariant::fromValue<qint64>(row.batchId);
    case ExtractedAt: return row.extractedAt;
    case Team: return row.teamKey;
    case Project: return row.projectKey;
    default: return display(row, column);
    }
}

QVariant LineItemModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const reports::LineItemRow &row = m_page.rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return display(row, column);
    case SortRole:
        if (column == Quantity) // decimal text would sort "10" before "9": sort by value
            return parseDecimal(row.quantity) ? QVariant(row.quantity.toDouble()) : QVariant();
        return raw(row, column);
    case Qt::ToolTipRole:
        if (column == RecordType && isCorrection(row))
            return tr("A correction of an earlier billing record: it changes a figure already reported");
        if ((column == Cost || column == ListCost) && !row.costNanos)
            return tr("No list price covers this usage: it is not in any cost total");
        if (column == ContractCost)
            return tr("Contract price where one applies, otherwise the effective list price");
        return display(row, column);
    case Qt::BackgroundRole:
        if (isCorrection(row))
            return QBrush(QColor(255, 244, 214));
        break;
    case Qt::ForegroundRole:
        if ((column == Cost || column == ListCost || column == ContractCost) && !raw(row, column).isValid())
            return QBrush(QColor(150, 100, 0));
        break;
    case Qt::TextAlignmentRole:
        switch (column) {
        case Quantity: case Cost: case ListCost: case ContractCost: case EffectivePrice: case ListPrice: case Batch:
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        }
        break;
    }
    return {};
}

QVariant LineItemModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == ColumnKindRole) {
        switch (section) {
        case Cost: case ListCost: case ContractCost: return static_cast<int>(ColumnKind::Money);
        case Quantity: case EffectivePrice: case ListPrice: return static_cast<int>(ColumnKind::Decimal);
        case Batch: return static_cast<int>(ColumnKind::Integer);
        default: return static_cast<int>(ColumnKind::Text);
        }
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case RecordId: return tr("Record id");
    case RecordType: return tr("Type");
    case UsageStart: return tr("Usage start");
    case Workspace: return tr("Workspace");
    case Sku: return tr("SKU");
    case Quantity: return tr("Quantity");
    case Cost: return tr("Effective cost");
    case ListCost: return tr("List cost");
    case ContractCost: return tr("Contract cost");
    case EffectivePrice: return tr("Effective price");
    case ListPrice: return tr("List price");
    case PriceValidity: return tr("Price valid");
    case WorkUnitType: return tr("Work unit type");
    case WorkUnitId: return tr("Work unit id");
    case WorkUnitName: return tr("Work unit");
    case Run: return tr("Run");
    case Principal: return tr("Principal");
    case Team: return tr("Team");
    case Project: return tr("Project");
    case Method: return tr("Attribution");
    case Confidence: return tr("Confidence");
    case Batch: return tr("Batch");
    case ExtractedAt: return tr("Extracted");
    }
    return {};
}

} // namespace ll::ui

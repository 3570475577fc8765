#include "lineitemmodel.h"

#include "common/format.h"
#include "common/money.h"

#include <QBrush>
#include <QColor>

namespace ll::ui {

namespace {
QVariant nanosOrNull(const std::optional<std::int64_t> &nanos)
{
    return nanos ? QVariant::fromValue<qint64>(*nanos) : QVariant();
}
} // namespace

LineItemModel::LineItemModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = reports::LineItemRow;
    const auto text = [](const QString &title, QString Row::*member) { return ColumnSpec{.title = title, .display = cellOf(member)}; };
    const auto decimal = [](const QString &title, QString Row::*member) {
        return ColumnSpec{.title = title, .kind = ColumnKind::Decimal, .display = cellOf(member), .alignment = kNumberAlignment};
    };
    const auto when = [](const QString &title, QDateTime Row::*member) {
        return ColumnSpec{
            .title = title, .display = [member](const Row &r) -> QVariant { return formatDateTime(r.*member); }, .sort = cellOf(member)};
    };
    const auto unpricedToolTip = [](const Row &r) -> QVariant {
        return !r.costNanos ? QVariant(tr("No list price for SKU %1 at this hour covers this usage (%2 DBU): it is in no cost total")
                                           .arg(r.sku, formatQuantity(r.quantityNanos)))
                            : QVariant();
    };
    // Unpriced shows as such, has no raw value and stands out.
    const auto money = [this](const QString &title, std::optional<std::int64_t> Row::*member, const ColumnSpec::Cell &toolTip) {
        return ColumnSpec{.title = title,
            .kind = ColumnKind::Money,
            .display = [this, member](const Row &r) -> QVariant {
                return r.*member ? QVariant(formatMoney(*(r.*member), m_currency))
                                 : QVariant(tr("unpriced (%1 DBU)").arg(formatQuantity(r.quantityNanos)));
            },
            .sort = [member](const Row &r) -> QVariant { return nanosOrNull(r.*member); },
            .toolTip = toolTip,
            .alignment = kNumberAlignment,
            .foreground = [member](const Row &r) -> QVariant { return r.*member ? QVariant() : QVariant(QBrush(QColor(150, 100, 0))); }};
    };
    QList<ColumnSpec> columns{
        text(tr("Record id"), &Row::recordId),
        {.title = tr("Type"),
            .display = cellOf(&Row::recordType),
            .toolTip = [](const Row &r) -> QVariant {
                return isCorrection(r) ? QVariant(tr("A correction of an earlier billing record: it changes a figure already reported"))
                                       : QVariant(r.recordType);
            }},
        when(tr("Usage start"), &Row::usageStart),
        {.title = tr("Workspace"),
            .display = cellOf(&Row::workspaceName),
            .toolTip = [](const Row &r) -> QVariant { return tr("%1\nId: %2").arg(r.workspaceName, r.workspaceId); }},
        text(tr("SKU"), &Row::sku),
        {.title = tr("Quantity"),
            .kind = ColumnKind::Decimal,
            .display = cellOf(&Row::quantity),
            // Decimal text would sort "10" before "9": sort by value.
            .sort = [](const Row &r) -> QVariant { return parseDecimal(r.quantity) ? QVariant(r.quantity.toDouble()) : QVariant(); },
            .alignment = kNumberAlignment},
        money(tr("Effective cost"), &Row::costNanos, unpricedToolTip),
        money(tr("List cost"), &Row::listCostNanos, unpricedToolTip),
        money(tr("Contract cost"), &Row::contractCostNanos,
            [](const Row &) -> QVariant { return tr("Contract price where one applies, otherwise the effective list price"); }),
        decimal(tr("Effective price"), &Row::effectivePrice),
        decimal(tr("List price"), &Row::listPrice),
        {.title = tr("Price valid"),
            .display = [](const Row &r) -> QVariant {
                if (!r.priceStart.isValid())
                    return QStringLiteral("\u2014");
                return r.priceEnd.isValid() ? tr("%1 \u2013 %2").arg(formatDateTime(r.priceStart), formatDateTime(r.priceEnd))
                                            : tr("from %1").arg(formatDateTime(r.priceStart));
            },
            .sort = cellOf(&Row::priceStart)},
        text(tr("Work unit type"), &Row::workUnitType),
        text(tr("Work unit id"), &Row::workUnitId),
        {.title = tr("Work unit"),
            .display = cellOf(&Row::workUnitName),
            .toolTip = [](const Row &r) -> QVariant {
                QString tip =
                    r.workUnitId.isEmpty() ? r.workUnitName : tr("%1\n%2 id: %3").arg(r.workUnitName, r.workUnitType, r.workUnitId);
                if (!r.workUnitUrl.isEmpty())
                    tip += tr("\nIn Databricks: %1").arg(r.workUnitUrl);
                return tip;
            }},
        text(tr("Run"), &Row::jobRunId),
        text(tr("Principal"), &Row::runAs),
        {.title = tr("Team"),
            .display = [](const Row &r) -> QVariant { return r.teamKey.isEmpty() ? tr("unattributed") : r.teamKey; },
            .sort = cellOf(&Row::teamKey)},
        {.title = tr("Project"),
            .display = [](const Row &r) -> QVariant { return r.projectKey.isEmpty() ? tr("none") : r.projectKey; },
            .sort = cellOf(&Row::projectKey)},
        text(tr("Attribution"), &Row::attributionMethod),
        text(tr("Confidence"), &Row::confidence),
        {.title = tr("Batch"),
            .kind = ColumnKind::Integer,
            .display = [](const Row &r) -> QVariant { return formatCount(r.batchId); },
            .sort = cellOf(&Row::batchId),
            .alignment = kNumberAlignment},
        when(tr("Extracted"), &Row::extractedAt),
        text(tr("Workspace id"), &Row::workspaceId),
    };
    for (ColumnSpec &c : columns) {
        // A cell's text is its tooltip unless the column explains something; an explanation
        // that does not apply to the row falls back to the text as well.
        if (c.toolTip) {
            c.toolTip = [explain = c.toolTip, display = c.display](const Row &r) {
                const QVariant tip = explain(r);
                return tip.isValid() ? tip : display(r);
            };
        } else {
            c.toolTip = c.display;
        }
        c.background = [](const Row &r) -> QVariant { return isCorrection(r) ? QVariant(QBrush(QColor(255, 244, 214))) : QVariant(); };
    }
    setColumns(std::move(columns));
}

void LineItemModel::setPage(reports::LineItemPage page, QString currency)
{
    QList<reports::LineItemRow> rows = page.rows; // shared with the page, not copied
    resetRows(std::move(rows), [&] {
        m_page = std::move(page);
        m_currency = std::move(currency);
    });
}

bool LineItemModel::isCorrection(const reports::LineItemRow &row)
{
    return row.recordType == QLatin1String("RETRACTION") || row.recordType == QLatin1String("RESTATEMENT");
}

} // namespace ll::ui

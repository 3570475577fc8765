#pragma once

#include "models/columntablemodel.h"
#include "reports/lineitems.h"

namespace ll::ui {

// The billing records behind a cost figure (line-item drill-down). Corrections (RETRACTION,
// RESTATEMENT) are highlighted; an unpriced line shows "unpriced" with its quantity, has no raw
// value (an empty CSV cell) and so sorts after every price in ascending order. The workspace
// and the work unit show their names, their ids in tooltips and columns of their own.
class LineItemModel : public ColumnTableModel<reports::LineItemRow> {
    Q_OBJECT
public:
    enum Column {
        RecordId,
        RecordType,
        UsageStart,
        Workspace,
        Sku,
        Quantity,
        Cost,
        ListCost,
        ContractCost,
        EffectivePrice,
        ListPrice,
        PriceValidity,
        WorkUnitType,
        WorkUnitId,
        WorkUnitName,
        Run,
        Principal,
        Team,
        Project,
        Method,
        Confidence,
        Batch,
        ExtractedAt,
        WorkspaceId,
        ColumnCount
    };

    explicit LineItemModel(QObject *parent = nullptr);
    void setPage(reports::LineItemPage page, QString currency = QStringLiteral("USD"));
    const reports::LineItemPage &page() const { return m_page; }
    static bool isCorrection(const reports::LineItemRow &row);

private:
    reports::LineItemPage m_page; // its rows are shared (implicitly) with the model's
    QString m_currency = QStringLiteral("USD");
};

} // namespace ll::ui

#pragma once

#include "reports/lineitems.h"

#include <QAbstractTableModel>

namespace ll::ui {

// The billing records behind a cost figure (line-item drill-down). Corrections (RETRACTION,
// RESTATEMENT) are highlighted; an unpriced line shows "unpriced", has no raw value (an empty CSV
// cell) and so sorts after every price in ascending order.
class LineItemModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        RecordId, RecordType, UsageStart, Workspace, Sku, Quantity, Cost, ListCost, ContractCost,
        EffectivePrice, ListPrice, PriceValidity, WorkUnitType, WorkUnitId, WorkUnitName, Run, Principal,
        Team, Project, Method, Confidence, Batch, ExtractedAt, ColumnCount
    };

    explicit LineItemModel(QObject *parent = nullptr);

    void setPage(reports::LineItemPage page, QString currency = QStringLiteral("USD"));
    const reports::LineItemPage &page() const { return m_page; }
    static bool isCorrection(const reports::LineItemRow &row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant display(const reports::LineItemRow &row, int column) const;
    QVariant raw(const reports::LineItemRow &row, int column) const;

    reports::LineItemPage m_page;
    QString m_currency = QStringLiteral("USD");
};

} // namespace ll::ui

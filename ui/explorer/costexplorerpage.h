#pragma once

#include "common/page.h"
#include "reports/costreport.h"

class QCheckBox;
class QDateEdit;
class QLabel;
class QLineEdit;

namespace ll::ui {

class CostTableModel;
class DataTableView;

// Slice cost by any combination of dimensions over a date range.
class CostExplorerPage : public Page {
    Q_OBJECT
public:
    explicit CostExplorerPage(ViewContext context, QWidget *parent = nullptr);

    void reload() override;

    // The query the controls describe (dimensions in the order of allDimensionNames()).
    reports::CostQuery query() const;
    void setDimensions(const QStringList &names);
    void setRange(const QDate &from, const QDate &to);
    CostTableModel *model() const { return m_model; }
    DataTableView *view() const { return m_view; }

private:
    void updateSummary();

    QList<QCheckBox *> m_dimensions;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLineEdit *m_filter;
    QLabel *m_summary;
    CostTableModel *m_model;
    DataTableView *m_view;
    bool m_updating = false;
};

} // namespace ll::ui

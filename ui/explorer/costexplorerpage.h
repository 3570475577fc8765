#pragma once

#include "common/page.h"
#include "reports/costreport.h"

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QTabWidget;

namespace ll::ui {

class CostExplorerChart;
class CostFilterBar;
class CostFilterPanel;
class CostTableModel;
class DataTableView;
class DimensionPicker;
class ReconciliationPanel;

// Slice cost by any combination of dimensions over a date range, optionally as the store held
// it at an earlier instant. Tabs: "Breakdown" (presets or the chosen dimensions in the order
// they were ticked, filters, a chart of the first dimension (or per day), the table with
// optional subtotal rows; double-click a row for its billing records, filters honoured) and
// "Reconciliation" (list vs effective vs contract cost per month x SKU x workspace, for the
// same range, as-of and filters). Queries and filter completions load on worker threads.
class CostExplorerPage : public Page {
    Q_OBJECT
public:
    explicit CostExplorerPage(ViewContext context, QWidget *parent = nullptr);
    ~CostExplorerPage() override;

    void reload() override;
    // "breakdown", "reconciliation", a preset name ("org") or dimensions ("by:job,workspace")
    bool showTab(const QString &name) override;

    // The query the controls describe (dimensions in the order of allDimensionNames()); an
    // error when they do not describe one (a tag without a key).
    Result<reports::CostQuery> query() const;
    // Names as parseDimensions takes them, in level order: "team", "job", "tag:cost_center".
    void setDimensions(const QStringList &names);
    // A preset by name (reports::costPresets(), "" = custom): its dimensions, subtotals on.
    bool setPreset(const QString &name);
    QString preset() const;
    void setFilters(const QList<reports::CostFilter> &filters);
    CostFilterBar *filterBar() const { return m_filters; }
    CostExplorerChart *chart() const { return m_chart; }
    void setSubtotals(bool on);
    void setRange(const QDate &from, const QDate &to);
    void setAsOf(const QDateTime &asOf); // invalid = now
    DimensionPicker *dimensionPicker() const { return m_picker; }
    CostTableModel *model() const { return m_model; }
    DataTableView *view() const { return m_view; }
    ReconciliationPanel *reconciliation() const { return m_reconciliation; }
    void openLineItems(int sourceRow);

private:
    void dimensionsEdited();
    void reloadIfIdle();
    void updateSummary();
    void updateLevels();
    void showResult(const reports::CostQuery &q, reports::CostTable table);
    void applyIdColumns();

    DimensionPicker *m_picker = nullptr;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QCheckBox *m_asOfEnabled;
    QDateTimeEdit *m_asOf;
    QLineEdit *m_filter;
    QLabel *m_summary;
    QTabWidget *m_tabs;
    CostTableModel *m_model;
    DataTableView *m_view;
    ReconciliationPanel *m_reconciliation;
    QComboBox *m_preset;
    QLabel *m_levels;
    QCheckBox *m_subtotals;
    QCheckBox *m_showIds;
    CostFilterPanel *m_filterPanel;
    CostFilterBar *m_filters; // the panel's
    CostExplorerChart *m_chart;
    reports::CostQuery m_shownQuery; // the query behind the table shown (for drill-downs)
    bool m_updating = false;         // setters and the constructor set controls: no reload per control
};

} // namespace ll::ui

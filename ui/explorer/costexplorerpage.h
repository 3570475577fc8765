#pragma once

#include "common/page.h"
#include "reports/costreport.h"

class QCheckBox;
class QDateEdit;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QTabWidget;

namespace ll::ui {

class CostTableModel;
class DataTableView;
class ReconciliationPanel;

// Slice cost by any combination of dimensions over a date range, optionally as the store held
// it at an earlier instant. Tabs: "Breakdown" (the chosen dimensions; double-click a row for its
// billing records) and "Reconciliation" (list vs effective vs contract cost per month x SKU x
// workspace, for the same range).
class CostExplorerPage : public Page {
    Q_OBJECT
public:
    explicit CostExplorerPage(ViewContext context, QWidget *parent = nullptr);

    void reload() override;
    bool showTab(const QString &name) override; // "breakdown", "reconciliation"

    // The query the controls describe (dimensions in the order of allDimensionNames()); an
    // error when they do not describe one (a tag without a key).
    Result<reports::CostQuery> query() const;
    // Names as parseDimensions takes them: "team", "job", "tag:cost_center".
    void setDimensions(const QStringList &names);
    void setRange(const QDate &from, const QDate &to);
    void setAsOf(const QDateTime &asOf); // invalid = now
    CostTableModel *model() const { return m_model; }
    DataTableView *view() const { return m_view; }
    ReconciliationPanel *reconciliation() const { return m_reconciliation; }
    void openLineItems(int sourceRow);

private:
    QCheckBox *addDimensionBox(const QString &name, const QString &title);
    void reloadIfIdle();
    void updateSummary();

    QList<QCheckBox *> m_dimensions;
    QCheckBox *m_tag = nullptr;
    QLineEdit *m_tagKey;
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
    reports::CostQuery m_shownQuery; // the query behind the table shown (for drill-downs)
    bool m_updating = false;
};

} // namespace ll::ui

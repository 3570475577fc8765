#pragma once

#include "budgets/budgetoverview.h"
#include "common/page.h"

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace ll::ui {

class BudgetModel;
class DataTableView;
class SnapshotLoader;

// Monthly budgets: for a chosen month, each budget in effect with its spend to date, month-end
// forecast, the forecast's backtest error and a green/amber/red status; add, edit and remove
// budgets, set the thresholds, import and export the JSON file. Reads run on the page's
// loader; every change runs on a separate read-write loader and goes through
// budgets::BudgetStore, which validates it and writes the audit log.
class BudgetsPage : public Page {
    Q_OBJECT
public:
    explicit BudgetsPage(ViewContext context, QWidget *parent = nullptr);

    void reload() override;
    BudgetModel *model() const { return m_model; }
    const budgets::BudgetOverview &overview() const { return m_overview; }
    // The dialog for a new budget (tests fill and accept it).
    void addBudget();
    void importBudgets(const QString &path);
    void exportBudgets(const QString &path);

Q_SIGNALS:
    void budgetsWritten(bool ok); // after a change, import or export finished

private:
    void deliver(Result<budgets::BudgetOverview> result);
    void fillMonths();
    void editSelected();
    void removeSelected();
    void applyThresholds();
    void showSummary();
    const budgets::BudgetStatus *selected() const;
    // Runs `write` on the read-write loader, then reloads; `done` words the outcome.
    void write(std::function<Result<QString>(store::Database &)> work);
    void updateButtons();

    BudgetModel *m_model;
    DataTableView *m_view;
    SnapshotLoader *m_writer;
    QComboBox *m_month;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_import;
    QPushButton *m_export;
    QSpinBox *m_amber;
    QSpinBox *m_red;
    QPushButton *m_applyThresholds;
    QLabel *m_summary;
    budgets::BudgetOverview m_overview;
    QDate m_chosenMonth; // invalid = the month of the newest data
    QString m_notice;    // the last change's outcome, shown after the reload
    bool m_noticeIsError = false;
};

} // namespace ll::ui

#pragma once

#include "common/page.h"
#include "reports/snapshots.h"

#include <functional>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTextBrowser;

namespace ll::ui {

class DataTableView;
class InsightChart;
class InsightModel;
class PlanPane;
class SnapshotLoader;

// The insights an analyst reviews every morning: a list filtered by status, type and text, and
// the selected insight's evidence (figures, the day series as a chart, the savings formula)
// with its line items one click away and acknowledge / dismiss (with a reason) / reopen.
class InsightsPage : public Page {
    Q_OBJECT
public:
    explicit InsightsPage(ViewContext context, QWidget *parent = nullptr);

    void reload() override;
    bool showTab(const QString &name) override; // evidence, plan (the selected insight's detail)
    InsightModel *model() const { return m_model; }
    PlanPane *planPane() const { return m_planPane; }
    const reports::InsightSummary *selectedInsight() const;
    // The selected insight's buttons (tests press them).
    QPushButton *acknowledgeButton() const { return m_acknowledge; }
    QPushButton *reopenButton() const { return m_reopen; }
    QComboBox *statusFilter() const { return m_status; }
    // Dismisses the selected insight with `reason` (the Dismiss button asks for it).
    void dismissSelected(const QString &reason);

Q_SIGNALS:
    void reviewWritten(bool ok);

private:
    void applyFilters();
    void showDetail();
    void updateButtons();
    void review(int action, const QString &reason = {});
    void openLineItems();

    InsightModel *m_model;
    DataTableView *m_view;
    QTextBrowser *m_detail;
    InsightChart *m_chart;
    SnapshotLoader *m_seriesLoader;
    SnapshotLoader *m_writer;
    QComboBox *m_status;
    QComboBox *m_type;
    QLineEdit *m_search;
    QPushButton *m_acknowledge;
    QPushButton *m_dismiss;
    QPushButton *m_reopen;
    QPushButton *m_lines;
    QTabWidget *m_detailTabs;
    PlanPane *m_planPane;
    QList<reports::InsightSummary> m_all;
    std::int64_t m_keepSelected = 0;
};

} // namespace ll::ui

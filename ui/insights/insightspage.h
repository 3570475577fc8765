#pragma once

#include "common/page.h"
#include "reports/snapshots.h"

class QTextBrowser;

namespace ll::ui {

class DataTableView;
class InsightModel;

// Every insight finding, with the selected one's detail below the table.
class InsightsPage : public Page {
    Q_OBJECT
public:
    explicit InsightsPage(ViewContext context, QWidget *parent = nullptr);

    void reload() override;
    InsightModel *model() const { return m_model; }

private:
    void showDetail();

    InsightModel *m_model;
    DataTableView *m_view;
    QTextBrowser *m_detail;
};

} // namespace ll::ui

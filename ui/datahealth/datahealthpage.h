#pragma once

#include "common/page.h"
#include "reports/snapshots.h"

class QTabWidget;

namespace ll::ui {

class CorrectionModel;
class IssueModel;
class KpiTile;
class SourceStateModel;
class StageRunModel;

// Is the data complete and fresh? Source freshness, pipeline runs, recorded issues and the
// quality figures (unpriced and unattributed usage).
class DataHealthPage : public Page {
    Q_OBJECT
public:
    explicit DataHealthPage(ViewContext context, QWidget *parent = nullptr);

    void reload() override;

private:
    void apply(Result<reports::DataHealthSnapshot> result);

    QWidget *m_content;
    KpiTile *m_lineItems;
    KpiTile *m_unpricedItems;
    KpiTile *m_unpricedQuantity;
    KpiTile *m_unattributed;
    SourceStateModel *m_sources;
    StageRunModel *m_runs;
    IssueModel *m_issues;
    CorrectionModel *m_corrections;
    QTabWidget *m_tabs;
};

} // namespace ll::ui

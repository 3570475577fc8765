#pragma once

#include "common/page.h"
#include "reports/coverage.h"
#include "reports/quality.h"
#include "reports/snapshots.h"

class QLabel;
class QTabWidget;

namespace ll::ui {

class CorrectionModel;
class CoverageDetailModel;
class CoverageModel;
class DataTableView;
class IssueModel;
class KpiTile;
class SourceStateModel;
class StageRunModel;
class StaleSourceModel;
class TagCoverageModel;

// Everything the page shows, loaded together on a worker thread.
struct DataHealthData {
    reports::DataHealthSnapshot health;
    reports::QualitySnapshot quality;
    reports::CoverageSnapshot coverage;
};

// Is the data complete and fresh? Source freshness (system tables and REST enrichment),
// pipeline runs, recorded issues, quality figures (unpriced and unattributed usage, tag
// coverage, stale sources) and the coverage map per workspace and system table.
class DataHealthPage : public Page {
    Q_OBJECT
public:
    explicit DataHealthPage(ViewContext context, QWidget *parent = nullptr);

    void reload() override;
    // runs, issues, corrections, quality, coverage
    bool showTab(const QString &name) override;

    CoverageModel *coverageModel() const { return m_coverage; }
    // The map shows the per-workspace summary; the per-table states of the selected workspace
    // are in the detail below it (and all of them in the map's CSV export).
    DataTableView *coverageView() const { return m_coverageView; }
    CoverageDetailModel *coverageDetailModel() const { return m_coverageDetail; }
    TagCoverageModel *tagCoverageModel() const { return m_tagCoverage; }
    StaleSourceModel *staleSourceModel() const { return m_staleSources; }
    SourceStateModel *sourceStateModel() const { return m_sources; }
    QTabWidget *tabs() const { return m_tabs; }
    // Coverage: per entity type, how many entities' current state came from system tables or REST.
    QString entitySourceSummary() const;

private:
    void apply(Result<DataHealthData> result);
    QWidget *buildQualityTab();
    QWidget *buildCoverageTab();
    void showCoverageDetail(int sourceRow);

    QWidget *m_content;
    KpiTile *m_lineItems;
    KpiTile *m_unpricedItems;
    KpiTile *m_unpricedQuantity;
    KpiTile *m_unattributed;
    SourceStateModel *m_sources;
    StageRunModel *m_runs;
    IssueModel *m_issues;
    CorrectionModel *m_corrections;
    TagCoverageModel *m_tagCoverage;
    StaleSourceModel *m_staleSources;
    CoverageModel *m_coverage;
    CoverageDetailModel *m_coverageDetail;
    DataTableView *m_coverageView = nullptr;
    QLabel *m_coverageDetailTitle = nullptr;
    QLabel *m_qualitySummary = nullptr;
    QLabel *m_coverageSummary = nullptr;
    QLabel *m_entitySources = nullptr;
    QTabWidget *m_tabs;
};

} // namespace ll::ui

// The Data Health page on a demo store with one source made unavailable: the coverage and
// quality tabs exist and have rows, the coverage map marks the unreadable table, REST
// enrichment sources are listed in source freshness, and every model is sound.
#include "common/viewcontext.h"
#include "datahealth/datahealthpage.h"
#include "extract/restenrichment.h"
#include "models/coveragedetailmodel.h"
#include "models/coveragemodel.h"
#include "models/modelroles.h"
#include "models/sourcestatemodel.h"
#include "models/stalesourcemodel.h"
#include "models/tagcoveragemodel.h"
#include "raw/rawingestor.h"
#include "store/store.h"
#include "widgets/datatableview.h"

#include <QAbstractItemModelTester>
#include <QBrush>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace ll;
using namespace ll::ui;

namespace {
const QDate kToday(2026, 11, 20);
}

class TestDataHealthPage : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_store;

private slots:
    void initTestCase()
    {
        m_store = m_dir.filePath(QStringLiteral("health.lakeledger"));
        QProcess p;
        p.start(qEnvironmentVariable("LAKELEDGER_CLI"), {QStringLiteral("--store"), m_store, QStringLiteral("demo"), QStringLiteral("--days"),
                                                          QStringLiteral("20"), QStringLiteral("--end"), kToday.toString(Qt::ISODate)});
        QVERIFY(p.waitForFinished(300000));
        QCOMPARE(p.exitCode(), 0);
        // A sync that could not read query history (not granted).
        auto db = store::Store::open(m_store, {.create = false});
        QVERIFY(db);
        FixedClock clock(QDateTime(kToday, QTime(6, 0), Qt::UTC));
        raw::RawIngestor ingestor(*db, clock);
        auto batch = ingestor.beginBatch(QStringLiteral("query_history"), QStringLiteral("direct"));
        QVERIFY(batch);
        QVERIFY(ingestor.finishBatch(*batch, raw::BatchStatus::Unavailable, QStringLiteral("INSUFFICIENT_PERMISSIONS")));
        // REST enrichment: a jobs listing of three objects.
        auto rest = ingestor.beginBatch(QStringLiteral("rest_jobs"), QStringLiteral("direct"));
        QVERIFY(rest);
        QJsonArray jobs;
        for (int id : {1, 2, 3})
            jobs.append(QJsonObject{{QStringLiteral("job_id"), id}});
        QVERIFY(extract::appendRestPage(*db, clock, *rest, QStringLiteral("jobs"), QStringLiteral("job_id"), jobs));
        QVERIFY(ingestor.finishBatch(*rest, raw::BatchStatus::Succeeded));
        // Two jobs the ledger knows from the Jobs API alone (no system.lakeflow.jobs row).
        QVERIFY(db->exec("INSERT INTO ledger_job (job_id, change_time, name, raw_id, source) VALUES "
                         "('rest-only-1', 1, 'from rest', 1, 'rest'), ('rest-only-2', 1, 'from rest too', 1, 'rest')"));
    }

    void showsCoverageAndQualityTabsWithRows()
    {
        DataHealthPage page(ViewContext::make(m_store, kToday));
        page.resize(1280, 900);
        QAbstractItemModelTester coverageTester(page.coverageModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester tagTester(page.tagCoverageModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester staleTester(page.staleSourceModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester sourceTester(page.sourceStateModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.show();
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading(), 60000);
        QVERIFY2(page.message().isEmpty(), qPrintable(page.message()));

        QTabWidget *tabs = page.tabs();
        QCOMPARE(tabs->count(), 5);
        QVERIFY2(tabs->tabText(0).startsWith(QStringLiteral("Coverage (")), qPrintable(tabs->tabText(0)));
        QVERIFY2(tabs->tabText(1).startsWith(QStringLiteral("Quality")), qPrintable(tabs->tabText(1)));
        QVERIFY(page.showTab(QStringLiteral("quality")));
        QCOMPARE(tabs->currentIndex(), 1);
        QVERIFY(page.showTab(QStringLiteral("coverage")));
        QCOMPARE(tabs->currentIndex(), 0);
        QVERIFY(!page.showTab(QStringLiteral("no-such-tab")));

        // Coverage map: a row per demo workspace, a column per system table with workspace_id.
        CoverageModel *coverage = page.coverageModel();
        QVERIFY(coverage->rowCount() >= 2);
        QCOMPARE(coverage->columnCount(), CoverageModel::FirstSourceColumn + 13);
        int queryColumn = -1;
        for (int c = CoverageModel::FirstSourceColumn; c < coverage->columnCount(); ++c) {
            if (coverage->headerData(c, Qt::Horizontal).toString() == QLatin1String("query.history"))
                queryColumn = c;
        }
        QVERIFY(queryColumn > 0);
        for (int r = 0; r < coverage->rowCount(); ++r) {
            const QModelIndex cell = coverage->index(r, queryColumn);
            QCOMPARE(cell.data().toString(), QStringLiteral("unavailable"));
            QCOMPARE(cell.data(Qt::BackgroundRole).value<QBrush>().color(), CoverageModel::stateColor(reports::CoverageState::Unavailable));
            QVERIFY(coverage->index(r, CoverageModel::Cost).data(SortRole).toLongLong() > 0);
            QVERIFY(!coverage->index(r, CoverageModel::Readable).data().toString().isEmpty());
            // The demo runs to --end; its last hour may end at the next midnight.
            const QDate newestUsage = coverage->index(r, CoverageModel::NewestUsage).data(SortRole).toDateTime().date();
            QVERIFY2(newestUsage == kToday || newestUsage == kToday.addDays(1), qPrintable(newestUsage.toString(Qt::ISODate)));
            QVERIFY(coverage->index(r, CoverageModel::NewestIngestion).data(SortRole).toDate().isValid());
        }

        // The map shows the per-workspace summary (no horizontal scrolling at 1280 px); the
        // selected workspace's per-table states are in the detail; the CSV still has them all.
        DataTableView *map = page.coverageView();
        for (int c = CoverageModel::Name; c < coverage->columnCount(); ++c)
            QCOMPARE(map->isColumnHidden(c), c >= CoverageModel::FirstSourceColumn);
        QVERIFY(map->isColumnHidden(CoverageModel::Workspace)); // the demo's workspaces have names: id in the tooltip
        QVERIFY(coverage->index(0, CoverageModel::Name).data(Qt::ToolTipRole).toString().contains(coverage->snapshot().workspaces.at(0).workspaceId));
        QVERIFY2(coverage->index(0, CoverageModel::Readable).data(Qt::ToolTipRole).toString().contains(QStringLiteral("system.query.history")),
                 qPrintable(coverage->index(0, CoverageModel::Readable).data(Qt::ToolTipRole).toString()));
        CoverageDetailModel *detail = page.coverageDetailModel();
        QAbstractItemModelTester detailTester(detail, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(detail->rowCount(), 13);
        const int second = map->proxy()->mapToSource(map->proxy()->index(1, 0)).row();
        map->setCurrentIndex(map->proxy()->index(1, 0));
        QVERIFY(detail->workspaceTitle().contains(coverage->snapshot().workspaces.at(second).workspaceId));
        bool sawUnavailable = false;
        for (int r = 0; r < detail->rowCount(); ++r) {
            if (detail->index(r, CoverageDetailModel::Table).data().toString() == QLatin1String("system.query.history")) {
                sawUnavailable = true;
                QCOMPARE(detail->index(r, CoverageDetailModel::State).data().toString(), QStringLiteral("unavailable"));
            }
        }
        QVERIFY(sawUnavailable);
        const QString csvPath = m_dir.filePath(QStringLiteral("coverage-map.csv"));
        QVERIFY(map->exportCsvTo(csvPath));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray header = csv.readLine();
        QCOMPARE(header.count(',') + 1, coverage->columnCount());
        QVERIFY(header.contains("query.history"));

        // Coverage says where entities' current state came from, per type.
        const QString entities = page.entitySourceSummary();
        QVERIFY2(entities.contains(QStringLiteral("from system.lakeflow.jobs")), qPrintable(entities));
        QVERIFY2(entities.contains(QStringLiteral("2 from REST (2 REST only)")), qPrintable(entities));
        QVERIFY2(entities.contains(QStringLiteral("Warehouses: ")), qPrintable(entities));

        // Quality: the demo's tags cover part of the cost; its data is fresh on its last day.
        QVERIFY(page.tagCoverageModel()->rowCount() > 0);
        QCOMPARE(page.staleSourceModel()->rowCount(), 0);

        // Source freshness lists REST enrichment next to the system tables.
        SourceStateModel *sources = page.sourceStateModel();
        QStringList ids;
        for (int r = 0; r < sources->rowCount(); ++r)
            ids << sources->index(r, SourceStateModel::Source).data().toString();
        for (const char *rest : {"rest_jobs", "rest_clusters", "rest_warehouses", "rest_pipelines", "rest_workspaces"})
            QVERIFY2(ids.contains(QString::fromLatin1(rest)), rest);
        const int jobsRow = static_cast<int>(ids.indexOf(QStringLiteral("rest_jobs")));
        QCOMPARE(sources->index(jobsRow, SourceStateModel::Status).data().toString(), QStringLiteral("ok"));
        QCOMPARE(sources->index(jobsRow, SourceStateModel::RawRows).data(SortRole).toLongLong(), 3);
        QCOMPARE(sources->index(jobsRow, SourceStateModel::LastSuccess).data(SortRole).toDateTime(), QDateTime(kToday, QTime(6, 0), Qt::UTC));
        QCOMPARE(sources->index(static_cast<int>(ids.indexOf(QStringLiteral("rest_clusters"))), SourceStateModel::Status).data().toString(), QStringLiteral("never"));
        const int queryRow = static_cast<int>(ids.indexOf(QStringLiteral("query_history")));
        QCOMPARE(sources->index(queryRow, SourceStateModel::Status).data().toString(), QStringLiteral("unavailable"));
        QVERIFY(sources->index(queryRow, SourceStateModel::Status).data(Qt::BackgroundRole).isValid());
    }

    // Ten days later nothing new has arrived: usage is stale in the quality tab and the map.
    void staleDataIsMarked()
    {
        DataHealthPage page(ViewContext::make(m_store, kToday.addDays(10)));
        page.reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading(), 60000);
        QStringList stale;
        for (int r = 0; r < page.staleSourceModel()->rowCount(); ++r)
            stale << page.staleSourceModel()->index(r, StaleSourceModel::Source).data().toString();
        QVERIFY2(stale.contains(QStringLiteral("billing_usage")), qPrintable(stale.join(QLatin1Char(' '))));
        QVERIFY(!stale.contains(QStringLiteral("compute_clusters"))); // a dimension table is never stale
        QVERIFY(page.tabs()->tabText(1).contains(QString::number(stale.size())));
        CoverageModel *coverage = page.coverageModel();
        int usageColumn = -1;
        for (int c = CoverageModel::FirstSourceColumn; c < coverage->columnCount(); ++c) {
            if (coverage->headerData(c, Qt::Horizontal).toString() == QLatin1String("billing.usage"))
                usageColumn = c;
        }
        QVERIFY(usageColumn > 0);
        const QModelIndex cell = coverage->index(0, usageColumn);
        QVERIFY2(cell.data().toString().startsWith(QStringLiteral("stale")), qPrintable(cell.data().toString()));
        QCOMPARE(cell.data(Qt::BackgroundRole).value<QBrush>().color(), CoverageModel::stateColor(reports::CoverageState::Stale));
        QVERIFY(cell.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Newest event")));
    }
};

QTEST_MAIN(TestDataHealthPage)
#include "tst_datahealthpage.moc"

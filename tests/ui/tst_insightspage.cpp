// The Insights view on the demo account: names in the list, filters, the evidence chart, and
// acknowledge / dismiss / reopen written to the store (and its audit log).
#include "common/viewcontext.h"
#include "demo/demosource.h"
#include "insights/insightchart.h"
#include "insights/insightspage.h"
#include "job/job.h"
#include "models/insightmodel.h"
#include "tempstore.h"

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTextBrowser>

using namespace ll;
using namespace ll::ui;

namespace {

bool settle(InsightsPage &page)
{
    return QTest::qWaitFor([&page] { return !page.isLoading(); }, 20000);
}

QString statusOf(store::Database &db, std::int64_t id)
{
    auto stmt = db.prepare("SELECT status FROM insight_finding WHERE finding_id = ?");
    stmt->bind(1, id);
    auto row = stmt->step();
    return row && *row ? stmt->text(0) : QString();
}

} // namespace

class TestInsightsPage : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_store.ok());
        demo::DemoOptions options;
        options.days = 60;
        options.endDate = QDate(2026, 11, 30);
        CancelToken cancel;
        QVERIFY(job::runJob(
            m_store.db(), m_store.clock(), {job::JobKind::Demo, [options] { return std::make_unique<demo::DemoSource>(options); }}, cancel)
                    .ok());
    }

    void listFilterReviewAndChart()
    {
        InsightsPage page(ViewContext::make(m_store.path(), QDate(2026, 11, 30)));
        page.resize(1280, 800);
        page.reload();
        QVERIFY(settle(page));
        InsightModel *model = page.model();
        QVERIFY(model->rowCount() > 0);
        // Names, not ids, in the scope column.
        for (int r = 0; r < model->rowCount(); ++r) {
            const reports::InsightSummary *i = model->insightAt(r);
            QVERIFY(!model->index(r, InsightModel::Scope).data().toString().isEmpty());
            if (i->scopeType == QLatin1String("job") && !i->scopeName.startsWith(QLatin1Char('(')))
                QVERIFY(model->index(r, InsightModel::Scope).data().toString() != i->scopeId);
        }
        const reports::InsightSummary *selected = page.selectedInsight();
        QVERIFY(selected);
        const std::int64_t id = selected->findingId;
        QVERIFY(page.findChild<QTextBrowser *>(QStringLiteral("insightDetail"))->toPlainText().contains(selected->title));
        QVERIFY(QTest::qWaitFor([&page] { return page.findChild<InsightChart *>()->pointCount() > 0; }, 10000));

        // Acknowledge: written to the store, the row stays selected, Reopen becomes possible.
        QVERIFY(page.acknowledgeButton()->isEnabled());
        QSignalSpy written(&page, &InsightsPage::reviewWritten);
        page.acknowledgeButton()->click();
        QVERIFY(written.wait(10000));
        QCOMPARE(written.first().first().toBool(), true);
        QVERIFY(settle(page));
        QCOMPARE(statusOf(m_store.db(), id), QStringLiteral("acknowledged"));
        QCOMPARE(page.selectedInsight()->findingId, id);
        QVERIFY(!page.acknowledgeButton()->isEnabled());
        QVERIFY(page.reopenButton()->isEnabled());

        // Dismiss with a reason: it leaves the active list, and shows under "Dismissed".
        const int activeRows = model->rowCount();
        page.dismissSelected(QStringLiteral("Accepted for the quarter"));
        QVERIFY(written.wait(10000));
        QVERIFY(settle(page));
        QCOMPARE(statusOf(m_store.db(), id), QStringLiteral("dismissed"));
        QCOMPARE(model->rowCount(), activeRows - 1);
        page.statusFilter()->setCurrentIndex(5); // Dismissed
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->insightAt(0)->statusReason, QStringLiteral("Accepted for the quarter"));

        // Reopen: new again.
        page.reopenButton()->click();
        QVERIFY(written.wait(10000));
        QVERIFY(settle(page));
        QCOMPARE(statusOf(m_store.db(), id), QStringLiteral("new"));
        auto audit = m_store.db().queryInt("SELECT count(*) FROM app_audit_log WHERE action = 'insight.status'");
        QCOMPARE(**audit, std::int64_t{3});
    }

private:
    test::TempStore m_store;
};

QTEST_MAIN(TestInsightsPage)
#include "tst_insightspage.moc"

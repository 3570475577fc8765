// The Attribution page on a real demo store: the hierarchy with non-zero cost (direct and
// after sharing conserve the total), the confidence chart, the unattributed explorer turning
// a row into a staged rule, preview, "why is this mine?" with its CSV, import/export and save.
#include "attribution/attributionconfig.h"
#include "attribution/attributionpage.h"
#include "attribution/confidencechart.h"
#include "attribution/explainmodel.h"
#include "attribution/hierarchycostmodel.h"
#include "attribution/previewmodel.h"
#include "attribution/ruleeditordialog.h"
#include "attribution/rulelistmodel.h"
#include "attribution/rulespanel.h"
#include "attribution/unattributedmodel.h"
#include "attribution/whydialog.h"
#include "common/viewcontext.h"
#include "store/store.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace ll;
using namespace ll::ui;

namespace {
const QDate kToday(2026, 11, 20);

QModelIndex findTeam(const HierarchyCostModel &model, const QModelIndex &parent = {})
{
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex i = model.index(r, 0, parent);
        const auto *node = model.nodeAt(i);
        if (node->kind == HierarchyCostModel::NodeKind::Team && node->totals.cost > 0)
            return i;
        if (const QModelIndex found = findTeam(model, i); found.isValid())
            return found;
    }
    return {};
}
} // namespace

class TestAttributionView : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_store;

    void waitLoaded(AttributionPage &page) { QTRY_VERIFY_WITH_TIMEOUT(!page.isLoading(), 60000); }

private slots:
    void initTestCase()
    {
        m_store = m_dir.filePath(QStringLiteral("attribution.lakeledger"));
        QProcess p;
        p.start(qEnvironmentVariable("LAKELEDGER_CLI"), {QStringLiteral("--store"), m_store, QStringLiteral("demo"), QStringLiteral("--days"),
                                                          QStringLiteral("30"), QStringLiteral("--end"), kToday.toString(Qt::ISODate)});
        QVERIFY(p.waitForFinished(300000));
        QCOMPARE(p.exitCode(), 0);
    }

    void hierarchyShowsCostAndConservesIt()
    {
        AttributionPage page(ViewContext::make(m_store, kToday));
        QAbstractItemModelTester tester(page.hierarchyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.reload();
        waitLoaded(page);
        QVERIFY2(page.message().isEmpty(), qPrintable(page.message()));
        HierarchyCostModel *model = page.hierarchyModel();
        QVERIFY(model->rowCount() >= 2);
        QStringList roots;
        for (int r = 0; r < model->rowCount(); ++r)
            roots << model->data(model->index(r, 0)).toString();
        QVERIFY2(roots.contains(QStringLiteral("Data & Analytics")) && roots.contains(QStringLiteral("Unattributed")), qPrintable(roots.join(QLatin1Char('|'))));
        const std::int64_t direct = model->grandTotal().cost;
        QVERIFY(direct > 0);
        const QModelIndex team = findTeam(*model);
        QVERIFY(team.isValid());
        const auto t = model->grandTotal();
        QCOMPARE(t.exact + t.strong + t.estimated + t.unattributed, t.cost);
        QCOMPARE(page.confidenceChart()->slices().size(), 4);
        QVERIFY(page.rulesPanel()->model()->rowCount() >= 3); // the demo's rules
        QVERIFY(page.showTab(QStringLiteral("rules")));
        QVERIFY(!page.showTab(QStringLiteral("nope")));

        page.setAfterSharing(true);
        waitLoaded(page);
        QCOMPARE(model->grandTotal().cost, direct); // redistribution moves cost, never creates it
        bool anyBucket = false;
        for (int r = 0; r < model->rowCount(); ++r)
            anyBucket = anyBucket || model->nodeAt(model->index(r, 0))->kind == HierarchyCostModel::NodeKind::Bucket;
        QVERIFY(!anyBucket);
    }

    void whyIsThisMineListsLineItemsAndExports()
    {
        AttributionPage page(ViewContext::make(m_store, kToday));
        page.reload();
        waitLoaded(page);
        const QModelIndex team = findTeam(*page.hierarchyModel());
        QVERIFY(team.isValid());
        QVERIFY(!page.explain(page.hierarchyModel()->index(0, 0))); // an org unit is not one owner
        WhyDialog *why = page.explain(team);
        QVERIFY(why);
        QSignalSpy loaded(why, &WhyDialog::loaded);
        QVERIFY(loaded.wait(60000) || !why->isLoading());
        QVERIFY(why->model()->rowCount() > 0);
        QCOMPARE(why->model()->allocatedTotal(), page.hierarchyModel()->nodeAt(team)->totals.cost);
        const QString csv = m_dir.filePath(QStringLiteral("why.csv"));
        QVERIFY(why->exportTo(csv));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readLine().startsWith("line_id,record_id"));
        why->close();
    }

    void importExportRules()
    {
        AttributionPage page(ViewContext::make(m_store, kToday));
        page.reload();
        waitLoaded(page);
        RulesPanel *rules = page.rulesPanel();
        const QString path = m_dir.filePath(QStringLiteral("rules.json"));
        QVERIFY(rules->exportTo(path));
        QVERIFY(attribution::AttributionConfig::fromJson([&] {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }()));
        QVERIFY(rules->importFrom(path));
        QVERIFY(rules->isDirty());
        const QString bad = m_dir.filePath(QStringLiteral("bad.json"));
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"version\": 1, \"rules\": [{\"name\": \"x\", \"kind\": \"pattern\", \"match\": {\"field\": \"name\", \"regex\": \"(\"}, "
                "\"assign\": {\"mode\": \"direct\", \"team\": \"ml\"}}]}");
        f.close();
        const Status s = rules->importFrom(bad);
        QVERIFY(!s);
        QVERIFY(s.error().message.contains(QStringLiteral("regex")));
        rules->discard();
        QVERIFY(!rules->isDirty());
    }

    void unattributedRowBecomesRuleThenPreviewAndSave()
    {
        AttributionPage page(ViewContext::make(m_store, kToday));
        QAbstractItemModelTester tester(page.unattributedModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        page.reload();
        waitLoaded(page);
        RulesPanel *rules = page.rulesPanel();
        const int before = rules->model()->rowCount();
        attribution::Rule newRule;
        if (page.unattributedModel()->rowCount() > 0) {
            RuleEditorDialog *editor = page.makeRuleFrom(0);
            QVERIFY(editor);
            QVERIFY(!editor->validateRule()); // the suggestion names no team yet
            newRule = editor->rule();
            newRule.assign.insert(QStringLiteral("team"), QStringLiteral("data-eng"));
            editor->setRule(newRule);
            QVERIFY2(editor->validateRule(), qPrintable(editor->validationMessage()));
            editor->accept();
        } else {
            RuleEditorDialog *editor = rules->openEditor(-1);
            newRule.name = QStringLiteral("Everything by alice to ML");
            newRule.kind = QStringLiteral("pattern");
            newRule.match = {{QStringLiteral("field"), QStringLiteral("principal")}, {QStringLiteral("regex"), QStringLiteral("^alice@")}};
            newRule.assign = {{QStringLiteral("mode"), QStringLiteral("direct")}, {QStringLiteral("team"), QStringLiteral("data-eng")}};
            editor->setRule(newRule);
            editor->accept();
        }
        QCOMPARE(rules->model()->rowCount(), before + 1);
        QVERIFY(rules->isDirty());
        // A rule made from an unattributed row is staged first; moving it is staged too.
        if (rules->model()->ruleAt(0)->name != newRule.name) {
            QCOMPARE(rules->model()->ruleAt(before)->name, newRule.name);
            for (int r = before; r > 0; --r)
                QVERIFY(rules->model()->moveUp(r));
        }
        QCOMPARE(rules->model()->ruleAt(0)->name, newRule.name);
        QVERIFY(rules->model()->moveDown(0));
        QCOMPARE(rules->model()->ruleAt(1)->name, newRule.name);
        QVERIFY(rules->model()->moveUp(1));
        QCOMPARE(rules->model()->ruleAt(0)->name, newRule.name);

        QSignalSpy shown(rules, &RulesPanel::previewShown);
        rules->preview();
        QTRY_COMPARE_WITH_TIMEOUT(shown.size(), 1, 120000);
        auto *dialog = shown.at(0).at(0).value<PreviewDialog *>();
        QVERIFY(dialog);
        {
            QAbstractItemModelTester previewTester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            QVERIFY(dialog->model()->rowCount() > 0);
            QVERIFY(dialog->model()->changedCount() > 0);
        }
        dialog->close();

        QSignalSpy saved(rules, &RulesPanel::saveFinished);
        rules->save();
        QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 180000);
        QVERIFY2(saved.at(0).at(0).toBool(), qPrintable(saved.at(0).at(1).toString()));
        QVERIFY(!rules->isDirty());
        auto db = store::Store::open(m_store, {.create = false, .readOnly = true});
        QVERIFY(db);
        auto config = attribution::AttributionConfig::load(*db);
        QVERIFY(config);
        QCOMPARE(config->rules.size(), before + 1);
        QCOMPARE(config->rules.first().name, newRule.name);
        waitLoaded(page); // the page reloads after the save
    }

    // The confidence chart speaks the store's currency, not a fixed USD (runs last: it rewrites
    // the store's currency).
    void confidenceChartUsesTheStoreCurrency()
    {
        {
            auto db = store::Store::open(m_store, {.create = false});
            QVERIFY(db);
            QVERIFY(db->exec("UPDATE metrics_daily_cost SET currency_code = 'EUR'"));
        }
        AttributionPage page(ViewContext::make(m_store, kToday));
        page.reload();
        waitLoaded(page);
        QCOMPARE(page.confidenceChart()->currency(), QStringLiteral("EUR"));
    }
};

QTEST_MAIN(TestAttributionView)
#include "tst_attributionview.moc"

// The Attribution view's models and rule editor without a store: every model under
// QAbstractItemModelTester with realistic data, the hierarchy roll-up, rule ordering and
// shadow warnings, the rule editor's JSON accepted (or rejected) by the core, the evidence CSV.
#include "attribution/confidencechart.h"
#include "attribution/explainmodel.h"
#include "attribution/hierarchycostmodel.h"
#include "attribution/previewmodel.h"
#include "attribution/ruleeditordialog.h"
#include "attribution/rulelistmodel.h"
#include "attribution/rulesummary.h"
#include "attribution/unattributedmodel.h"
#include "attribution/whydialog.h"
#include "common/money.h"
#include "models/modelroles.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QFont>
#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace ll;
using namespace ll::ui;

namespace {

constexpr std::int64_t kUnit = kNanosPerUnit;

attribution::AttributionConfig sampleConfig()
{
    attribution::AttributionConfig c;
    c.hierarchy = {{QStringLiteral("data-eng"), QStringLiteral("team"), QStringLiteral("Data Engineering"), QStringLiteral("platform-dept")},
                   {QStringLiteral("org"), QStringLiteral("org_unit"), QStringLiteral("Data & Analytics"), QString()},
                   {QStringLiteral("platform-dept"), QStringLiteral("department"), QStringLiteral("Data Platform"), QStringLiteral("org")},
                   {QStringLiteral("ml"), QStringLiteral("team"), QStringLiteral("Machine Learning"), QStringLiteral("platform-dept")}};
    c.buckets = {{QStringLiteral("overhead"), QStringLiteral("Platform overhead"), QStringLiteral("proportional"), {}}};
    c.projects = {{QStringLiteral("churn"), QStringLiteral("Churn model"), QStringLiteral("ml")}};
    return c;
}

attribution::Rule rule(const QString &name, const QString &regex, bool enabled = true)
{
    attribution::Rule r;
    r.name = name;
    r.enabled = enabled;
    r.kind = QStringLiteral("pattern");
    r.match = {{QStringLiteral("field"), QStringLiteral("name")}, {QStringLiteral("regex"), regex}};
    r.assign = {{QStringLiteral("mode"), QStringLiteral("direct")}, {QStringLiteral("team"), QStringLiteral("ml")}};
    return r;
}

reports::AttributionRow row(const QString &period, const QString &owner, std::int64_t exact, std::int64_t strong, std::int64_t estimated,
                            std::int64_t unattributed)
{
    return {period, owner, exact + strong + estimated + unattributed, exact, strong, estimated, unattributed};
}

} // namespace

class TestAttributionModels : public QObject {
    Q_OBJECT
private slots:
    void hierarchyRollsUpAndKeepsSpecialRows()
    {
        HierarchyCostModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setData(sampleConfig(), {row(QStringLiteral("2026-10"), QStringLiteral("Data Engineering"), 10 * kUnit, 5 * kUnit, 0, 0),
                                       row(QStringLiteral("2026-11"), QStringLiteral("Data Engineering"), 1 * kUnit, 0, 0, 0),
                                       row(QStringLiteral("2026-11"), QStringLiteral("Machine Learning"), 0, 4 * kUnit, 2 * kUnit, 0),
                                       row(QStringLiteral("2026-11"), QStringLiteral("Tagged Team"), 0, 3 * kUnit, 0, 0),
                                       row(QStringLiteral("2026-11"), QStringLiteral("shared:overhead"), 0, 0, 7 * kUnit, 0),
                                       row(QStringLiteral("2026-11"), QStringLiteral("idle"), 0, 0, 2 * kUnit, 0),
                                       row(QStringLiteral("2026-11"), QStringLiteral("unattributed"), 0, 0, 0, 6 * kUnit)});
        // Roots: the org unit, other teams, the bucket, idle, unattributed.
        QCOMPARE(model.rowCount(), 5);
        const QModelIndex org = model.index(0, HierarchyCostModel::Name);
        QCOMPARE(model.data(org).toString(), QStringLiteral("Data & Analytics"));
        QCOMPARE(model.data(model.index(0, HierarchyCostModel::Cost), SortRole).toLongLong(), 22 * kUnit);
        QCOMPARE(model.rowCount(org), 1);
        const QModelIndex dept = model.index(0, 0, org);
        QCOMPARE(model.rowCount(dept), 2);
        const QModelIndex dataEng = model.index(0, 0, dept);
        QCOMPARE(model.nodeAt(dataEng)->kind, HierarchyCostModel::NodeKind::Team);
        QCOMPARE(model.nodeAt(dataEng)->key, QStringLiteral("data-eng"));
        QCOMPARE(model.data(model.index(0, HierarchyCostModel::Exact, dept), SortRole).toLongLong(), 11 * kUnit);
        QCOMPARE(model.parent(dataEng), dept);
        QCOMPARE(model.nodeAt(model.index(1, 0))->kind, HierarchyCostModel::NodeKind::OtherTeams);
        QCOMPARE(model.rowCount(model.index(1, 0)), 1);
        QCOMPARE(model.nodeAt(model.index(2, 0))->kind, HierarchyCostModel::NodeKind::Bucket);
        QCOMPARE(model.data(model.index(2, 0)).toString(), QStringLiteral("Shared: Platform overhead"));
        QCOMPARE(model.nodeAt(model.index(3, 0))->kind, HierarchyCostModel::NodeKind::Idle);
        QCOMPARE(model.nodeAt(model.index(4, 0))->key, QStringLiteral("unattributed"));
        // Issue 16: buckets, idle and unattributed are not teams: styled apart, not counted as teams.
        for (int r : {2, 3, 4}) {
            QVERIFY(model.data(model.index(r, 0), Qt::BackgroundRole).isValid());
            QVERIFY(model.data(model.index(r, 0), Qt::FontRole).value<QFont>().italic());
            QVERIFY(model.data(model.index(r, 0), Qt::ToolTipRole).toString().startsWith(QStringLiteral("Not a team")));
        }
        QVERIFY(!model.data(org, Qt::BackgroundRole).isValid());
        QVERIFY(!model.data(dataEng, Qt::BackgroundRole).isValid());
        QCOMPARE(model.teamCount(), 3);               // data-eng, ml, the tagged team
        QCOMPARE(model.teamTotal().cost, 25 * kUnit); // 40 minus the bucket (7), idle (2) and unattributed (6)
        // Conservation: the grand total is every row once.
        QCOMPARE(model.grandTotal().cost, 40 * kUnit);
        QCOMPARE(model.grandTotal().unattributed, 6 * kUnit);
        QCOMPARE(model.headerData(HierarchyCostModel::Cost, Qt::Horizontal, ColumnKindRole).toInt(), static_cast<int>(ColumnKind::Money));

        model.setData(sampleConfig(), {});
        QCOMPARE(model.rowCount(), 1); // the hierarchy stays, at zero
        QCOMPARE(model.grandTotal().cost, 0);
    }

    void ruleListMovesAndFlagsShadowedRules()
    {
        RuleListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy edited(&model, &RuleListModel::rulesEdited);
        model.setRules({rule(QStringLiteral("a"), QStringLiteral("^a")), rule(QStringLiteral("b"), QStringLiteral("^b")),
                        rule(QStringLiteral("c"), QStringLiteral("^c"))});
        QCOMPARE(edited.size(), 0);
        QVERIFY(model.moveDown(0));
        QCOMPARE(model.ruleAt(0)->name, QStringLiteral("b"));
        QCOMPARE(model.ruleAt(1)->name, QStringLiteral("a"));
        QVERIFY(model.moveUp(2));
        QCOMPARE(model.ruleAt(1)->name, QStringLiteral("c"));
        QCOMPARE(model.ruleAt(2)->name, QStringLiteral("a"));
        QVERIFY(!model.moveUp(0));
        QVERIFY(!model.moveDown(2));
        QCOMPARE(model.data(model.index(0, RuleListModel::Position)).toString(), QStringLiteral("1"));
        QCOMPARE(edited.size(), 2);

        // A catch-all before a narrower rule on the same field shadows it.
        model.insertRule(0, rule(QStringLiteral("everything"), QStringLiteral(".*")));
        QCOMPARE(model.rowCount(), 4);
        QVERIFY(!model.warnings().isEmpty());
        QVERIFY(!model.warningFor(1).isEmpty());
        QVERIFY(model.warningFor(0).isEmpty());
        QVERIFY(model.data(model.index(1, RuleListModel::Position)).toString().endsWith(QStringLiteral("\u26a0")));
        QVERIFY(model.data(model.index(1, RuleListModel::Name), Qt::BackgroundRole).isValid());
        // Disabling the catch-all (through the check box) clears the warnings.
        QVERIFY(model.flags(model.index(0, RuleListModel::Enabled)) & Qt::ItemIsUserCheckable);
        QVERIFY(model.setData(model.index(0, RuleListModel::Enabled), Qt::Unchecked, Qt::CheckStateRole));
        QVERIFY(!model.ruleAt(0)->enabled);
        QVERIFY(model.warnings().isEmpty());
        model.removeRule(0);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.data(model.index(0, RuleListModel::Assign)).toString(), summarizeRuleAssign(model.ruleAt(0)->assign));
    }

    void previewSortsByAbsoluteChange()
    {
        PreviewModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({{QStringLiteral("team"), QStringLiteral("Risk"), 10 * kUnit, 11 * kUnit},
                       {QStringLiteral("team"), QStringLiteral("ML"), 50 * kUnit, 20 * kUnit},
                       {QStringLiteral("project"), QStringLiteral("none"), 5 * kUnit, 5 * kUnit},
                       {QStringLiteral("team"), QStringLiteral("unattributed"), 30 * kUnit, 59 * kUnit}});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.data(model.index(0, PreviewModel::Owner)).toString(), QStringLiteral("ML"));
        QCOMPARE(model.data(model.index(0, PreviewModel::Change), SortRole).toLongLong(), -30 * kUnit);
        QCOMPARE(model.data(model.index(1, PreviewModel::Owner)).toString(), QStringLiteral("unattributed"));
        QVERIFY(model.data(model.index(1, PreviewModel::Change)).toString().startsWith(QLatin1Char('+')));
        QCOMPARE(model.data(model.index(3, PreviewModel::Owner)).toString(), QStringLiteral("none"));
        QCOMPARE(model.changedCount(), 3);
        QVERIFY(model.data(model.index(0, PreviewModel::Change), Qt::ForegroundRole).isValid());
    }

    void unattributedAndExplainModels()
    {
        UnattributedModel groups;
        QAbstractItemModelTester t1(&groups, QAbstractItemModelTester::FailureReportingMode::QtTest);
        groups.setGroups({{QStringLiteral("resource"), QStringLiteral("job:42"), QStringLiteral("Nightly ETL"), 12 * kUnit, 30, QStringLiteral("{}")},
                          {QStringLiteral("tag"), QStringLiteral("env=dev"), QStringLiteral("env=dev"), 3 * kUnit, 4, QStringLiteral("{}")}});
        QCOMPARE(groups.rowCount(), 2);
        QCOMPARE(groups.data(groups.index(0, UnattributedModel::Cost), SortRole).toLongLong(), 12 * kUnit);
        QCOMPARE(groups.groupAt(1)->key, QStringLiteral("env=dev"));
        QVERIFY(!groups.groupAt(2));

        ExplainModel explain;
        QAbstractItemModelTester t2(&explain, QAbstractItemModelTester::FailureReportingMode::QtTest);
        reports::ExplainRow r;
        r.lineId = 7;
        r.recordId = QStringLiteral("=cmd()");
        r.usageDay = QStringLiteral("2026-11-02");
        r.team = QStringLiteral("ml");
        r.workspaceId = QStringLiteral("1001");
        r.workspaceName = QStringLiteral("prod");
        r.workUnit = QStringLiteral("job:9001");
        r.workUnitName = QStringLiteral("nightly-etl");
        r.workUnitUrl = QStringLiteral("https://adb-1.azuredatabricks.net/jobs/9001");
        r.method = QStringLiteral("rule:Risk models");
        r.confidence = QStringLiteral("exact");
        r.allocatedNanos = 1'234'567'890;
        r.lineCostNanos = 2'000'000'000;
        explain.setRows({r, r});
        QCOMPARE(explain.rowCount(), 2);
        QCOMPARE(explain.allocatedTotal(), 2'469'135'780);
        QCOMPARE(explain.data(explain.index(0, ExplainModel::Allocated), SortRole).toLongLong(), 1'234'567'890);
        // Names, the ids (and the Databricks page) in the tooltips.
        QCOMPARE(explain.data(explain.index(0, ExplainModel::Workspace)).toString(), QStringLiteral("prod"));
        QVERIFY(explain.data(explain.index(0, ExplainModel::Workspace), Qt::ToolTipRole).toString().contains(QStringLiteral("1001")));
        QCOMPARE(explain.data(explain.index(0, ExplainModel::WorkUnit)).toString(), QStringLiteral("nightly-etl"));
        const QString unitTip = explain.data(explain.index(0, ExplainModel::WorkUnit), Qt::ToolTipRole).toString();
        QVERIFY2(unitTip.contains(QStringLiteral("job:9001")) && unitTip.contains(QStringLiteral("/jobs/9001")), qPrintable(unitTip));

        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(writeExplainCsv(explain.rows(), buffer));
        const QList<QByteArray> lines = buffer.data().split('\n');
        QVERIFY(lines.at(0).startsWith("line_id,record_id,usage_day"));
        QVERIFY2(lines.at(1).startsWith("7,'=cmd(),2026-11-02"), lines.at(1).constData()); // formula-safe
        QVERIFY2(lines.at(1).trimmed().endsWith(",1.23,2.00,prod,nightly-etl"), lines.at(1).constData());
    }

    void confidenceSlicesKeepTierOrder()
    {
        const auto slices = confidenceSlices(4, 3, 2, 1);
        QCOMPARE(slices.size(), 4);
        QCOMPARE(slices.at(0).nanos, 4);
        QCOMPARE(slices.at(3).nanos, 1);
        ConfidenceChart chart;
        chart.setSlices(slices);
        QCOMPARE(chart.slices().size(), 4);
    }

    void ruleEditorProducesJsonTheCoreAccepts()
    {
        const attribution::AttributionConfig config = sampleConfig();
        RuleEditorDialog dialog(config, -1);
        attribution::Rule r;
        r.name = QStringLiteral("Dev environment to ML");
        r.kind = QStringLiteral("pattern");
        r.match = {{QStringLiteral("field"), QStringLiteral("tag")}, {QStringLiteral("key"), QStringLiteral("Env")},
                   {QStringLiteral("regex"), QStringLiteral("^dev$")}};
        r.assign = {{QStringLiteral("mode"), QStringLiteral("direct")}, {QStringLiteral("team"), QStringLiteral("ml")},
                    {QStringLiteral("project"), QStringLiteral("churn")}};
        dialog.setRule(r);
        QVERIFY2(dialog.validateRule(), qPrintable(dialog.validationMessage()));
        const attribution::Rule out = dialog.rule();
        QCOMPARE(out.match, r.match);
        QCOMPARE(out.assign, r.assign);
        auto parsed = attribution::ruleFromJson(attribution::ruleToJson(out), 0);
        QVERIFY(parsed);
        attribution::AttributionConfig withRule = config;
        withRule.rules << parsed.value();
        QVERIFY(attribution::AttributionConfig::fromJson(withRule.toJson()));

        QSignalSpy accepted(&dialog, &RuleEditorDialog::ruleAccepted);
        dialog.accept();
        QCOMPARE(accepted.size(), 1);

        // An invalid regex is caught live and by the core.
        r.match.insert(QStringLiteral("regex"), QStringLiteral("(unclosed"));
        dialog.setRule(r);
        QVERIFY(!dialog.isRegexValid());
        QCOMPARE(dialog.validateRule().error().code, ErrorCode::InvalidArgument);
    }

    void ruleEditorRejectsSplitNotSummingTo100()
    {
        RuleEditorDialog dialog(sampleConfig(), -1);
        attribution::Rule r;
        r.name = QStringLiteral("Shared ETL");
        r.kind = QStringLiteral("exact");
        r.match = {{QStringLiteral("resource"), QStringLiteral("job")}, {QStringLiteral("ids"), QJsonArray{QStringLiteral("42")}}};
        r.assign = {{QStringLiteral("mode"), QStringLiteral("split")}};
        dialog.setRule(r);
        dialog.setSplits({{QStringLiteral("ml"), QString(), QStringLiteral("60")}, {QStringLiteral("data-eng"), QString(), QStringLiteral("30")}});
        QCOMPARE(dialog.splitTotalNanos().value_or(0), 90 * kUnit);
        const Status bad = dialog.validateRule();
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
        QSignalSpy accepted(&dialog, &RuleEditorDialog::ruleAccepted);
        dialog.accept();
        QCOMPARE(accepted.size(), 0); // stays open with the message

        dialog.setSplits({{QStringLiteral("ml"), QString(), QStringLiteral("60")}, {QStringLiteral("data-eng"), QStringLiteral("churn"), QStringLiteral("40")}});
        QCOMPARE(dialog.splitTotalNanos().value_or(0), 100 * kUnit);
        QVERIFY2(dialog.validateRule(), qPrintable(dialog.validationMessage()));
        const attribution::Rule out = dialog.rule();
        QCOMPARE(out.assign.value(QLatin1String("splits")).toArray().size(), 2);
        QCOMPARE(out.match.value(QLatin1String("ids")).toArray().at(0).toString(), QStringLiteral("42"));
        dialog.accept();
        QCOMPARE(accepted.size(), 1);
    }

    void ruleEditorSharedAndProportional()
    {
        RuleEditorDialog dialog(sampleConfig(), -1);
        attribution::Rule r;
        r.name = QStringLiteral("Overhead");
        r.kind = QStringLiteral("pattern");
        r.match = {{QStringLiteral("field"), QStringLiteral("name")}, {QStringLiteral("regex"), QStringLiteral("^dbt")}};
        r.assign = {{QStringLiteral("mode"), QStringLiteral("shared")}, {QStringLiteral("bucket"), QStringLiteral("overhead")}};
        dialog.setRule(r);
        QVERIFY2(dialog.validateRule(), qPrintable(dialog.validationMessage()));
        QCOMPARE(dialog.rule().assign, r.assign);
        r.kind = QStringLiteral("proportional");
        r.assign = {{QStringLiteral("mode"), QStringLiteral("proportional")}, {QStringLiteral("measure"), QStringLiteral("direct_cost")}};
        dialog.setRule(r);
        QVERIFY2(dialog.validateRule(), qPrintable(dialog.validationMessage()));
        QCOMPARE(dialog.rule().assign, r.assign);
        QCOMPARE(dialog.rule().match, r.match);
    }
};

QTEST_MAIN(TestAttributionModels)
#include "tst_attributionmodels.moc"

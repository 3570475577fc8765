// drillDownForCostRow: from a cost report row to the line-item filter behind it.
#include "drilldown/drilldownfilter.h"

#include <QTest>

using namespace ll;
using namespace ll::ui;
using reports::Dimension;

class TestDrillDownFilter : public QObject {
    Q_OBJECT
private slots:
    void monthNarrowsTheRangeAndKeysBecomeFilters()
    {
        const DrillDown d = drillDownForCostRow({Dimension::Month, Dimension::Workspace, Dimension::Sku, Dimension::Product},
                                                {}, {QStringLiteral("2026-10"), QStringLiteral("650465"), QStringLiteral("PREMIUM_JOBS_COMPUTE"), QStringLiteral("JOBS")},
                                                QDate(2026, 9, 15), QDate(2026, 11, 20));
        QCOMPARE(d.filter.from, QDate(2026, 10, 1));
        QCOMPARE(d.filter.to, QDate(2026, 10, 31));
        QCOMPARE(d.filter.workspaceId, QStringLiteral("650465"));
        QCOMPARE(d.filter.sku, QStringLiteral("PREMIUM_JOBS_COMPUTE"));
        QCOMPARE(d.filter.product, QStringLiteral("JOBS"));
        QVERIFY(!d.filter.team);
        QVERIFY(d.notNarrowed.isEmpty());
        QCOMPARE(d.criteria.size(), 4);
    }

    void monthIsClampedToTheReportRange()
    {
        const DrillDown d = drillDownForCostRow({Dimension::Month}, {}, {QStringLiteral("2026-09")}, QDate(2026, 9, 15), QDate(2026, 11, 20));
        QCOMPARE(d.filter.from, QDate(2026, 9, 15));
        QCOMPARE(d.filter.to, QDate(2026, 9, 30));
    }

    void dayOutsideTheRangeGivesAnEmptyWindow()
    {
        const DrillDown d = drillDownForCostRow({Dimension::Day}, {}, {QStringLiteral("2026-12-01")}, QDate(2026, 11, 1), QDate(2026, 11, 20));
        QVERIFY(d.filter.from > d.filter.to);
    }

    void unattributedTeamAndNoProjectAreEmptyKeys()
    {
        const DrillDown d = drillDownForCostRow({Dimension::Team, Dimension::Project}, {}, {QStringLiteral("unattributed"), QStringLiteral("none")}, {}, {});
        QVERIFY(d.filter.team && d.filter.team->isEmpty());
        QVERIFY(d.filter.project && d.filter.project->isEmpty());
        QVERIFY(d.caveats.isEmpty());
        const DrillDown named = drillDownForCostRow({Dimension::Team}, {}, {QStringLiteral("data-eng")}, {}, {});
        QCOMPARE(named.filter.team.value_or(QStringLiteral("unset")), QStringLiteral("data-eng"));
        QCOMPARE(named.caveats.size(), 1); // display name vs key: said, not hidden
    }

    void workUnitsAndWhatCannotBeNarrowed()
    {
        const DrillDown job = drillDownForCostRow({Dimension::Job}, {}, {QStringLiteral("9001")}, {}, {});
        QCOMPARE(job.filter.workUnitType, QStringLiteral("job"));
        QCOMPARE(job.filter.workUnitId, QStringLiteral("9001"));
        QVERIFY(job.approximate.isEmpty());

        const DrillDown noJob = drillDownForCostRow({Dimension::Job}, {}, {QString()}, {}, {});
        QVERIFY(noJob.filter.workUnitType.isEmpty());
        QCOMPARE(noJob.notNarrowed.size(), 1);

        const DrillDown warehouse = drillDownForCostRow({Dimension::Warehouse}, {}, {QStringLiteral("wh-1")}, {}, {});
        QCOMPARE(warehouse.filter.workUnitType, QStringLiteral("warehouse"));
        QCOMPARE(warehouse.approximate.size(), 1);

        const DrillDown unit = drillDownForCostRow({Dimension::WorkUnit}, {}, {QStringLiteral("pipeline:p-7")}, {}, {});
        QCOMPARE(unit.filter.workUnitType, QStringLiteral("pipeline"));
        QCOMPARE(unit.filter.workUnitId, QStringLiteral("p-7"));

        const DrillDown tagged = drillDownForCostRow({Dimension::Principal, Dimension::Tag}, {QStringLiteral("cost_center")},
                                                     {QStringLiteral("etl@example.com"), QStringLiteral("cc-42")}, {}, {});
        // Principal and tag narrow exactly, through the report's cost filters.
        QVERIFY(tagged.notNarrowed.isEmpty());
        QCOMPARE(tagged.filter.costFilters.size(), 2);
        QCOMPARE(tagged.filter.costFilters.at(0), (reports::CostFilter{Dimension::Principal, {}, {QStringLiteral("etl@example.com")}}));
        QCOMPARE(tagged.filter.costFilters.at(1), (reports::CostFilter{Dimension::Tag, QStringLiteral("cost_center"), {QStringLiteral("cc-42")}}));
        QVERIFY(tagged.criteria.last().contains(QStringLiteral("cost_center")));
    }

    void reportFiltersAndHierarchyCarryOver()
    {
        const QList<reports::CostFilter> filters{{Dimension::Team, {}, {QStringLiteral("ml"), QStringLiteral("bi")}}};
        const DrillDown d = drillDownForCostRow({Dimension::OrgUnit, Dimension::Department}, {},
                                                {QStringLiteral("Analytics"), QStringLiteral("(no department)")}, {}, {}, filters);
        QCOMPARE(d.filter.costFilters.size(), 3);
        QCOMPARE(d.filter.costFilters.first(), filters.first());
        QCOMPARE(d.filter.costFilters.at(1).dimension, Dimension::OrgUnit);
        QCOMPARE(d.filter.costFilters.at(2).values, QStringList{QStringLiteral("(no department)")});
        QVERIFY(d.notNarrowed.isEmpty());
        QVERIFY(d.criteria.first().contains(QStringLiteral("ml, bi")));
    }
};

QTEST_MAIN(TestDrillDownFilter)
#include "tst_drilldownfilter.moc"

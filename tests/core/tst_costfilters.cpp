// Cost Explorer filters, org unit / department dimensions, presets and subtotals: filtered
// figures against an independent sum over the allocations, computed here in C++.
#include "attribution/attributionconfig.h"
#include "job/job.h"
#include "pipeline/pipelinerunner.h"
#include "rawbuilder.h"
#include "reports/costreport.h"
#include "reports/entitynames.h"
#include "reports/lineitems.h"
#include "tempstore.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

#include <functional>

using namespace ll;
using reports::CostFilter;
using reports::Dimension;

namespace {

constexpr qint64 kUnit = 1'000'000'000;

// QVERIFY2 evaluates its message even when the check passes: only read the error of a failure.
template<typename T>
QByteArray why(const Result<T> &r)
{
    return r ? QByteArray() : r.error().toString().toUtf8();
}

const QByteArray kConfig = "{\n"
    "  \"hierarchy\": [\n"
    "    {\"key\": \"analytics\", \"kind\": \"org_unit\", \"name\": \"Analytics\"},\n"
    "    {\"key\": \"science\", \"kind\": \"department\", \"name\": \"Data Science\", \"parent\": \"analytics\"},\n"
    "    {\"key\": \"ml\", \"kind\": \"team\", \"name\": \"ML\", \"parent\": \"science\"},\n"
    "    {\"key\": \"fraud\", \"kind\": \"team\", \"name\": \"Fraud\", \"parent\": \"science\"},\n"
    "    {\"key\": \"ops\", \"kind\": \"org_unit\", \"name\": \"Operations\"},\n"
    "    {\"key\": \"platform\", \"kind\": \"department\", \"name\": \"Platform Eng\", \"parent\": \"ops\"},\n"
    "    {\"key\": \"infra\", \"kind\": \"team\", \"name\": \"Infra\", \"parent\": \"platform\"},\n"
    "    {\"key\": \"loner\", \"kind\": \"team\", \"name\": \"Loner\"}\n"
    "  ],\n"
    "  \"projects\": [{\"key\": \"churn\", \"name\": \"Churn model\", \"team\": \"ml\"}],\n"
    "  \"rules\": [\n"
    "    {\"name\": \"fraud notebooks\", \"kind\": \"pattern\", \"match\": {\"field\": \"notebook_path\", \"regex\": \"^/Repos/fraud/\"},\n"
    "     \"assign\": {\"mode\": \"split\", \"splits\": [{\"team\": \"fraud\", \"percent\": \"75\"}, {\"team\": \"ml\", \"project\": \"churn\", \"percent\": \"25\"}]}}\n"
    "  ]\n"
    "}";

// One allocation with what the filters look at, read straight from the tables.
struct Alloc {
    QString day, workspace, sku, product, kind, team, project, principal;
    QJsonObject tags;
    qint64 cost = 0;
};

class Fixture {
public:
    test::TempStore store;

    bool build()
    {
        test::RawBuilder prices(store.db(), store.clock(), QStringLiteral("billing_list_prices"));
        prices.addRow(test::priceRow(QStringLiteral("S"), QStringLiteral("2026-01-01T00:00:00Z"), QString(), QStringLiteral("1"), QStringLiteral("1")));
        prices.addRow(test::priceRow(QStringLiteral("ALL_PURPOSE_S"), QStringLiteral("2026-01-01T00:00:00Z"), QString(), QStringLiteral("1"), QStringLiteral("1")));
        if (!prices.flush())
            return false;
        test::RawBuilder usage(store.db(), store.clock(), QStringLiteral("billing_usage"));
        const auto row = [&](const char *id, const char *ws, const char *sku, const char *start, const char *qty, const char *tags,
                             const char *metadata, const char *runAs) {
            auto r = test::usageRow(QString::fromLatin1(id), QString::fromLatin1(ws), QString::fromLatin1(sku), QString::fromLatin1(start),
                                    QString::fromLatin1(qty), QStringLiteral("ORIGINAL"), QString::fromLatin1(tags), QString::fromLatin1(metadata));
            r[QStringLiteral("identity_metadata")] = QStringLiteral("{\"run_as\":\"%1\"}").arg(QString::fromLatin1(runAs));
            usage.addRow(r);
        };
        row("a", "w1", "S", "2026-10-01T10:00:00Z", "1", "{\"team\":\"ML\",\"env\":\"prod\"}", "{}", "a@acme.io");
        row("b", "w2", "S", "2026-10-01T11:00:00Z", "2", "{\"team\":\"infra\",\"Env\":\"dev\"}", "{}", "b@acme.io");
        row("c", "w1", "ALL_PURPOSE_S", "2026-10-02T10:00:00Z", "4", "{\"team\":\"loner\"}", "{}", "c@acme.io");
        row("d", "w1", "S", "2026-10-02T11:00:00Z", "8", "{}", "{}", "nobody@acme.io");
        row("e", "w2", "S", "2026-10-02T12:00:00Z", "32", "{\"env\":\"prod\"}", "{\"notebook_id\":\"n1\",\"notebook_path\":\"/Repos/fraud/x\"}", "f@acme.io");
        // An odd quantity: the 75/25 split cannot be even, the shares must still add up.
        row("g", "w1", "S", "2026-10-01T12:00:00Z", "1.000000003", "{}", "{\"notebook_id\":\"n2\",\"notebook_path\":\"/Repos/fraud/y\"}", "f@acme.io");
        if (!usage.flush())
            return false;
        auto config = attribution::AttributionConfig::fromJson(kConfig);
        if (!config || !attribution::AttributionConfig::save(store.db(), store.clock(), QStringLiteral("tester"), *config))
            return false;
        const job::JobSpec runnerSpec{job::JobKind::Process, {}};
        CancelToken cancel;
        if (!job::runJob(store.db(), store.clock(), runnerSpec, cancel).ok())
            return false;
        auto stmt = store.db().prepare("SELECT l.usage_day, l.workspace_id, l.sku_name, l.billing_origin_product, a.kind, a.team_key, "
                                       "a.project_key, coalesce(a.principal, l.run_as, ''), coalesce(l.custom_tags, '{}'), a.cost_nanos "
                                       "FROM attr_allocation a JOIN ledger_usage_line l ON l.line_id = a.line_id");
        if (!stmt)
            return false;
        return stmt->forEachRow([this](const store::Statement &s) {
                   Alloc a{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7),
                           QJsonDocument::fromJson(s.text(8).toUtf8()).object(), s.int64(9)};
                   allocs << a;
               }).ok();
    }

    // The hierarchy from the configuration above, walked in C++.
    static QString teamName(const QString &key)
    {
        static const QHash<QString, QString> names{{QStringLiteral("ml"), QStringLiteral("ML")}, {QStringLiteral("fraud"), QStringLiteral("Fraud")},
                                                   {QStringLiteral("infra"), QStringLiteral("Infra")}, {QStringLiteral("loner"), QStringLiteral("Loner")}};
        return names.value(key, key);
    }
    static QString department(const Alloc &a)
    {
        if (a.kind == QLatin1String("unattributed"))
            return QStringLiteral("unattributed");
        if (a.team == QLatin1String("ml") || a.team == QLatin1String("fraud"))
            return QStringLiteral("Data Science");
        if (a.team == QLatin1String("infra"))
            return QStringLiteral("Platform Eng");
        return QStringLiteral("(no department)");
    }
    static QString orgUnit(const Alloc &a)
    {
        const QString d = department(a);
        if (d == QLatin1String("Data Science"))
            return QStringLiteral("Analytics");
        if (d == QLatin1String("Platform Eng"))
            return QStringLiteral("Operations");
        return d == QLatin1String("unattributed") ? d : QStringLiteral("(no org unit)");
    }

    qint64 sum(const std::function<bool(const Alloc &)> &keep) const
    {
        qint64 total = 0;
        for (const Alloc &a : allocs)
            total += keep(a) ? a.cost : 0;
        return total;
    }

    QList<Alloc> allocs;
};

QMap<QString, qint64> byFirstKey(const reports::CostTable &t)
{
    QMap<QString, qint64> m;
    for (const auto &r : t.rows)
        m[r.keys.value(0)] += r.costNanos;
    return m;
}

reports::CostQuery makeQuery(QList<Dimension> by, QList<CostFilter> filters, bool ledger = false)
{
    reports::CostQuery q;
    q.by = std::move(by);
    q.filters = std::move(filters);
    if (ledger)
        q.asOf = QDateTime(QDate(2100, 1, 1), QTime(0, 0), Qt::UTC); // same figures, through the line items
    return q;
}

} // namespace

class TestCostFilters : public QObject {
    Q_OBJECT
private:
    Fixture m_fx;

private slots:
    void initTestCase()
    {
        QVERIFY(m_fx.store.ok());
        QVERIFY(m_fx.build());
        QCOMPARE(m_fx.allocs.size(), 8); // 6 lines, two of them split in two
    }

    void orgUnitAndDepartmentFollowTheHierarchy_data()
    {
        QTest::addColumn<bool>("ledger");
        QTest::addRow("metrics") << false;
        QTest::addRow("ledger") << true;
    }
    void orgUnitAndDepartmentFollowTheHierarchy()
    {
        QFETCH(bool, ledger);
        const qint64 g = 1'000'000'003;
        auto org = reports::queryCost(m_fx.store.db(), makeQuery({Dimension::OrgUnit}, {}, ledger));
        QVERIFY2(org, why(org).constData());
        const QMap<QString, qint64> expectedOrg{{QStringLiteral("Analytics"), 1 * kUnit + 32 * kUnit + g},
                                                {QStringLiteral("Operations"), 2 * kUnit},
                                                {QStringLiteral("(no org unit)"), 4 * kUnit},
                                                {QStringLiteral("unattributed"), 8 * kUnit}};
        QCOMPARE(byFirstKey(*org), expectedOrg);
        auto dept = reports::queryCost(m_fx.store.db(), makeQuery({Dimension::Department, Dimension::Team}, {}, ledger));
        QVERIFY(dept);
        const QMap<QString, qint64> expectedDept{{QStringLiteral("Data Science"), 33 * kUnit + g},
                                                 {QStringLiteral("Platform Eng"), 2 * kUnit},
                                                 {QStringLiteral("(no department)"), 4 * kUnit},
                                                 {QStringLiteral("unattributed"), 8 * kUnit}};
        QCOMPARE(byFirstKey(*dept), expectedDept);
        // The C++ walk of the hierarchy agrees row by row.
        for (const auto &r : dept->rows)
            QCOMPARE(r.costNanos, m_fx.sum([&](const Alloc &a) {
                         return Fixture::department(a) == r.keys[0]
                             && (a.kind == QLatin1String("unattributed") ? r.keys[1] == QLatin1String("unattributed") : Fixture::teamName(a.team) == r.keys[1]);
                     }));
    }

    void filteredTotalsMatchAnIndependentSum_data()
    {
        QTest::addColumn<QList<Dimension>>("by");
        QTest::addColumn<QStringList>("filters");
        QTest::addColumn<QString>("predicate");
        QTest::addRow("team keys") << QList<Dimension>{Dimension::Workspace} << QStringList{QStringLiteral("team=ml,fraud")} << QStringLiteral("team:ml|fraud");
        QTest::addRow("team name, any case") << QList<Dimension>{Dimension::Day} << QStringList{QStringLiteral("team=fRaUd")} << QStringLiteral("team:fraud");
        QTest::addRow("unattributed") << QList<Dimension>{Dimension::Sku} << QStringList{QStringLiteral("team=unattributed")} << QStringLiteral("unattributed");
        QTest::addRow("org unit key") << QList<Dimension>{Dimension::Team} << QStringList{QStringLiteral("org_unit=analytics")} << QStringLiteral("org:Analytics");
        QTest::addRow("org unit label") << QList<Dimension>{Dimension::Department} << QStringList{QStringLiteral("org_unit=Operations,(no org unit)")}
                                        << QStringLiteral("org:Operations|(no org unit)");
        QTest::addRow("department") << QList<Dimension>{Dimension::Month} << QStringList{QStringLiteral("department=Data Science")} << QStringLiteral("dept:Data Science");
        QTest::addRow("project") << QList<Dimension>{Dimension::Team} << QStringList{QStringLiteral("project=churn")} << QStringLiteral("project:churn");
        QTest::addRow("tag (ledger)") << QList<Dimension>{Dimension::Team} << QStringList{QStringLiteral("tag:ENV=prod")} << QStringLiteral("tag:prod");
        QTest::addRow("principal (ledger)") << QList<Dimension>{Dimension::Team} << QStringList{QStringLiteral("principal=f@acme.io")} << QStringLiteral("principal:f@acme.io");
        QTest::addRow("workspace and team") << QList<Dimension>{Dimension::Product, Dimension::Team}
                                            << QStringList{QStringLiteral("workspace=w2"), QStringLiteral("team=fraud,infra")} << QStringLiteral("w2&team:fraud|infra");
        QTest::addRow("sku and product") << QList<Dimension>{Dimension::Workspace}
                                         << QStringList{QStringLiteral("sku=ALL_PURPOSE_S"), QStringLiteral("product=ALL_PURPOSE")} << QStringLiteral("allpurpose");
        QTest::addRow("no match") << QList<Dimension>{Dimension::Team} << QStringList{QStringLiteral("team=nosuch")} << QStringLiteral("none");
    }
    void filteredTotalsMatchAnIndependentSum()
    {
        QFETCH(QList<Dimension>, by);
        QFETCH(QStringList, filters);
        QFETCH(QString, predicate);
        QList<CostFilter> parsed;
        for (const QString &f : filters) {
            auto p = reports::parseCostFilter(f);
            QVERIFY2(p, why(p).constData());
            parsed << *p;
        }
        const auto in = [](const QString &list, const QString &v) { return list.split(QLatin1Char('|')).contains(v); };
        const std::function<bool(const Alloc &)> keep = [&](const Alloc &a) -> bool {
            const QString kind = predicate.section(QLatin1Char(':'), 0, 0);
            const QString arg = predicate.section(QLatin1Char(':'), 1);
            if (kind == QLatin1String("team"))
                return a.kind == QLatin1String("direct") && in(arg, a.team);
            if (kind == QLatin1String("unattributed"))
                return a.kind == QLatin1String("unattributed");
            if (kind == QLatin1String("org"))
                return in(arg, Fixture::orgUnit(a));
            if (kind == QLatin1String("dept"))
                return in(arg, Fixture::department(a));
            if (kind == QLatin1String("project"))
                return a.project == arg;
            if (kind == QLatin1String("tag"))
                return a.tags.value(QStringLiteral("env")).toString() == arg || a.tags.value(QStringLiteral("Env")).toString() == arg;
            if (kind == QLatin1String("principal"))
                return a.principal == arg;
            if (kind == QLatin1String("w2&team"))
                return a.workspace == QLatin1String("w2") && in(arg, a.team);
            if (kind == QLatin1String("allpurpose"))
                return a.sku == QLatin1String("ALL_PURPOSE_S");
            return false;
        };
        const qint64 expected = m_fx.sum(keep);
        for (const bool ledger : {false, true}) {
            auto t = reports::queryCost(m_fx.store.db(), makeQuery(by, parsed, ledger));
            QVERIFY2(t, why(t).constData());
            QCOMPARE(t->totalCostNanos(), expected);
            QCOMPARE(t->unmatchedFilterValues.isEmpty(), predicate != QLatin1String("none"));
        }
        // Each row of the filtered breakdown is the unfiltered figure restricted to the values.
        auto unfiltered = reports::queryCost(m_fx.store.db(), makeQuery(by, {}));
        auto filtered = reports::queryCost(m_fx.store.db(), makeQuery(by, parsed));
        QVERIFY(unfiltered && filtered);
        for (const auto &row : filtered->rows) {
            const auto match = std::find_if(unfiltered->rows.cbegin(), unfiltered->rows.cend(), [&](const auto &u) { return u.keys == row.keys; });
            QVERIFY(match != unfiltered->rows.cend());
            QVERIFY(row.costNanos <= match->costNanos);
        }
    }

    void splitLinesCountTheirShareUnderATeamFilter()
    {
        const qint64 g = 1'000'000'003;
        auto fraud = reports::queryCost(m_fx.store.db(), makeQuery({Dimension::Day}, {{Dimension::Team, {}, {QStringLiteral("fraud")}}}));
        auto ml = reports::queryCost(m_fx.store.db(), makeQuery({Dimension::Day}, {{Dimension::Team, {}, {QStringLiteral("ml")}}}));
        auto both = reports::queryCost(m_fx.store.db(), makeQuery({Dimension::Day}, {{Dimension::Team, {}, {QStringLiteral("ml"), QStringLiteral("fraud")}}}));
        QVERIFY(fraud && ml && both);
        // Day 1: line g split 75/25 (odd nanos), plus a (ML). Day 2: line e split 24/8.
        const auto day = [](const reports::CostTable &t, const char *d) -> qint64 {
            for (const auto &r : t.rows)
                if (r.keys[0] == QLatin1String(d))
                    return r.costNanos;
            return qint64(-1);
        };
        QCOMPARE(day(*fraud, "2026-10-02"), 24 * kUnit);
        QCOMPARE(day(*ml, "2026-10-02"), 8 * kUnit);
        QCOMPARE(day(*fraud, "2026-10-01") + day(*ml, "2026-10-01"), g + kUnit); // conserved to the nano
        QVERIFY(day(*fraud, "2026-10-01") > 0 && day(*ml, "2026-10-01") > kUnit);
        QCOMPARE(both->totalCostNanos(), fraud->totalCostNanos() + ml->totalCostNanos());
        // The line-item drill-down lists the split lines for either team.
        reports::LineItemFilter lf;
        lf.costFilters = {{Dimension::Team, {}, {QStringLiteral("fraud")}}};
        auto lines = reports::loadLineItems(m_fx.store.db(), lf);
        QVERIFY2(lines, why(lines).constData());
        QCOMPARE(lines->totalCount, 2);
        QStringList ids;
        for (const auto &r : lines->rows)
            ids << r.recordId;
        ids.sort();
        QCOMPARE(ids, (QStringList{QStringLiteral("e"), QStringLiteral("g")}));
    }

    void lineItemsHonourEveryFilterKind_data()
    {
        QTest::addColumn<QStringList>("filters");
        QTest::addColumn<QStringList>("records");
        QTest::addRow("tag") << QStringList{QStringLiteral("tag:env=prod")} << QStringList{QStringLiteral("a"), QStringLiteral("e")};
        QTest::addRow("org + workspace") << QStringList{QStringLiteral("org_unit=Analytics"), QStringLiteral("workspace=w1")}
                                         << QStringList{QStringLiteral("a"), QStringLiteral("g")};
        QTest::addRow("no department") << QStringList{QStringLiteral("department=(no department)")} << QStringList{QStringLiteral("c")};
        QTest::addRow("principal") << QStringList{QStringLiteral("principal=nobody@acme.io")} << QStringList{QStringLiteral("d")};
        QTest::addRow("nothing") << QStringList{QStringLiteral("team=ml"), QStringLiteral("team=infra")} << QStringList{};
    }
    void lineItemsHonourEveryFilterKind()
    {
        QFETCH(QStringList, filters);
        QFETCH(QStringList, records);
        reports::LineItemFilter lf;
        for (const QString &f : filters)
            lf.costFilters << *reports::parseCostFilter(f);
        auto lines = reports::loadLineItems(m_fx.store.db(), lf);
        QVERIFY2(lines, why(lines).constData());
        QStringList ids;
        for (const auto &r : lines->rows)
            ids << r.recordId;
        ids.sort();
        QCOMPARE(ids, records);
    }

    void unmatchedValuesAreReported()
    {
        auto t = reports::queryCost(m_fx.store.db(), makeQuery({Dimension::Team}, {{Dimension::Team, {}, {QStringLiteral("ml"), QStringLiteral("mll")}},
                                                                                     {Dimension::Tag, QStringLiteral("env"), {QStringLiteral("prod"), QStringLiteral("qa")}}}));
        QVERIFY2(t, why(t).constData());
        QCOMPARE(t->unmatchedFilterValues, (QStringList{QStringLiteral("team 'mll'"), QStringLiteral("tag:env 'qa'")}));
        QCOMPARE(t->totalCostNanos(), 9 * kUnit); // line a (ML, env=prod) and e's ML share (env=prod)
    }

    // Names, not ids (issues 10 and 16): every id dimension's rows carry a label, the name or the
    // reason there is none; an empty key says why, never a blank.
    void idDimensionsCarryNames()
    {
        store::Database &db = m_fx.store.db();
        QVERIFY(db.exec("UPDATE ledger_workspace SET workspace_name = 'prod', workspace_url = 'https://adb-1.example.net/' "
                        "WHERE workspace_id = 'w1'"));
        reports::CostQuery q;
        q.by = {Dimension::Workspace, Dimension::WorkUnit, Dimension::Job};
        auto table = reports::queryCost(db, q);
        QVERIFY2(table, why(table).constData());
        QVERIFY(!table->rows.isEmpty());
        QSet<QString> workUnits;
        for (const reports::CostRow &r : std::as_const(table->rows)) {
            QCOMPARE(r.labels.size(), 3);
            QCOMPARE(r.labels.at(0),
                r.keys.at(0) == QLatin1String("w1") ? QStringLiteral("prod")
                                                    : reports::EntityNames::unknownReason(QStringLiteral("workspace")));
            if (r.keys.at(1) == QLatin1String("other:"))
                QCOMPARE(r.labels.at(1), reports::EntityNames::noIdLabel(QStringLiteral("work_unit")));
            if (r.keys.at(1) == QLatin1String("notebook:n1"))
                QCOMPARE(r.labels.at(1), QStringLiteral("notebook n1")); // no names read for notebooks: the id tells them apart
            QCOMPARE(r.keys.at(2), QString()); // no job in the fixture
            QCOMPARE(r.labels.at(2), reports::EntityNames::noIdLabel(QStringLiteral("job")));
            workUnits << r.keys.at(1);
        }
        QVERIFY(workUnits.contains(QStringLiteral("other:")) && workUnits.contains(QStringLiteral("notebook:n1")));
        // Non-id dimensions keep their key as the label.
        q.by = {Dimension::Sku};
        table = reports::queryCost(db, q);
        QVERIFY(table && !table->rows.isEmpty());
        QCOMPARE(table->rows.first().labels, table->rows.first().keys);

        reports::EntityNames names(db);
        QCOMPARE(names.pageUrl(QStringLiteral("job"), QStringLiteral("123"), QStringLiteral("w1")).value(),
            QStringLiteral("https://adb-1.example.net/jobs/123"));
        QCOMPARE(names.pageUrl(QStringLiteral("warehouse"), QStringLiteral("abc"), QStringLiteral("w1")).value(),
            QStringLiteral("https://adb-1.example.net/sql/warehouses/abc"));
        QCOMPARE(names.pageUrl(QStringLiteral("job"), QStringLiteral("123"), QStringLiteral("w2")).value(), QString()); // no URL known
    }

    // Review fix: a store that cannot answer is an error, not "(name unknown: ...)".
    void entityNamesSurfaceStoreErrors()
    {
        test::TempStore store;
        QVERIFY(store.ok());
        QVERIFY(store.db().exec("DROP TABLE ledger_workspace"));
        reports::EntityNames names(store.db());
        QVERIFY(!names.workspace(QStringLiteral("w1")));
        QVERIFY(!names.pageUrl(QStringLiteral("job"), QStringLiteral("1"), QStringLiteral("w1")));
        QVERIFY(names.workUnit(QStringLiteral("job"), QStringLiteral("1"))); // other kinds still answer
    }

    void parseFilters_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("dimension");
        QTest::addColumn<QString>("tagKey");
        QTest::addColumn<QStringList>("values");
        QTest::addRow("team") << QStringLiteral("team=a, b,,a") << true << int(Dimension::Team) << QString() << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::addRow("tag") << QStringLiteral("tag:env=prod") << true << int(Dimension::Tag) << QStringLiteral("env") << QStringList{QStringLiteral("prod")};
        QTest::addRow("value with =") << QStringLiteral("tag:q=a=b") << true << int(Dimension::Tag) << QStringLiteral("q") << QStringList{QStringLiteral("a=b")};
        QTest::addRow("org") << QStringLiteral(" ORG_UNIT = Analytics") << true << int(Dimension::OrgUnit) << QString() << QStringList{QStringLiteral("Analytics")};
        QTest::addRow("no =") << QStringLiteral("team") << false << 0 << QString() << QStringList{};
        QTest::addRow("no values") << QStringLiteral("team= , ") << false << 0 << QString() << QStringList{};
        QTest::addRow("unknown") << QStringLiteral("colour=red") << false << 0 << QString() << QStringList{};
        QTest::addRow("two dims") << QStringLiteral("team,sku=a") << false << 0 << QString() << QStringList{};
        QTest::addRow("tag without key") << QStringLiteral("tag:=x") << false << 0 << QString() << QStringList{};
        QTest::addRow("no dimension") << QStringLiteral("=x") << false << 0 << QString() << QStringList{};
    }
    void parseFilters()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        const auto f = reports::parseCostFilter(text);
        QCOMPARE(bool(f), ok);
        if (!ok) {
            QCOMPARE(f.error().code, ErrorCode::InvalidArgument);
            return;
        }
        QFETCH(int, dimension);
        QFETCH(QString, tagKey);
        QFETCH(QStringList, values);
        QCOMPARE(int(f->dimension), dimension);
        QCOMPARE(f->tagKey, tagKey);
        QCOMPARE(f->values, values);
        QCOMPARE(reports::parseCostFilter(reports::costFilterText(*f)).value(), *f);
    }

    void invalidFiltersAreRefused()
    {
        auto t = reports::queryCost(m_fx.store.db(), makeQuery({Dimension::Team}, {{Dimension::Team, {}, {}}}));
        QVERIFY(!t);
        QCOMPARE(t.error().code, ErrorCode::InvalidArgument);
        reports::LineItemFilter lf;
        lf.costFilters = {{Dimension::Tag, {}, {QStringLiteral("x")}}};
        QCOMPARE(reports::loadLineItems(m_fx.store.db(), lf).error().code, ErrorCode::InvalidArgument);
    }

    void presetsOrderTheDimensions()
    {
        using D = Dimension;
        QCOMPARE(reports::presetDimensions(QStringLiteral("workspace")).value(), (QList<D>{D::Workspace, D::WorkUnit}));
        QCOMPARE(reports::presetDimensions(QStringLiteral("Org")).value(), (QList<D>{D::OrgUnit, D::Department, D::Team, D::Principal}));
        QCOMPARE(reports::presetDimensions(QStringLiteral("project")).value(), (QList<D>{D::Project, D::Team}));
        QCOMPARE(reports::presetDimensions(QStringLiteral("sku")).value(), (QList<D>{D::Sku, D::WorkUnit}));
        QCOMPARE(reports::presetDimensions(QStringLiteral("orgs")).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(reports::costPresets().size(), 4);
        // The org preset runs and reconciles with the total.
        reports::CostQuery q;
        q.by = reports::presetDimensions(QStringLiteral("org")).value();
        auto t = reports::queryCost(m_fx.store.db(), q);
        QVERIFY(t);
        QCOMPARE(t->totalCostNanos(), m_fx.sum([](const Alloc &) { return true; }));
    }

    void subtotalsSumTheirGroups()
    {
        reports::CostQuery q;
        q.by = {Dimension::OrgUnit, Dimension::Department, Dimension::Team};
        auto t = reports::queryCost(m_fx.store.db(), q);
        QVERIFY(t);
        const auto rows = reports::withSubtotals(*t);
        qint64 detail = 0;
        qint64 top = 0;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const auto &r = rows.at(i);
            if (r.level == 3) {
                detail += r.row.costNanos;
                continue;
            }
            if (r.level == 1)
                top += r.row.costNanos;
            QVERIFY(r.row.keys.at(r.level).isEmpty());
            // A subtotal sums the detail rows that follow it with the same leading keys.
            qint64 group = 0;
            for (qsizetype j = i + 1; j < rows.size() && rows.at(j).level > r.level; ++j)
                group += rows.at(j).level == 3 ? rows.at(j).row.costNanos : 0;
            QCOMPARE(r.row.costNanos, group);
        }
        QCOMPARE(detail, t->totalCostNanos());
        QCOMPARE(top, t->totalCostNanos());
        QCOMPARE(rows.first().level, 1);
        QCOMPARE(rows.first().row.keys.first(), t->rows.first().keys.first());
        // Each department here is its org unit's only one: no second-level subtotal repeats it.
        QCOMPARE(rows.size(), t->rows.size() + 4);

        // Org unit > team > principal: ML (two principals) gets its subtotal, Fraud (one) does not.
        q.by = {Dimension::OrgUnit, Dimension::Team, Dimension::Principal};
        auto p = reports::queryCost(m_fx.store.db(), q);
        QVERIFY(p);
        QStringList second;
        for (const auto &r : reports::withSubtotals(*p))
            if (r.level == 2)
                second << r.row.keys.at(1);
        QCOMPARE(second, QStringList{QStringLiteral("ML")});
    }
};

QTEST_GUILESS_MAIN(TestCostFilters)
#include "tst_costfilters.moc"

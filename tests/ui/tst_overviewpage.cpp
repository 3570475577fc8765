// The Overview on a small demo account: the snapshot's forecast, top projects and top workloads
// against figures computed here from the ledger and allocations (not from metrics_*), and the
// freshness strip appearing and disappearing with the source states.
#include "charts/dailycostchart.h"
#include "common/format.h"
#include "common/viewcontext.h"
#include "demo/demosource.h"
#include "job/job.h"
#include "mainwindow.h"
#include "overview/freshnessbanner.h"
#include "overview/overviewpage.h"
#include "pipeline/extractstage.h"
#include "reports/snapshots.h"
#include "tempstore.h"
#include "widgets/datatableview.h"
#include "widgets/kpitile.h"

#include <QHash>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <QTimeZone>

#include <algorithm>

using namespace ll;
using namespace ll::ui;

namespace {
const QDate kLastDay(2026, 11, 20);  // the demo's last usage day
const QDate kFirstDay(2026, 9, 1);   // 81 days: September and October are complete months

struct Ranked {
    QString key;
    std::int64_t cost = 0;
    bool operator==(const Ranked &o) const { return key == o.key && cost == o.cost; }
};

QList<Ranked> topOf(const QHash<QString, std::int64_t> &totals, int limit)
{
    QList<Ranked> list;
    for (auto it = totals.cbegin(); it != totals.cend(); ++it)
        list.append({it.key(), it.value()});
    std::sort(list.begin(), list.end(), [](const Ranked &a, const Ranked &b) { return a.cost != b.cost ? a.cost > b.cost : a.key < b.key; });
    return list.mid(0, limit);
}

QString describe(const QList<Ranked> &list)
{
    QStringList out;
    for (const Ranked &r : list)
        out << QStringLiteral("%1=%2").arg(r.key).arg(r.cost);
    return out.join(QLatin1Char(' '));
}

// a × b / c rounded half away from zero (a, b, c ≥ 0): the forecast's one rounding.
std::int64_t roundedMulDiv(std::int64_t a, std::int64_t b, std::int64_t c)
{
    const std::int64_t p = a * b;
    return p / c + ((p % c) * 2 >= c ? 1 : 0);
}

bool waitLoaded(Page &page)
{
    QTest::qWait(0);
    return QTest::qWaitFor([&page] { return !page.isLoading(); }, 20000);
}
} // namespace

class TestOverviewPage : public QObject {
    Q_OBJECT
private:
    test::TempStore m_store;
    QMap<QDate, std::int64_t> m_daily; // ledger cost per usage day

    std::int64_t sum(const QDate &from, const QDate &to) const
    {
        std::int64_t s = 0;
        for (auto it = m_daily.lowerBound(from); it != m_daily.cend() && it.key() <= to; ++it)
            s += it.value();
        return s;
    }
    // The documented method (trend.h), worked out independently: MTD + last-7-day sum × days left / 7.
    std::int64_t forecastOn(const QDate &day) const
    {
        const std::int64_t mtd = sum(QDate(day.year(), day.month(), 1), day);
        return mtd + roundedMulDiv(sum(day.addDays(-6), day), day.daysInMonth() - day.day(), 7);
    }
    reports::OverviewSnapshot load(const QDate &today)
    {
        auto snap = reports::loadOverview(m_store.db(), today);
        if (!snap)
            qFatal("loadOverview failed: %s", qPrintable(snap.error().toString()));
        return *snap;
    }
    void setSourceStates(const QString &sql) { QVERIFY(m_store.db().exec(sql.toUtf8())); }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY2(m_store.ok(), qPrintable(m_store.error()));
        m_store.clock().set(QDateTime(kLastDay.addDays(1), QTime(6, 0), QTimeZone::utc())); // synced the next morning
        demo::DemoOptions options;
        options.days = static_cast<int>(kFirstDay.daysTo(kLastDay)) + 1;
        options.endDate = kLastDay;
        options.workspaces = 2; // small and quick, still more than eight workloads and several projects
        options.jobsPerWorkspace = 3;
        const job::JobSpec runnerSpec{job::JobKind::Demo, [&] { return std::make_unique<demo::DemoSource>(options); }};
        CancelToken cancel;
        const auto summary = job::runJob(m_store.db(), m_store.clock(), runnerSpec, cancel);
        QVERIFY2(summary.ok(), qPrintable(summary.error.toString()));

        auto stmt = m_store.db().prepare("SELECT usage_day, coalesce(cost_nanos, 0) FROM ledger_usage_line");
        QVERIFY(stmt);
        QVERIFY(stmt->forEachRow([&](const store::Statement &row) {
            m_daily[QDate::fromString(row.text(0), Qt::ISODate)] += row.int64(1);
        }));
        QCOMPARE(m_daily.firstKey(), kFirstDay);
        QCOMPARE(m_daily.lastKey(), kLastDay);
    }

    void forecastFollowsTheDocumentedMethod()
    {
        const reports::OverviewSnapshot s = load(kLastDay);
        QCOMPARE(s.dataThrough, kLastDay);
        QVERIFY(s.forecast);
        QCOMPARE(s.forecast->madeOn, kLastDay);
        QCOMPARE(s.forecast->monthToDateNanos, sum(QDate(2026, 11, 1), kLastDay));
        QCOMPARE(s.monthToDateNanos, s.forecast->monthToDateNanos);
        QCOMPARE(s.forecast->forecastNanos, forecastOn(kLastDay));
        QVERIFY(s.forecast->forecastNanos > s.monthToDateNanos);

        // Backtest: forecasts made on the 15th of September and October against their totals.
        double errorSum = 0;
        for (const QDate month : {QDate(2026, 9, 1), QDate(2026, 10, 1)}) {
            const std::int64_t actual = sum(month, month.addMonths(1).addDays(-1));
            const std::int64_t forecast = forecastOn(QDate(month.year(), month.month(), 15));
            errorSum += 100.0 * std::abs(static_cast<double>(forecast - actual)) / static_cast<double>(actual);
        }
        QCOMPARE(s.forecastBacktestMonths, 2);
        QVERIFY(s.forecastMeanAbsolutePercentError);
        QCOMPARE(*s.forecastMeanAbsolutePercentError, errorSum / 2);
    }

    void noForecastBeforeTheMonthHasData()
    {
        const reports::OverviewSnapshot s = load(QDate(2026, 12, 2));
        QVERIFY(!s.forecast);
        QCOMPARE(s.monthToDateNanos, std::int64_t{0});
    }

    void topProjectsMatchTheAllocations()
    {
        QHash<QString, std::int64_t> totals;
        auto stmt = m_store.db().prepare("SELECT project_key, cost_nanos FROM attr_allocation WHERE usage_day >= '2026-11-01' AND usage_day <= '2026-11-20'");
        QVERIFY(stmt);
        QVERIFY(stmt->forEachRow([&](const store::Statement &row) {
            if (!row.text(0).isEmpty())
                totals[row.text(0)] += row.int64(1);
        }));
        QVERIFY2(totals.size() >= 3, "the demo should tag a few projects");
        const reports::OverviewSnapshot s = load(kLastDay);
        QList<Ranked> got;
        for (const reports::NamedCost &p : s.topProjects) {
            got.append({p.key, p.costNanos});
            QVERIFY(!p.label.isEmpty());
        }
        QCOMPARE(describe(got), describe(topOf(totals, 8)));
    }

    void topWorkloadsMatchTheLedger()
    {
        QHash<QString, std::int64_t> totals;
        auto stmt = m_store.db().prepare("SELECT work_unit_type, coalesce(work_unit_id, ''), coalesce(cost_nanos, 0) FROM ledger_usage_line "
                                         "WHERE usage_day >= '2026-11-01' AND usage_day <= '2026-11-20'");
        QVERIFY(stmt);
        const QStringList kinds{QStringLiteral("job"), QStringLiteral("pipeline"), QStringLiteral("warehouse"), QStringLiteral("cluster")};
        QVERIFY(stmt->forEachRow([&](const store::Statement &row) {
            if (kinds.contains(row.text(0)) && !row.text(1).isEmpty())
                totals[row.text(0) + QLatin1Char(':') + row.text(1)] += row.int64(2);
        }));
        const reports::OverviewSnapshot s = load(kLastDay);
        QCOMPARE(s.topWorkloads.size(), 8);
        QList<Ranked> got;
        for (const reports::WorkloadRow &w : s.topWorkloads)
            got.append({w.workUnitType + QLatin1Char(':') + w.workUnitId, w.costNanos});
        // Same order rule as the loader: cost, then type, then id ("type:id" sorts the same way).
        QCOMPARE(describe(got), describe(topOf(totals, 8)));
        QVERIFY(std::any_of(s.topWorkloads.cbegin(), s.topWorkloads.cend(), [](const reports::WorkloadRow &w) { return !w.name.isEmpty(); }));
    }

    void pageShowsTheFigures()
    {
        OverviewPage page(ViewContext::make(m_store.path(), kLastDay));
        page.resize(1100, 800);
        page.reload();
        QVERIFY(waitLoaded(page));
        QCOMPARE(page.message(), QString());
        QVERIFY(page.snapshot().forecast);
        QCOMPARE(page.snapshot().topProjects.size(), load(kLastDay).topProjects.size());
        QVERIFY(!page.chart()->series().isEmpty());
        QCOMPARE(page.freshnessText(), QString()); // synced the morning after the last usage day
    }

    // Issue 16: idle (19 % of month to date on a real account) showed as a team named "idle" and
    // the Unattributed tile hid it. Idle, shared buckets and unattributed are their own figures,
    // computed here from the allocations, and the top teams hold teams only.
    void nonTeamOwnersHaveTheirOwnTiles()
    {
        const QDate monthStart(kLastDay.year(), kLastDay.month(), 1);
        QHash<QString, std::int64_t> byKind;
        auto stmt =
            m_store.db().prepare("SELECT kind, sum(cost_nanos) FROM attr_allocation WHERE usage_day >= ? AND usage_day <= ? GROUP BY 1");
        QVERIFY(stmt);
        stmt->bind(1, monthStart.toString(Qt::ISODate));
        stmt->bind(2, kLastDay.toString(Qt::ISODate));
        QVERIFY(stmt->forEachRow([&](const store::Statement &row) { byKind.insert(row.text(0), row.int64(1)); }));
        QVERIFY2(byKind.value(QStringLiteral("unattributed")) > 0, "the demo has unattributed cost");
        const reports::OverviewSnapshot s = load(kLastDay);
        QCOMPARE(s.idleMonthToDateNanos, byKind.value(QStringLiteral("idle")));
        QCOMPARE(s.sharedMonthToDateNanos, byKind.value(QStringLiteral("bucket")));
        QCOMPARE(s.unattributedMonthToDateNanos, byKind.value(QStringLiteral("unattributed")));
        QVERIFY(!s.topTeams.isEmpty());
        std::int64_t teams = 0;
        for (const reports::NamedCost &team : s.topTeams) {
            QVERIFY2(!team.key.isEmpty() && !team.key.startsWith(QLatin1Char('~')), qPrintable(team.label));
            teams += team.costNanos;
        }
        if (s.topTeams.size() < 8) // every team listed: teams and the non-team owners make up the month exactly
            QCOMPARE(teams + s.idleMonthToDateNanos + s.sharedMonthToDateNanos + s.unattributedMonthToDateNanos, s.monthToDateNanos);

        OverviewPage page(ViewContext::make(m_store.path(), kLastDay));
        page.resize(1280, 800);
        page.reload();
        QVERIFY(waitLoaded(page));
        const auto share = [&s](std::int64_t nanos) { return formatPercent(*sharePercent(nanos, s.monthToDateNanos)); };
        QCOMPARE(page.idleTile()->value(), share(s.idleMonthToDateNanos));
        QCOMPARE(page.unattributedTile()->value(), share(s.unattributedMonthToDateNanos));
        QCOMPARE(page.sharedTile()->value(), share(s.sharedMonthToDateNanos));
        QVERIFY(!page.idleTile()->styleSheet().isEmpty()); // styled apart from the team figures
    }

    void emptyMonthSaysSo()
    {
        OverviewPage page(ViewContext::make(m_store.path(), QDate(2026, 12, 2)));
        page.resize(1280, 800);
        page.reload();
        QVERIFY(waitLoaded(page));
        QVERIFY2(page.message().contains(QStringLiteral("No cost in")), qPrintable(page.message()));
        const QList<DataTableView *> views = page.findChildren<DataTableView *>();
        QCOMPARE(views.size(), 5); // four top tables and the insights
        int emptyWithText = 0;
        for (const DataTableView *view : views)
            emptyWithText += view->proxy()->rowCount() == 0 && !view->placeholderText().isEmpty() ? 1 : 0;
        QVERIFY(emptyWithText >= 4);
        // A month with cost shows no such message.
        OverviewPage current(ViewContext::make(m_store.path(), kLastDay));
        current.reload();
        QVERIFY(waitLoaded(current));
        QCOMPARE(current.message(), QString());
    }

    void freshnessStripFollowsSourceStates()
    {
        const QDate today = kLastDay.addDays(1);
        const qint64 endOfToday = QDateTime(today, QTime(23, 59, 59), QTimeZone::utc()).toSecsSinceEpoch();
        auto freshness = [&] {
            OverviewPage page(ViewContext::make(m_store.path(), today));
            page.reload();
            if (!waitLoaded(page))
                return QStringLiteral("<timeout>");
            return page.freshnessText();
        };
        QCOMPARE(freshness(), QString());

        // Billing usage stops: newest record 4 days and 23 h before the end of today.
        setSourceStates(QStringLiteral("UPDATE raw_source_state SET newest_event_time = %1 WHERE source = 'billing_usage'")
                            .arg(endOfToday - 4 * 86400 - 23 * 3600));
        QString text = freshness();
        QVERIFY2(text.contains(QStringLiteral("Billing usage is stale")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral(", 4 days ago")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Data Health")), qPrintable(text));

        // A failed extraction is reported with its error.
        setSourceStates(QStringLiteral("UPDATE raw_source_state SET status = 'failed', message = 'HTTP 403 PERMISSION_DENIED' "
                                       "WHERE source = 'compute_clusters'"));
        text = freshness();
        QVERIFY2(text.contains(QStringLiteral("The last extraction of system.compute.clusters failed: HTTP 403 PERMISSION_DENIED")),
                 qPrintable(text));

        // The next sync brings everything up to date: the strip goes away.
        setSourceStates(QStringLiteral("UPDATE raw_source_state SET status = 'ok', message = NULL, last_success_at = %1 "
                                       "WHERE status = 'failed';"
                                       "UPDATE raw_source_state SET newest_event_time = %2 WHERE source = 'billing_usage'")
                            .arg(endOfToday - 3600)
                            .arg(endOfToday - 6 * 3600));
        QCOMPARE(freshness(), QString());
    }

    // The figures speak the store's currency, not a fixed USD.
    void usesTheStoreCurrency()
    {
        QVERIFY(m_store.db().exec("UPDATE metrics_daily_cost SET currency_code = 'EUR'"));
        const auto restore = qScopeGuard([this] { QVERIFY(m_store.db().exec("UPDATE metrics_daily_cost SET currency_code = 'USD'")); });
        QCOMPARE(load(kLastDay).currency, QStringLiteral("EUR"));
        OverviewPage page(ViewContext::make(m_store.path(), kLastDay));
        page.reload();
        QVERIFY(waitLoaded(page));
        QCOMPARE(page.snapshot().currency, QStringLiteral("EUR"));
    }

    void dataHealthLinkNavigates()
    {
        reports::FreshnessProblem stale;
        stale.kind = reports::FreshnessProblem::Kind::BillingStale;
        stale.subject = QStringLiteral("billing_usage");
        reports::FreshnessReport report;
        report.problems << stale;
        FreshnessBanner banner;
        QSignalSpy spy(&banner, &FreshnessBanner::dataHealthRequested);
        banner.setReport(report);
        QVERIFY(!banner.isHidden());
        auto *label = banner.findChild<QLabel *>();
        QVERIFY(label);
        QVERIFY(label->text().contains(QStringLiteral("href=\"data-health\"")));
        Q_EMIT label->linkActivated(QStringLiteral("data-health"));
        QCOMPARE(spy.count(), 1);
        banner.setReport({});
        QVERIFY(banner.isHidden());
        QCOMPARE(banner.text(), QString());

        MainWindow window(m_store.path(), kLastDay);
        auto *overview = qobject_cast<OverviewPage *>(window.page(QStringLiteral("overview")));
        QVERIFY(overview);
        QCOMPARE(window.currentView(), QStringLiteral("overview"));
        Q_EMIT overview->dataHealthRequested();
        QCOMPARE(window.currentView(), QStringLiteral("data-health"));
        QVERIFY(QTest::qWaitFor([&window] { return !window.isLoading(); }, 20000));
    }

    void ageTexts_data()
    {
        QTest::addColumn<qint64>("seconds");
        QTest::addColumn<QString>("text");
        QTest::addRow("one minute") << qint64(60) << QStringLiteral("1 minute");
        QTest::addRow("minutes") << qint64(45 * 60) << QStringLiteral("45 minutes");
        QTest::addRow("hours") << qint64(5 * 3600 + 59) << QStringLiteral("5 hours");
        QTest::addRow("days") << qint64(3 * 86400 + 7200) << QStringLiteral("3 days");
        QTest::addRow("thousands") << qint64(1200LL * 86400) << QStringLiteral("1,200 days");
    }
    void ageTexts()
    {
        QFETCH(qint64, seconds);
        QFETCH(QString, text);
        QCOMPARE(FreshnessBanner::ageText(seconds), text);
    }
};

QTEST_MAIN(TestOverviewPage)
#include "tst_overviewpage.moc"

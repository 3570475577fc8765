// Reconciles the ledger and metrics against an independent computation written straight over
// the generated raw rows: integer arithmetic in milli-units, no ledger code, no SQL.
#include "demo/demosource.h"
#include "job/job.h"
#include "pipeline/extractstage.h"
#include "pipeline/pipelinerunner.h"
#include "rawbuilder.h"
#include "reports/costreport.h"
#include "tempstore.h"

#include <QMap>
#include <QSet>

#include <limits>
#include <QRandomGenerator>
#include <QTest>

using namespace ll;

namespace {

struct PricePeriod {
    QDateTime start;
    QDateTime end; // invalid = open
    qint64 listMilli;
    qint64 effectiveMilli;
};

QString milliText(qint64 milli)
{
    const bool neg = milli < 0;
    const qint64 m = neg ? -milli : milli;
    return QStringLiteral("%1%2.%3").arg(neg ? QStringLiteral("-") : QString()).arg(m / 1000).arg(m % 1000, 3, 10, QLatin1Char('0'));
}

QString ts(const QDateTime &t) { return t.toString(Qt::ISODateWithMs); }

pipeline::RunSummary process(test::TempStore &store)
{
    const job::JobSpec runnerSpec{job::JobKind::Process, {}};
    CancelToken cancel;
    return job::runJob(store.db(), store.clock(), runnerSpec, cancel);
}

QMap<QString, qint64> reportBy(store::Database &db, const QString &dims)
{
    reports::CostQuery q;
    q.by = *reports::parseDimensions(dims);
    auto table = reports::queryCost(db, q);
    QMap<QString, qint64> m;
    for (const auto &r : table->rows)
        m[r.keys.join(QLatin1Char('/'))] = r.costNanos;
    return m;
}

// An independent exact product: schoolbook multiplication on decimal digit strings, rounded
// half away from zero to nine places. Shares no code with core's fixed-point money.
qint64 independentNanos(QString a, QString b)
{
    const auto split = [](QString v, bool &neg) {
        v = v.trimmed();
        neg = v.startsWith(QLatin1Char('-'));
        if (neg || v.startsWith(QLatin1Char('+')))
            v.remove(0, 1);
        const qsizetype dot = v.indexOf(QLatin1Char('.'));
        const int scale = dot < 0 ? 0 : static_cast<int>(v.size() - dot - 1);
        v.remove(QLatin1Char('.'));
        return std::pair{v, scale};
    };
    bool na = false, nb = false;
    const auto [da, sa] = split(a, na);
    const auto [db, sb] = split(b, nb);
    QList<int> prod(da.size() + db.size(), 0);
    for (qsizetype i = da.size() - 1; i >= 0; --i)
        for (qsizetype j = db.size() - 1; j >= 0; --j)
            prod[i + j + 1] += (da[i].unicode() - '0') * (db[j].unicode() - '0');
    for (qsizetype k = prod.size() - 1; k > 0; --k) {
        prod[k - 1] += prod[k] / 10;
        prod[k] %= 10;
    }
    const int scale = sa + sb;
    // Keep digits down to 1e-9, then look at the next one.
    const qsizetype keep = prod.size() - (scale - 9);
    qint64 v = 0;
    for (qsizetype k = 0; k < keep; ++k)
        v = v * 10 + prod[k];
    if (keep < prod.size() && prod[keep] >= 5)
        ++v;
    return (na != nb) ? -v : v;
}

} // namespace

class TestLedger : public QObject {
    Q_OBJECT
private slots:
    void reconcilesWithIndependentComputation_data()
    {
        QTest::addColumn<quint32>("seed");
        for (quint32 s : {1u, 7u, 2026u})
            QTest::addRow("seed %u", s) << s;
    }

    void reconcilesWithIndependentComputation()
    {
        QFETCH(quint32, seed);
        QRandomGenerator rng(seed);
        test::TempStore store;
        QVERIFY(store.ok());

        const QStringList skus{QStringLiteral("PREMIUM_JOBS_COMPUTE"), QStringLiteral("PREMIUM_ALL_PURPOSE_COMPUTE"),
                               QStringLiteral("PREMIUM_SQL_PRO_COMPUTE")};
        const QDateTime base(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC);
        // Price history: the all-purpose price changes at 10:30 on day 5 (inside a usage hour);
        // the jobs SKU has a promotional effective price for days 3..7.
        QMap<QString, QList<PricePeriod>> prices;
        const QDateTime change = base.addDays(5).addSecs(10 * 3600 + 1800);
        prices[skus[0]] = {{base.addDays(-30), base.addDays(3), 150, 150}, {base.addDays(3), base.addDays(8), 150, 120},
                           {base.addDays(8), QDateTime(), 150, 150}};
        prices[skus[1]] = {{base.addDays(-30), change, 550, 550}, {change, QDateTime(), 600, 600}};
        // skus[2] deliberately has no price: its usage must stay unpriced, never zero.
        test::RawBuilder priceRows(store.db(), store.clock(), QStringLiteral("billing_list_prices"));
        for (auto it = prices.cbegin(); it != prices.cend(); ++it) {
            for (const auto &p : it.value())
                priceRows.addRow(test::priceRow(it.key(), ts(p.start), p.end.isValid() ? ts(p.end) : QString(), milliText(p.listMilli),
                                                milliText(p.effectiveMilli)));
        }
        QVERIFY(priceRows.flush());

        const auto effectiveAt = [&](const QString &sku, const QDateTime &t) -> std::optional<qint64> {
            for (const auto &p : prices.value(sku)) {
                if (p.start <= t && (!p.end.isValid() || t < p.end))
                    return p.effectiveMilli;
            }
            return std::nullopt;
        };

        QMap<QString, qint64> expectDayWs, expectDaySku;
        qint64 expectUnpricedMilli = 0;
        test::RawBuilder usage(store.db(), store.clock(), QStringLiteral("billing_usage"));
        QList<QHash<QString, QString>> emitted;
        int id = 0;
        const auto add = [&](const QString &ws, const QString &sku, const QDateTime &start, qint64 qtyMilli, const QString &type) {
            const auto row = test::usageRow(QStringLiteral("rec-%1-%2").arg(seed).arg(++id), ws, sku, ts(start), milliText(qtyMilli), type,
                                            QStringLiteral("{\"Team\":\"ml\"}"));
            usage.addRow(row);
            emitted.append(row);
            const QString day = start.date().toString(Qt::ISODate);
            if (const auto price = effectiveAt(sku, start)) {
                const qint64 nanos = qtyMilli * *price * 1000; // milli * milli = micro; * 1000 = nano
                expectDayWs[day + QLatin1Char('/') + ws] += nanos;
                expectDaySku[day + QLatin1Char('/') + sku] += nanos;
            } else {
                expectDayWs[day + QLatin1Char('/') + ws] += 0;
                expectDaySku[day + QLatin1Char('/') + sku] += 0;
                expectUnpricedMilli += qtyMilli;
            }
        };
        for (int i = 0; i < 400; ++i) {
            const QString ws = QStringLiteral("ws-%1").arg(rng.bounded(3));
            const QString sku = skus[static_cast<int>(rng.bounded(skus.size()))];
            const QDateTime start = base.addDays(rng.bounded(10)).addSecs(3600 * rng.bounded(24));
            const qint64 qty = 1 + rng.bounded(50000);
            add(ws, sku, start, qty, QStringLiteral("ORIGINAL"));
            if (rng.bounded(10) == 0) { // a correction: retraction + restatement
                add(ws, sku, start, -qty, QStringLiteral("RETRACTION"));
                add(ws, sku, start, qty * 9 / 10, QStringLiteral("RESTATEMENT"));
            }
        }
        // The usage hour that straddles the price change is priced by its start (old price).
        add(QStringLiteral("ws-0"), skus[1], change.addSecs(-1800), 2000, QStringLiteral("ORIGINAL"));
        QVERIFY(usage.flush());
        QVERIFY(process(store).ok());

        // Re-extraction (lookback) brings a third of the rows again: they must count once.
        for (int i = 0; i < emitted.size(); i += 3)
            usage.addRow(emitted[i]);
        QVERIFY(usage.flush());
        const auto summary = process(store);
        QVERIFY2(summary.ok(), qPrintable(summary.error.toString()));

        QCOMPARE(reportBy(store.db(), QStringLiteral("day,workspace")), expectDayWs);
        QCOMPARE(reportBy(store.db(), QStringLiteral("day,sku")), expectDaySku);
        auto unpriced = store.db().queryInt("SELECT sum(unpriced_quantity_nanos) FROM metrics_daily_cost");
        QCOMPARE(unpriced->value_or(0), expectUnpricedMilli * 1'000'000);
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM ledger_usage_line")->value_or(0), emitted.size());
        // Unpriced usage is flagged by NULL cost, never zero.
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM ledger_usage_line WHERE cost_nanos = 0 AND quantity_nanos <> 0")->value_or(-1), 0);
    }

    // The demo account reconciles per day x workspace and per day x SKU with a computation
    // written straight over raw: de-duplicate by record_id, take each price period's latest
    // extraction, price by containment of usage_start_time, exact products, integer sums.
    void reconcilesDemoAccount()
    {
        test::TempStore store;
        demo::DemoOptions options;
        options.days = 30;
        options.endDate = QDate(2026, 11, 20);
        {
            const job::JobSpec runnerSpec{job::JobKind::Demo, [&] { return std::make_unique<demo::DemoSource>(options); }};
            CancelToken cancel;
            QVERIFY(job::runJob(store.db(), store.clock(), runnerSpec, cancel).ok());
        }
        struct Price { QString sku; qint64 start; qint64 end; QString effective; };
        QList<Price> prices;
        auto p = store.db().prepare("SELECT sku_name, price_start_time, price_end_time, pricing FROM raw_billing_list_prices ORDER BY raw_id");
        while (*p->step()) {
            // Keep the number's exact text: cut it out of the JSON rather than parse it to double.
            const QByteArray json = p->bytes(3);
            const QByteArray key = "\"effective_list\":{\"default\":";
            const qsizetype at = json.indexOf(key) + key.size();
            const QString effective = QString::fromLatin1(json.mid(at, json.indexOf('}', at) - at)).remove(QLatin1Char('"'));
            prices.append({p->text(0), QDateTime::fromString(p->text(1), Qt::ISODateWithMs).toSecsSinceEpoch(),
                           p->isNull(2) ? std::numeric_limits<qint64>::max() : QDateTime::fromString(p->text(2), Qt::ISODateWithMs).toSecsSinceEpoch(),
                           effective});
        }
        QMap<QString, qint64> dayWs, daySku;
        QSet<QString> seen;
        auto u = store.db().prepare("SELECT record_id, workspace_id, sku_name, usage_start_time, usage_quantity FROM raw_billing_usage ORDER BY raw_id");
        while (*u->step()) {
            if (seen.contains(u->text(0)))
                continue;
            seen.insert(u->text(0));
            const QDateTime start = QDateTime::fromString(u->text(3), Qt::ISODateWithMs);
            const QString day = start.toUTC().date().toString(Qt::ISODate);
            qint64 nanos = 0;
            for (const auto &price : prices) {
                if (price.sku == u->text(2) && price.start <= start.toSecsSinceEpoch() && start.toSecsSinceEpoch() < price.end)
                    nanos = independentNanos(u->text(4), price.effective);
            }
            dayWs[day + QLatin1Char('/') + u->text(1)] += nanos;
            daySku[day + QLatin1Char('/') + u->text(2)] += nanos;
        }
        QVERIFY(seen.size() > 5000);
        QCOMPARE(reportBy(store.db(), QStringLiteral("day,workspace")), dayWs);
        QCOMPARE(reportBy(store.db(), QStringLiteral("day,sku")), daySku);
    }

    void unreadableRowsAreRecordedNotDropped()
    {
        test::TempStore store;
        test::RawBuilder usage(store.db(), store.clock(), QStringLiteral("billing_usage"));
        usage.addRow(test::usageRow(QStringLiteral("ok"), QStringLiteral("w"), QStringLiteral("S"), QStringLiteral("2026-10-01T00:00:00Z"), QStringLiteral("1")));
        usage.addRow(test::usageRow(QStringLiteral("badqty"), QStringLiteral("w"), QStringLiteral("S"), QStringLiteral("2026-10-01T00:00:00Z"), QStringLiteral("1,5")));
        auto badTime = test::usageRow(QStringLiteral("badtime"), QStringLiteral("w"), QStringLiteral("S"), QStringLiteral("2026-10-01T00:00:00Z"), QStringLiteral("1"));
        badTime[QStringLiteral("usage_start_time")] = QStringLiteral("yesterday");
        usage.addRow(badTime);
        auto badJson = test::usageRow(QStringLiteral("badjson"), QStringLiteral("w"), QStringLiteral("S"), QStringLiteral("2026-10-01T00:00:00Z"), QStringLiteral("2"),
                                      QStringLiteral("ORIGINAL"), QStringLiteral("{not json"), QStringLiteral("{also not"));
        usage.addRow(badJson);
        QVERIFY(usage.flush());
        QVERIFY(process(store).ok());
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM ledger_usage_line")->value_or(0), 2); // ok + badjson (metadata is optional)
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM app_issue WHERE source = 'billing_usage'")->value_or(0), 2);
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM app_issue WHERE context LIKE '%badqty%'")->value_or(0), 1);
    }

    void tagsAreCaseInsensitiveAndUntaggedIsUnattributed()
    {
        test::TempStore store;
        test::RawBuilder prices(store.db(), store.clock(), QStringLiteral("billing_list_prices"));
        prices.addRow(test::priceRow(QStringLiteral("S"), QStringLiteral("2026-01-01T00:00:00Z"), QString(), QStringLiteral("1"), QStringLiteral("1")));
        QVERIFY(prices.flush());
        test::RawBuilder usage(store.db(), store.clock(), QStringLiteral("billing_usage"));
        const QString t = QStringLiteral("2026-10-01T00:00:00Z");
        usage.addRow(test::usageRow(QStringLiteral("a"), QStringLiteral("w"), QStringLiteral("S"), t, QStringLiteral("1"), QStringLiteral("ORIGINAL"), QStringLiteral("{\"TEAM\":\"Data-Eng\"}")));
        usage.addRow(test::usageRow(QStringLiteral("b"), QStringLiteral("w"), QStringLiteral("S"), t, QStringLiteral("2"), QStringLiteral("ORIGINAL"), QStringLiteral("{\"team\":\"data-eng \",\"Project\":\"churn\"}")));
        usage.addRow(test::usageRow(QStringLiteral("c"), QStringLiteral("w"), QStringLiteral("S"), t, QStringLiteral("4"), QStringLiteral("ORIGINAL"), QStringLiteral("{\"owner\":\"x\"}")));
        QVERIFY(usage.flush());
        QVERIFY(process(store).ok());
        const auto byTeam = reportBy(store.db(), QStringLiteral("team"));
        QCOMPARE(byTeam.value(QStringLiteral("Data-Eng")), qint64(3'000'000'000));
        QCOMPARE(byTeam.value(QStringLiteral("unattributed")), qint64(4'000'000'000));
        QCOMPARE(byTeam.size(), 2);
        QCOMPARE(reportBy(store.db(), QStringLiteral("project")).value(QStringLiteral("churn")), qint64(2'000'000'000));
    }
};

QTEST_GUILESS_MAIN(TestLedger)
#include "tst_ledger.moc"

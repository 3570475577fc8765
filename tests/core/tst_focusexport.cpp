// The FOCUS 1.2 export: exact column set, and EffectiveCost summing to the ledger to the nano.
#include "demo/demosource.h"
#include "job/job.h"
#include "pipeline/extractstage.h"
#include "reports/focusexport.h"
#include "tempstore.h"

#include <QBuffer>
#include <QTest>

using namespace ll;

namespace {

// RFC 4180 rows (quoted cells, doubled quotes, CRLF), independent of CsvWriter.
QList<QStringList> parseCsv(const QString &text)
{
    QList<QStringList> rows;
    QStringList row;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            row.append(cell);
            cell.clear();
        } else if (c == QLatin1Char('\r')) {
        } else if (c == QLatin1Char('\n')) {
            row.append(cell);
            rows.append(row);
            row.clear();
            cell.clear();
        } else {
            cell += c;
        }
    }
    return rows;
}

// "-12.345000000" -> nano-units, exactly (a 9-decimal number as the export writes it).
std::int64_t nanos(const QString &text)
{
    const bool neg = text.startsWith(QLatin1Char('-'));
    const QStringList parts = (neg ? text.mid(1) : text).split(QLatin1Char('.'));
    const std::int64_t v = parts[0].toLongLong() * 1'000'000'000 + (parts.size() > 1 ? parts[1].leftJustified(9, QLatin1Char('0')).toLongLong() : 0);
    return neg ? -v : v;
}

} // namespace

class TestFocusExport : public QObject {
    Q_OBJECT
private slots:
    void columnsAndTotals()
    {
        test::TempStore store;
        demo::DemoOptions options;
        options.days = 12;
        options.endDate = QDate(2026, 11, 3); // spans two billing periods
        const job::JobSpec runnerSpec{job::JobKind::Demo, [&] { return std::make_unique<demo::DemoSource>(options); }};
        CancelToken cancel;
        QVERIFY(job::runJob(store.db(), store.clock(), runnerSpec, cancel).ok());

        QBuffer buffer;
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        auto stats = reports::exportFocus(store.db(), {}, buffer);
        QVERIFY2(stats, stats ? "" : qPrintable(stats.error().toString()));
        const QList<QStringList> rows = parseCsv(QString::fromUtf8(buffer.data()));
        QVERIFY(rows.size() > 100);
        const QStringList header = rows.first();
        const QStringList mandatory{
            QStringLiteral("BilledCost"), QStringLiteral("BillingAccountId"), QStringLiteral("BillingAccountName"), QStringLiteral("BillingCurrency"),
            QStringLiteral("BillingPeriodEnd"), QStringLiteral("BillingPeriodStart"), QStringLiteral("ChargeCategory"), QStringLiteral("ChargeClass"),
            QStringLiteral("ChargeDescription"), QStringLiteral("ChargePeriodEnd"), QStringLiteral("ChargePeriodStart"), QStringLiteral("ContractedCost"),
            QStringLiteral("EffectiveCost"), QStringLiteral("InvoiceIssuerName"), QStringLiteral("ListCost"), QStringLiteral("PricingQuantity"),
            QStringLiteral("PricingUnit"), QStringLiteral("ProviderName"), QStringLiteral("PublisherName"), QStringLiteral("ServiceCategory"),
            QStringLiteral("ServiceName")};
        QCOMPARE(header.mid(0, 21), mandatory);
        for (const char *c : {"ConsumedQuantity", "ConsumedUnit", "ListUnitPrice", "ContractedUnitPrice", "ResourceId", "ResourceName",
                              "ResourceType", "RegionId", "SkuId", "SkuPriceId", "SubAccountId", "SubAccountName", "Tags", "PricingCurrency",
                              "PricingCurrencyListUnitPrice", "PricingCurrencyContractedUnitPrice", "PricingCurrencyEffectiveCost",
                              "x_WorkUnitType", "x_WorkUnitId", "x_RunId", "x_Team", "x_Project", "x_AttributionConfidence", "x_RecordType"})
            QVERIFY2(header.contains(QString::fromLatin1(c)), c);
        for (const QString &c : header)
            QVERIFY2(mandatory.contains(c) || !c.startsWith(QLatin1String("x")) || c.startsWith(QLatin1String("x_")), qPrintable(c));
        QCOMPARE(QSet<QString>(header.begin(), header.end()).size(), header.size());

        const qsizetype effective = header.indexOf(QStringLiteral("EffectiveCost"));
        const qsizetype billed = header.indexOf(QStringLiteral("BilledCost"));
        const qsizetype chargeClass = header.indexOf(QStringLiteral("ChargeClass"));
        const qsizetype recordType = header.indexOf(QStringLiteral("x_RecordType"));
        const qsizetype periodStart = header.indexOf(QStringLiteral("BillingPeriodStart"));
        std::int64_t sum = 0;
        std::int64_t billedSum = 0;
        QSet<QString> periods;
        for (qsizetype i = 1; i < rows.size(); ++i) {
            QCOMPARE(rows[i].size(), header.size());
            sum += nanos(rows[i][effective]);
            billedSum += nanos(rows[i][billed]);
            periods.insert(rows[i][periodStart]);
            const bool correction = rows[i][recordType] != QLatin1String("ORIGINAL");
            QCOMPARE(rows[i][chargeClass], correction ? QStringLiteral("Correction") : QString());
        }
        const auto ledgerTotal = store.db().queryInt("SELECT sum(coalesce(contract_cost_nanos, cost_nanos, 0)) FROM ledger_usage_line");
        QCOMPARE(sum, ledgerTotal->value_or(-1));
        QCOMPARE(billedSum, sum);
        QCOMPARE(stats->effectiveCostNanos, sum);
        QCOMPARE(stats->rows, static_cast<std::int64_t>(rows.size() - 1));
        QCOMPARE(periods, (QSet<QString>{QStringLiteral("2026-10-01T00:00:00Z"), QStringLiteral("2026-11-01T00:00:00Z")}));
        QVERIFY(store.db().queryInt("SELECT count(*) FROM ledger_usage_line WHERE record_type <> 'ORIGINAL'")->value_or(0) > 0);

        // A date range exports that range only.
        QBuffer november;
        QVERIFY(november.open(QIODevice::WriteOnly));
        auto part = reports::exportFocus(store.db(), {QDate(2026, 11, 1), QDate(2026, 11, 30)}, november);
        QVERIFY(part);
        QCOMPARE(part->effectiveCostNanos,
                 store.db().queryInt("SELECT sum(coalesce(contract_cost_nanos, cost_nanos, 0)) FROM ledger_usage_line WHERE usage_day >= '2026-11-01'")->value_or(-1));
        QBuffer bad;
        QVERIFY(bad.open(QIODevice::WriteOnly));
        QCOMPARE(reports::exportFocus(store.db(), {QDate(2026, 11, 2), QDate(2026, 11, 1)}, bad).error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestFocusExport)
#include "tst_focusexport.moc"

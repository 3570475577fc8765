#include "focusexport.h"

#include "csvwriter.h"

#include "common/money.h"

#include <QDateTime>

namespace ll::reports {
namespace {

const char *const kMandatory[] = {
    "BilledCost", "BillingAccountId", "BillingAccountName", "BillingCurrency", "BillingPeriodEnd", "BillingPeriodStart",
    "ChargeCategory", "ChargeClass", "ChargeDescription", "ChargePeriodEnd", "ChargePeriodStart", "ContractedCost",
    "EffectiveCost", "InvoiceIssuerName", "ListCost", "PricingQuantity", "PricingUnit", "ProviderName", "PublisherName",
    "ServiceCategory", "ServiceName"};

const char *const kOptional[] = {
    "ChargeFrequency", "ConsumedQuantity", "ConsumedUnit", "ListUnitPrice", "ContractedUnitPrice", "ResourceId",
    "ResourceName", "ResourceType", "RegionId", "SkuId", "SkuPriceId", "SubAccountId", "SubAccountName", "Tags",
    "PricingCurrency", "PricingCurrencyListUnitPrice", "PricingCurrencyContractedUnitPrice", "PricingCurrencyEffectiveCost",
    "x_WorkUnitType", "x_WorkUnitId", "x_RunId", "x_Team", "x_Project", "x_AttributionConfidence", "x_RecordType",
    "x_RecordId", "x_PricingStatus"};

// Money: EffectiveCost = BilledCost = ContractedCost = the line's contract cost, which the
// ledger fills with the effective list cost where no contract price applies; ListCost =
// quantity x pricing.default. Unpriced lines carry 0 and x_PricingStatus = unpriced.
constexpr const char *kLines = R"SQL(
SELECT coalesce(l.contract_cost_nanos, l.cost_nanos, 0), coalesce(l.list_cost_nanos, 0), l.currency_code,
       l.usage_start, l.usage_end, l.record_type, l.sku_name, coalesce(l.usage_type, ''), l.billing_origin_product,
       l.quantity_nanos, l.usage_unit, ll_nanos(p.list_price),
       CASE c.kind WHEN 'price' THEN ll_nanos(c.value)
                   WHEN 'discount' THEN ll_discount(ll_nanos(p.list_price), c.value)
                   ELSE ll_nanos(p.effective_price) END,
       coalesce(l.work_unit_id, ''), coalesce(u.name, ''), l.work_unit_type, p.price_start, l.workspace_id,
       coalesce(w.workspace_name, ''), coalesce(l.custom_tags, ''), coalesce(l.job_run_id, ''),
       coalesce(a.team_key, ''), coalesce(a.project_key, ''), coalesce(a.confidence, ''), l.record_id,
       l.cost_nanos IS NULL AND l.contract_cost_nanos IS NULL
FROM ledger_usage_line l
LEFT JOIN ledger_list_price p ON p.price_id = l.price_id
LEFT JOIN app_contract_price c ON c.contract_id = l.contract_id
LEFT JOIN attr_line a ON a.line_id = l.line_id
LEFT JOIN ledger_workspace w ON w.workspace_id = l.workspace_id
LEFT JOIN ledger_work_unit u ON u.work_unit_type = l.work_unit_type AND u.work_unit_id = l.work_unit_id
WHERE (:from IS NULL OR l.usage_day >= :from) AND (:to IS NULL OR l.usage_day <= :to)
ORDER BY l.line_id
)SQL";

// FOCUS ServiceCategory from billing_origin_product (an open set: unknown products are Analytics,
// the category of Databricks' core compute).
QString serviceCategory(const QString &product)
{
    static const QHash<QString, QString> map{
        {QStringLiteral("MODEL_SERVING"), QStringLiteral("AI and Machine Learning")},
        {QStringLiteral("VECTOR_SEARCH"), QStringLiteral("AI and Machine Learning")},
        {QStringLiteral("FOUNDATION_MODEL_TRAINING"), QStringLiteral("AI and Machine Learning")},
        {QStringLiteral("AGENT_EVALUATION"), QStringLiteral("AI and Machine Learning")},
        {QStringLiteral("AI_GATEWAY"), QStringLiteral("AI and Machine Learning")},
        {QStringLiteral("AI_FUNCTIONS"), QStringLiteral("AI and Machine Learning")},
        {QStringLiteral("AGENT_BRICKS"), QStringLiteral("AI and Machine Learning")},
        {QStringLiteral("DEFAULT_STORAGE"), QStringLiteral("Storage")},
        {QStringLiteral("NETWORKING"), QStringLiteral("Networking")},
        {QStringLiteral("DATABASE"), QStringLiteral("Databases")},
        {QStringLiteral("ONLINE_TABLES"), QStringLiteral("Databases")},
        {QStringLiteral("APPS"), QStringLiteral("Web")},
        {QStringLiteral("LAKEFLOW_CONNECT"), QStringLiteral("Integration")},
        {QStringLiteral("FINE_GRAINED_ACCESS_CONTROL"), QStringLiteral("Security")},
        {QStringLiteral("DATA_CLASSIFICATION"), QStringLiteral("Security")},
        {QStringLiteral("LAKEHOUSE_MONITORING"), QStringLiteral("Management and Governance")},
        {QStringLiteral("DATA_QUALITY_MONITORING"), QStringLiteral("Management and Governance")},
        {QStringLiteral("PREDICTIVE_OPTIMIZATION"), QStringLiteral("Management and Governance")},
    };
    return map.value(product, QStringLiteral("Analytics"));
}

QString serviceName(const QString &product)
{
    static const QHash<QString, QString> map{
        {QStringLiteral("JOBS"), QStringLiteral("Databricks Jobs")},
        {QStringLiteral("ALL_PURPOSE"), QStringLiteral("Databricks All-Purpose Compute")},
        {QStringLiteral("INTERACTIVE"), QStringLiteral("Databricks Serverless Notebooks")},
        {QStringLiteral("SQL"), QStringLiteral("Databricks SQL")},
        {QStringLiteral("DLT"), QStringLiteral("Databricks Lakeflow Declarative Pipelines")},
        {QStringLiteral("MODEL_SERVING"), QStringLiteral("Databricks Model Serving")},
    };
    return map.value(product, QStringLiteral("Databricks ") + product);
}

QString isoUtc(std::int64_t epoch)
{
    return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

// One account per store; system tables carry no account name, so the id names it too (as in
// Databricks' own FOCUS mapping).
Result<QString> accountId(store::Database &db)
{
    auto stmt = db.prepare("SELECT coalesce((SELECT account_id FROM raw_billing_usage WHERE account_id IS NOT NULL ORDER BY raw_id LIMIT 1),"
                           " (SELECT account_id FROM app_profile WHERE account_id IS NOT NULL ORDER BY profile_id LIMIT 1), '')");
    if (!stmt)
        return stmt.error();
    auto row = stmt->step();
    if (!row)
        return row.error();
    return stmt->text(0);
}

void addOptionalNanos(CsvWriter &csv, const store::Statement &s, int col)
{
    if (s.isNull(col))
        csv.addText(QString());
    else
        csv.addMoney(s.int64(col), 9);
}

} // namespace

QStringList focusMandatoryColumns()
{
    QStringList c;
    for (const char *name : kMandatory)
        c.append(QString::fromLatin1(name));
    return c;
}

QStringList focusColumns()
{
    QStringList c = focusMandatoryColumns();
    for (const char *name : kOptional)
        c.append(QString::fromLatin1(name));
    return c;
}

Result<FocusStats> exportFocus(store::Database &db, const FocusQuery &query, QIODevice &device)
{
    if (query.from.isValid() && query.to.isValid() && query.from > query.to)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The start date is after the end date"));
    auto account = accountId(db);
    if (!account)
        return account.error();
    auto s = db.prepare(kLines);
    if (!s)
        return s.error();
    s->bind(":from", query.from.isValid() ? query.from.toString(Qt::ISODate) : QString());
    s->bind(":to", query.to.isValid() ? query.to.toString(Qt::ISODate) : QString());

    CsvWriter csv(device);
    for (const QString &c : focusColumns())
        csv.addText(c);
    if (auto st = csv.endRow(); !st)
        return st.error();
    FocusStats stats;
    for (;;) {
        auto more = s->step();
        if (!more)
            return more.error();
        if (!*more)
            break;
        const std::int64_t effective = s->int64(0);
        const QString currency = s->text(2);
        const QDateTime start = QDateTime::fromSecsSinceEpoch(s->int64(3), Qt::UTC);
        const QDate periodStart(start.date().year(), start.date().month(), 1);
        const QString recordType = s->text(5);
        const QString sku = s->text(6);
        const QString product = s->text(8);
        const QString unit = s->text(10);
        const bool dbu = unit == QLatin1String("DBU");
        // Mandatory, in header order.
        csv.addMoney(effective, 9);                                   // BilledCost
        csv.addText(*account);                                        // BillingAccountId
        csv.addText(*account);                                        // BillingAccountName
        csv.addText(currency);                                        // BillingCurrency
        csv.addText(isoUtc(QDateTime(periodStart.addMonths(1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch())); // BillingPeriodEnd
        csv.addText(isoUtc(QDateTime(periodStart, QTime(0, 0), Qt::UTC).toSecsSinceEpoch()));              // BillingPeriodStart
        csv.addText(QStringLiteral("Usage"));                         // ChargeCategory
        csv.addText(recordType == QLatin1String("ORIGINAL") ? QString() : QStringLiteral("Correction")); // ChargeClass
        csv.addText(s->text(7).isEmpty() ? sku : sku + QStringLiteral(" (") + s->text(7) + QLatin1Char(')')); // ChargeDescription
        csv.addText(isoUtc(s->int64(4)));                             // ChargePeriodEnd
        csv.addText(isoUtc(s->int64(3)));                             // ChargePeriodStart
        csv.addMoney(effective, 9);                                   // ContractedCost
        csv.addMoney(effective, 9);                                   // EffectiveCost
        csv.addText(QStringLiteral("Databricks"));                    // InvoiceIssuerName
        csv.addMoney(s->int64(1), 9);                                 // ListCost
        csv.addMoney(s->int64(9), 9);                                 // PricingQuantity
        csv.addText(unit);                                            // PricingUnit
        csv.addText(QStringLiteral("Databricks"));                    // ProviderName
        csv.addText(QStringLiteral("Databricks"));                    // PublisherName
        csv.addText(serviceCategory(product));                        // ServiceCategory
        csv.addText(serviceName(product));                            // ServiceName
        // Conditional.
        csv.addText(QStringLiteral("Usage-Based"));                   // ChargeFrequency
        csv.addMoney(s->int64(9), 9);                                 // ConsumedQuantity
        csv.addText(unit);                                            // ConsumedUnit
        addOptionalNanos(csv, *s, 11);                                // ListUnitPrice
        addOptionalNanos(csv, *s, 12);                                // ContractedUnitPrice
        csv.addText(s->text(13));                                     // ResourceId
        csv.addText(s->text(14));                                     // ResourceName
        csv.addText(s->text(15));                                     // ResourceType
        csv.addText(QString());                                       // RegionId: not in billing usage
        csv.addText(sku);                                             // SkuId
        csv.addText(s->isNull(16) ? QString() : sku + QLatin1Char('@') + isoUtc(s->int64(16))); // SkuPriceId
        csv.addText(s->text(17));                                     // SubAccountId
        csv.addText(s->text(18));                                     // SubAccountName
        csv.addText(s->text(19));                                     // Tags
        // Pricing currency: DBUs are Databricks' virtual currency; other units are priced in
        // the billing currency.
        if (dbu) {
            csv.addText(QStringLiteral("DBU"));                       // PricingCurrency
            csv.addMoney(kNanosPerUnit, 9);                           // PricingCurrencyListUnitPrice
            csv.addMoney(kNanosPerUnit, 9);                           // PricingCurrencyContractedUnitPrice
            csv.addMoney(s->int64(9), 9);                             // PricingCurrencyEffectiveCost
        } else {
            csv.addText(currency);
            addOptionalNanos(csv, *s, 11);
            addOptionalNanos(csv, *s, 12);
            csv.addMoney(effective, 9);
        }
        csv.addText(s->text(15));                                     // x_WorkUnitType
        csv.addText(s->text(13));                                     // x_WorkUnitId
        csv.addText(s->text(20));                                     // x_RunId
        csv.addText(s->text(21));                                     // x_Team
        csv.addText(s->text(22));                                     // x_Project
        csv.addText(s->text(23));                                     // x_AttributionConfidence
        csv.addText(recordType);                                      // x_RecordType
        csv.addText(s->text(24));                                     // x_RecordId
        csv.addText(s->int64(25) ? QStringLiteral("unpriced") : QStringLiteral("priced")); // x_PricingStatus
        if (auto st = csv.endRow(); !st)
            return st.error();
        ++stats.rows;
        stats.effectiveCostNanos += effective;
        stats.billedCostNanos += effective;
    }
    return stats;
}

} // namespace ll::reports

#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "store/database.h"

#include <QDate>
#include <QIODevice>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace ll::contracts {

// What a contract entry covers (app_contract_price.scope) and what its value is (.kind).
enum class ContractScope { Sku, Family, All };
QString toText(ContractScope scope);
std::optional<ContractScope> contractScopeFromText(QStringView text);
enum class ContractKind { Price, Discount };
QString toText(ContractKind kind);
std::optional<ContractKind> contractKindFromText(QStringView text);

// A negotiated price agreement, entered by the analyst.
//  scope 'sku'    + kind 'price'    : unit price for one SKU (value = price per usage unit)
//  scope 'sku'    + kind 'discount' : percent off list price for one SKU
//  scope 'family' + kind 'discount' : percent off list price for a billing product family
//                                     (billing_origin_product: JOBS, SQL, ALL_PURPOSE, DLT, ...)
//  scope 'all'    + kind 'discount' : percent off list price for everything (scope_key '*')
// The most specific applicable entry wins: sku, then family, then all.
struct ContractPrice {
    QString scope;
    QString scopeKey;
    QString kind;
    QString value;   // decimal text, exact
    QDate validFrom; // inclusive, UTC usage day
    QDate validTo;   // inclusive; invalid = open-ended
};

class ContractBook {
public:
    static Result<QList<ContractPrice>> load(store::Database &db);

    // Checks one complete set: known scope/kind, decimal values (prices >= 0, discounts 0-100),
    // valid dates, and for each (scope, key) periods that neither overlap nor leave gaps
    // between them. Errors name the offending line (1-based, as in the CSV).
    static Status validate(const QList<ContractPrice> &contracts);

    // Replaces all contracts in one transaction (validated first), records the change with
    // before/after in the audit log, and marks every line item for contract re-pricing; the
    // next pipeline run (ledger onwards) applies it without re-extraction.
    static Status replaceAll(store::Database &db, const Clock &clock, const QString &actor, const QList<ContractPrice> &contracts);

    // Families must be billing products: the documented ones or one the store's billing data
    // names (a family key is matched exactly against billing_origin_product). replaceAll checks.
    static Status checkFamilies(store::Database &db, const QList<ContractPrice> &contracts);
    static QStringList knownFamilies();
    // SKU entries whose SKU has no list price in the store: accepted (the SKU may appear
    // later) but worth a warning, since they price nothing today.
    static Result<QStringList> unknownSkus(store::Database &db, const QList<ContractPrice> &contracts);

    // CSV with header: scope,scope_key,kind,value,valid_from,valid_to. Strict: UTF-8 only,
    // dates exactly YYYY-MM-DD, names of at most 200 characters without control characters;
    // errors name the CSV line and the field.
    static Result<QList<ContractPrice>> parseCsv(const QByteArray &csv);
    // Through reports::CsvWriter, the one CSV writer (formula-safe cells).
    static Status writeCsv(const QList<ContractPrice> &contracts, QIODevice &device);
    static QByteArray toCsv(const QList<ContractPrice> &contracts);
};

} // namespace ll::contracts

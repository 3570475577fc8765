#include "contractbook.h"

#include "audit/auditlog.h"
#include "common/coretext.h"
#include "common/enumtext.h"
#include "common/money.h"
#include "common/timeparse.h"
#include "reports/csvwriter.h"

#include <QBuffer>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>

namespace ll::contracts {
namespace {

const QByteArray kHeader = "scope,scope_key,kind,value,valid_from,valid_to";
// A SKU or family name is tens of characters; these bounds keep a damaged file from filling
// the store (a 10 MB cell) while leaving generous room.
constexpr int kMaxKeyLength = 200;
constexpr qsizetype kMaxLineBytes = 4096;

// Splits one CSV line (RFC 4180 quoting) into cells.
QStringList splitCsvLine(const QString &line)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                    cell += c;
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            cells.append(cell);
            cell.clear();
        } else {
            cell += c;
        }
    }
    cells.append(cell);
    return cells;
}

QString describe(const ContractPrice &c)
{
    return QStringLiteral("%1 %2 (%3 to %4)")
        .arg(c.scope, c.scopeKey, c.validFrom.toString(Qt::ISODate), c.validTo.isValid() ? c.validTo.toString(Qt::ISODate) : QStringLiteral("open"));
}

QString toJson(const QList<ContractPrice> &list)
{
    QStringList items;
    for (const auto &c : list)
        items.append(QStringLiteral("{\"scope\":\"%1\",\"scope_key\":\"%2\",\"kind\":\"%3\",\"value\":\"%4\",\"valid_from\":\"%5\",\"valid_to\":%6}")
                         .arg(c.scope, c.scopeKey, c.kind, c.value, c.validFrom.toString(Qt::ISODate),
                              c.validTo.isValid() ? QLatin1Char('"') + c.validTo.toString(Qt::ISODate) + QLatin1Char('"') : QStringLiteral("null")));
    return QLatin1Char('[') + items.join(QLatin1Char(',')) + QLatin1Char(']');
}

} // namespace

QString toText(ContractScope scope)
{
    switch (scope) {
    case ContractScope::Sku: return QStringLiteral("sku");
    case ContractScope::Family: return QStringLiteral("family");
    case ContractScope::All: return QStringLiteral("all");
    }
    return {};
}

std::optional<ContractScope> contractScopeFromText(QStringView text) { return enumFromText<ContractScope, ContractScope::All>(text); }

QString toText(ContractKind kind)
{
    switch (kind) {
    case ContractKind::Price: return QStringLiteral("price");
    case ContractKind::Discount: return QStringLiteral("discount");
    }
    return {};
}

std::optional<ContractKind> contractKindFromText(QStringView text) { return enumFromText<ContractKind, ContractKind::Discount>(text); }

Result<QList<ContractPrice>> ContractBook::load(store::Database &db)
{
    auto stmt = db.prepare("SELECT scope, scope_key, kind, value, valid_from, valid_to FROM app_contract_price "
                           "ORDER BY scope, scope_key, valid_from");
    if (!stmt)
        return stmt.error();
    QList<ContractPrice> list;
    const Status rowsRead = stmt->forEachRow([&](const store::Statement &row) {
        list.append({row.text(0), row.text(1), row.text(2), row.text(3), QDate::fromString(row.text(4), Qt::ISODate),
                     row.isNull(5) ? QDate() : QDate::fromString(row.text(5), Qt::ISODate)});
    });
    if (!rowsRead)
        return rowsRead.error();
    return list;
}

Status ContractBook::validate(const QList<ContractPrice> &contracts)
{
    QMap<QString, QList<int>> byScope;
    for (int i = 0; i < contracts.size(); ++i) {
        const ContractPrice &c = contracts[i];
        const QString where = CoreText::tr("Contract line %1").arg(i + 1);
        const std::optional<ContractScope> scope = contractScopeFromText(c.scope);
        const std::optional<ContractKind> kind = contractKindFromText(c.kind);
        if (!scope)
            return makeError(
                ErrorCode::InvalidArgument, CoreText::tr("%1: scope must be sku, family or all, not '%2'").arg(where, c.scope));
        if (!kind)
            return makeError(ErrorCode::InvalidArgument, CoreText::tr("%1: kind must be price or discount, not '%2'").arg(where, c.kind));
        if (kind == ContractKind::Price && scope != ContractScope::Sku)
            return makeError(ErrorCode::InvalidArgument,
                CoreText::tr("%1: a unit price applies to one SKU; use a discount for a family or for all").arg(where));
        if (scope == ContractScope::All && c.scopeKey != QLatin1String("*"))
            return makeError(ErrorCode::InvalidArgument, CoreText::tr("%1: scope 'all' takes '*' as its key").arg(where));
        if (c.scopeKey.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidArgument, CoreText::tr("%1: the SKU or family is empty").arg(where));
        const auto value = parseDecimal(c.value);
        if (!value || value->mantissa < 0)
            return makeError(ErrorCode::InvalidArgument, CoreText::tr("%1: '%2' is not a non-negative decimal number").arg(where, c.value));
        if (kind == ContractKind::Discount && !applyDiscount(kNanosPerUnit, *value))
            return makeError(
                ErrorCode::InvalidArgument, CoreText::tr("%1: a discount is a percentage from 0 to 100, not %2").arg(where, c.value));
        if (!c.validFrom.isValid())
            return makeError(ErrorCode::InvalidArgument, CoreText::tr("%1: valid_from must be a date (YYYY-MM-DD)").arg(where));
        if (c.validTo.isValid() && c.validTo < c.validFrom)
            return makeError(ErrorCode::InvalidArgument, CoreText::tr("%1: valid_to is before valid_from").arg(where));
        byScope[c.scope + QLatin1Char('\x1f') + c.scopeKey].append(i);
    }
    for (auto it = byScope.begin(); it != byScope.end(); ++it) {
        QList<int> &idx = it.value();
        std::sort(idx.begin(), idx.end(), [&](int a, int b) { return contracts[a].validFrom < contracts[b].validFrom; });
        for (int k = 1; k < idx.size(); ++k) {
            const ContractPrice &prev = contracts[idx[k - 1]];
            const ContractPrice &next = contracts[idx[k]];
            if (!prev.validTo.isValid() || prev.validTo >= next.validFrom)
                return makeError(ErrorCode::InvalidArgument,
                    CoreText::tr("Contract periods overlap: lines %1 and %2 (%3 and %4)")
                        .arg(idx[k - 1] + 1)
                        .arg(idx[k] + 1)
                        .arg(describe(prev), describe(next)));
            if (prev.validTo.addDays(1) != next.validFrom)
                return makeError(ErrorCode::InvalidArgument,
                    CoreText::tr("Contract periods leave a gap: lines %1 and %2 (%3 and %4); "
                                 "nothing would price %5 to %6")
                        .arg(idx[k - 1] + 1)
                        .arg(idx[k] + 1)
                        .arg(describe(prev), describe(next), prev.validTo.addDays(1).toString(Qt::ISODate),
                            next.validFrom.addDays(-1).toString(Qt::ISODate)));
        }
    }
    return {};
}

Status ContractBook::replaceAll(store::Database &db, const Clock &clock, const QString &actor, const QList<ContractPrice> &contracts)
{
    if (auto s = validate(contracts); !s)
        return s;
    if (auto s = checkFamilies(db, contracts); !s)
        return s;
    auto before = load(db);
    if (!before)
        return before.error();
    store::Transaction tx(db);
    if (!tx.begun())
        return tx.begun();
    if (auto s = db.exec("DELETE FROM app_contract_price"); !s)
        return s;
    auto insert = db.prepare("INSERT INTO app_contract_price (scope, scope_key, kind, value, valid_from, valid_to) VALUES (?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    for (const auto &c : contracts) {
        insert->reset();
        insert->bind(1, c.scope);
        insert->bind(2, c.scopeKey.trimmed());
        insert->bind(3, c.kind);
        insert->bind(4, c.value.trimmed());
        insert->bind(5, c.validFrom.toString(Qt::ISODate));
        insert->bind(6, c.validTo.isValid() ? c.validTo.toString(Qt::ISODate) : QString());
        if (auto s = insert->run(); !s)
            return s;
    }
    if (auto s = db.exec("INSERT INTO app_setting (key, value) VALUES ('contracts_version', '1') "
                         "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1");
        !s)
        return s;
    if (auto s = audit::AuditLog::record(db, clock, actor, QStringLiteral("contracts.replace"), QStringLiteral("contract prices"),
                                         toJson(*before), toJson(contracts));
        !s)
        return s;
    return tx.commit();
}

Result<QList<ContractPrice>> ContractBook::parseCsv(const QByteArray &csv)
{
    QByteArray bytes = csv;
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes.remove(0, 3);
    QList<ContractPrice> list;
    bool header = true;
    int lineNo = 0;
    static const char *const fieldNames[] = {"scope", "scope_key", "kind", "value", "valid_from", "valid_to"};
    const auto bad = [&](int field, const QString &why) {
        return makeError(
            ErrorCode::BadInput, CoreText::tr("CSV line %1, field %2: %3").arg(lineNo).arg(QLatin1String(fieldNames[field]), why));
    };
    for (QByteArray rawBytes : bytes.split('\n')) {
        ++lineNo;
        if (rawBytes.endsWith('\r'))
            rawBytes.chop(1);
        if (rawBytes.size() > kMaxLineBytes)
            return makeError(ErrorCode::BadInput,
                CoreText::tr("CSV line %1 is %2 bytes long; a contract line has at most %3")
                    .arg(lineNo)
                    .arg(rawBytes.size())
                    .arg(kMaxLineBytes));
        QStringDecoder utf8(QStringDecoder::Utf8);
        const QString raw = utf8(rawBytes);
        if (utf8.hasError())
            return makeError(ErrorCode::BadInput, CoreText::tr("CSV line %1 is not UTF-8 text; save the file as UTF-8").arg(lineNo));
        if (raw.trimmed().isEmpty())
            continue;
        const QStringList cells = splitCsvLine(raw);
        if (header) {
            header = false;
            if (raw.trimmed().toLatin1() != kHeader)
                return makeError(ErrorCode::BadInput,
                    CoreText::tr("The contract CSV must start with the header line: %1").arg(QString::fromLatin1(kHeader)));
            continue;
        }
        if (cells.size() != 6)
            return makeError(ErrorCode::BadInput,
                CoreText::tr("CSV line %1 has %2 cells; expected 6 (%3)").arg(lineNo).arg(cells.size()).arg(QString::fromLatin1(kHeader)));
        for (int f = 0; f < 6; ++f) {
            const QString cell = cells[f].trimmed();
            if (cell.size() > kMaxKeyLength)
                return bad(f, CoreText::tr("%1 characters; at most %2").arg(cell.size()).arg(kMaxKeyLength));
            for (const QChar c : cell) {
                if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
                    return bad(f, CoreText::tr("contains a control character (U+%1)").arg(c.unicode(), 4, 16, QLatin1Char('0')));
            }
        }
        const std::optional<QDate> from = parseIsoDate(cells[4]);
        const std::optional<QDate> to = parseIsoDate(cells[5]);
        ContractPrice c{cells[0].trimmed().toLower(), cells[1].trimmed(), cells[2].trimmed().toLower(), cells[3].trimmed(),
            from.value_or(QDate()), to.value_or(QDate())};
        if (!from)
            return bad(4, CoreText::tr("'%1' is not a date (YYYY-MM-DD)").arg(cells[4].trimmed()));
        if (!cells[5].trimmed().isEmpty() && !to)
            return bad(5, CoreText::tr("'%1' is not a date (YYYY-MM-DD); leave it empty for open-ended").arg(cells[5].trimmed()));
        if (c.scope == toText(ContractScope::Family))
            c.scopeKey = c.scopeKey.toUpper(); // billing_origin_product is upper case; matching is exact
        if (c.scope == toText(ContractScope::Sku) || c.scope == toText(ContractScope::Family)) {
            static const QRegularExpression keyPattern(QStringLiteral("^[A-Za-z0-9_.\\-]+$"));
            if (!keyPattern.match(c.scopeKey).hasMatch())
                return bad(1,
                    CoreText::tr("'%1' is not a %2 name (letters, digits, _ . -)")
                        .arg(c.scopeKey.left(60),
                            c.scope == toText(ContractScope::Sku) ? CoreText::tr("SKU") : CoreText::tr("product family")));
        }
        list.append(c);
    }
    if (header)
        return makeError(
            ErrorCode::BadInput, CoreText::tr("The contract CSV is empty; it needs the header line %1").arg(QString::fromLatin1(kHeader)));
    if (auto s = validate(list); !s)
        return s.error();
    return list;
}

QStringList ContractBook::knownFamilies()
{
    // system.billing.usage billing_origin_product values documented by Databricks (an open set:
    // families the store's own billing data names count as known too).
    return {QStringLiteral("JOBS"), QStringLiteral("DLT"), QStringLiteral("SQL"), QStringLiteral("ALL_PURPOSE"),
        QStringLiteral("MODEL_SERVING"), QStringLiteral("INTERACTIVE"), QStringLiteral("DEFAULT_STORAGE"), QStringLiteral("VECTOR_SEARCH"),
        QStringLiteral("LAKEHOUSE_MONITORING"), QStringLiteral("PREDICTIVE_OPTIMIZATION"), QStringLiteral("ONLINE_TABLES"),
        QStringLiteral("FOUNDATION_MODEL_TRAINING"), QStringLiteral("AGENT_EVALUATION"), QStringLiteral("FINE_GRAINED_ACCESS_CONTROL"),
        QStringLiteral("NETWORKING"), QStringLiteral("APPS"), QStringLiteral("DATABASE"), QStringLiteral("CLEAN_ROOM"),
        QStringLiteral("LAKEFLOW_CONNECT"), QStringLiteral("AI_GATEWAY"), QStringLiteral("AI_FUNCTIONS"),
        QStringLiteral("BASE_ENVIRONMENTS"), QStringLiteral("DATA_CLASSIFICATION"), QStringLiteral("DATA_QUALITY_MONITORING"),
        QStringLiteral("AGENT_BRICKS")};
}

Status ContractBook::checkFamilies(store::Database &db, const QList<ContractPrice> &contracts)
{
    QSet<QString> known;
    for (const QString &f : knownFamilies())
        known.insert(f);
    auto seen = db.prepare("SELECT DISTINCT billing_origin_product FROM ledger_usage_line");
    if (!seen)
        return seen.error();
    if (auto s = seen->forEachRow([&](const store::Statement &row) { known.insert(row.text(0)); }); !s)
        return s;
    for (int i = 0; i < contracts.size(); ++i) {
        const ContractPrice &c = contracts[i];
        if (c.scope == toText(ContractScope::Family) && !known.contains(c.scopeKey))
            return makeError(ErrorCode::InvalidArgument,
                CoreText::tr("Contract line %1: '%2' is not a billing product family (known: %3)")
                    .arg(i + 1)
                    .arg(c.scopeKey, QStringList(known.begin(), known.end()).join(QStringLiteral(", "))));
    }
    return {};
}

Result<QStringList> ContractBook::unknownSkus(store::Database &db, const QList<ContractPrice> &contracts)
{
    auto stmt = db.prepare("SELECT 1 WHERE EXISTS (SELECT 1 FROM ledger_list_price WHERE sku_name = ?1) "
                           "OR EXISTS (SELECT 1 FROM raw_billing_list_prices WHERE sku_name = ?1)");
    if (!stmt)
        return stmt.error();
    QStringList unknown;
    for (const ContractPrice &c : contracts) {
        if (c.scope != toText(ContractScope::Sku) || unknown.contains(c.scopeKey))
            continue;
        stmt->reset();
        stmt->bind(1, c.scopeKey);
        auto row = stmt->step();
        if (!row)
            return row.error();
        if (!*row)
            unknown.append(c.scopeKey);
    }
    return unknown;
}

Status ContractBook::writeCsv(const QList<ContractPrice> &contracts, QIODevice &device)
{
    reports::CsvWriter csv(device);
    for (const QString &h : QString::fromLatin1(kHeader).split(QLatin1Char(',')))
        csv.addText(h);
    if (auto s = csv.endRow(); !s)
        return s;
    for (const auto &c : contracts) {
        for (const QString &cell : {c.scope, c.scopeKey, c.kind, c.value, c.validFrom.toString(Qt::ISODate),
                 c.validTo.isValid() ? c.validTo.toString(Qt::ISODate) : QString()})
            csv.addText(cell);
        if (auto s = csv.endRow(); !s)
            return s;
    }
    return {};
}

QByteArray ContractBook::toCsv(const QList<ContractPrice> &contracts)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    (void)writeCsv(contracts, buffer); // a QBuffer does not fail
    return buffer.data();
}

} // namespace ll::contracts

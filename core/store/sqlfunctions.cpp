#include "sqlfunctions.h"

#include "common/canonicalrecord.h"
#include "common/money.h"
#include "common/timeparse.h"

#include <QRegularExpression>

#include <sqlite3.h>

namespace ll::store {
namespace {

std::optional<Decimal> decimalArg(sqlite3_value *v)
{
    switch (sqlite3_value_type(v)) {
    case SQLITE_NULL:
        return std::nullopt;
    case SQLITE_INTEGER:
        return Decimal{sqlite3_value_int64(v), 0};
    default: {
        // REAL values are read through their text form and so rejected unless plain decimal;
        // LakeLedger never stores money as REAL.
        const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(v));
        if (!text)
            return std::nullopt;
        return parseDecimal(text, static_cast<std::size_t>(sqlite3_value_bytes(v)));
    }
    }
}

void epochFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
    if (!text) {
        sqlite3_result_null(ctx);
        return;
    }
    const auto v = parseTimestamp(text, static_cast<std::size_t>(sqlite3_value_bytes(argv[0])));
    if (v)
        sqlite3_result_int64(ctx, *v);
    else
        sqlite3_result_null(ctx);
}

void nanosFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto d = decimalArg(argv[0]);
    const auto n = d ? toNanos(*d) : std::nullopt;
    if (n)
        sqlite3_result_int64(ctx, *n);
    else
        sqlite3_result_null(ctx);
}

void costFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto q = decimalArg(argv[0]);
    const auto p = decimalArg(argv[1]);
    const auto n = (q && p) ? multiplyToNanos(*q, *p) : std::nullopt;
    if (n)
        sqlite3_result_int64(ctx, *n);
    else
        sqlite3_result_null(ctx);
}

void discountFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    if (sqlite3_value_type(argv[0]) != SQLITE_INTEGER) {
        sqlite3_result_null(ctx);
        return;
    }
    const auto pct = decimalArg(argv[1]);
    const auto n = pct ? applyDiscount(sqlite3_value_int64(argv[0]), *pct) : std::nullopt;
    if (n)
        sqlite3_result_int64(ctx, *n);
    else
        sqlite3_result_null(ctx);
}

// regexp(pattern, text): attribution rules match names, paths, principals and tags. The
// compiled pattern is cached per statement through SQLite's auxdata.
void regexpFn(sqlite3_context *ctx, int, sqlite3_value **argv)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[1]));
    if (!text) {
        sqlite3_result_null(ctx);
        return;
    }
    auto *re = static_cast<QRegularExpression *>(sqlite3_get_auxdata(ctx, 0));
    if (!re) {
        const auto *pattern = reinterpret_cast<const char *>(sqlite3_value_text(argv[0]));
        auto *compiled = new QRegularExpression(QString::fromUtf8(pattern ? pattern : ""), QRegularExpression::UseUnicodePropertiesOption);
        if (!compiled->isValid()) {
            delete compiled;
            sqlite3_result_error(ctx, "invalid regular expression", -1);
            return;
        }
        sqlite3_set_auxdata(ctx, 0, compiled, [](void *p) { delete static_cast<QRegularExpression *>(p); });
        re = static_cast<QRegularExpression *>(sqlite3_get_auxdata(ctx, 0));
        if (!re) { // SQLite may drop auxdata at once; use a local then
            const QRegularExpression local(QString::fromUtf8(pattern ? pattern : ""));
            sqlite3_result_int(ctx, local.match(QString::fromUtf8(text, sqlite3_value_bytes(argv[1]))).hasMatch() ? 1 : 0);
            return;
        }
    }
    sqlite3_result_int(ctx, re->match(QString::fromUtf8(text, sqlite3_value_bytes(argv[1]))).hasMatch() ? 1 : 0);
}

// ll_sha256_fields(a, b, ...): the hex SHA-256 of the arguments' CanonicalRecord encoding, typed
// as SQLite holds them. The audit chain computes and checks entry hashes with it, so the values
// hashed are exactly the values stored, whichever statement wrote or reads them.
void sha256FieldsFn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
    CanonicalRecord record;
    for (int i = 0; i < argc; ++i) {
        sqlite3_value *v = argv[i];
        switch (sqlite3_value_type(v)) {
        case SQLITE_NULL: record.addNull(); break;
        case SQLITE_INTEGER: record.addInteger(sqlite3_value_int64(v)); break;
        case SQLITE_FLOAT: record.addReal(sqlite3_value_double(v)); break;
        case SQLITE_BLOB: {
            const void *blob = sqlite3_value_blob(v);
            const int size = sqlite3_value_bytes(v);
            record.addBlob(QByteArrayView(static_cast<const char *>(blob), blob ? size : 0));
            break;
        }
        default: {
            const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(v));
            const int size = sqlite3_value_bytes(v);
            record.addText(QByteArrayView(text, text ? size : 0));
            break;
        }
        }
    }
    const QByteArray hex = record.sha256Hex();
    sqlite3_result_text(ctx, hex.constData(), static_cast<int>(hex.size()), SQLITE_TRANSIENT);
}

} // namespace

bool registerSqlFunctions(sqlite3 *db)
{
    constexpr int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    return sqlite3_create_function_v2(db, "ll_epoch", 1, flags, nullptr, epochFn, nullptr, nullptr, nullptr) == SQLITE_OK
        && sqlite3_create_function_v2(db, "ll_nanos", 1, flags, nullptr, nanosFn, nullptr, nullptr, nullptr) == SQLITE_OK
        && sqlite3_create_function_v2(db, "ll_cost", 2, flags, nullptr, costFn, nullptr, nullptr, nullptr) == SQLITE_OK
        && sqlite3_create_function_v2(db, "ll_discount", 2, flags, nullptr, discountFn, nullptr, nullptr, nullptr) == SQLITE_OK
        && sqlite3_create_function_v2(db, "regexp", 2, flags, nullptr, regexpFn, nullptr, nullptr, nullptr) == SQLITE_OK
        && sqlite3_create_function_v2(db, "ll_sha256_fields", -1, flags, nullptr, sha256FieldsFn, nullptr, nullptr, nullptr) == SQLITE_OK;
}

} // namespace ll::store

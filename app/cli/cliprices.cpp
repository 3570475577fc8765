// lakeledger-cli prices contract import|export FILE
#include "clicommon.h"

#include "audit/auditlog.h"
#include "contracts/contractbook.h"

#include <QFile>
#include <QSaveFile>

namespace ll::cli {

int runPrices(const CommandEnv &env)
{
    const QString help = QStringLiteral(
        "Usage: lakeledger-cli [--store FILE] prices contract <import|export> FILE\n\n"
        "Negotiated contract prices, as CSV with the header\n"
        "  scope,scope_key,kind,value,valid_from,valid_to\n"
        "scope: sku (scope_key = SKU name), family (scope_key = billing product, e.g. JOBS, SQL,\n"
        "ALL_PURPOSE) or all (scope_key = *); kind: price (unit price, sku only) or discount\n"
        "(percent off list price); valid_from/valid_to: YYYY-MM-DD, inclusive, valid_to empty =\n"
        "open-ended. Periods of one scope must not overlap or leave gaps. Import replaces all\n"
        "contract prices (recorded in the audit log) and re-prices every line item.\n");
    if (env.args.contains(QLatin1String("--help")) || env.args.contains(QLatin1String("-h"))) {
        out() << help;
        out().flush();
        return ExitOk;
    }
    if (env.args.size() != 4 || env.args[1] != QLatin1String("contract")
        || (env.args[2] != QLatin1String("import") && env.args[2] != QLatin1String("export")))
        return usage(QStringLiteral("expected: prices contract import|export FILE (see 'prices --help')"));
    const QString path = env.args[3];
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    if (env.args[2] == QLatin1String("export")) {
        auto list = contracts::ContractBook::load(*db);
        if (!list)
            return fail(list.error());
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(contracts::ContractBook::toCsv(*list)) < 0 || !file.commit())
            return fail(makeError(ErrorCode::Io, QStringLiteral("Cannot write %1").arg(path), file.errorString()));
        err() << QStringLiteral("Wrote %1 contract prices to %2").arg(list->size()).arg(path) << Qt::endl;
        return ExitOk;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(makeError(ErrorCode::NotFound, QStringLiteral("Cannot read %1").arg(path), file.errorString()));
    auto list = contracts::ContractBook::parseCsv(file.readAll());
    if (!list)
        return fail(list.error());
    SystemClock clock;
    if (auto s = contracts::ContractBook::replaceAll(*db, clock, audit::AuditLog::currentActor(), *list); !s)
        return fail(s.error());
    err() << QStringLiteral("Imported %1 contract prices; run 'lakeledger-cli process' to apply them").arg(list->size()) << Qt::endl;
    return ExitOk;
}

} // namespace ll::cli

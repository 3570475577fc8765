// lakeledger-cli prices contract import|export FILE
#include "clicommon.h"

#include "audit/auditlog.h"
#include "contracts/contractbook.h"
#include "job/job.h"

#include <QFile>

namespace ll::cli {

int runPrices(const CommandEnv &env)
{
    const QString help = QStringLiteral("Usage: lakeledger-cli [--store FILE] prices contract <import|export> FILE\n\n"
                                        "Negotiated contract prices, as CSV with the header\n"
                                        "  scope,scope_key,kind,value,valid_from,valid_to\n"
                                        "scope: sku (scope_key = SKU name), family (scope_key = billing product, e.g. JOBS, SQL,\n"
                                        "ALL_PURPOSE) or all (scope_key = *); kind: price (unit price, sku only) or discount\n"
                                        "(percent off list price); valid_from/valid_to: YYYY-MM-DD, inclusive, valid_to empty =\n"
                                        "open-ended. Periods of one scope must not overlap or leave gaps. Import replaces all\n"
                                        "contract prices (recorded in the audit log) and re-prices every line item at once, so\n"
                                        "every report shows the new contract cost when it returns. SKUs without a list price in\n"
                                        "the store are accepted with a warning (they price nothing yet).\n");
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
        ReportOutput file(env.storePath);
        if (auto s = file.open(path); !s)
            return fail(s.error());
        file.recordExportIn(*db, QStringLiteral("prices contract export"));
        if (auto s = contracts::ContractBook::writeCsv(*list, file.device()); !s)
            return fail(s.error());
        if (auto s = file.commit(); !s)
            return fail(s.error());
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
    auto unknown = contracts::ContractBook::unknownSkus(*db, *list);
    if (!unknown)
        return fail(unknown.error());
    if (!unknown->isEmpty())
        err() << QStringLiteral(
            "lakeledger-cli: warning: %1 SKU(s) have no list price in this store, so their contract prices price nothing "
            "yet (a typo?): %2")
                     .arg(unknown->size())
                     .arg(unknown->join(QStringLiteral(", ")))
              << Qt::endl;
    err() << QStringLiteral("Imported %1 contract prices; re-pricing every line item").arg(list->size()) << Qt::endl;
    // The import only marks the lines; the ledger stage re-prices them. Run it now, through the
    // one job runner, so no report ever shows the old contract cost after a successful import.
    const auto summary = job::runJob(*db, clock, {job::JobKind::Process, {}}, *env.cancel);
    if (!summary.ok())
        return fail(makeError(summary.error.code,
            QStringLiteral("The contract prices were saved, but re-pricing failed; run 'lakeledger-cli process' to apply them: %1")
                .arg(summary.error.message),
            summary.error.detail));
    err() << QStringLiteral("Re-priced; reports now show the new contract cost") << Qt::endl;
    return ExitOk;
}

} // namespace ll::cli

// lakeledger-cli budgets list|set|remove|thresholds|import|export and report budgets
#include "clicommon.h"

#include "audit/auditlog.h"
#include "budgets/budgetforecast.h"
#include "budgets/budgetstore.h"
#include "common/money.h"
#include "reports/csvwriter.h"

#include <QFile>
#include <QSaveFile>

#include <cmath>

namespace ll::cli {
namespace {

const QCommandLineOption kOut(
    QStringLiteral("out"), QStringLiteral("Write the CSV to FILE instead of standard output."), QStringLiteral("FILE"));

QString budgetsHelp()
{
    return QStringLiteral("Usage: lakeledger-cli [--store FILE] budgets <command> [options]\n\n"
                          "Monthly budgets per workspace, org_unit, department, team or project (see docs/budgets.md).\n"
                          "  list [--out FILE]                      every budget entry as CSV\n"
                          "  set SCOPE KEY AMOUNT [--from YYYY-MM] [--currency CODE]\n"
                          "                                         add or change a budget; KEY is the key or the name\n"
                          "                                         (workspace id or name, team key or name, ...);\n"
                          "                                         --from: the first month it applies (default: always)\n"
                          "  remove SCOPE KEY [--from YYYY-MM]      remove that entry\n"
                          "  thresholds [--amber P] [--red P]       show or set the status thresholds (percent of the\n"
                          "                                         budget the month-end forecast reaches; default 80, 100)\n"
                          "  import FILE                            replace all budgets and thresholds with a JSON file\n"
                          "  export FILE                            write them as JSON (the import format)\n"
                          "Every change is validated first (nothing changes on an error) and recorded in the audit log.\n"
                          "'report budgets' shows spend, forecast and status per budget.\n");
}

int parseSub(QCommandLineParser &parser, const CommandEnv &env, const QString &description, const QList<QCommandLineOption> &options)
{
    parser.addOptions(options);
    return parseCommand(parser, env, description);
}

Result<QDate> monthOption(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    if (!parser.isSet(option))
        return QDate();
    const QDate month = budgets::monthFromText(parser.value(option));
    if (!month.isValid())
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("--%1 takes a month as YYYY-MM, not '%2'").arg(option.names().first(), parser.value(option)));
    return month;
}

Result<budgets::ScopeType> scopeTypeArg(const QString &text)
{
    const auto type = budgets::scopeTypeFromText(text.toLower());
    if (!type)
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("Unknown scope '%1'; choose from %2").arg(text, budgets::scopeTypeNames().join(QStringLiteral(", "))));
    return *type;
}

int budgetsList(const CommandEnv &env)
{
    QCommandLineParser parser;
    if (int rc = parseSub(parser, env,
            QStringLiteral("Lists every budget entry as CSV: scope,scope_type,scope_key,scope_name,effective_from,amount,currency."),
            {kOut});
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("Unexpected argument '%1'").arg(parser.positionalArguments().first()));
    return writeReport(env, parser.value(kOut), [](store::Database &db, QIODevice &dev) -> Status {
        auto config = budgets::BudgetStore::load(db);
        if (!config)
            return config.error();
        auto known = budgets::BudgetStore::knownScopes(db);
        if (!known)
            return known.error();
        reports::CsvWriter csv(dev);
        for (const char *h : {"scope", "scope_type", "scope_key", "scope_name", "effective_from", "amount", "currency"})
            csv.addText(QString::fromLatin1(h));
        if (auto s = csv.endRow(); !s)
            return s;
        for (const budgets::Budget &b : config->budgets) {
            QString name = b.scope.key;
            for (const auto &c : *known) {
                if (c.scope == b.scope)
                    name = c.name;
            }
            csv.addText(budgets::scopeText(b.scope));
            csv.addText(budgets::toText(b.scope.type));
            csv.addText(b.scope.key);
            csv.addText(name);
            csv.addText(budgets::monthText(b.effectiveFrom));
            csv.addMoney(b.amountNanos, 2);
            csv.addText(b.currency);
            if (auto s = csv.endRow(); !s)
                return s;
        }
        return {};
    });
}

int budgetsSet(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption from(
        QStringLiteral("from"), QStringLiteral("First month the budget applies, YYYY-MM (default: every month)."), QStringLiteral("MONTH"));
    const QCommandLineOption currency(
        QStringLiteral("currency"), QStringLiteral("Currency code (default: the account's)."), QStringLiteral("CODE"));
    parser.addPositionalArgument(QStringLiteral("SCOPE"), budgets::scopeTypeNames().join(QLatin1Char('|')));
    parser.addPositionalArgument(QStringLiteral("KEY"), QStringLiteral("The scope's key or name."));
    parser.addPositionalArgument(
        QStringLiteral("AMOUNT"), QStringLiteral("The monthly budget, a positive decimal (e.g. 5000 or 1250.50)."));
    if (int rc = parseSub(parser, env, QStringLiteral("Adds or changes the monthly budget of a scope (audit-logged)."), {from, currency});
        rc >= 0)
        return rc;
    const QStringList args = parser.positionalArguments();
    if (args.size() != 3)
        return usage(QStringLiteral("expected: budgets set SCOPE KEY AMOUNT (see 'budgets set --help')"));
    auto type = scopeTypeArg(args[0]);
    if (!type)
        return usage(type.error().message);
    const auto amount = budgets::parseAmount(args[2]);
    if (!amount)
        return usage(QStringLiteral("AMOUNT is a positive decimal such as 5000 or 1250.50, not '%1'").arg(args[2]));
    auto month = monthOption(parser, from);
    if (!month)
        return usage(month.error().message);
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    QString code = parser.value(currency).trimmed().toUpper();
    if (code.isEmpty()) {
        auto account = budgets::BudgetStore::accountCurrency(*db);
        if (!account)
            return fail(account.error());
        code = account->isEmpty() ? QStringLiteral("USD") : *account;
    }
    const budgets::Budget budget{{*type, args[1]}, *month, *amount, code};
    SystemClock clock;
    if (auto s = budgets::BudgetStore::set(*db, clock, audit::AuditLog::currentActor(), budget); !s)
        return fail(s.error());
    err() << QStringLiteral("Budget set: %1 %2 %3 a month%4")
                 .arg(budgets::toText(*type), args[1], formatNanos(*amount, 2) + QLatin1Char(' ') + code,
                     month->isValid() ? QStringLiteral(" from ") + budgets::monthText(*month) : QString())
          << Qt::endl;
    return ExitOk;
}

int budgetsRemove(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption from(QStringLiteral("from"),
        QStringLiteral("The entry's first month, YYYY-MM (default: the entry without one)."), QStringLiteral("MONTH"));
    if (int rc = parseSub(parser, env, QStringLiteral("Removes one budget entry (audit-logged)."), {from}); rc >= 0)
        return rc;
    const QStringList args = parser.positionalArguments();
    if (args.size() != 2)
        return usage(QStringLiteral("expected: budgets remove SCOPE KEY [--from YYYY-MM]"));
    auto type = scopeTypeArg(args[0]);
    if (!type)
        return usage(type.error().message);
    auto month = monthOption(parser, from);
    if (!month)
        return usage(month.error().message);
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    // The key or the name, as `set` takes it; a scope no longer known is removed by its key.
    budgets::Scope scope{*type, args[1]};
    if (auto resolved = budgets::BudgetStore::resolveScope(*db, *type, args[1]))
        scope = resolved->scope;
    SystemClock clock;
    if (auto s = budgets::BudgetStore::remove(*db, clock, audit::AuditLog::currentActor(), scope, *month); !s)
        return fail(s.error());
    err() << QStringLiteral("Budget removed: %1").arg(budgets::scopeText(scope)) << Qt::endl;
    return ExitOk;
}

int budgetsThresholds(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption amber(QStringLiteral("amber"), QStringLiteral("Amber from this percent of the budget."), QStringLiteral("P"));
    const QCommandLineOption red(QStringLiteral("red"), QStringLiteral("Red from this percent of the budget."), QStringLiteral("P"));
    if (int rc = parseSub(parser, env,
            QStringLiteral("Shows or sets the status thresholds: a budget is amber when its month-end forecast "
                           "reaches the amber percent of it, red from the red percent."),
            {amber, red});
        rc >= 0)
        return rc;
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    auto current = budgets::BudgetStore::thresholds(*db);
    if (!current)
        return fail(current.error());
    budgets::Thresholds next = *current;
    for (const auto &[option, target] : {std::pair{&amber, &next.amberPercent}, std::pair{&red, &next.redPercent}}) {
        if (!parser.isSet(*option))
            continue;
        bool ok = false;
        *target = parser.value(*option).toInt(&ok);
        if (!ok)
            return usage(QStringLiteral("--%1 takes a whole number of percent").arg(option->names().first()));
    }
    if (next != *current) {
        SystemClock clock;
        if (auto s = budgets::BudgetStore::setThresholds(*db, clock, audit::AuditLog::currentActor(), next); !s)
            return s.error().code == ErrorCode::InvalidArgument ? usage(s.error().message) : fail(s.error());
    }
    out() << QStringLiteral("amber_percent %1\nred_percent %2\n").arg(next.amberPercent).arg(next.redPercent);
    out().flush();
    return ExitOk;
}

int budgetsImport(const CommandEnv &env, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(makeError(ErrorCode::NotFound, QStringLiteral("Cannot read %1").arg(path), file.errorString()));
    auto config = budgets::BudgetConfig::fromJson(file.readAll());
    if (!config)
        return fail(makeError(config.error().code, QStringLiteral("%1: %2").arg(path, config.error().message)));
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    SystemClock clock;
    if (auto s = budgets::BudgetStore::replaceAll(*db, clock, audit::AuditLog::currentActor(), *config); !s)
        return fail(
            makeError(s.error().code, QStringLiteral("%1: %2 (nothing was imported)").arg(path, s.error().message), s.error().detail));
    err() << QStringLiteral("Imported %1 budgets from %2").arg(config->budgets.size()).arg(path) << Qt::endl;
    return ExitOk;
}

int budgetsExport(const CommandEnv &env, const QString &path)
{
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    auto config = budgets::BudgetStore::load(*db);
    if (!config)
        return fail(config.error());
    // Through OutputFile like every export: never over the store, 0600, no half file.
    ReportOutput output(env.storePath);
    if (auto s = output.open(path); !s)
        return fail(s.error()); // a refused target changes nothing, not even the log
    output.recordExportIn(*db, QStringLiteral("budgets export"));
    output.device().write(config->toJson());
    if (auto s = output.commit(); !s)
        return fail(s.error());
    err() << QStringLiteral("Wrote %1 budgets to %2").arg(config->budgets.size()).arg(path) << Qt::endl;
    return ExitOk;
}

void addPercent(reports::CsvWriter &csv, const std::optional<double> &v)
{
    // A ratio, not money: two decimals, written as a number.
    if (v)
        csv.addMoney(static_cast<std::int64_t>(std::llround(*v * 100.0)) * 10000000, 2);
    else
        csv.addText(QString());
}

} // namespace

int runBudgets(const CommandEnv &env)
{
    if (env.args.size() < 2 || env.args[1] == QLatin1String("--help") || env.args[1] == QLatin1String("-h")) {
        if (env.args.size() >= 2) {
            out() << budgetsHelp();
            out().flush();
            return ExitOk;
        }
        return usage(QStringLiteral("budgets needs a command: list, set, remove, thresholds, import, export (see 'budgets --help')"));
    }
    const QString action = env.args[1];
    CommandEnv sub = env;
    sub.args = QStringList{QStringLiteral("budgets ") + action} + env.args.mid(2);
    if (action == QLatin1String("list"))
        return budgetsList(sub);
    if (action == QLatin1String("set"))
        return budgetsSet(sub);
    if (action == QLatin1String("remove"))
        return budgetsRemove(sub);
    if (action == QLatin1String("thresholds"))
        return budgetsThresholds(sub);
    if (action == QLatin1String("import") || action == QLatin1String("export")) {
        if (env.args.size() != 3 || env.args[2].startsWith(QLatin1Char('-')))
            return usage(QStringLiteral("expected: budgets %1 FILE").arg(action));
        return action == QLatin1String("import") ? budgetsImport(env, env.args[2]) : budgetsExport(env, env.args[2]);
    }
    return usage(QStringLiteral("Unknown budgets command '%1' (list, set, remove, thresholds, import, export)").arg(action));
}

int reportBudgets(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption month(
        QStringLiteral("month"), QStringLiteral("The month, YYYY-MM (default: the month of the newest data)."), QStringLiteral("MONTH"));
    const QCommandLineOption asOf(QStringLiteral("as-of"),
        QStringLiteral("The last day counted as known, YYYY-MM-DD (default: the newest data day)."), QStringLiteral("DATE"));
    const QCommandLineOption decimals(QStringLiteral("decimals"), QStringLiteral("Decimal places of money columns, 0-9 (default 2)."),
        QStringLiteral("N"), QStringLiteral("2"));
    parser.addOptions({month, asOf, decimals, kOut});
    if (int rc = parseCommand(parser, env,
            QStringLiteral("Writes every budget in effect for the month as CSV: scope, month, budget, spent (to the "
                           "as-of day), forecast (month end), status (green, amber, red), then scope_type, "
                           "scope_key, scope_name, currency, as_of, forecast_percent, backtest_mape_percent "
                           "(the forecast's error on up to 3 earlier months) and run_rate (how the remaining "
                           "days were projected). See docs/budgets.md."));
        rc >= 0)
        return rc;
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("Unexpected argument '%1'").arg(parser.positionalArguments().first()));
    auto chosenMonth = monthOption(parser, month);
    if (!chosenMonth)
        return usage(chosenMonth.error().message);
    QDate asOfDay;
    if (parser.isSet(asOf)) {
        asOfDay = QDate::fromString(parser.value(asOf), Qt::ISODate);
        if (!asOfDay.isValid())
            return usage(QStringLiteral("--as-of takes a date as YYYY-MM-DD, not '%1'").arg(parser.value(asOf)));
    }
    bool decOk = false;
    const int places = parser.value(decimals).toInt(&decOk);
    if (!decOk || places < 0 || places > 9)
        return usage(QStringLiteral("--decimals takes a whole number from 0 to 9"));
    return writeReport(env, parser.value(kOut), [&](store::Database &db, QIODevice &dev) -> Status {
        QDate day = asOfDay;
        if (!day.isValid()) {
            auto range = budgets::dataRange(db);
            if (!range)
                return range.error();
            day = range->second.isValid() ? range->second : QDate::currentDate();
        }
        const QDate forMonth = chosenMonth->isValid() ? *chosenMonth : QDate(day.year(), day.month(), 1);
        auto statuses = budgets::forecastAll(db, forMonth, day);
        if (!statuses)
            return statuses.error();
        reports::CsvWriter csv(dev);
        for (const char *h : {"scope", "month", "budget", "spent", "forecast", "status", "scope_type", "scope_key", "scope_name",
                 "currency", "as_of", "forecast_percent", "backtest_mape_percent", "run_rate"})
            csv.addText(QString::fromLatin1(h));
        if (auto s = csv.endRow(); !s)
            return s;
        for (const budgets::BudgetStatus &st : *statuses) {
            csv.addText(budgets::scopeText(st.budget.scope));
            csv.addText(budgets::monthText(st.projection.month));
            csv.addMoney(st.budget.amountNanos, places);
            csv.addMoney(st.projection.spentNanos, places);
            csv.addMoney(st.projection.forecastNanos, places);
            csv.addText(budgets::toText(st.level));
            csv.addText(budgets::toText(st.budget.scope.type));
            csv.addText(st.budget.scope.key);
            csv.addText(st.scopeName);
            csv.addText(st.budget.currency);
            csv.addText(day.toString(Qt::ISODate));
            addPercent(csv, st.forecastPercent());
            addPercent(csv, st.backtestMape);
            csv.addText(budgets::toText(st.projection.method));
            if (auto s = csv.endRow(); !s)
                return s;
        }
        return {};
    });
}

} // namespace ll::cli

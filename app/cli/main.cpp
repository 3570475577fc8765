// lakeledger-cli: the headless front end over the same core as the GUI.
#include "clicommands.h"
#include "clioptions.h"
#include "synccommand.h"

#include <QCoreApplication>
#include <QTextStream>

#include <csignal>

namespace {

ll::CancelToken g_cancel;

// Ctrl-C asks running stages to stop at their next checkpoint; committed work is kept.
void onInterrupt(int)
{
    g_cancel.cancel();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("LakeLedger"));
    QCoreApplication::setApplicationName(QStringLiteral("LakeLedger"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LAKELEDGER_VERSION));
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);

    QTextStream out(stdout);
    QTextStream err(stderr);
    const auto global = ll::cli::parseGlobalOptions(QCoreApplication::arguments());
    if (!global.error.isEmpty()) {
        err << "lakeledger-cli: " << global.error << Qt::endl;
        return ll::cli::ExitUsage;
    }
    if (global.version) {
        out << "lakeledger-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return ll::cli::ExitOk;
    }
    if (global.command.isEmpty()) {
        (global.help ? out : err) << ll::cli::globalHelp() << Qt::flush;
        return global.help ? ll::cli::ExitOk : ll::cli::ExitUsage;
    }
    const ll::cli::CommandEnv env{global.storePath, global.commandArgs, &g_cancel};
    if (global.command == QLatin1String("demo"))
        return ll::cli::runDemo(env);
    if (global.command == QLatin1String("process"))
        return ll::cli::runProcess(env);
    if (global.command == QLatin1String("rebuild"))
        return ll::cli::runRebuild(env);
    if (global.command == QLatin1String("status"))
        return ll::cli::runStatus(env);
    if (global.command == QLatin1String("report"))
        return ll::cli::runReport(env);
    if (global.command == QLatin1String("sync")) return ll::cli::runSync(env);
    if (global.command == QLatin1String("prices"))
        return ll::cli::runPrices(env);
    if (global.command == QLatin1String("explain"))
        return ll::cli::runExplain(env);
    if (global.command == QLatin1String("rules"))
        return ll::cli::runRules(env);
    if (global.command == QLatin1String("budgets"))
        return ll::cli::runBudgets(env);
    if (global.command == QLatin1String("insights"))
        return ll::cli::runInsights(env);
    if (global.command == QLatin1String("audit"))
        return ll::cli::runAudit(env);
    if (global.command == QLatin1String("plans"))
        return ll::cli::runPlans(env);
    err << "lakeledger-cli: unknown command '" << global.command << "' (see lakeledger-cli --help)" << Qt::endl;
    return ll::cli::ExitUsage;
}

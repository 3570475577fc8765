#include "clioptions.h"

#include "store/store.h"

namespace ll::cli {

GlobalOptions parseGlobalOptions(const QStringList &arguments)
{
    GlobalOptions o;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments[i];
        if (a == QLatin1String("--store")) {
            if (i + 1 >= arguments.size()) {
                o.error = QStringLiteral("--store needs a file name");
                return o;
            }
            o.storePath = arguments[++i];
        } else if (a.startsWith(QLatin1String("--store="))) {
            o.storePath = a.mid(8);
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            o.help = true;
        } else if (a == QLatin1String("--version")) {
            o.version = true;
        } else if (a.startsWith(QLatin1Char('-'))) {
            o.error = QStringLiteral("Unknown option %1 (options of a command go after the command; see --help)").arg(a);
            return o;
        } else {
            o.command = a;
            o.commandArgs = arguments.mid(i);
            break;
        }
    }
    // One store per Databricks account profile: `sync --profile NAME` without --store uses
    // that profile's own store rather than the demo's.
    if (o.storePath.isEmpty()) {
        const qsizetype p = o.commandArgs.indexOf(QStringLiteral("--profile"));
        const bool named = o.command == QLatin1String("sync") && p > 0 && p + 1 < o.commandArgs.size();
        o.storePath = store::Store::defaultPath(named ? o.commandArgs[p + 1] : QStringLiteral("demo"));
    }
    return o;
}

QString globalHelp()
{
    return QStringLiteral("Usage: lakeledger-cli [--store FILE] <command> [options]\n"
                          "\n"
                          "LakeLedger: Databricks cost intelligence on a local store.\n"
                          "\n"
                          "Global options:\n"
                          "  --store FILE   The store (one SQLite file per Databricks account profile).\n"
                          "                 Default: %1\n"
                          "  --help         Show this help; 'COMMAND --help' shows a command's options.\n"
                          "  --version      Show the version.\n"
                          "\n"
                          "Commands:\n"
                          "  demo           Generate the built-in demo account and process it.\n"
                          "  sync           Read a Databricks account (Direct Connection) and process it.\n"
                          "  process        Run ledger, attribution, metrics and insights on new raw data.\n"
                          "  rebuild        Re-derive every layer from raw through the same stages.\n"
                          "  status         Show each stage's last run and each source's freshness.\n"
                          "  report cost    Cost grouped by dimensions or a --preset as CSV (--filter, --as-of).\n"
                          "  report corrections  Corrections received per extraction batch and day.\n"
                          "  prices contract import|export FILE  Negotiated contract prices as CSV.\n"
                          "  report attribution  Cost by team, department, org, project or bucket.\n"
                          "  report insights  Anomalies, waste and optimisation with monthly savings.\n"
                          "  insights show|ack|dismiss|reopen ID  Review an insight; insights thresholds.\n"
                          "  explain        Why is this mine? The line items behind an owner's cost.\n"
                          "  rules export|import|preview FILE  The attribution rules as JSON.\n"
                          "  budgets list|set|remove|thresholds|import|export  Monthly budgets (JSON import/export).\n"
                          "  report budgets  Budget, spend, month-end forecast and status per budget.\n"
                          "  audit list|verify  The audit log; verify checks its hash chain.\n"
                          "  plans list|show|approve|reject|apply|export  Action plans for insights (apply --dry-run first).\n"
                          "  report savings  Realised vs estimated savings of applied plans.\n")
        .arg(store::Store::defaultPath());
}

} // namespace ll::cli

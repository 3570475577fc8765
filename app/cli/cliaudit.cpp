// lakeledger-cli audit list | verify: the tamper-evident audit log (docs/audit.md).
#include "clicommon.h"

#include "audit/auditchain.h"
#include "reports/auditlist.h"
#include "reports/csvwriter.h"

namespace ll::cli {
namespace {

const QStringList kCsvColumns = {QStringLiteral("entry_id"), QStringLiteral("at"), QStringLiteral("actor"), QStringLiteral("action"),
    QStringLiteral("object"), QStringLiteral("before"), QStringLiteral("after"), QStringLiteral("outcome"), QStringLiteral("entry_hash")};

Status writeCsv(const QList<reports::AuditRow> &rows, QIODevice &device)
{
    reports::CsvWriter csv(device);
    for (const QString &c : kCsvColumns)
        csv.addText(c);
    if (Status s = csv.endRow(); !s)
        return s;
    for (const auto &r : rows) {
        csv.addInteger(r.entryId);
        for (const QString &cell : {r.at.toString(Qt::ISODate), r.actor, r.action, r.object, r.before, r.after, r.outcome, r.entryHash})
            csv.addText(cell);
        if (Status s = csv.endRow(); !s)
            return s;
    }
    return {};
}

// For a terminal: one line per entry, columns padded, the object last and unpadded.
Status writeTable(const QList<reports::AuditRow> &rows, QIODevice &device)
{
    QList<QStringList> lines{{QStringLiteral("ID"), QStringLiteral("WHEN (UTC)"), QStringLiteral("ACTOR"), QStringLiteral("ACTION"),
        QStringLiteral("OUTCOME"), QStringLiteral("OBJECT")}};
    for (const auto &r : rows)
        lines.append(
            {QString::number(r.entryId), r.at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), r.actor, r.action, r.outcome, r.object});
    QList<qsizetype> widths(lines.first().size(), 0);
    for (const QStringList &l : lines)
        for (qsizetype c = 0; c < l.size(); ++c)
            widths[c] = std::max(widths[c], l[c].size());
    for (const QStringList &l : lines) {
        QString text;
        for (qsizetype c = 0; c < l.size(); ++c)
            text += c + 1 == l.size() ? l[c] : l[c].leftJustified(widths[c]) + QStringLiteral("  ");
        if (device.write(text.toUtf8() + '\n') < 0)
            return makeError(ErrorCode::Io, QStringLiteral("Cannot write the audit list"), device.errorString());
    }
    return {};
}

int auditList(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption from(
        QStringLiteral("from"), QStringLiteral("First day, YYYY-MM-DD (UTC, inclusive)."), QStringLiteral("DATE"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("Last day, YYYY-MM-DD (UTC, inclusive)."), QStringLiteral("DATE"));
    const QCommandLineOption action(QStringLiteral("action"),
        QStringLiteral("Only this action, or a family: 'budgets' lists budgets.set, budgets.remove, ..."), QStringLiteral("A"));
    const QCommandLineOption actor(QStringLiteral("actor"), QStringLiteral("Only entries by this user."), QStringLiteral("USER"));
    const QCommandLineOption text(
        QStringLiteral("text"), QStringLiteral("Only entries whose action, object, before or after contain TEXT."), QStringLiteral("TEXT"));
    const QCommandLineOption format(QStringLiteral("format"), QStringLiteral("csv (default: every field and the entry hash) or table."),
        QStringLiteral("F"), QStringLiteral("csv"));
    const QCommandLineOption outFile(
        QStringLiteral("out"), QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE"));
    parser.addOptions({from, to, action, actor, text, format, outFile});
    if (int rc = parseCommand(parser, env,
            QStringLiteral("Lists the audit log, oldest first: who did what, when, to what, before and after, "
                           "and whether it took effect (outcome ok, failed or cancelled)."));
        rc >= 0)
        return rc;
    reports::AuditFilter filter;
    if (int rc = readDateRange(parser, from, to, filter.from, filter.to); rc >= 0)
        return rc;
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("csv") && fmt != QLatin1String("table"))
        return usage(QStringLiteral("--format takes csv or table, not '%1'").arg(fmt));
    filter.action = parser.value(action);
    filter.actor = parser.value(actor);
    filter.text = parser.value(text);
    filter.newestFirst = false;
    filter.limit = 0;
    return writeReport(env, parser.value(outFile), [&](store::Database &db, QIODevice &device) -> Status {
        auto rows = reports::loadAuditLog(db, filter);
        if (!rows)
            return rows.error();
        return fmt == QLatin1String("csv") ? writeCsv(*rows, device) : writeTable(*rows, device);
    });
}

int auditVerify(const CommandEnv &env)
{
    QCommandLineParser parser;
    const QCommandLineOption anchor(QStringLiteral("anchor"),
        QStringLiteral("A head hash noted earlier: fail unless the chain still contains it (detects removed latest entries)."),
        QStringLiteral("HASH"));
    parser.addOption(anchor);
    if (int rc = parseCommand(parser, env,
            QStringLiteral("Recomputes the audit log's hash chain and names the first entry that was edited, "
                           "removed, inserted or forged (exit 1). Note the head hash it prints: removing the "
                           "latest entries leaves a shorter intact chain, which only --anchor detects."));
        rc >= 0)
        return rc;
    auto db = openExisting(env.storePath);
    if (!db)
        return fail(db.error());
    auto v = audit::verifyAuditChain(*db, parser.value(anchor));
    if (!v)
        return fail(v.error());
    if (!v->intact()) {
        err() << "lakeledger-cli: " << v->summary() << Qt::endl;
        return ExitFailed;
    }
    out() << v->summary() << Qt::endl;
    return ExitOk;
}

} // namespace

int runAudit(const CommandEnv &env)
{
    const QString sub = env.args.value(1);
    // The sub-command names itself in usage and --help lines ("audit list").
    const CommandEnv subEnv{env.storePath, QStringList{QStringLiteral("audit ") + sub} + env.args.mid(2), env.cancel};
    if (sub == QLatin1String("list"))
        return auditList(subEnv);
    if (sub == QLatin1String("verify"))
        return auditVerify(subEnv);
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out() << "Usage: lakeledger-cli [--store FILE] audit list|verify [options]\n\n"
                 "  list     the audit log as CSV or a table (--from, --to, --action, --actor, --text, --format, --out)\n"
                 "  verify   check the hash chain; exit 1 naming the first bad entry (--anchor HASH)\n";
        out().flush();
        return ExitOk;
    }
    return usage(QStringLiteral("expected: audit list|verify (see 'audit --help')"));
}

} // namespace ll::cli

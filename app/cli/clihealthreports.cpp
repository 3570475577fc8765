// lakeledger-cli report quality | coverage: the Data Health figures, as CSV or an aligned table.
#include "clicommon.h"

#include "common/money.h"
#include "reports/coverage.h"
#include "reports/csvwriter.h"
#include "reports/quality.h"

#include <algorithm>
#include <functional>

namespace ll::cli {

namespace {

const QCommandLineOption kFrom(QStringLiteral("from"), QStringLiteral("First usage day, YYYY-MM-DD (inclusive)."), QStringLiteral("DATE"));
const QCommandLineOption kTo(QStringLiteral("to"), QStringLiteral("Last usage day, YYYY-MM-DD (inclusive)."), QStringLiteral("DATE"));
const QCommandLineOption kOut(QStringLiteral("out"), QStringLiteral("Write the report to FILE instead of standard output."), QStringLiteral("FILE"));
const QCommandLineOption kFormat(QStringLiteral("format"), QStringLiteral("csv (default) or table (aligned columns for reading)."),
                                 QStringLiteral("FORMAT"), QStringLiteral("csv"));

// One report cell: numbers stay numbers in CSV (a negative amount written as text would be
// neutralised as a formula) and are right-aligned in a table.
struct Cell {
    enum class Kind { Text, Decimal, Integer } kind = Kind::Text;
    QString text;
    std::int64_t value = 0;
    int decimals = 0;
};
Cell text(const QString &t) { return {Cell::Kind::Text, t, 0, 0}; }
Cell decimal(std::int64_t nanos, int decimals) { return {Cell::Kind::Decimal, {}, nanos, decimals}; }
Cell integer(std::int64_t v) { return {Cell::Kind::Integer, {}, v, 0}; }
// Basis points as a percentage with two decimals, exactly (8125 -> 81.25).
Cell percent(std::int64_t basisPoints) { return decimal(basisPoints * (kNanosPerUnit / 100), 2); }

QString display(const Cell &c)
{
    switch (c.kind) {
    case Cell::Kind::Text: return c.text;
    case Cell::Kind::Decimal: return formatNanos(c.value, c.decimals);
    case Cell::Kind::Integer: return QString::number(c.value);
    }
    return {};
}

Status writeRows(QIODevice &dev, bool table, const QStringList &header, const QList<QList<Cell>> &rows)
{
    if (!table) {
        reports::CsvWriter csv(dev);
        for (const QString &h : header)
            csv.addText(h);
        if (auto s = csv.endRow(); !s)
            return s;
        for (const auto &row : rows) {
            for (const Cell &c : row) {
                if (c.kind == Cell::Kind::Text)
                    csv.addText(c.text);
                else if (c.kind == Cell::Kind::Decimal)
                    csv.addMoney(c.value, c.decimals);
                else
                    csv.addInteger(c.value);
            }
            if (auto s = csv.endRow(); !s)
                return s;
        }
        return {};
    }
    QList<qsizetype> widths;
    QList<bool> numeric(header.size(), true); // header aligns with its numbers
    for (const QString &h : header)
        widths.append(h.size());
    for (const auto &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i) {
            widths[i] = std::max(widths[i], display(row[i]).size());
            if (row[i].kind == Cell::Kind::Text && !row[i].text.isEmpty())
                numeric[i] = false;
        }
    }
    const auto line = [&](const QStringList &cells, const QList<bool> &right) {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i) {
            if (i > 0)
                text += QStringLiteral("  ");
            const int w = static_cast<int>(widths[i]);
            text += right[i] ? cells[i].rightJustified(w) : (i + 1 == cells.size() ? cells[i] : cells[i].leftJustified(w));
        }
        while (text.endsWith(QLatin1Char(' ')))
            text.chop(1);
        return text + QLatin1Char('\n');
    };
    QByteArray outText = line(header, numeric).toUtf8();
    for (const auto &row : rows) {
        QStringList cells;
        QList<bool> right;
        for (const Cell &c : row) {
            cells.append(display(c));
            right.append(c.kind != Cell::Kind::Text);
        }
        outText += line(cells, right).toUtf8();
    }
    if (dev.write(outText) != outText.size())
        return makeError(ErrorCode::Io, QStringLiteral("Cannot write the report"), dev.errorString());
    return {};
}

// Reads --from/--to and --format; returns -1 to continue, else the exit code of a usage error.
int readCommon(const QCommandLineParser &parser, QDate &from, QDate &to, bool &table)
{
    if (!parser.positionalArguments().isEmpty())
        return usage(QStringLiteral("Unexpected argument '%1'").arg(parser.positionalArguments().first()));
    if (int rc = readDateRange(parser, kFrom, kTo, from, to); rc >= 0)
        return rc;
    const QString format = parser.value(kFormat).toLower();
    if (format != QLatin1String("csv") && format != QLatin1String("table"))
        return usage(QStringLiteral("--format takes csv or table, not '%1'").arg(parser.value(kFormat)));
    table = format == QLatin1String("table");
    return -1;
}

QString isoTime(const QDateTime &t) { return t.isValid() ? t.toString(Qt::ISODate) : QString(); }

int reportQuality(const CommandEnv &env)
{
    QCommandLineParser parser;
    parser.addOptions({kFrom, kTo, kFormat, kOut});
    if (int rc = parseCommand(parser, env, QStringLiteral("Writes the data quality figures: total and unattributed cost (share in percent of total "
                                                           "cost), unpriced usage quantity and line items, cost covered per tag key, and "
                                                           "stale sources (usage, timeline and query tables whose newest event is over 48 h old)."));
        rc >= 0)
        return rc;
    reports::QualityQuery q;
    bool table = false;
    if (int rc = readCommon(parser, q.from, q.to, table); rc >= 0)
        return rc;
    q.now = QDateTime::currentDateTimeUtc();
    return writeReport(env, parser.value(kOut), [&](store::Database &db, QIODevice &dev) -> Status {
        auto quality = reports::loadQuality(db, q);
        if (!quality)
            return quality.error();
        QList<QList<Cell>> rows;
        rows.append({text(QStringLiteral("total_cost")), text({}), decimal(quality->totalCostNanos, 2), text({})});
        rows.append({text(QStringLiteral("unattributed_cost")), text({}), decimal(quality->unattributedCostNanos, 2),
                     percent(quality->unattributedBasisPoints)});
        rows.append({text(QStringLiteral("unpriced_quantity")), text({}), decimal(quality->unpricedQuantityNanos, 6), text({})});
        rows.append({text(QStringLiteral("unpriced_lines")), text({}), integer(quality->unpricedLines), text({})});
        for (const auto &t : quality->tagCoverage)
            rows.append({text(QStringLiteral("tag_coverage")), text(t.key), decimal(t.coveredCostNanos, 2), percent(t.basisPoints)});
        for (const auto &s : quality->staleSources)
            rows.append({text(QStringLiteral("stale_source")), text(s.source), text(isoTime(s.newestEventTime)), text(s.status)});
        return writeRows(dev, table, {QStringLiteral("metric"), QStringLiteral("key"), QStringLiteral("value"), QStringLiteral("share_percent")}, rows);
    });
}

int reportCoverage(const CommandEnv &env)
{
    QCommandLineParser parser;
    parser.addOptions({kFrom, kTo, kFormat, kOut});
    if (int rc = parseCommand(parser, env, QStringLiteral("Writes the coverage map: one row per workspace and system table with a workspace_id "
                                                           "column: whether the table was readable, its status for the workspace (ok, stale, "
                                                           "no_rows, failed, unavailable, never), rows, newest event and ingestion date; and "
                                                           "the workspace's cost with the shares (percent) that have no resource, no owner "
                                                           "or no team. Definitions: docs in core/reports/coverage.h."));
        rc >= 0)
        return rc;
    reports::CoverageQuery q;
    bool table = false;
    if (int rc = readCommon(parser, q.from, q.to, table); rc >= 0)
        return rc;
    q.now = QDateTime::currentDateTimeUtc();
    return writeReport(env, parser.value(kOut), [&](store::Database &db, QIODevice &dev) -> Status {
        auto coverage = reports::loadCoverage(db, q);
        if (!coverage)
            return coverage.error();
        QList<QList<Cell>> rows;
        for (const auto &w : coverage->workspaces) {
            for (const auto &s : w.sources) {
                rows.append({text(w.workspaceId), text(w.name), text(w.cloud), text(w.region), decimal(w.costNanos, 2),
                             percent(w.noResourceBasisPoints), percent(w.noOwnerBasisPoints), percent(w.unattributedBasisPoints),
                             text(s.systemTable), text(s.readable ? QStringLiteral("yes") : QStringLiteral("no")),
                             text(reports::coverageStateName(s.state)), integer(s.rows), text(isoTime(s.newestEventTime)),
                             text(s.newestIngestionDate.isValid() ? s.newestIngestionDate.toString(Qt::ISODate) : QString())});
            }
        }
        return writeRows(dev, table,
                         {QStringLiteral("workspace_id"), QStringLiteral("workspace_name"), QStringLiteral("cloud"), QStringLiteral("region"),
                          QStringLiteral("cost"), QStringLiteral("no_resource_percent"), QStringLiteral("no_owner_percent"),
                          QStringLiteral("unattributed_percent"), QStringLiteral("system_table"), QStringLiteral("readable"),
                          QStringLiteral("status"), QStringLiteral("rows"), QStringLiteral("newest_event_time"),
                          QStringLiteral("newest_ingestion_date")},
                         rows);
    });
}

} // namespace

QStringList healthReportNames()
{
    return {QStringLiteral("quality"), QStringLiteral("coverage")};
}

// Returns -1 when `name` is not one of these reports.
int runHealthReport(const QString &name, const CommandEnv &env)
{
    if (name == QLatin1String("quality"))
        return reportQuality(env);
    if (name == QLatin1String("coverage"))
        return reportCoverage(env);
    return -1;
}

} // namespace ll::cli

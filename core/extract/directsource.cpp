#include "directsource.h"

#include "apierror.h"
#include "redaction.h"
#include "restenrichment.h"
#include "statementrunner.h"

#include "raw/sourcecatalog.h"
#include "raw/sourcestate.h"

#include <QSet>
#include <QTimeZone>

#include <algorithm>

namespace ll::extract {
namespace {

// Small, slowly changing tables (or snapshots) are read whole each sync: a time filter would
// miss a price period being closed or a workspace changing status.
bool readsWhole(const raw::SourceSpec &spec)
{
    return spec.eventTimeColumn.isEmpty() || spec.id == QLatin1String("billing_list_prices")
           || spec.id == QLatin1String("access_workspaces_latest");
}

QString isoUtc(const QDateTime &t)
{
    return t.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ssZ"));
}

QString quoted(const QString &identifier)
{
    return QLatin1Char('`') + QString(identifier).replace(QLatin1Char('`'), QStringLiteral("``")) + QLatin1Char('`');
}

bool isResultTooLarge(const Error &e)
{
    // The INLINE disposition has a 25 MiB limit; Databricks names EXTERNAL_LINKS when it is hit.
    const QString text = e.message + e.detail;
    return text.contains(QLatin1String("EXTERNAL_LINKS")) || text.contains(QLatin1String("too large"), Qt::CaseInsensitive)
           || text.contains(QLatin1String("exceeds"), Qt::CaseInsensitive);
}

} // namespace

DirectSource::DirectSource(ClientOptions clientOptions, ClientCredentials credentials, DirectOptions options)
    : m_clientOptions(std::move(clientOptions)), m_credentials(std::move(credentials)), m_options(std::move(options))
{
}

DirectSource::~DirectSource() = default;

QStringList DirectSource::restSourceIds()
{
    QStringList ids;
    for (const RestApi &api : restApis(QStringLiteral("x")))
        ids.append(api.source);
    return ids;
}

void DirectSource::finished(const SourceResult &result)
{
    qCInfo(lcExtract).noquote() << result.title << raw::toText(result.status) << result.rows << "rows" << result.error;
    if (m_onFinished)
        m_onFinished(result);
}

Result<std::optional<QDateTime>> DirectSource::storedWatermark(store::Database &db, const QString &sourceId)
{
    auto state = raw::loadSourceState(db, sourceId);
    if (!state)
        return state.error();
    if (state->watermark.isEmpty())
        return std::optional<QDateTime>{};
    const QDateTime t = QDateTime::fromString(state->watermark, Qt::ISODate);
    return t.isValid() ? std::optional<QDateTime>(t.toUTC()) : std::nullopt;
}

Result<QStringList> DirectSource::tableColumns(const raw::SourceSpec &spec, StatementRunner &runner)
{
    // The table's real columns, so only those that exist are selected: Public Preview tables
    // gain and lose columns, and selecting a missing one would fail the whole query.
    StatementRequest probe{QStringLiteral("SELECT * FROM %1 LIMIT 0").arg(spec.systemTable), {}, m_options.warehouseId,
                           QStringLiteral("checking %1").arg(spec.systemTable), spec.systemTable};
    QStringList names;
    auto run = runner.run(
        probe,
        [&](const QList<raw::ResultColumn> &columns) {
            for (const raw::ResultColumn &c : columns)
                names.append(c.name.trimmed().toLower());
            return Status{};
        },
        [](const QByteArray &, bool) { return Status{}; });
    if (!run)
        return run.error();
    return names;
}

Status DirectSource::runStatement(const raw::SourceSpec &spec, raw::RawIngestor &ingestor, std::int64_t batchId,
    pipeline::StageContext *context, StatementRunner &runner, const StatementRequest &request, const std::optional<QString> &watermark,
    std::int64_t &rows, double progressBase)
{
    auto outcome = runner.run(
        request, [&](const QList<raw::ResultColumn> &columns) { return ingestor.setSchema(spec, columns); },
        [&](const QByteArray &chunk, bool last) -> Status {
            auto appended = ingestor.appendChunk(batchId, chunk, last ? watermark : std::nullopt);
            if (!appended)
                return appended.error();
            rows += appended->rows;
            if (context)
                context->report(
                    QStringLiteral("extract"), progressBase, QStringLiteral("Reading %1: %2 rows").arg(spec.systemTable).arg(rows));
            return {};
        });
    if (!outcome)
        return outcome.error();
    return {};
}

// The latest row of every entity changed before `before`, whatever its age: a job defined a
// year ago and never edited has only year-old rows, and without them it has no name, owner or
// tags. Entities deleted before `before` are left out: they cannot have usage inside the
// windows read next, and job clusters (one per job run) would otherwise make this result as
// long as the run history.
Result<std::int64_t> DirectSource::readLatestState(const raw::SourceSpec &spec, raw::RawIngestor &ingestor, std::int64_t batchId,
    StatementRunner &runner, const QStringList &available, const QString &select, const QDateTime &before)
{
    QStringList key;
    for (const QByteArray &c : raw::SourceCatalog::entityKey(spec.id)) {
        if (available.contains(QString::fromLatin1(c)))
            key.append(quoted(QString::fromLatin1(c)));
    }
    const QString change = quoted(QString::fromLatin1(spec.eventTimeColumn));
    QString sql = QStringLiteral("SELECT %1 FROM (SELECT %1, row_number() OVER (PARTITION BY %2 ORDER BY %3 DESC) AS ll_latest "
                                 "FROM %4 WHERE %3 < :until) WHERE ll_latest = 1")
                      .arg(select, key.join(QStringLiteral(", ")), change, spec.systemTable);
    if (available.contains(QLatin1String("delete_time")))
        sql += QStringLiteral(" AND (`delete_time` IS NULL OR `delete_time` >= :until)");
    StatementRequest request{sql, {{QStringLiteral("until"), isoUtc(before), QStringLiteral("TIMESTAMP")}}, m_options.warehouseId,
        QStringLiteral("reading the latest state in %1").arg(spec.systemTable), spec.systemTable};
    std::int64_t rows = 0;
    if (auto s = runStatement(spec, ingestor, batchId, nullptr, runner, request, isoUtc(before), rows, 0); !s)
        return s.error();
    return rows;
}

// Windows of `column` from `start` to now, one statement each, growing while results stay
// small. byDay: the column is a DATE (ingestion_date), so windows are whole days, bound as
// DATE parameters, and the watermark never passes today, which is still being written.
Result<std::int64_t> DirectSource::readWindows(const raw::SourceSpec &spec, raw::RawIngestor &ingestor, std::int64_t batchId,
    pipeline::StageContext &context, StatementRunner &runner, const QString &select, const QString &column, bool byDay, QDateTime start,
    double progressBase, double progressSpan)
{
    const QDateTime now = context.clock.now().toUTC();
    const QDateTime today(now.date(), QTime(0, 0), Qt::UTC);
    const QDateTime end = byDay ? today.addDays(1) : now;
    if (byDay)
        start = QDateTime(start.toUTC().date(), QTime(0, 0), Qt::UTC);
    const QString sql =
        QStringLiteral("SELECT %1 FROM %2 WHERE %3 >= :since AND %3 < :until ORDER BY %3").arg(select, spec.systemTable, quoted(column));
    const QString what = QStringLiteral("reading %1").arg(spec.systemTable);
    const QString type = byDay ? QStringLiteral("DATE") : QStringLiteral("TIMESTAMP");
    auto param = [&](const QDateTime &t) { return byDay ? t.date().toString(Qt::ISODate) : isoUtc(t); };
    const qint64 minHours = byDay ? 24 : 1;
    auto roundHours = [&](qint64 h) { return std::max(minHours, byDay ? h / 24 * 24 : h); };
    const qint64 span = std::max<qint64>(1, start.secsTo(end));
    qint64 windowHours = roundHours(std::clamp(m_options.initialWindowHours, 1, m_options.maxWindowHours));
    std::int64_t rows = 0;
    while (start < end) {
        const QDateTime until = std::min(start.addSecs(windowHours * 3600), end);
        StatementRequest request{sql, {{QStringLiteral("since"), param(start), type}, {QStringLiteral("until"), param(until), type}},
            m_options.warehouseId, what, spec.systemTable};
        const std::int64_t before = rows;
        const QDateTime watermark = byDay ? std::min(until, today) : until;
        if (auto s = runStatement(spec, ingestor, batchId, &context, runner, request, isoUtc(watermark), rows, progressBase); !s) {
            // A window whose result exceeds the INLINE limit is split, if nothing of it was
            // committed yet (chunks already appended would be read twice: harmless but wasteful).
            if (isResultTooLarge(s.error()) && windowHours > minHours && rows == before) {
                windowHours = roundHours(windowHours / 2);
                continue;
            }
            return s.error();
        }
        const std::int64_t got = rows - before;
        if (got < m_options.targetRowsPerStatement / 4)
            windowHours = roundHours(std::min<qint64>(windowHours * 2, std::max<qint64>(m_options.maxWindowHours, minHours)));
        else if (got > m_options.targetRowsPerStatement)
            windowHours = roundHours(windowHours / 2);
        start = until;
        context.report(QStringLiteral("extract"),
            progressBase + progressSpan * (1.0 - static_cast<double>(start.secsTo(end)) / static_cast<double>(span)),
            QStringLiteral("Reading %1: %2 rows").arg(spec.systemTable).arg(rows));
        if (context.cancel.isCancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("Cancelled while %1").arg(what));
    }
    return rows;
}

Result<std::int64_t> DirectSource::extractTable(const raw::SourceSpec &spec, raw::RawIngestor &ingestor, std::int64_t batchId,
                                                pipeline::StageContext &context, StatementRunner &runner, double progressBase,
                                                double progressSpan)
{
    m_note.clear();
    auto available = tableColumns(spec, runner);
    if (!available)
        return available.error();
    QStringList selected;
    for (const QByteArray &c : spec.columns) {
        if (available->contains(QString::fromLatin1(c)))
            selected.append(quoted(QString::fromLatin1(c)));
    }
    const QString select = selected.join(QStringLiteral(", "));
    for (const QByteArray &required : spec.requiredColumns) {
        if (!available->contains(QString::fromLatin1(required)))
            return makeError(ErrorCode::BadInput, QStringLiteral("%1 has no column %2; LakeLedger cannot use its rows without it.")
                                                      .arg(spec.systemTable, QString::fromLatin1(required)));
    }
    const QString eventColumn = QString::fromLatin1(spec.eventTimeColumn);
    const bool whole = readsWhole(spec) || !available->contains(eventColumn);
    const QDateTime now = context.clock.now().toUTC();

    if (whole) {
        StatementRequest request{QStringLiteral("SELECT %1 FROM %2").arg(select, spec.systemTable), {}, m_options.warehouseId,
            QStringLiteral("reading %1").arg(spec.systemTable), spec.systemTable};
        std::int64_t rows = 0;
        if (auto s = runStatement(spec, ingestor, batchId, &context, runner, request, isoUtc(now), rows, progressBase); !s)
            return s.error();
        return rows;
    }

    auto watermark = storedWatermark(context.db, spec.id);
    if (!watermark)
        return watermark.error();
    const bool entities = !raw::SourceCatalog::entityKey(spec.id).isEmpty();
    if (entities) {
        // Entity state is not bounded by --since or the history window: every entity in use
        // needs its current name, owner and tags however long ago it last changed.
        if (*watermark)
            return readWindows(spec, ingestor, batchId, context, runner, select, eventColumn, false,
                (*watermark)->addDays(-std::max(0, m_options.otherLookbackDays)), progressBase, progressSpan);
        const QDateTime boundary = m_options.since ? m_options.since->toUTC() : now.addDays(-m_options.historyDays);
        auto latest = readLatestState(spec, ingestor, batchId, runner, *available, select, boundary);
        if (!latest)
            return latest.error();
        auto changes =
            readWindows(spec, ingestor, batchId, context, runner, select, eventColumn, false, boundary, progressBase, progressSpan);
        if (!changes)
            return changes.error();
        return *latest + *changes;
    }

    const QString arrival = QString::fromLatin1(raw::SourceCatalog::arrivalColumn(spec.id));
    const bool byArrival = !arrival.isEmpty() && available->contains(arrival);
    if (!arrival.isEmpty() && !byArrival)
        m_note =
            QStringLiteral("%1 has no %2 column: read by %3 with a %4-day lookback, so corrections arriving later than that are missed")
                .arg(spec.systemTable, arrival, eventColumn)
                .arg(m_options.lookbackDays);
    QDateTime start;
    if (m_options.since) {
        start = m_options.since->toUTC();
    } else if (!*watermark) {
        start = now.addDays(-m_options.historyDays);
    } else {
        int overlap = m_options.otherLookbackDays;
        if (byArrival)
            overlap = std::max(1, m_options.ingestionOverlapDays); // the watermark day itself is re-read too
        else if (spec.id == QLatin1String("billing_usage"))
            overlap = m_options.lookbackDays;
        else if (spec.id.endsWith(QLatin1String("_timeline")) && spec.id.startsWith(QLatin1String("lakeflow_")))
            overlap = std::max(m_options.otherLookbackDays, m_options.runTimelineLookbackDays);
        start = (*watermark)->addDays(-std::max(0, overlap));
    }
    return readWindows(
        spec, ingestor, batchId, context, runner, select, byArrival ? arrival : eventColumn, byArrival, start, progressBase, progressSpan);
}

Result<pipeline::StageStats> DirectSource::extract(raw::RawIngestor &ingestor, pipeline::StageContext &context)
{
    // The client lives on this (the extracting) thread: QNetworkAccessManager is thread-bound.
    DatabricksClient client(m_clientOptions, m_credentials, context.cancel);
    if (auto s = client.validate(); !s)
        return s.error();
    if (m_options.warehouseId.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Pick the SQL warehouse LakeLedger should query the system tables with"));
    StatementRunner runner(client);
    runner.setPollDelays(m_options.pollFirstMs, m_options.pollMaxMs);

    QList<const raw::SourceSpec *> specs;
    for (const raw::SourceSpec &spec : raw::SourceCatalog::systemTables()) {
        if (m_options.sources.isEmpty() || m_options.sources.contains(spec.id))
            specs.append(&spec);
    }
    QList<RestApi> apis;
    if (m_options.restEnrichment) {
        for (const RestApi &api : restApis(client.hasAccountAccess() ? m_credentials.accountId : QString())) {
            if (m_options.sources.isEmpty() || m_options.sources.contains(api.source))
                apis.append(api);
        }
    }
    QSet<QString> deniedIsUnavailable;
    for (const RestApi &api : std::as_const(apis)) {
        if (api.deniedIsUnavailable)
            deniedIsUnavailable.insert(api.source);
    }
    const double total = static_cast<double>(specs.size() + apis.size());
    pipeline::StageStats stats;
    std::optional<Error> requiredFailure;
    int done = 0;

    auto runOne = [&](const QString &id, const QString &title, bool required, auto &&body) -> std::optional<Error> {
        context.report(QStringLiteral("extract"), done / std::max(1.0, total), QStringLiteral("Reading %1").arg(title));
        auto batch = ingestor.beginBatch(id, mode());
        if (!batch)
            return batch.error();
        auto rows = body(*batch);
        SourceResult result{id, title, raw::BatchStatus::Succeeded, rows ? *rows : 0, {}, rows ? m_note : QString()};
        m_note.clear();
        if (!rows) {
            const Error &e = rows.error();
            if (e.code == ErrorCode::Cancelled)
                result.status = raw::BatchStatus::Cancelled;
            // An optional table not granted or missing, or an API this workspace does not offer
            // (e.g. pipelines), is just not there: recorded, not a failed sync.
            else if (!required
                && (isUnavailableError(e)
                    || (id.startsWith(QLatin1String("rest_")) && remoteErrorCode(e) == QLatin1String("ENDPOINT_NOT_FOUND"))
                    || (deniedIsUnavailable.contains(id) && (remoteHttpStatus(e) == 403 || remoteHttpStatus(e) == 404))))
                result.status = raw::BatchStatus::Unavailable;
            else
                result.status = raw::BatchStatus::Failed;
            result.error = client.scrub(e.message);
        }
        if (auto s = ingestor.finishBatch(*batch, result.status, result.error); !s)
            return s.error();
        if (!result.note.isEmpty()) {
            if (auto s = ingestor.setSourceMessage(id, result.note); !s)
                return s.error();
        }
        stats.rowsOut += result.rows;
        ++done;
        finished(result);
        if (!rows && (rows.error().code == ErrorCode::Cancelled || rows.error().code == ErrorCode::Database))
            return client.scrub(rows.error()); // stop: the user asked, or the store cannot take more
        // The workspace is unreachable (nothing listens, wrong host, TLS, or failure after
        // failure) or refused the sign-in: every further source would only repeat it. Stop
        // with the cause; what was read so far stays committed, nothing else changes.
        if (auto fatal = client.fatal())
            return *fatal;
        if (!rows && result.status == raw::BatchStatus::Failed && required && !requiredFailure)
            requiredFailure = rows.error();
        return std::nullopt;
    };

    for (const raw::SourceSpec *spec : specs) {
        const double base = done / std::max(1.0, total);
        auto stop = runOne(spec->id, spec->systemTable, spec->required, [&](std::int64_t batchId) {
            return extractTable(*spec, ingestor, batchId, context, runner, base, 1.0 / std::max(1.0, total));
        });
        if (stop)
            return *stop;
    }
    for (const RestApi &api : apis) {
        // Enrichment is never required: names and settings help, but costs come from billing.
        auto stop = runOne(api.source, api.title, false, [&](std::int64_t batchId) {
            return extractRestApi(client, context.db, context.clock, batchId, api);
        });
        if (stop)
            return *stop;
    }
    if (requiredFailure)
        return client.scrub(*requiredFailure);
    context.report(QStringLiteral("extract"), 1.0, QStringLiteral("Extraction finished"));
    return stats;
}

} // namespace ll::extract

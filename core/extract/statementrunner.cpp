#include "statementrunner.h"

#include "apierror.h"
#include "redaction.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace ll::extract {
namespace {

const QString kStatements = QStringLiteral("/api/2.0/sql/statements/");

Error cancelledError(const StatementRequest &request)
{
    return makeError(ErrorCode::Cancelled, QStringLiteral("Cancelled while %1").arg(request.what));
}

// How many rows a chunk holds and claims to hold; -1 when it does not say.
std::pair<qsizetype, qint64> rowCounts(const QJsonObject &chunk)
{
    const qsizetype actual = chunk.value(QLatin1String("data_array")).toArray().size();
    const qint64 claimed = chunk.contains(QLatin1String("row_count")) ? chunk.value(QLatin1String("row_count")).toInteger() : -1;
    return {actual, claimed};
}

} // namespace

StatementRunner::StatementRunner(DatabricksClient &client) : m_client(client) {}

void StatementRunner::setPollDelays(int firstMs, int maxMs)
{
    m_firstPollMs = firstMs;
    m_maxPollMs = maxMs;
}

void StatementRunner::cancelStatement(const QString &statementId)
{
    // Best effort: the warehouse stops spending money on a result nobody will read.
    auto r = m_client.postDespiteCancel(kStatements + statementId + QStringLiteral("/cancel"), QStringLiteral("cancelling a query"));
    if (!r)
        qCInfo(lcExtract).noquote() << "Could not cancel statement" << statementId << ":" << r.error().message;
}

Error StatementRunner::stateError(const QJsonObject &response, const StatementRequest &request)
{
    const QJsonObject status = response.value(QLatin1String("status")).toObject();
    const QString state = status.value(QLatin1String("state")).toString();
    const QJsonObject error = status.value(QLatin1String("error")).toObject();
    const QString message = m_client.scrub(error.value(QLatin1String("message")).toString());
    if (state == QLatin1String("FAILED"))
        return describeStatementError(error.value(QLatin1String("error_code")).toString(), status.value(QLatin1String("sql_state")).toString(),
                                      message, request.systemTable);
    if (state == QLatin1String("CANCELED"))
        return makeError(ErrorCode::Remote, QStringLiteral("The query was cancelled on the warehouse while %1 (by an administrator or "
                                                           "a warehouse timeout).").arg(request.what), QStringLiteral("CANCELED: ") + message);
    if (state == QLatin1String("CLOSED"))
        return makeError(ErrorCode::Remote, QStringLiteral("The query's results expired before they were read while %1; the next "
                                                           "sync reads them again.").arg(request.what), QStringLiteral("CLOSED: ") + message);
    return makeError(ErrorCode::Remote, QStringLiteral("The query ended in an unexpected state '%1' while %2").arg(state, request.what));
}

Result<QJsonObject> StatementRunner::waitForResult(const QString &statementId, QJsonObject response, const StatementRequest &request)
{
    int delay = m_firstPollMs;
    while (true) {
        const QString state = response.value(QLatin1String("status")).toObject().value(QLatin1String("state")).toString();
        if (state == QLatin1String("SUCCEEDED"))
            return response;
        if (state != QLatin1String("PENDING") && state != QLatin1String("RUNNING"))
            return stateError(response, request);
        // Waiting is where a user cancel usually lands: stop the query on the warehouse too.
        if (!m_client.wait(delay)) {
            cancelStatement(statementId);
            return cancelledError(request);
        }
        delay = std::min(delay * 2, m_maxPollMs);
        auto polled = m_client.get(kStatements + statementId, request.what);
        if (!polled) {
            if (polled.error().code == ErrorCode::Cancelled)
                cancelStatement(statementId);
            return polled.error();
        }
        response = *polled;
    }
}

Result<StatementOutcome> StatementRunner::run(const StatementRequest &request, const ManifestFn &onManifest, const ChunkFn &onChunk)
{
    QJsonArray parameters;
    for (const StatementParameter &p : request.parameters) {
        QJsonObject o{{QStringLiteral("name"), p.name}, {QStringLiteral("value"), p.value.isNull() ? QJsonValue() : QJsonValue(p.value)}};
        if (!p.type.isEmpty())
            o.insert(QStringLiteral("type"), p.type);
        parameters.append(o);
    }
    const QJsonObject body{{QStringLiteral("statement"), request.sql},
                           {QStringLiteral("warehouse_id"), request.warehouseId},
                           {QStringLiteral("parameters"), parameters},
                           {QStringLiteral("wait_timeout"), request.waitTimeout},
                           {QStringLiteral("on_wait_timeout"), QStringLiteral("CONTINUE")},
                           {QStringLiteral("disposition"), QStringLiteral("INLINE")},
                           {QStringLiteral("format"), QStringLiteral("JSON_ARRAY")}};
    auto submitted = m_client.post(QStringLiteral("/api/2.0/sql/statements"), body, request.what);
    if (!submitted)
        return submitted.error();
    StatementOutcome outcome;
    outcome.statementId = submitted->value(QLatin1String("statement_id")).toString();
    if (outcome.statementId.isEmpty())
        return makeError(ErrorCode::Remote, QStringLiteral("Databricks accepted a query without returning its id while %1").arg(request.what));
    auto finished = waitForResult(outcome.statementId, *submitted, request);
    if (!finished)
        return finished.error();

    const QJsonObject manifest = finished->value(QLatin1String("manifest")).toObject();
    if (manifest.value(QLatin1String("truncated")).toBool())
        return makeError(ErrorCode::Remote, QStringLiteral("Databricks truncated the result while %1").arg(request.what));
    QJsonArray schemaColumns = manifest.value(QLatin1String("schema")).toObject().value(QLatin1String("columns")).toArray();
    QList<raw::ResultColumn> columns(schemaColumns.size());
    for (qsizetype i = 0; i < schemaColumns.size(); ++i) {
        const QJsonObject c = schemaColumns[i].toObject();
        const qsizetype position = c.value(QLatin1String("position")).toInteger(i);
        if (position < 0 || position >= columns.size())
            return makeError(ErrorCode::BadInput, QStringLiteral("The result manifest is inconsistent while %1").arg(request.what));
        columns[position] = {c.value(QLatin1String("name")).toString(), c.value(QLatin1String("type_name")).toString()};
    }
    if (auto s = onManifest(columns); !s)
        return s.error();

    QHash<qint64, qint64> expectedRows; // chunk index -> row count the manifest promises
    for (const QJsonValue &v : manifest.value(QLatin1String("chunks")).toArray())
        expectedRows.insert(v.toObject().value(QLatin1String("chunk_index")).toInteger(), v.toObject().value(QLatin1String("row_count")).toInteger());
    const qint64 totalRows = manifest.value(QLatin1String("total_row_count")).toInteger(-1);

    QJsonObject chunk = finished->value(QLatin1String("result")).toObject();
    qint64 index = chunk.value(QLatin1String("chunk_index")).toInteger(0);
    if (!finished->contains(QLatin1String("result")))
        chunk = QJsonObject{{QStringLiteral("chunk_index"), 0}, {QStringLiteral("row_offset"), 0}, {QStringLiteral("row_count"), 0}};
    while (true) {
        // A chunk whose rows disagree with what it or the manifest says was cut or mangled on
        // the way: fetch it again rather than ingest a partial page.
        for (int refetch = 0;; ++refetch) {
            const auto [actual, claimed] = rowCounts(chunk);
            const qint64 expected = expectedRows.value(index, claimed);
            if ((claimed < 0 || claimed == actual) && (expected < 0 || expected == actual))
                break;
            if (refetch >= 3)
                return makeError(ErrorCode::BadInput, QStringLiteral("Chunk %1 of the result kept arriving incomplete while %2").arg(index).arg(request.what),
                                 QStringLiteral("%1 rows received, %2 expected").arg(actual).arg(expected));
            auto again = m_client.get(kStatements + outcome.statementId + QStringLiteral("/result/chunks/%1").arg(index), request.what);
            if (!again)
                return again.error();
            chunk = *again;
        }
        const bool last = !chunk.contains(QLatin1String("next_chunk_index"));
        const qint64 next = chunk.value(QLatin1String("next_chunk_index")).toInteger();
        const QString link = chunk.value(QLatin1String("next_chunk_internal_link")).toString();
        outcome.rows += chunk.value(QLatin1String("data_array")).toArray().size();
        ++outcome.chunks;
        if (auto s = onChunk(QJsonDocument(chunk).toJson(QJsonDocument::Compact), last); !s)
            return s.error();
        if (last)
            break;
        if (m_client.cancelToken().isCancelled()) {
            cancelStatement(outcome.statementId);
            return cancelledError(request);
        }
        // Only follow links into this statement's own results on this host.
        const QString path = link.startsWith(kStatements + outcome.statementId + QLatin1Char('/'))
                                 ? link
                                 : kStatements + outcome.statementId + QStringLiteral("/result/chunks/%1").arg(next);
        auto fetched = m_client.get(path, request.what);
        if (!fetched) {
            if (fetched.error().code == ErrorCode::Cancelled)
                cancelStatement(outcome.statementId);
            return fetched.error();
        }
        chunk = *fetched;
        index = next;
    }
    if (totalRows >= 0 && totalRows != outcome.rows)
        return makeError(ErrorCode::BadInput, QStringLiteral("The result had %1 rows, the manifest promised %2, while %3").arg(outcome.rows).arg(totalRows).arg(request.what));
    return outcome;
}

} // namespace ll::extract

#pragma once

#include "databricksclient.h"

#include "raw/rawingestor.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace ll::extract {

struct StatementParameter {
    QString name;
    QString value; // null QString = SQL NULL
    QString type;  // STRING, TIMESTAMP, DATE, INT...; empty = STRING
};

struct StatementRequest {
    QString sql;
    QList<StatementParameter> parameters;
    QString warehouseId;
    QString what;                            // "reading system.billing.usage", for messages
    QString systemTable;                     // for statement error messages
    QString waitTimeout = QStringLiteral("10s");
};

struct StatementOutcome {
    QString statementId;
    std::int64_t rows = 0;
    int chunks = 0;
};

// Runs one SQL statement through the Statement Execution API 2.0 (INLINE + JSON_ARRAY) and hands
// every result chunk to `onChunk` as it arrives, so memory stays one chunk however large the
// result. Polls PENDING/RUNNING with backoff, follows next_chunk_internal_link, re-fetches a
// chunk whose row count disagrees with the manifest, cancels the statement on user cancel, and
// turns FAILED/CANCELED/CLOSED into an Error with the server's message.
class StatementRunner {
public:
    // `columns` once the manifest is known; then each chunk's raw JSON (a "result" object or a
    // whole statement response) and whether it is the last one.
    using ManifestFn = std::function<Status(const QList<raw::ResultColumn> &columns)>;
    using ChunkFn = std::function<Status(const QByteArray &chunkJson, bool last)>;

    explicit StatementRunner(DatabricksClient &client);

    Result<StatementOutcome> run(const StatementRequest &request, const ManifestFn &onManifest, const ChunkFn &onChunk);

    // Poll backoff: starts here, doubles up to the cap (ms, scaled by the client's waitScale).
    void setPollDelays(int firstMs, int maxMs);

private:
    Result<QJsonObject> waitForResult(const QString &statementId, QJsonObject response, const StatementRequest &request);
    void cancelStatement(const QString &statementId);
    Error stateError(const QJsonObject &response, const StatementRequest &request);

    DatabricksClient &m_client;
    int m_firstPollMs = 500;
    int m_maxPollMs = 5000;
};

} // namespace ll::extract

#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <functional>
#include <optional>

class QTcpServer;
class QTcpSocket;

namespace ll::test {

// A system table as the fake serves it: its real columns (which may differ from the catalog's)
// and rows of JSON_ARRAY values (strings or null) in column order.
struct FakeTable {
    QStringList columns;
    QString eventColumn; // used for the :since/:until filter
    QList<QJsonArray> rows;
};

enum class FaultKind {
    TooManyRequests, // 429 + Retry-After
    Unavailable,     // 503
    Slow,            // answer after delayMs
    Truncated,       // Content-Length promises more than is sent, then the connection closes
    Malformed,       // a body cut in half with a matching Content-Length: invalid JSON
    Redirect,        // 302 to another host
    Hang,            // read the request, never answer (the connection stays open)
    Html500,         // HTTP 500 with an HTML error page, as a proxy or load balancer sends
    EchoHeaders,     // an error that echoes the request line, headers and body back: `status`
                     // (default 400) with a JSON error below 500, a text/plain page from 500 on
    Reset,           // headers and half the body, then the connection is aborted (RST)
};

struct Fault {
    QString pathContains; // first request whose path contains this (empty = any)
    FaultKind kind = FaultKind::Unavailable;
    int retryAfterSeconds = 1;
    int delayMs = 0;
    int skip = 0;         // let this many matching requests through first
    int count = 1;        // matching requests it applies to; -1 = every one
    int status = 0;       // for EchoHeaders
};

// A fake Databricks workspace (and account API) on 127.0.0.1, a random port, started by the
// test itself. Implements shared/databricks-reference.md's shapes: OAuth token endpoints, the
// Statement Execution API (submit, poll, chunks, cancel) over in-memory system tables, the
// jobs/clusters/warehouses/pipelines lists with pagination, account workspaces, SCIM Me and
// ServicePrincipals;
// with injectable faults. Single-threaded: it answers from the test's event loop, which the
// client's local event loops keep spinning.
class FakeDatabricks : public QObject {
    Q_OBJECT
public:
    FakeDatabricks();
    ~FakeDatabricks() override;
    bool start();
    QString url() const;

    // Credentials it accepts.
    QString pat = QStringLiteral("dapi-fake-token");
    QString clientId = QStringLiteral("fake-client");
    QString clientSecret = QStringLiteral("fake-secret");
    QString accountId = QStringLiteral("fake-account");
    int tokenLifetimeSeconds = 3600;
    // After this many requests authenticated with an OAuth token, every issued token stops
    // working once (an expired token mid-sync); -1 = never.
    int expireTokensAfterRequests = -1;

    // Statement behaviour.
    int chunkRows = 1000;
    int pendingPolls = 0;          // PENDING/RUNNING answers before SUCCEEDED
    QSet<QString> deniedSchemas;   // "system.query": statements on it FAIL with a permission error
    QStringList failStatementsContaining; // FAILED with a generic SQL error

    // REST lists.
    QList<QJsonObject> jobs, clusters, warehouses, pipelines, workspaces;
    // Job runs for jobs/runs/get and jobs/runs/cancel: {run_id, state: {life_cycle_state, ...}}.
    QList<QJsonObject> runs;
    int pageSize = 2;
    // SCIM ServicePrincipals, paged by startIndex/count (the client's count is capped at
    // pageSize); a status other than 200 answers every request with a SCIM error of it.
    QList<QJsonObject> servicePrincipals;
    int servicePrincipalsStatus = 200;

    // Every catalog system table with exactly the catalog's columns and no rows.
    void addCatalogTables();
    // A row for `table` from named values (missing ones are null).
    void addRow(const QString &table, const QHash<QString, QString> &values);
    void setTable(const QString &name, const FakeTable &table) { m_tables.insert(name, table); }
    FakeTable &table(const QString &name) { return m_tables[name]; }
    void removeTable(const QString &name) { m_tables.remove(name); }
    void addFault(const Fault &fault) { m_faults.append(fault); }
    int pendingFaults() const { return static_cast<int>(m_faults.size()); }
    // Connections still open (a hanging fault keeps them).
    int openConnections() const;

    // The write endpoints of action plans change `clusters`, `warehouses` and `runs` in place,
    // as the workspace would: clusters/get, clusters/update (update_mask), clusters/edit (whole
    // spec), clusters/delete (terminate), clusters/start, GET and POST .../warehouses/{id}[/edit],
    // jobs/runs/get and jobs/runs/cancel. Invalid changes are refused with Databricks' 400s.
    QJsonObject cluster(const QString &id) const;
    QJsonObject warehouse(const QString &id) const;
    QJsonObject run(const QString &id) const;
    // Every request that could change something (POST other than sign-in and statements).
    QList<QPair<QString, QJsonObject>> writes() const;

    // Observations.
    struct Request {
        QByteArray method;
        QString path;
        QByteArray query;
        QHash<QByteArray, QByteArray> headers; // lower-case names
        QByteArray body;
    };
    QList<Request> requests;
    QHash<QString, qint64> rowsServed; // per table, counting every chunk served
    QStringList statements;            // SQL text of every submitted statement
    int cancelCalls = 0;
    int tokensIssued = 0;
    int chunksServed = 0;
    std::function<void()> onChunkServed; // e.g. cancel a sync after N chunks

private:
    struct Statement {
        QString id;
        QString table;
        QStringList columns;
        QList<QJsonArray> rows;
        int pollsLeft = 0;
        QString state;
        QJsonObject error;
    };
    struct Response {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };

    void onReadyRead(QTcpSocket *socket);
    Response route(const Request &request);
    Response tokenEndpoint(const Request &request, bool account);
    Response submit(const Request &request);
    Response statementResponse(Statement &s);
    QJsonObject chunkObject(const Statement &s, int index, bool count);
    Response list(const Request &request, const QList<QJsonObject> &items, const QString &key, bool hasMore);
    Response scimList(const Request &request);
    std::optional<Response> planEndpoints(const Request &request);
    void send(QTcpSocket *socket, const Response &response, FaultKind *fault);
    static Response json(int status, const QJsonObject &body);
    static Response apiError(int status, const QString &code, const QString &message);

    QTcpServer *m_server = nullptr;
    QHash<QString, FakeTable> m_tables;
    QHash<QString, Statement> m_statements;
    QList<Fault> m_faults;
    QSet<QString> m_workspaceTokens;
    QSet<QString> m_accountTokens;
    int m_oauthRequests = 0;
    int m_nextId = 1;
};

} // namespace ll::test

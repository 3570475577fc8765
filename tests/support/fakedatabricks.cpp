#include "fakedatabricks.h"

#include "raw/sourcecatalog.h"

#include <QDateTime>
#include <QHostAddress>
#include <QJsonDocument>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace ll::test {
namespace {

const char *reason(int status)
{
    switch (status) {
    case 200: return "OK";
    case 302: return "Found";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return "Status";
    }
}

// Timestamps, and DATE values (ingestion_date) as midnight UTC.
QDateTime parseTime(const QString &text)
{
    if (text.size() == 10)
        return QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0), Qt::UTC);
    return QDateTime::fromString(text, Qt::ISODate);
}

QDateTime parseTime(const QJsonValue &v) { return parseTime(v.toString()); }

} // namespace

FakeDatabricks::FakeDatabricks() : m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server->nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

FakeDatabricks::~FakeDatabricks() = default;

bool FakeDatabricks::start()
{
    return m_server->listen(QHostAddress::LocalHost, 0);
}

QString FakeDatabricks::url() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_server->serverPort());
}

void FakeDatabricks::addCatalogTables()
{
    for (const raw::SourceSpec &spec : raw::SourceCatalog::systemTables()) {
        FakeTable t;
        for (const QByteArray &c : spec.columns)
            t.columns.append(QString::fromLatin1(c));
        t.eventColumn = QString::fromLatin1(spec.eventTimeColumn);
        m_tables.insert(spec.systemTable, t);
    }
}

void FakeDatabricks::addRow(const QString &tableName, const QHash<QString, QString> &values)
{
    FakeTable &t = m_tables[tableName];
    QJsonArray row;
    for (const QString &c : t.columns)
        row.append(values.contains(c) && !values.value(c).isNull() ? QJsonValue(values.value(c)) : QJsonValue());
    t.rows.append(row);
}

void FakeDatabricks::onReadyRead(QTcpSocket *socket)
{
    QByteArray buffer = socket->property("buf").toByteArray() + socket->readAll();
    socket->setProperty("buf", buffer);
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    Request request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    request.method = requestLine.value(0);
    const QByteArray target = requestLine.value(1);
    request.path = QString::fromUtf8(target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')));
    request.query = target.indexOf('?') < 0 ? QByteArray() : target.mid(target.indexOf('?') + 1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length", "0").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return;
    request.body = buffer.mid(headerEnd + 4, length);
    socket->setProperty("buf", QByteArray());
    requests.append(request);

    std::optional<Fault> fault;
    for (qsizetype i = 0; i < m_faults.size(); ++i) {
        if (!request.path.contains(m_faults[i].pathContains))
            continue;
        if (m_faults[i].skip > 0) {
            --m_faults[i].skip;
            break;
        }
        if (m_faults[i].count == 1)
            fault = m_faults.takeAt(i);
        else {
            fault = m_faults[i];
            if (m_faults[i].count > 1)
                --m_faults[i].count;
        }
        break;
    }
    if (fault && fault->kind == FaultKind::Hang)
        return; // the client's deadline has to end it
    if (fault && fault->kind == FaultKind::Html500) {
        Response r{500,
            "<!DOCTYPE html>\n<html><head><title>500 Internal Server Error</title><style>body{color:red}</style></head>"
            "<body><h1>Internal Server Error</h1><p>upstream connect error or disconnect/reset before headers</p>"
            "<hr><address>nginx</address></body></html>",
            {{"Content-Type", "text/html"}}};
        send(socket, r, nullptr);
        return;
    }
    if (fault && fault->kind == FaultKind::EchoHeaders) {
        QByteArray echo = request.method + ' ' + target + " HTTP/1.1\n";
        for (auto it = request.headers.cbegin(); it != request.headers.cend(); ++it)
            echo += it.key() + ": " + it.value() + '\n';
        echo += '\n' + request.body;
        const int status = fault->status > 0 ? fault->status : 400;
        if (status < 500) {
            Response r = json(status,
                {{QStringLiteral("error_code"), QStringLiteral("BAD_REQUEST")},
                    {QStringLiteral("error"), QStringLiteral("invalid_request")},
                    {QStringLiteral("message"), QStringLiteral("Malformed request: ") + QString::fromUtf8(echo)},
                    {QStringLiteral("error_description"), QStringLiteral("Malformed request: ") + QString::fromUtf8(echo)}});
            send(socket, r, nullptr);
        } else {
            send(socket, {status, "Request rejected. You sent:\n" + echo, {{"Content-Type", "text/plain"}}}, nullptr);
        }
        return;
    }
    if (fault && fault->kind == FaultKind::TooManyRequests) {
        Response r = apiError(429, QStringLiteral("REQUEST_LIMIT_EXCEEDED"), QStringLiteral("Too many requests"));
        r.headers.append({"Retry-After", QByteArray::number(fault->retryAfterSeconds)});
        send(socket, r, nullptr);
        return;
    }
    if (fault && fault->kind == FaultKind::Redirect) {
        Response r = json(302, {});
        r.headers.append({"Location", "http://127.0.0.2:" + QByteArray::number(m_server->serverPort()) + target});
        send(socket, r, nullptr);
        return;
    }
    if (fault && fault->kind == FaultKind::Unavailable) {
        send(socket, apiError(503, QStringLiteral("TEMPORARILY_UNAVAILABLE"), QStringLiteral("The service is temporarily unavailable")), nullptr);
        return;
    }
    const Response response = route(request);
    if (fault && fault->kind == FaultKind::Slow) {
        QTimer::singleShot(fault->delayMs, this, [this, s = QPointer<QTcpSocket>(socket), response] {
            if (s && s->state() == QAbstractSocket::ConnectedState)
                send(s, response, nullptr);
        });
        return;
    }
    if (fault && fault->kind == FaultKind::Reset) {
        QByteArray out = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(response.body.size())
            + "\r\n\r\n" + response.body.left(response.body.size() / 2);
        socket->write(out);
        socket->flush();
        socket->waitForBytesWritten(1000);
        socket->abort();
        return;
    }
    FaultKind kind = fault ? fault->kind : FaultKind::Slow;
    send(socket, response, fault ? &kind : nullptr);
}

int FakeDatabricks::openConnections() const
{
    int n = 0;
    for (const QTcpSocket *s : m_server->findChildren<QTcpSocket *>())
        n += s->state() == QAbstractSocket::ConnectedState ? 1 : 0;
    return n;
}

void FakeDatabricks::send(QTcpSocket *socket, const Response &response, FaultKind *fault)
{
    QByteArray body = response.body;
    qsizetype promised = body.size();
    if (fault && *fault == FaultKind::Malformed) {
        body = body.left(body.size() / 2);
        promised = body.size();
    } else if (fault && *fault == FaultKind::Truncated) {
        body = body.left(body.size() / 2);
    }
    QByteArray out = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
    const bool typed = std::any_of(response.headers.cbegin(), response.headers.cend(),
        [](const auto &h) { return h.first.compare("Content-Type", Qt::CaseInsensitive) == 0; });
    if (!typed)
        out += "Content-Type: application/json\r\n";
    out += "Connection: close\r\nContent-Length: " + QByteArray::number(promised) + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    out += "\r\n" + body;
    socket->write(out);
    socket->flush();
    socket->disconnectFromHost();
}

FakeDatabricks::Response FakeDatabricks::json(int status, const QJsonObject &body)
{
    return {status, QJsonDocument(body).toJson(QJsonDocument::Compact), {}};
}

FakeDatabricks::Response FakeDatabricks::apiError(int status, const QString &code, const QString &message)
{
    return json(status, {{QStringLiteral("error_code"), code}, {QStringLiteral("message"), message}});
}

FakeDatabricks::Response FakeDatabricks::tokenEndpoint(const Request &request, bool account)
{
    QString id, secret;
    const QByteArray auth = request.headers.value("authorization");
    if (auth.startsWith("Basic ")) {
        const QByteArray decoded = QByteArray::fromBase64(auth.mid(6));
        id = QString::fromUtf8(decoded.left(decoded.indexOf(':')));
        secret = QString::fromUtf8(decoded.mid(decoded.indexOf(':') + 1));
    }
    const QUrlQuery form(QString::fromUtf8(request.body));
    if (form.hasQueryItem(QStringLiteral("client_id"))) { // the form-body variant some clients use
        id = form.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded);
        secret = form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded);
    }
    if (form.queryItemValue(QStringLiteral("grant_type")) != QLatin1String("client_credentials"))
        return json(400, {{QStringLiteral("error"), QStringLiteral("unsupported_grant_type")}});
    if (id != clientId || secret != clientSecret)
        return json(401, {{QStringLiteral("error"), QStringLiteral("invalid_client")},
                          {QStringLiteral("error_description"), QStringLiteral("Client authentication failed")}});
    const QString token = QStringLiteral("fake-access-%1").arg(++tokensIssued);
    (account ? m_accountTokens : m_workspaceTokens).insert(token);
    return json(200, {{QStringLiteral("access_token"), token}, {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                      {QStringLiteral("scope"), QStringLiteral("all-apis")}, {QStringLiteral("expires_in"), tokenLifetimeSeconds}});
}

FakeDatabricks::Response FakeDatabricks::route(const Request &r)
{
    if (r.method == "POST" && r.path == QLatin1String("/oidc/v1/token"))
        return tokenEndpoint(r, false);
    if (r.method == "POST" && r.path == QStringLiteral("/oidc/accounts/%1/v1/token").arg(accountId))
        return tokenEndpoint(r, true);

    if (r.method == "GET" && r.path == QLatin1String("/oidc/.well-known/oauth-authorization-server"))
        return json(200, {{QStringLiteral("issuer"), url() + QStringLiteral("/oidc")},
                          {QStringLiteral("authorization_endpoint"), url() + QStringLiteral("/oidc/v1/authorize")},
                          {QStringLiteral("token_endpoint"), url() + QStringLiteral("/oidc/v1/token")}});

    // Everything else needs a bearer token.
    const QByteArray auth = r.headers.value("authorization");
    const QString token = auth.startsWith("Bearer ") ? QString::fromUtf8(auth.mid(7)) : QString();
    const bool accountApi = r.path.startsWith(QLatin1String("/api/2.0/accounts/"));
    const bool valid = accountApi ? m_accountTokens.contains(token) : (token == pat || m_workspaceTokens.contains(token));
    if (!valid)
        return apiError(401, QStringLiteral("UNAUTHENTICATED"), QStringLiteral("Invalid access token."));
    if (token != pat && ++m_oauthRequests == expireTokensAfterRequests) {
        m_workspaceTokens.clear();
        m_accountTokens.clear();
        expireTokensAfterRequests = -1;
        return apiError(401, QStringLiteral("UNAUTHENTICATED"), QStringLiteral("Token expired."));
    }

    static const QRegularExpression statementPath(QStringLiteral("^/api/2.0/sql/statements/([^/]+)(/cancel|/result/chunks/(\\d+))?$"));
    if (r.method == "POST" && r.path == QLatin1String("/api/2.0/sql/statements"))
        return submit(r);
    if (const auto m = statementPath.match(r.path); m.hasMatch()) {
        auto it = m_statements.find(m.captured(1));
        if (it == m_statements.end())
            return apiError(404, QStringLiteral("RESOURCE_DOES_NOT_EXIST"), QStringLiteral("Statement not found"));
        if (m.captured(2) == QLatin1String("/cancel")) {
            ++cancelCalls;
            it->state = QStringLiteral("CANCELED");
            return json(200, {});
        }
        if (!m.captured(3).isEmpty()) {
            if (it->state != QLatin1String("SUCCEEDED"))
                return apiError(404, QStringLiteral("RESOURCE_DOES_NOT_EXIST"), QStringLiteral("No result"));
            return json(200, chunkObject(*it, m.captured(3).toInt(), true));
        }
        return statementResponse(*it);
    }
    if (auto planned = planEndpoints(r))
        return *planned;
    if (r.path == QLatin1String("/api/2.2/jobs/list") || r.path == QLatin1String("/api/2.1/jobs/list"))
        return list(r, jobs, QStringLiteral("jobs"), true);
    if (r.path == QLatin1String("/api/2.1/clusters/list"))
        return list(r, clusters, QStringLiteral("clusters"), false);
    if (r.path == QLatin1String("/api/2.0/sql/warehouses"))
        return list(r, warehouses, QStringLiteral("warehouses"), false);
    if (r.path == QLatin1String("/api/2.0/pipelines"))
        return list(r, pipelines, QStringLiteral("statuses"), false);
    if (r.path == QLatin1String("/api/2.0/preview/scim/v2/ServicePrincipals"))
        return scimList(r);
    if (r.path == QLatin1String("/api/2.0/preview/scim/v2/Me"))
        return json(200, {{QStringLiteral("userName"), QStringLiteral("finops@example.com")}, {QStringLiteral("id"), QStringLiteral("42")},
                          {QStringLiteral("active"), true}});
    if (r.path == QStringLiteral("/api/2.0/accounts/%1/workspaces").arg(accountId)) {
        QJsonArray all;
        for (const QJsonObject &w : workspaces)
            all.append(w);
        return {200, QJsonDocument(all).toJson(QJsonDocument::Compact), {}};
    }
    return apiError(404, QStringLiteral("ENDPOINT_NOT_FOUND"), QStringLiteral("No API found for '%1 %2'").arg(QString::fromLatin1(r.method), r.path));
}

namespace {

qsizetype indexOf(const QList<QJsonObject> &items, const QString &key, const QString &id)
{
    for (qsizetype i = 0; i < items.size(); ++i)
        if (items[i].value(key).toVariant().toString() == id)
            return i;
    return -1;
}

} // namespace

QJsonObject FakeDatabricks::cluster(const QString &id) const
{
    const qsizetype i = indexOf(clusters, QStringLiteral("cluster_id"), id);
    return i < 0 ? QJsonObject() : clusters[i];
}

QJsonObject FakeDatabricks::warehouse(const QString &id) const
{
    const qsizetype i = indexOf(warehouses, QStringLiteral("id"), id);
    return i < 0 ? QJsonObject() : warehouses[i];
}

QJsonObject FakeDatabricks::run(const QString &id) const
{
    const qsizetype i = indexOf(runs, QStringLiteral("run_id"), id);
    return i < 0 ? QJsonObject() : runs[i];
}

QList<QPair<QString, QJsonObject>> FakeDatabricks::writes() const
{
    QList<QPair<QString, QJsonObject>> out;
    for (const Request &r : requests) {
        if (r.method != "POST" || r.path.startsWith(QLatin1String("/oidc/")) || r.path.startsWith(QLatin1String("/api/2.0/sql/statements")))
            continue;
        out.append({r.path, QJsonDocument::fromJson(r.body).object()});
    }
    return out;
}

std::optional<FakeDatabricks::Response> FakeDatabricks::planEndpoints(const Request &r)
{
    const QUrlQuery query(QString::fromUtf8(r.query));
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    const auto invalid = [](const QString &message) { return apiError(400, QStringLiteral("INVALID_PARAMETER_VALUE"), message); };
    const auto noCluster = [](const QString &id) {
        return apiError(400, QStringLiteral("INVALID_PARAMETER_VALUE"), QStringLiteral("Cluster %1 does not exist").arg(id));
    };
    // Only RUNNING or TERMINATED clusters can be edited, and never a job cluster.
    const auto editable = [&](const QJsonObject &c) -> std::optional<Response> {
        if (c.value(QLatin1String("cluster_source")).toString() == QLatin1String("JOB"))
            return invalid(QStringLiteral("Job clusters cannot be edited"));
        const QString state = c.value(QLatin1String("state")).toString();
        if (state != QLatin1String("RUNNING") && state != QLatin1String("TERMINATED"))
            return apiError(400, QStringLiteral("INVALID_STATE"), QStringLiteral("Cluster is in state %1 and cannot be edited").arg(state));
        return std::nullopt;
    };
    if (r.method == "GET" && r.path == QLatin1String("/api/2.1/clusters/get")) {
        const QString id = query.queryItemValue(QStringLiteral("cluster_id"));
        const qsizetype i = indexOf(clusters, QStringLiteral("cluster_id"), id);
        return i < 0 ? noCluster(id) : json(200, clusters[i]);
    }
    if (r.method == "POST" && r.path.startsWith(QLatin1String("/api/2.1/clusters/"))) {
        const QString id = body.value(QLatin1String("cluster_id")).toString();
        const qsizetype i = indexOf(clusters, QStringLiteral("cluster_id"), id);
        const QString verb = r.path.section(QLatin1Char('/'), -1);
        if (verb != QLatin1String("update") && verb != QLatin1String("edit") && verb != QLatin1String("delete")
            && verb != QLatin1String("start"))
            return std::nullopt;
        if (i < 0)
            return noCluster(id);
        QJsonObject &c = clusters[i];
        if (verb == QLatin1String("delete")) {
            c.insert(QStringLiteral("state"), QStringLiteral("TERMINATED"));
            return json(200, {});
        }
        if (verb == QLatin1String("start")) {
            if (c.value(QLatin1String("state")).toString() != QLatin1String("TERMINATED"))
                return apiError(400, QStringLiteral("INVALID_STATE"), QStringLiteral("Cluster %1 is not terminated").arg(id));
            c.insert(QStringLiteral("state"), QStringLiteral("RUNNING"));
            return json(200, {});
        }
        if (auto refused = editable(c))
            return refused;
        if (verb == QLatin1String("edit")) {
            QJsonObject spec = body;
            for (const char *kept : {"state", "cluster_source", "creator_user_name"})
                if (c.contains(QLatin1String(kept)))
                    spec.insert(QLatin1String(kept), c.value(QLatin1String(kept)));
            c = spec;
            return json(200, {});
        }
        const QStringList mask = body.value(QLatin1String("update_mask")).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
        const QJsonObject changes = body.value(QLatin1String("cluster")).toObject();
        if (mask.isEmpty())
            return invalid(QStringLiteral("update_mask is required"));
        for (QString field : mask) {
            field = field.trimmed();
            if (!changes.contains(field))
                c.remove(field);
            else
                c.insert(field, changes.value(field));
            if (field == QLatin1String("num_workers"))
                c.remove(QStringLiteral("autoscale"));
            if (field == QLatin1String("autoscale"))
                c.remove(QStringLiteral("num_workers"));
        }
        return json(200, {});
    }
    static const QRegularExpression warehousePath(QStringLiteral("^/api/2.0/sql/warehouses/([^/]+)(/edit)?$"));
    if (const auto m = warehousePath.match(r.path); m.hasMatch()) {
        const qsizetype i = indexOf(warehouses, QStringLiteral("id"), m.captured(1));
        if (i < 0)
            return apiError(
                404, QStringLiteral("RESOURCE_DOES_NOT_EXIST"), QStringLiteral("Warehouse %1 does not exist").arg(m.captured(1)));
        if (r.method == "GET" && m.captured(2).isEmpty())
            return json(200, warehouses[i]);
        if (r.method != "POST" || m.captured(2).isEmpty())
            return std::nullopt;
        if (body.contains(QLatin1String("auto_stop_mins"))) {
            const int minutes = body.value(QLatin1String("auto_stop_mins")).toInt(-1);
            if (minutes < 0 || (minutes > 0 && minutes < 10))
                return invalid(QStringLiteral("auto_stop_mins must be 0 or at least 10"));
        }
        for (auto it = body.begin(); it != body.end(); ++it)
            if (it.key() != QLatin1String("id"))
                warehouses[i].insert(it.key(), it.value());
        return json(200, {});
    }
    if (r.method == "GET" && r.path == QLatin1String("/api/2.1/jobs/runs/get")) {
        const qsizetype i = indexOf(runs, QStringLiteral("run_id"), query.queryItemValue(QStringLiteral("run_id")));
        return i < 0 ? apiError(400, QStringLiteral("INVALID_PARAMETER_VALUE"), QStringLiteral("Run does not exist")) : json(200, runs[i]);
    }
    if (r.method == "POST" && r.path == QLatin1String("/api/2.1/jobs/runs/cancel")) {
        const qsizetype i = indexOf(runs, QStringLiteral("run_id"), body.value(QLatin1String("run_id")).toVariant().toString());
        if (i < 0)
            return apiError(400, QStringLiteral("INVALID_PARAMETER_VALUE"), QStringLiteral("Run does not exist"));
        runs[i].insert(QStringLiteral("state"),
            QJsonObject{{QStringLiteral("life_cycle_state"), QStringLiteral("TERMINATED")},
                {QStringLiteral("result_state"), QStringLiteral("CANCELED")}});
        return json(200, {});
    }
    return std::nullopt;
}

FakeDatabricks::Response FakeDatabricks::list(const Request &r, const QList<QJsonObject> &items, const QString &key, bool hasMore)
{
    const QUrlQuery query(QString::fromUtf8(r.query));
    const int offset = query.queryItemValue(QStringLiteral("page_token")).toInt();
    QJsonArray page;
    for (int i = offset; i < std::min<int>(offset + pageSize, static_cast<int>(items.size())); ++i)
        page.append(items[i]);
    QJsonObject body{{key, page}};
    const bool more = offset + pageSize < items.size();
    if (more)
        body.insert(QStringLiteral("next_page_token"), QString::number(offset + pageSize));
    if (hasMore)
        body.insert(QStringLiteral("has_more"), more);
    return json(200, body);
}

FakeDatabricks::Response FakeDatabricks::scimList(const Request &r)
{
    if (servicePrincipalsStatus != 200) {
        // SCIM errors carry no error_code: schemas, detail and the status as a string.
        const QJsonObject error{{QStringLiteral("schemas"), QJsonArray{QStringLiteral("urn:ietf:params:scim:api:messages:2.0:Error")}},
            {QStringLiteral("detail"), QStringLiteral("Only workspace admins may list service principals")},
            {QStringLiteral("status"), QString::number(servicePrincipalsStatus)}};
        return json(servicePrincipalsStatus, error);
    }
    const QUrlQuery query(QString::fromUtf8(r.query));
    const int start = std::max(1, query.queryItemValue(QStringLiteral("startIndex")).toInt());
    const int count =
        std::min(pageSize, query.hasQueryItem(QStringLiteral("count")) ? query.queryItemValue(QStringLiteral("count")).toInt() : pageSize);
    QJsonArray page;
    for (int i = start - 1; i < std::min<int>(start - 1 + count, static_cast<int>(servicePrincipals.size())); ++i)
        page.append(servicePrincipals[i]);
    return json(200,
        {{QStringLiteral("schemas"), QJsonArray{QStringLiteral("urn:ietf:params:scim:api:messages:2.0:ListResponse")}},
            {QStringLiteral("totalResults"), static_cast<int>(servicePrincipals.size())}, {QStringLiteral("startIndex"), start},
            {QStringLiteral("itemsPerPage"), static_cast<int>(page.size())}, {QStringLiteral("Resources"), page}});
}

FakeDatabricks::Response FakeDatabricks::submit(const Request &r)
{
    const QJsonObject body = QJsonDocument::fromJson(r.body).object();
    const QString sql = body.value(QLatin1String("statement")).toString();
    statements.append(sql);
    if (body.value(QLatin1String("disposition")).toString() != QLatin1String("INLINE") || body.value(QLatin1String("format")).toString() != QLatin1String("JSON_ARRAY")
        || body.value(QLatin1String("warehouse_id")).toString().isEmpty())
        return apiError(400, QStringLiteral("INVALID_PARAMETER_VALUE"), QStringLiteral("LakeLedger must ask for INLINE JSON_ARRAY on a warehouse"));
    QHash<QString, QString> params;
    for (const QJsonValue &p : body.value(QLatin1String("parameters")).toArray())
        params.insert(p.toObject().value(QLatin1String("name")).toString(), p.toObject().value(QLatin1String("value")).toString());

    Statement s;
    s.id = QStringLiteral("stmt-%1").arg(m_nextId++);
    s.pollsLeft = pendingPolls;
    s.state = QStringLiteral("SUCCEEDED");
    static const QRegularExpression re(QStringLiteral("^SELECT (.+?) FROM (system\\.\\w+\\.\\w+)(?: WHERE `?(\\w+)`? >= :since AND `?\\w+`? < :until)?(?: ORDER BY .+?)?(?: LIMIT (\\d+))?$"));
    // The latest row per entity of a slowly changing table, changed before :until (and, with
    // the delete filter, not deleted before it): the window-function form DirectSource sends.
    static const QRegularExpression latestRe(QStringLiteral(
        "^SELECT (.+?) FROM \\(SELECT .+? row_number\\(\\) OVER \\(PARTITION BY (.+?) ORDER BY `(\\w+)` DESC\\) AS ll_latest "
        "FROM (system\\.\\w+\\.\\w+) WHERE `\\w+` < :until\\) WHERE ll_latest = 1( AND \\(`delete_time` IS NULL OR `delete_time` >= :until\\))?$"));
    const auto latest = latestRe.match(sql);
    const auto m = latest.hasMatch() ? latest : re.match(sql);
    auto fail = [&](const QString &code, const QString &message) {
        s.state = QStringLiteral("FAILED");
        s.error = {{QStringLiteral("error_code"), code}, {QStringLiteral("message"), message}};
    };
    s.table = latest.hasMatch() ? latest.captured(4) : m.captured(2);
    const QString schema = s.table.section(QLatin1Char('.'), 0, 1);
    if (!m.hasMatch()) {
        fail(QStringLiteral("BAD_REQUEST"), QStringLiteral("[PARSE_SYNTAX_ERROR] Syntax error: %1").arg(sql));
    } else if (deniedSchemas.contains(schema)) {
        fail(QStringLiteral("PERMISSION_DENIED"), QStringLiteral("[INSUFFICIENT_PERMISSIONS] Insufficient privileges: User does not have USE SCHEMA on Schema '%1'.").arg(schema));
    } else if (!m_tables.contains(s.table)) {
        fail(QStringLiteral("BAD_REQUEST"), QStringLiteral("[TABLE_OR_VIEW_NOT_FOUND] The table or view `%1` cannot be found.").arg(s.table));
    } else if (std::any_of(failStatementsContaining.begin(), failStatementsContaining.end(), [&](const QString &t) { return sql.contains(t); })) {
        fail(QStringLiteral("BAD_REQUEST"), QStringLiteral("[DIVIDE_BY_ZERO] Division by zero. Use `try_divide` to tolerate it."));
    } else {
        const FakeTable &t = m_tables[s.table];
        QList<int> picked;
        if (m.captured(1) == QLatin1String("*")) {
            for (int i = 0; i < t.columns.size(); ++i)
                picked.append(i);
        } else {
            for (QString c : m.captured(1).split(QStringLiteral(", "))) {
                c.remove(QLatin1Char('`'));
                const int at = static_cast<int>(t.columns.indexOf(c));
                if (at < 0) {
                    fail(QStringLiteral("BAD_REQUEST"), QStringLiteral("[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column `%1` cannot be resolved.").arg(c));
                    break;
                }
                picked.append(at);
            }
        }
        for (int i : picked)
            s.columns.append(t.columns[i]);
        const QString eventColumn = latest.hasMatch() ? QString() : m.captured(3);
        const int eventAt = static_cast<int>(t.columns.indexOf(eventColumn));
        const QDateTime since = parseTime(params.value(QStringLiteral("since")));
        const QDateTime until = parseTime(params.value(QStringLiteral("until")));
        QList<QJsonArray> source = t.rows;
        if (latest.hasMatch()) {
            QList<int> keyAt;
            for (QString k : latest.captured(2).split(QStringLiteral(", "))) {
                k.remove(QLatin1Char('`'));
                keyAt.append(static_cast<int>(t.columns.indexOf(k)));
            }
            const int changeAt = static_cast<int>(t.columns.indexOf(latest.captured(3)));
            const int deleteAt = static_cast<int>(t.columns.indexOf(QStringLiteral("delete_time")));
            QHash<QString, QJsonArray> newest;
            QStringList order;
            for (const QJsonArray &row : t.rows) {
                const QDateTime changed = parseTime(row[changeAt]);
                if (!changed.isValid() || changed >= until)
                    continue;
                QString key;
                for (int k : keyAt)
                    key += row[k].toString() + QLatin1Char('\x1f');
                if (!newest.contains(key))
                    order.append(key);
                if (!newest.contains(key) || parseTime(newest[key][changeAt]) < changed)
                    newest[key] = row;
            }
            source.clear();
            for (const QString &key : order) {
                const QJsonArray &row = newest[key];
                if (!latest.captured(5).isEmpty() && deleteAt >= 0 && !row[deleteAt].isNull() && parseTime(row[deleteAt]) < until)
                    continue;
                source.append(row);
            }
        }
        QList<QJsonArray> rows;
        for (const QJsonArray &row : source) {
            if (eventAt >= 0) {
                const QDateTime at = parseTime(row[eventAt]);
                if (!at.isValid() || at < since || at >= until)
                    continue;
            }
            QJsonArray out;
            for (int i : picked)
                out.append(row[i]);
            rows.append(out);
        }
        if (eventAt >= 0)
            std::stable_sort(rows.begin(), rows.end(), [&](const QJsonArray &a, const QJsonArray &b) {
                return parseTime(a[static_cast<int>(s.columns.indexOf(eventColumn))])
                    < parseTime(b[static_cast<int>(s.columns.indexOf(eventColumn))]);
            });
        if (!latest.hasMatch() && !m.captured(4).isEmpty())
            rows = rows.mid(0, m.captured(4).toInt());
        s.rows = rows;
    }
    auto &stored = m_statements[s.id];
    stored = s;
    return statementResponse(stored);
}

QJsonObject FakeDatabricks::chunkObject(const Statement &s, int index, bool count)
{
    const int from = index * chunkRows;
    const int n = std::max(0, std::min<int>(chunkRows, static_cast<int>(s.rows.size()) - from));
    QJsonObject chunk{{QStringLiteral("chunk_index"), index}, {QStringLiteral("row_offset"), from}, {QStringLiteral("row_count"), n}};
    if (n > 0) {
        QJsonArray data;
        for (int i = from; i < from + n; ++i)
            data.append(s.rows[i]);
        chunk.insert(QStringLiteral("data_array"), data);
    }
    if (from + n < s.rows.size()) {
        chunk.insert(QStringLiteral("next_chunk_index"), index + 1);
        chunk.insert(QStringLiteral("next_chunk_internal_link"), QStringLiteral("/api/2.0/sql/statements/%1/result/chunks/%2").arg(s.id).arg(index + 1));
    }
    if (count) {
        rowsServed[s.table] += n;
        ++chunksServed;
        if (onChunkServed)
            onChunkServed();
    }
    return chunk;
}

FakeDatabricks::Response FakeDatabricks::statementResponse(Statement &s)
{
    QJsonObject body{{QStringLiteral("statement_id"), s.id}};
    if (s.pollsLeft > 0 && s.state == QLatin1String("SUCCEEDED")) {
        body.insert(QStringLiteral("status"), QJsonObject{{QStringLiteral("state"), s.pollsLeft-- == pendingPolls ? QStringLiteral("PENDING") : QStringLiteral("RUNNING")}});
        return json(200, body);
    }
    QJsonObject status{{QStringLiteral("state"), s.state}};
    if (s.state == QLatin1String("FAILED"))
        status.insert(QStringLiteral("error"), s.error);
    body.insert(QStringLiteral("status"), status);
    if (s.state != QLatin1String("SUCCEEDED"))
        return json(200, body);
    QJsonArray columns, chunks;
    for (int i = 0; i < s.columns.size(); ++i)
        columns.append(QJsonObject{{QStringLiteral("name"), s.columns[i]}, {QStringLiteral("position"), i},
                                   {QStringLiteral("type_name"), QStringLiteral("STRING")}, {QStringLiteral("type_text"), QStringLiteral("STRING")}});
    const int chunkCount = std::max(1, static_cast<int>((s.rows.size() + chunkRows - 1) / chunkRows));
    for (int i = 0; i < chunkCount; ++i)
        chunks.append(QJsonObject{{QStringLiteral("chunk_index"), i}, {QStringLiteral("row_offset"), i * chunkRows},
                                  {QStringLiteral("row_count"), std::max(0, std::min<int>(chunkRows, static_cast<int>(s.rows.size()) - i * chunkRows))}});
    body.insert(QStringLiteral("manifest"), QJsonObject{{QStringLiteral("format"), QStringLiteral("JSON_ARRAY")},
                                                        {QStringLiteral("schema"), QJsonObject{{QStringLiteral("column_count"), s.columns.size()}, {QStringLiteral("columns"), columns}}},
                                                        {QStringLiteral("total_chunk_count"), chunkCount},
                                                        {QStringLiteral("chunks"), chunks},
                                                        {QStringLiteral("total_row_count"), s.rows.size()},
                                                        {QStringLiteral("truncated"), false}});
    body.insert(QStringLiteral("result"), chunkObject(s, 0, true));
    return json(200, body);
}

} // namespace ll::test

#include "databricksclient.h"

#include "apierror.h"
#include "redaction.h"

#include <QEventLoop>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace ll::extract {

struct DatabricksClient::Attempt {
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    bool timedOut = false;
    bool cancelled = false;
    bool truncated = false;
    int retryAfterMs = -1;
};

namespace {

bool isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isTransientNetworkError(QNetworkReply::NetworkError e)
{
    switch (e) {
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::OperationCanceledError: // transfer timeout
        return true;
    // Not ConnectionRefusedError, HostNotFoundError or the TLS errors: a wrong URL or port does
    // not heal by asking again, and every retry only hides the cause for longer.
    default:
        return false;
    }
}

int parseRetryAfter(const QByteArray &value)
{
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    if (ok)
        return std::max(0, seconds) * 1000;
    const QDateTime at = QDateTime::fromString(QString::fromLatin1(value).trimmed(), Qt::RFC2822Date);
    if (!at.isValid())
        return -1;
    return static_cast<int>(std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(at), 0, 3600 * 1000));
}

QString hostKey(const QUrl &url)
{
    return url.host().toLower() + QLatin1Char(':') + QString::number(url.port(url.scheme() == QLatin1String("http") ? 80 : 443));
}

QString hostAndPort(const QUrl &url)
{
    return QStringLiteral("%1:%2").arg(url.host()).arg(url.port(url.scheme() == QLatin1String("http") ? 80 : 443));
}

// OpenSSL's words when the other side answered the TLS hello with something that is not TLS:
// typically a plain-HTTP server on the port.
bool looksLikePlainHttpAnswer(const QString &errorString)
{
    for (const char *hint :
        {"wrong version number", "http request", "packet length too long", "record layer failure", "unknown protocol"}) {
        if (errorString.contains(QLatin1String(hint), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// A failure that asking again will not fix, in words that name the cause and the fix.
Error permanentNetworkError(QNetworkReply::NetworkError e, const QString &errorString, const QUrl &url, const QString &what)
{
    const QString at = hostAndPort(url);
    QString message;
    switch (e) {
    case QNetworkReply::ConnectionRefusedError:
        message = QStringLiteral("Nothing listens at %1 — check the workspace URL (host and port).").arg(at);
        break;
    case QNetworkReply::HostNotFoundError:
        message = QStringLiteral("The host name %1 could not be found (DNS) — check the workspace URL and the network.").arg(url.host());
        break;
    case QNetworkReply::SslHandshakeFailedError:
    case QNetworkReply::ProtocolFailure:
        if (url.scheme() == QLatin1String("https") && (looksLikePlainHttpAnswer(errorString) || e == QNetworkReply::ProtocolFailure))
            message = QStringLiteral("%1 answered in plain HTTP, not HTTPS — check the workspace URL and port.").arg(at);
        else
            message = QStringLiteral("The secure connection to %1 failed: its certificate is not trusted or TLS could not be agreed. "
                                     "Behind a corporate proxy, give its CA certificate with the CA file option.")
                          .arg(url.host());
        break;
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
        message = QStringLiteral("The network proxy refused the connection to %1 — check the proxy settings.").arg(at);
        break;
    default: message = QStringLiteral("Cannot reach %1 while %2 — check the workspace URL and the network.").arg(at, what); break;
    }
    return makeError(ErrorCode::Network, message, errorString);
}

} // namespace

DatabricksClient::DatabricksClient(ClientOptions options, ClientCredentials credentials, const CancelToken &cancel)
    : m_options(std::move(options)), m_credentials(std::move(credentials)), m_cancel(cancel)
{
    while (m_options.host.endsWith(QLatin1Char('/')))
        m_options.host.chop(1);
    while (m_options.accountsHost.endsWith(QLatin1Char('/')))
        m_options.accountsHost.chop(1);
}

DatabricksClient::~DatabricksClient() = default;

QNetworkAccessManager &DatabricksClient::nam()
{
    if (!m_nam)
        m_nam = std::make_unique<QNetworkAccessManager>();
    return *m_nam;
}

Status DatabricksClient::validate() const
{
    for (const QString &h : {m_options.host, m_options.accountsHost}) {
        if (auto s = checkHostUrl(h); !s)
            return s;
    }
    if (!m_options.caFile.isEmpty() && QSslCertificate::fromPath(m_options.caFile).isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("The CA file %1 holds no readable PEM certificate").arg(m_options.caFile));
    if (m_credentials.authType == credentials::AuthType::Pat && m_credentials.token.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("No personal access token was given"));
    if (m_credentials.authType == credentials::AuthType::OAuthM2M && (m_credentials.clientId.isEmpty() || m_credentials.clientSecret.isEmpty()))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("OAuth needs the service principal's client ID and secret"));
    return {};
}

Status DatabricksClient::checkHostUrl(const QString &h)
{
    const QUrl url(h);
    if (!url.isValid() || url.host().isEmpty() || h.contains(QLatin1Char(' ')))
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("'%1' is not a workspace URL; use e.g. https://<workspace>.cloud.databricks.com").arg(h));
    if (url.scheme() == QLatin1String("http") && !isLoopbackHost(url.host()))
        return makeError(ErrorCode::InvalidArgument,
            QStringLiteral("%1 uses plain http; Databricks must be reached over https "
                           "(plain http is only accepted for local test servers on this machine).")
                .arg(url.host()));
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("'%1' must start with https://").arg(h));
    return {};
}

bool DatabricksClient::hasAccountAccess() const
{
    return m_credentials.authType == credentials::AuthType::OAuthM2M && !m_credentials.accountId.isEmpty();
}

QString DatabricksClient::scrub(const QString &text) const
{
    QStringList secrets{m_credentials.token, m_credentials.clientSecret, m_workspaceToken.value, m_accountToken.value};
    if (!m_credentials.clientSecret.isEmpty())
        secrets.append(m_credentials.clientId + QLatin1Char(':') + m_credentials.clientSecret); // the Basic credential
    return redaction::scrub(text, secrets);
}

Error DatabricksClient::scrub(Error error) const
{
    error.message = scrub(error.message);
    error.detail = scrub(error.detail);
    return error;
}

std::optional<Error> DatabricksClient::fatal() const
{
    const auto it = m_hosts.constFind(hostKey(QUrl(m_options.host)));
    if (it != m_hosts.constEnd() && it->down)
        return it->down;
    return m_signInRejected;
}

bool DatabricksClient::wait(int ms)
{
    m_waits.append(ms);
    const int scaled = static_cast<int>(std::lround(ms * m_options.waitScale));
    QElapsedTimer elapsed;
    elapsed.start();
    // Short slices so a cancel is noticed within ~50 ms even during a long Retry-After.
    while (elapsed.elapsed() < scaled) {
        if (cancelled())
            return false;
        QEventLoop loop;
        QTimer::singleShot(std::clamp<qint64>(scaled - elapsed.elapsed(), 1, 50), &loop, &QEventLoop::quit);
        loop.exec();
    }
    return !cancelled();
}

int DatabricksClient::backoffMs(int attempt, int retryAfterMs)
{
    const double exp = m_options.baseDelayMs * std::pow(2.0, attempt - 1);
    const int capped = static_cast<int>(std::min<double>(exp, m_options.maxDelayMs));
    std::uniform_int_distribution<int> jitter(0, std::max(1, capped / 4));
    if (retryAfterMs >= 0)
        return std::min(retryAfterMs, m_options.maxRetryAfterMs) + jitter(m_random) / 4;
    return capped + jitter(m_random);
}

DatabricksClient::Attempt DatabricksClient::sendOnce(QNetworkRequest request, const QByteArray &verb, const QByteArray &body)
{
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!m_options.caFile.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(QSslCertificate::fromPath(m_options.caFile));
        request.setSslConfiguration(ssl);
    }
    QNetworkReply *reply = verb == "GET" ? nam().get(request) : nam().post(request, body);
    Attempt a;
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, reply, [&] {
        a.timedOut = true;
        reply->abort();
    });
    QTimer cancelPoll;
    QObject::connect(&cancelPoll, &QTimer::timeout, reply, [&] {
        if (cancelled()) {
            a.cancelled = true;
            reply->abort();
        }
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(m_options.requestTimeoutMs);
    cancelPoll.start(50);
    if (!reply->isFinished())
        loop.exec();
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.error = reply->error();
    a.errorString = reply->errorString();
    if (!a.timedOut && !a.cancelled)
        a.body = reply->readAll();
    a.retryAfterMs = parseRetryAfter(reply->rawHeader("Retry-After"));
    // A cut body sometimes ends as NoError (shared/pitfalls.md): compare with Content-Length
    // unless Qt decompressed it.
    const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
    if (length.isValid() && reply->rawHeader("Content-Encoding").isEmpty() && length.toLongLong() != a.body.size())
        a.truncated = true;
    reply->deleteLater();
    return a;
}

Result<QJsonObject> DatabricksClient::call(Auth auth, const QByteArray &verb, const QUrl &url, const QByteArray &body,
                                           const QByteArray &contentType, const QString &what)
{
    // The one exit for every answer: whatever a server echoed (headers, the form body) is
    // scrubbed before it can reach a message, a log or the store.
    auto result = callOnce(auth, verb, url, body, contentType, what);
    if (!result)
        return scrub(result.error());
    return result;
}

Result<QJsonObject> DatabricksClient::callOnce(
    Auth auth, const QByteArray &verb, const QUrl &url, const QByteArray &body, const QByteArray &contentType, const QString &what)
{
    if (auto s = validate(); !s)
        return s.error();
    // Looked up each time: a nested call (a token fetch) may insert another host and rehash.
    const QString key = hostKey(url);
    auto health = [this, &key]() -> HostHealth & { return m_hosts[key]; };
    if (health().down)
        return *health().down;
    const bool oauth = m_credentials.authType == credentials::AuthType::OAuthM2M;
    bool refreshedAfter401 = false;
    QString lastProblem;
    int lastStatus = 0;
    int attempt = 0;
    while (attempt < m_options.maxAttempts) {
        ++attempt;
        if (cancelled())
            return makeError(ErrorCode::Cancelled, QStringLiteral("Cancelled while %1").arg(what));
        QNetworkRequest request(url);
        request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("LakeLedger/0.1"));
        if (!contentType.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, QString::fromLatin1(contentType));
        if (auth == Auth::Basic) {
            // Token request: client id and secret as HTTP Basic auth.
            request.setRawHeader("Authorization", "Basic " + (m_credentials.clientId + QLatin1Char(':') + m_credentials.clientSecret).toUtf8().toBase64());
        } else if (auth != Auth::None) {
            auto token = bearer(auth, false);
            if (!token)
                return token.error();
            request.setRawHeader("Authorization", "Bearer " + token->toUtf8());
        }
        qCDebug(lcExtract).noquote() << verb << redaction::urlForLog(url) << redaction::headerForLog("Authorization", request.rawHeader("Authorization"))
                                     << QString::fromUtf8(redaction::bodyForLog(url, body));
        const Attempt a = sendOnce(request, verb, body);
        m_lastHttpStatus = a.status;
        if (a.cancelled)
            return makeError(ErrorCode::Cancelled, QStringLiteral("Cancelled while %1").arg(what));
        qCDebug(lcExtract).noquote() << "  ->" << a.status << a.body.size() << "bytes" << (a.timedOut ? "timed out" : "");
        int retryAfter = -1;
        bool hostFailed = true; // this attempt says something about the host's health
        lastStatus = a.status;
        if (a.timedOut) {
            lastProblem = QStringLiteral("no complete answer within %1 s").arg(m_options.requestTimeoutMs / 1000.0);
        } else if (a.status == 0) {
            if (!isTransientNetworkError(a.error)) {
                health().down = scrub(permanentNetworkError(a.error, a.errorString, url, what));
                return *health().down;
            }
            lastProblem = scrub(a.errorString);
        } else if (a.status == 401 && (auth == Auth::Workspace || auth == Auth::Account) && oauth && !refreshedAfter401) {
            // The token expired mid-sync (or was revoked): fetch a new one once, then retry.
            health().consecutiveFailures = 0;
            refreshedAfter401 = true;
            --attempt;
            if (auto t = bearer(auth, true); !t)
                return t.error();
            continue;
        } else if (a.status == 429) {
            // The host is alive and asks us to slow down: a retry, but not a failure of the host.
            hostFailed = false;
            lastProblem = QStringLiteral("HTTP 429 (rate limited)");
            retryAfter = a.retryAfterMs;
        } else if (a.status >= 500) {
            const QString snippet = scrub(redaction::bodySnippet(a.body));
            const QJsonObject err = QJsonDocument::fromJson(a.body).object();
            const QString message = err.value(QLatin1String("message")).toString();
            lastProblem = QStringLiteral("HTTP %1: %2").arg(a.status).arg(message.isEmpty() ? snippet : scrub(message));
            if (a.status == 503)
                retryAfter = a.retryAfterMs;
        } else if (a.status >= 300 && a.status < 400) {
            return makeError(ErrorCode::Remote, QStringLiteral("%1 redirected the request while %2; LakeLedger does not follow redirects "
                                                               "with credentials. Use the workspace URL itself as the host.").arg(url.host(), what),
                             QStringLiteral("HTTP %1").arg(a.status));
        } else if (a.status >= 200 && a.status < 300) {
            if (a.truncated) {
                lastProblem = QStringLiteral("the answer was cut short");
            } else if (a.body.trimmed().isEmpty()) {
                health().consecutiveFailures = 0;
                return QJsonObject{};
            } else {
                QJsonParseError pe;
                const QJsonDocument doc = QJsonDocument::fromJson(a.body, &pe);
                if (pe.error == QJsonParseError::NoError && (doc.isObject() || doc.isArray()))
                    health().consecutiveFailures = 0;
                if (pe.error == QJsonParseError::NoError && doc.isObject())
                    return doc.object();
                // Some list APIs (account workspaces) answer with a bare array.
                if (pe.error == QJsonParseError::NoError && doc.isArray())
                    return QJsonObject{{QStringLiteral("items"), doc.array()}};
                lastProblem = QStringLiteral("the answer was not valid JSON (%1)").arg(pe.errorString());
            }
        } else {
            health().consecutiveFailures = 0; // a considered "no" is an answer: the host works
            const QJsonObject err = QJsonDocument::fromJson(a.body).object();
            QString code = err.value(QLatin1String("error_code")).toString();
            QString message = err.value(QLatin1String("message")).toString();
            if (code.isEmpty())
                code = err.value(QLatin1String("error")).toString(); // OAuth errors
            if (message.isEmpty())
                message = err.value(QLatin1String("error_description")).toString();
            if (message.isEmpty() && code.isEmpty())
                message = redaction::bodySnippet(a.body); // an HTML or text error page
            if (!isTransientMessage(message) || a.status == 401 || a.status == 403)
                return describeApiError(a.status, code, scrub(message), what);
            hostFailed = false;
            lastProblem = QStringLiteral("HTTP %1: %2").arg(a.status).arg(scrub(message));
        }
        if (hostFailed && ++health().consecutiveFailures >= m_options.maxConsecutiveFailures) {
            health().down = makeError(ErrorCode::Network,
                QStringLiteral("Stopped after %1 failed requests in a row to %2 while %3 (last: %4). Check that the "
                               "workspace is up and reachable, then sync again; the data read so far is kept.")
                    .arg(health().consecutiveFailures)
                    .arg(hostAndPort(url), what, lastProblem),
                lastStatus > 0 ? QStringLiteral("HTTP %1").arg(lastStatus) : QString());
            return *health().down;
        }
        if (attempt >= m_options.maxAttempts)
            break;
        if (m_retriesUsed >= m_options.retryBudget)
            return makeError(ErrorCode::Network,
                QStringLiteral("%1 did not answer properly while %2 (%3), and this sync has used its %4 retries; "
                               "try again later.")
                    .arg(hostAndPort(url), what, lastProblem)
                    .arg(m_options.retryBudget),
                lastStatus > 0 ? QStringLiteral("HTTP %1").arg(lastStatus) : QString());
        ++m_retriesUsed;
        qCInfo(lcExtract).noquote() << "Retrying" << redaction::urlForLog(url) << "after" << lastProblem;
        if (!wait(backoffMs(attempt, retryAfter)))
            return makeError(ErrorCode::Cancelled, QStringLiteral("Cancelled while %1").arg(what));
    }
    return makeError(ErrorCode::Network,
        QStringLiteral("%1 did not answer properly after %2 attempts while %3 (last: %4); try again later.")
            .arg(hostAndPort(url))
            .arg(m_options.maxAttempts)
            .arg(what, lastProblem),
        lastStatus > 0 ? QStringLiteral("HTTP %1").arg(lastStatus) : QString());
}

Result<QString> DatabricksClient::bearer(Auth auth, bool forceRefresh)
{
    if (m_credentials.authType == credentials::AuthType::Pat) {
        if (auth == Auth::Account)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("Account APIs need OAuth service principal credentials and an account ID"));
        return m_credentials.token;
    }
    CachedToken &cached = auth == Auth::Account ? m_accountToken : m_workspaceToken;
    // Refresh shortly before expiry: a tenth of the lifetime, at most a minute.
    const qint64 margin = std::min<qint64>(60000, cached.lifetimeMs / 10);
    if (!forceRefresh && !cached.value.isEmpty() && cached.age.elapsed() < cached.lifetimeMs - margin)
        return cached.value;
    return fetchToken(auth);
}

Result<QString> DatabricksClient::fetchToken(Auth auth)
{
    if (auth == Auth::Account && m_credentials.accountId.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("Account APIs need the Databricks account ID"));
    if (auth == Auth::Workspace && m_signInRejected)
        return *m_signInRejected; // asking again with the same secret gets the same answer
    auto url = tokenEndpoint(auth);
    if (!url)
        return url.error();
    ++m_tokenRequests;
    auto reply = call(Auth::Basic, "POST", *url, "grant_type=client_credentials&scope=all-apis", "application/x-www-form-urlencoded",
                      QStringLiteral("signing in with the service principal"));
    if (!reply) {
        if (auth == Auth::Workspace && reply.error().code == ErrorCode::Remote)
            m_signInRejected = reply.error();
        return reply.error();
    }
    const QString token = reply->value(QLatin1String("access_token")).toString();
    if (token.isEmpty())
        return makeError(ErrorCode::Remote, QStringLiteral("The token endpoint answered without an access token"));
    CachedToken &cached = auth == Auth::Account ? m_accountToken : m_workspaceToken;
    cached.value = token;
    cached.lifetimeMs = std::max<qint64>(1, reply->value(QLatin1String("expires_in")).toInteger(3600)) * 1000;
    cached.age.start();
    return token;
}

Result<QUrl> DatabricksClient::tokenEndpoint(Auth auth)
{
    if (auth == Auth::Account)
        return QUrl(m_options.accountsHost + QStringLiteral("/oidc/accounts/%1/v1/token").arg(QString::fromLatin1(QUrl::toPercentEncoding(m_credentials.accountId))));
    if (!m_workspaceTokenEndpoint.isEmpty())
        return m_workspaceTokenEndpoint;
    const QUrl host(m_options.host);
    m_workspaceTokenEndpoint = QUrl(m_options.host + QStringLiteral("/oidc/v1/token"));
    // The workspace's OIDC discovery document names the token endpoint; prefer it to the
    // conventional path, but only on this very host: the client secret goes there.
    auto discovery = call(Auth::None, "GET", QUrl(m_options.host + QStringLiteral("/oidc/.well-known/oauth-authorization-server")), {}, {},
                          QStringLiteral("looking up the sign-in endpoint"));
    if (!discovery && discovery.error().code == ErrorCode::Cancelled)
        return discovery.error();
    if (discovery) {
        const QUrl endpoint(discovery->value(QLatin1String("token_endpoint")).toString());
        if (endpoint.isValid() && endpoint.scheme() == host.scheme() && endpoint.host() == host.host() && endpoint.port() == host.port())
            m_workspaceTokenEndpoint = endpoint;
    }
    return m_workspaceTokenEndpoint;
}

Result<QJsonObject> DatabricksClient::get(const QString &pathAndQuery, const QString &what)
{
    return call(Auth::Workspace, "GET", QUrl(m_options.host + pathAndQuery), {}, {}, what);
}

Result<QJsonObject> DatabricksClient::post(const QString &path, const QJsonObject &body, const QString &what)
{
    return call(Auth::Workspace, "POST", QUrl(m_options.host + path), QJsonDocument(body).toJson(QJsonDocument::Compact),
                "application/json", what);
}

Result<QJsonObject> DatabricksClient::postDespiteCancel(const QString &path, const QString &what)
{
    const ClientOptions saved = m_options;
    m_ignoreCancel = true;
    m_options.maxAttempts = 1;
    m_options.requestTimeoutMs = std::min(m_options.requestTimeoutMs, 10000);
    auto result = call(Auth::Workspace, "POST", QUrl(m_options.host + path), "{}", "application/json", what);
    m_options = saved;
    m_ignoreCancel = false;
    return result;
}

Result<QJsonObject> DatabricksClient::postWrite(const QString &path, const QJsonObject &body, const QString &what, WriteSafety safety)
{
    const ClientOptions saved = m_options;
    m_ignoreCancel = true;
    if (safety == WriteSafety::NotIdempotent)
        m_options.maxAttempts = 1;
    auto result = call(
        Auth::Workspace, "POST", QUrl(m_options.host + path), QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json", what);
    m_options = saved;
    m_ignoreCancel = false;
    return result;
}

Result<QJsonObject> DatabricksClient::getAccount(const QString &pathAndQuery, const QString &what)
{
    return call(Auth::Account, "GET", QUrl(m_options.accountsHost + pathAndQuery), {}, {}, what);
}

} // namespace ll::extract

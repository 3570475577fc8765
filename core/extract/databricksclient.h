#pragma once

#include "common/canceltoken.h"
#include "common/result.h"
#include "credentials/profile.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

#include <memory>
#include <optional>
#include <random>

class QNetworkAccessManager;
class QNetworkRequest;

namespace ll::extract {

struct ClientOptions {
    QString host;                 // https://<workspace-host>; http only for loopback (tests)
    QString accountsHost = QStringLiteral("https://accounts.cloud.databricks.com");
    QString caFile;               // extra trusted CA certificates (PEM), e.g. a corporate proxy's
    // Per-request deadline: a timer aborts the request when no complete answer arrived in time
    // (a transfer timeout alone never fires on a server that drips bytes).
    int requestTimeoutMs = 60000;
    int maxAttempts = 4; // per request, for retryable failures
    // Retries across every request this client makes (one client = one sync): a flaky server
    // costs the sync at most this many waits, however many sources it has.
    int retryBudget = 30;
    // Failed attempts in a row against one host (timeouts, resets, 5xx) after which the host is
    // given up on: every later call to it fails at once with the cause, so the sync stops.
    int maxConsecutiveFailures = 5;
    int baseDelayMs = 1000;       // backoff: base * 2^(attempt-1), capped, plus jitter
    int maxDelayMs = 10000;
    int maxRetryAfterMs = 120000; // a server asking for longer is not waited for
    double waitScale = 1.0;       // scales every wait (tests use 0.001 so nothing sleeps for real)
};

struct ClientCredentials {
    credentials::AuthType authType = credentials::AuthType::OAuthM2M;
    QString token;        // PAT
    QString clientId;     // OAuth M2M
    QString clientSecret;
    QString accountId;    // enables account APIs (OAuth M2M only)
};

// Databricks REST over QtNetwork, synchronous for its caller: each call runs a local event loop,
// so it belongs on a worker thread or in the CLI (never the GUI thread). Create it on the thread
// that uses it.
//
// - HTTPS with certificate verification; plain http only for 127.0.0.0/8, ::1 and localhost.
// - No automatic redirects: Qt would forward Authorization to another host.
// - Retries what can recover: 429 (honouring Retry-After), 5xx, timeouts, resets, truncated
//   bodies and unparsable JSON, with capped exponential backoff and jitter, within one retry
//   budget for the client's life. What cannot recover fails at once with its real cause:
//   connection refused, unknown host, TLS failures, a plain-HTTP answer to HTTPS. Either, or too
//   many failures in a row, marks the host down (fatal()): the sync stops rather than
//   repeating the failure for every source. Other API errors fail fast in plain words.
// - OAuth M2M tokens are cached, refreshed shortly before they expire and once after a 401.
// - No secret ever appears in an Error or a log line (see redaction.h).
class DatabricksClient {
public:
    DatabricksClient(ClientOptions options, ClientCredentials credentials, const CancelToken &cancel);
    ~DatabricksClient();
    DatabricksClient(const DatabricksClient &) = delete;
    DatabricksClient &operator=(const DatabricksClient &) = delete;

    // Host, scheme and CA file checks; every request calls it too.
    Status validate() const;
    // The host part of validate(), for forms: a workspace or account URL LakeLedger accepts
    // (https, or plain http to this machine for test servers).
    static Status checkHostUrl(const QString &url);

    // Workspace API: path with optional query ("/api/2.1/clusters/list?page_size=100"). A bare
    // JSON array answer comes back as {"items": [...]}.
    Result<QJsonObject> get(const QString &pathAndQuery, const QString &what);
    Result<QJsonObject> post(const QString &path, const QJsonObject &body, const QString &what);
    // Account API on accountsHost with an account-level OAuth token.
    Result<QJsonObject> getAccount(const QString &pathAndQuery, const QString &what);
    // For the statement cancel call, which must go out after the user cancelled: one attempt,
    // a short deadline, the cancel token ignored.
    Result<QJsonObject> postDespiteCancel(const QString &path, const QString &what);

    // A change to the workspace (action plans). Once sent, a write runs to its answer even if
    // the user cancels meanwhile (an aborted write leaves its outcome unknown): callers check
    // the cancel token between writes. A reset, a timeout or a 5xx after the request left may
    // mean it was applied, so only an Idempotent write (setting fields to values, terminating,
    // cancelling a run: sending it twice has the effect of once) is retried; any other is sent
    // exactly once and its failure reported as is. lastHttpStatus() then tells the answer's status.
    enum class WriteSafety { Idempotent, NotIdempotent };
    Result<QJsonObject> postWrite(const QString &path, const QJsonObject &body, const QString &what, WriteSafety safety);
    // The HTTP status of the last answer any call received (0: none, e.g. a reset).
    int lastHttpStatus() const { return m_lastHttpStatus; }
    bool hasAccountAccess() const;

    // Waits `ms` (scaled by waitScale) unless cancelled first; false when cancelled.
    bool wait(int ms);
    const CancelToken &cancelToken() const { return m_cancel; }
    QString host() const { return m_options.host; }

    // Replaces any secret this client knows in `text` (in every encoding, see redaction.h).
    QString scrub(const QString &text) const;
    Error scrub(Error error) const;

    // Set once the workspace failed in a way that will not recover within this sync: its host
    // is down (see above) or it rejected the service principal's sign-in. The reason, for the
    // caller to stop with instead of repeating the failure for every source.
    std::optional<Error> fatal() const;
    int retriesUsed() const { return m_retriesUsed; }

    // For tests: waits asked for (ms, before scaling) and token requests made.
    QList<int> requestedWaits() const { return m_waits; }
    int tokenRequests() const { return m_tokenRequests; }

private:
    enum class Auth { None, Basic, Workspace, Account };
    struct Attempt;

    struct HostHealth {
        int consecutiveFailures = 0;
        std::optional<Error> down;
    };

    Result<QJsonObject> callOnce(
        Auth auth, const QByteArray &verb, const QUrl &url, const QByteArray &body, const QByteArray &contentType, const QString &what);
    Result<QJsonObject> call(Auth auth, const QByteArray &verb, const QUrl &url, const QByteArray &body,
                             const QByteArray &contentType, const QString &what);
    Attempt sendOnce(QNetworkRequest request, const QByteArray &verb, const QByteArray &body);
    Result<QString> bearer(Auth auth, bool forceRefresh);
    Result<QString> fetchToken(Auth auth);
    Result<QUrl> tokenEndpoint(Auth auth);
    int backoffMs(int attempt, int retryAfterMs);
    QNetworkAccessManager &nam();
    bool cancelled() const { return !m_ignoreCancel && m_cancel.isCancelled(); }

    ClientOptions m_options;
    ClientCredentials m_credentials;
    const CancelToken &m_cancel;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    struct CachedToken {
        QString value;
        QElapsedTimer age;
        qint64 lifetimeMs = 0;
    };
    CachedToken m_workspaceToken;
    CachedToken m_accountToken;
    QUrl m_workspaceTokenEndpoint; // from OIDC discovery, once per client
    QList<int> m_waits;
    QHash<QString, HostHealth> m_hosts;    // by "host:port"
    std::optional<Error> m_signInRejected; // the workspace token endpoint said no
    int m_retriesUsed = 0;
    int m_tokenRequests = 0;
    int m_lastHttpStatus = 0;
    bool m_ignoreCancel = false;
    std::mt19937 m_random{std::random_device{}()};
};

} // namespace ll::extract

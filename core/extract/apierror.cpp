#include "apierror.h"

#include <QStringList>

namespace ll::extract {
namespace {

QString schemaOf(const QString &systemTable)
{
    return systemTable.section(QLatin1Char('.'), 0, 1); // system.billing.usage -> system.billing
}

QString detailOf(const QString &code, int status, const QString &message)
{
    const QString c = code.isEmpty() ? QStringLiteral("UNKNOWN") : code;
    return status > 0 ? QStringLiteral("%1 (HTTP %2): %3").arg(c).arg(status).arg(message) : QStringLiteral("%1: %2").arg(c, message);
}

} // namespace

Error describeApiError(int status, const QString &errorCode, const QString &message, const QString &what)
{
    const QString detail = detailOf(errorCode, status, message);
    const QString lower = message.toLower();
    if (errorCode == QLatin1String("invalid_client") || errorCode == QLatin1String("invalid_grant"))
        return makeError(ErrorCode::Remote, QStringLiteral("Databricks rejected the service principal's client ID or secret. "
                                                           "Check both, and that the secret has not expired."), detail);
    if (status == 401 || errorCode == QLatin1String("UNAUTHENTICATED"))
        return makeError(ErrorCode::Remote, QStringLiteral("Databricks did not accept the credentials (the token may be "
                                                           "expired or revoked) while %1.").arg(what), detail);
    if (errorCode == QLatin1String("ENDPOINT_NOT_FOUND") || (status == 404 && errorCode.isEmpty()))
        return makeError(ErrorCode::Remote, QStringLiteral("The server does not offer this Databricks API while %1. Check that "
                                                           "the host is your workspace URL (https://<workspace>.cloud.databricks.com "
                                                           "or similar).").arg(what), detail);
    if (lower.contains(QLatin1String("warehouse")) && (lower.contains(QLatin1String("stopped")) || lower.contains(QLatin1String("not running"))))
        return makeError(ErrorCode::Remote, QStringLiteral("The SQL warehouse is stopped and could not be started while %1. "
                                                           "Start it, or allow LakeLedger's identity to start it.").arg(what), detail);
    if (errorCode == QLatin1String("RESOURCE_DOES_NOT_EXIST") && lower.contains(QLatin1String("warehouse")))
        return makeError(ErrorCode::Remote, QStringLiteral("The SQL warehouse does not exist in this workspace; pick another "
                                                           "one (while %1).").arg(what), detail);
    if (status == 403 || errorCode == QLatin1String("PERMISSION_DENIED"))
        return makeError(ErrorCode::Remote, QStringLiteral("The identity LakeLedger uses lacks permission while %1. Ask a "
                                                           "workspace admin to grant it.").arg(what), detail);
    if (status == 429 || errorCode == QLatin1String("REQUEST_LIMIT_EXCEEDED"))
        return makeError(ErrorCode::Remote, QStringLiteral("Databricks kept rate-limiting requests while %1; try again later.").arg(what), detail);
    if (status == 503 || errorCode == QLatin1String("TEMPORARILY_UNAVAILABLE"))
        return makeError(ErrorCode::Remote, QStringLiteral("Databricks stayed unavailable while %1; try again later.").arg(what), detail);
    return makeError(ErrorCode::Remote, QStringLiteral("Databricks reported an error while %1: %2").arg(what, message.isEmpty() ? errorCode : message), detail);
}

Error describeStatementError(const QString &errorCode, const QString &sqlState, const QString &message, const QString &systemTable)
{
    const QString detail = detailOf(errorCode, 0, (sqlState.isEmpty() ? QString() : QStringLiteral("[SQLSTATE %1] ").arg(sqlState)) + message);
    const QString schema = schemaOf(systemTable);
    // SQL errors arrive with a generic error_code and the condition in the message
    // ("[TABLE_OR_VIEW_NOT_FOUND] ...", "[INSUFFICIENT_PERMISSIONS] ...") or in the SQLSTATE.
    const bool notFound = errorCode == QLatin1String("TABLE_OR_VIEW_NOT_FOUND") || message.contains(QLatin1String("TABLE_OR_VIEW_NOT_FOUND"))
                          || message.contains(QLatin1String("SCHEMA_NOT_FOUND")) || sqlState == QLatin1String("42P01");
    const bool denied = errorCode == QLatin1String("PERMISSION_DENIED") || message.contains(QLatin1String("INSUFFICIENT_PERMISSIONS"))
                        || message.contains(QLatin1String("PERMISSION_DENIED")) || sqlState == QLatin1String("42501");
    Error e;
    if (denied) {
        e = makeError(ErrorCode::Remote, QStringLiteral("No access to %1: the schema %2 needs USE SCHEMA and SELECT granted to "
                                                        "LakeLedger's identity (an account or metastore admin can grant them).").arg(systemTable, schema), detail);
        e.detail.prepend(QStringLiteral("PERMISSION_DENIED "));
    } else if (notFound) {
        e = makeError(ErrorCode::Remote, QStringLiteral("%1 is not available to this workspace: the table does not exist, the system "
                                                        "schema %2 is not enabled, or it is not granted (USE SCHEMA + SELECT).").arg(systemTable, schema), detail);
        e.detail.prepend(QStringLiteral("TABLE_OR_VIEW_NOT_FOUND "));
    } else {
        e = makeError(ErrorCode::Remote, QStringLiteral("The query on %1 failed: %2").arg(systemTable, message.isEmpty() ? errorCode : message), detail);
    }
    return e;
}

QString remoteErrorCode(const Error &error)
{
    if (error.code != ErrorCode::Remote)
        return {};
    return error.detail.section(QLatin1Char(' '), 0, 0).section(QLatin1Char(':'), 0, 0);
}

int remoteHttpStatus(const Error &error)
{
    if (error.code != ErrorCode::Remote)
        return 0;
    static const QLatin1String marker("(HTTP ");
    const qsizetype at = error.detail.indexOf(marker);
    if (at < 0)
        return 0;
    const qsizetype from = at + marker.size();
    const qsizetype to = error.detail.indexOf(QLatin1Char(')'), from);
    return to < 0 ? 0 : error.detail.mid(from, to - from).toInt();
}

bool isUnavailableError(const Error &error)
{
    const QString code = remoteErrorCode(error);
    return code == QLatin1String("PERMISSION_DENIED") || code == QLatin1String("TABLE_OR_VIEW_NOT_FOUND");
}

bool isTransientMessage(const QString &message)
{
    static const QStringList patterns = {QStringLiteral("ClusterNotReadyException"), QStringLiteral("Unexpected error"),
                                         QStringLiteral("Please try again later"), QStringLiteral("deadline exceeded"),
                                         QStringLiteral("RPC token bucket limit has been exceeded")};
    for (const QString &p : patterns) {
        if (message.contains(p, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

} // namespace ll::extract

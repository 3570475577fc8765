#pragma once

#include "common/error.h"

#include <QString>

namespace ll::extract {

// Turns a Databricks error (HTTP status, error_code, message) into a sentence a FinOps analyst
// can act on. The Error's detail keeps "<ERROR_CODE> (HTTP n): <server message>" so callers can
// classify it with remoteErrorCode(); the server message is scrubbed of secrets by the caller.
Error describeApiError(int httpStatus, const QString &errorCode, const QString &message, const QString &what);

// A failed SQL statement (HTTP 200, status.state FAILED): table/permission problems are named
// with the schema that lacks access.
Error describeStatementError(const QString &errorCode, const QString &sqlState, const QString &message,
                             const QString &systemTable);

// The Databricks error code kept in an Error's detail ("PERMISSION_DENIED"), or empty.
QString remoteErrorCode(const Error &error);

// The HTTP status kept in an Error's detail ("... (HTTP 403): ..."), or 0.
int remoteHttpStatus(const Error &error);

// True when the error means the table is missing or not granted to us: an optional source is
// then recorded as "unavailable" rather than failing the sync.
bool isUnavailableError(const Error &error);

// True for errors the Databricks SDKs retry whatever their status ("Please try again later"...).
bool isTransientMessage(const QString &message);

} // namespace ll::extract

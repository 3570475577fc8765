#pragma once

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>
#include <QUrl>

Q_DECLARE_LOGGING_CATEGORY(lcExtract)

namespace ll::extract {

// Everything the extraction code logs or puts into an Error goes through these helpers first:
// no token, client secret, Authorization header or pre-signed URL query ever leaves the client.
namespace redaction {

inline const QString kMask = QStringLiteral("<redacted>");

// True for Authorization, Proxy-Authorization, Cookie and Set-Cookie (case-insensitive).
bool isSecretHeader(const QByteArray &name);
// "Name: value", with the value masked for secret headers.
QString headerForLog(const QByteArray &name, const QByteArray &value);
// Token requests are masked whole (their form body holds the client secret); JSON bodies have
// access_token, refresh_token, id_token, client_secret, token and password values masked.
QByteArray bodyForLog(const QUrl &url, const QByteArray &body);
// A URL without its query string when it is not an API path (pre-signed URLs carry credentials
// in the query), and never with user info.
QString urlForLog(const QUrl &url);
// Replaces every occurrence of any known secret (min. 4 characters) in `text`, in every form a
// server may echo it back (as sent, base64 with and without padding, base64url, URL- and
// form-encoded), then applies scrubPatterns(). Pass "client_id:secret" as a secret too: an
// echoed "Authorization: Basic ..." header holds its base64.
QString scrub(QString text, const QStringList &secrets);
// Credentials recognisable without knowing them: "Basic <b64>", "Bearer <token>", user:password@
// in URLs, Authorization/Cookie header lines, access_token / client_secret / password = or :
// values, and Databricks personal access tokens (dapi...).
QString scrubPatterns(QString text);
// The start of an error body for a message: HTML tags, scripts and styles dropped, entities
// decoded, whitespace collapsed, cut at `maxChars` with "...". Not redacted: scrub() the result.
QString bodySnippet(const QByteArray &body, int maxChars = 200);

} // namespace redaction
} // namespace ll::extract

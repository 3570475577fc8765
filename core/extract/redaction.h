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
// Replaces every occurrence of any known secret (min. 4 characters) in `text`.
QString scrub(QString text, const QStringList &secrets);

} // namespace redaction
} // namespace ll::extract

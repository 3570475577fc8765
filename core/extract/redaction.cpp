#include "redaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

Q_LOGGING_CATEGORY(lcExtract, "lakeledger.extract", QtInfoMsg)

namespace ll::extract::redaction {
namespace {

bool isSecretField(const QString &key)
{
    static const QStringList fields = {QStringLiteral("access_token"), QStringLiteral("refresh_token"), QStringLiteral("id_token"),
                                       QStringLiteral("client_secret"), QStringLiteral("token"), QStringLiteral("password"),
                                       QStringLiteral("token_value"), QStringLiteral("http_headers")};
    return fields.contains(key.toLower());
}

QJsonValue maskJson(const QJsonValue &v)
{
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            it.value() = isSecretField(it.key()) ? QJsonValue(kMask) : maskJson(it.value());
        return o;
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            a[i] = maskJson(a[i]);
        return a;
    }
    return v;
}

} // namespace

bool isSecretHeader(const QByteArray &name)
{
    const QByteArray n = name.trimmed().toLower();
    return n == "authorization" || n == "proxy-authorization" || n == "cookie" || n == "set-cookie";
}

QString headerForLog(const QByteArray &name, const QByteArray &value)
{
    return QString::fromLatin1(name) + QStringLiteral(": ") + (isSecretHeader(name) ? kMask : QString::fromLatin1(value));
}

QByteArray bodyForLog(const QUrl &url, const QByteArray &body)
{
    if (url.path().contains(QLatin1String("/oidc/")))
        return kMask.toLatin1();
    QJsonParseError e;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &e);
    if (e.error != QJsonParseError::NoError) {
        // Not JSON: a form body may carry client_secret in any position; mask it whole.
        if (body.contains("secret") || body.contains("token") || body.contains("grant_type") || body.contains("password"))
            return kMask.toLatin1();
        return body.size() > 2000 ? body.left(2000) + "..." : body;
    }
    const QJsonValue masked = maskJson(doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()));
    const QByteArray out = masked.isObject() ? QJsonDocument(masked.toObject()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(masked.toArray()).toJson(QJsonDocument::Compact);
    return out.size() > 2000 ? out.left(2000) + "..." : out;
}

QString urlForLog(const QUrl &url)
{
    QUrl u = url;
    u.setUserInfo({});
    if (!u.path().startsWith(QLatin1String("/api/")))
        u.setQuery(QString());
    return u.toString();
}

QString scrub(QString text, const QStringList &secrets)
{
    for (const QString &s : secrets) {
        if (s.size() >= 4)
            text.replace(s, kMask);
    }
    return text;
}

} // namespace ll::extract::redaction

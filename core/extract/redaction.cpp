#include "redaction.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

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
    QStringList forms;
    for (const QString &s : secrets) {
        if (s.size() < 4)
            continue;
        const QByteArray utf8 = s.toUtf8();
        forms << s << QString::fromLatin1(utf8.toBase64()) << QString::fromLatin1(utf8.toBase64(QByteArray::OmitTrailingEquals))
              << QString::fromLatin1(utf8.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals))
              << QString::fromLatin1(QUrl::toPercentEncoding(s))
              << QString::fromLatin1(QUrl::toPercentEncoding(s)).replace(QStringLiteral("%20"), QStringLiteral("+"));
    }
    // Longest first, so a secret that contains another is masked whole.
    std::sort(forms.begin(), forms.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    forms.removeDuplicates();
    for (const QString &f : std::as_const(forms)) {
        if (f.size() >= 4)
            text.replace(f, kMask, Qt::CaseSensitive);
    }
    return scrubPatterns(std::move(text));
}

QString scrubPatterns(QString text)
{
    static const QRegularExpression header(QStringLiteral(R"(\b((?:proxy-)?authorization|(?:set-)?cookie)(\s*[:=]\s*)[^\r\n"'<]+)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression scheme(
        QStringLiteral(R"(\b(Basic|Bearer)\s+(?!<redacted>)[A-Za-z0-9._~+/=-]{8,})"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression userInfo(
        QStringLiteral(R"(\b([a-z][a-z0-9+.-]*://)[^/\s:@]+:[^/\s@]+@)"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression field(
        QStringLiteral(
            R"(\b(access_token|refresh_token|id_token|client_secret|password|token_value)(\\?["']?\s*[:=]\s*\\?["']?)(?!<redacted>)[^"'&\s,;}\\]+)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression pat(QStringLiteral(R"(\bdapi[A-Za-z0-9-]{8,})"));
    text.replace(header, QStringLiteral("\\1\\2") + kMask);
    text.replace(scheme, QStringLiteral("\\1 ") + kMask);
    text.replace(userInfo, QStringLiteral("\\1") + kMask + QLatin1Char('@'));
    text.replace(field, QStringLiteral("\\1\\2") + kMask);
    text.replace(pat, kMask);
    return text;
}

QString bodySnippet(const QByteArray &body, int maxChars)
{
    QString text = QString::fromUtf8(body.left(64 * 1024));
    static const QRegularExpression hidden(QStringLiteral(R"(<(script|style|head)\b.*?</\1\s*>)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression title(QStringLiteral(R"(<title\b[^>]*>(.*?)</title\s*>)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression tag(QStringLiteral(R"(<[^>]*>)"));
    static const QRegularExpression space(QStringLiteral(R"(\s+)"));
    // An HTML error page's title usually says it all ("502 Bad Gateway"); keep it in front.
    const QString pageTitle = title.match(text).captured(1);
    text.remove(hidden);
    text.replace(tag, QStringLiteral(" "));
    text.replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&#39;"), QLatin1String("'"))
        .replace(QLatin1String("&nbsp;"), QLatin1String(" "))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
    text = text.replace(space, QStringLiteral(" ")).trimmed();
    const QString cleanTitle = pageTitle.simplified();
    if (!cleanTitle.isEmpty() && !text.startsWith(cleanTitle))
        text = cleanTitle + QStringLiteral(": ") + text;
    // Entities may have rebuilt a tag ("&lt;b&gt;"): drop angle brackets altogether.
    text.remove(QLatin1Char('<')).remove(QLatin1Char('>'));
    if (text.size() > maxChars)
        text = text.left(maxChars).trimmed() + QStringLiteral("...");
    return text;
}

} // namespace ll::extract::redaction

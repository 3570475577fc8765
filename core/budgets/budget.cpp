#include "budget.h"

#include "common/coretext.h"
#include "common/enumtext.h"
#include "common/money.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace ll::budgets {
namespace {

Error invalid(const QString &message) { return makeError(ErrorCode::InvalidArgument, message); }

Status onlyKnownFields(const QJsonObject &o, const QStringList &known, const QString &where)
{
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            return invalid(CoreText::tr("%1: unknown field '%2' (known: %3)").arg(where, it.key(), known.join(QStringLiteral(", "))));
    }
    return {};
}

// A JSON percent: a whole number (integers arrive as doubles).
std::optional<int> wholePercent(const QJsonValue &v)
{
    if (!v.isDouble())
        return std::nullopt;
    const double d = v.toDouble();
    if (d != static_cast<double>(static_cast<int>(d)))
        return std::nullopt;
    return static_cast<int>(d);
}

} // namespace

QString toText(ScopeType type)
{
    switch (type) {
    case ScopeType::Workspace: return QStringLiteral("workspace");
    case ScopeType::OrgUnit: return QStringLiteral("org_unit");
    case ScopeType::Department: return QStringLiteral("department");
    case ScopeType::Team: return QStringLiteral("team");
    case ScopeType::Project: return QStringLiteral("project");
    }
    return {};
}

std::optional<ScopeType> scopeTypeFromText(QStringView text) { return enumFromText<ScopeType, ScopeType::Project>(text); }

QStringList scopeTypeNames()
{
    QStringList names;
    for (int i = 0; i <= static_cast<int>(ScopeType::Project); ++i)
        names << toText(static_cast<ScopeType>(i));
    return names;
}

QString scopeText(const Scope &scope) { return toText(scope.type) + QLatin1Char(':') + scope.key; }

QDate monthFromText(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    const auto m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return {};
    const int month = m.captured(2).toInt();
    if (month < 1 || month > 12)
        return {};
    return QDate(m.captured(1).toInt(), month, 1);
}

QString monthText(const QDate &month) { return month.isValid() ? month.toString(QStringLiteral("yyyy-MM")) : QString(); }

Status validateThresholds(const Thresholds &t)
{
    if (t.amberPercent < 1 || t.redPercent > 1000 || t.amberPercent >= t.redPercent)
        return invalid(
            CoreText::tr("Thresholds: amber must be at least 1 %, red at most 1000 % and amber below red (got amber %1 %, red %2 %)")
                .arg(t.amberPercent)
                .arg(t.redPercent));
    return {};
}

Status validateBudget(const Budget &b, const QString &where)
{
    if (b.scope.key.trimmed().isEmpty())
        return invalid(CoreText::tr("%1.key: a budget names the %2 it is for").arg(where, toText(b.scope.type)));
    if (b.amountNanos <= 0)
        return invalid(CoreText::tr("%1.amount: a budget is a positive amount").arg(where));
    static const QRegularExpression code(QStringLiteral("^[A-Z]{3}$"));
    if (!code.match(b.currency).hasMatch())
        return invalid(CoreText::tr("%1.currency: a three-letter currency code such as USD, not '%2'").arg(where, b.currency));
    if (b.effectiveFrom.isValid() && b.effectiveFrom.day() != 1)
        return invalid(CoreText::tr("%1.effective_from: a month starts on its first day").arg(where));
    return {};
}

std::optional<Budget> budgetInEffect(const QList<Budget> &budgets, const Scope &scope, const QDate &month)
{
    const QDate first(month.year(), month.month(), 1);
    std::optional<Budget> best;
    for (const Budget &b : budgets) {
        if (!(b.scope == scope) || (b.effectiveFrom.isValid() && b.effectiveFrom > first))
            continue;
        // An invalid effectiveFrom (from the beginning) loses to any dated entry.
        if (!best || (b.effectiveFrom.isValid() && (!best->effectiveFrom.isValid() || b.effectiveFrom > best->effectiveFrom)))
            best = b;
    }
    return best;
}

QString amountText(std::int64_t nanos)
{
    QString text = formatNanos(nanos, kNanoScale);
    while (text.endsWith(QLatin1Char('0')) && text.size() - text.indexOf(QLatin1Char('.')) > 3)
        text.chop(1);
    return text;
}

std::optional<std::int64_t> parseAmount(const QString &text)
{
    const auto d = parseDecimal(QStringView(text).trimmed());
    if (!d || d->mantissa <= 0)
        return std::nullopt;
    const auto nanos = toNanos(*d);
    if (!nanos || *nanos <= 0)
        return std::nullopt;
    return nanos;
}

QByteArray BudgetConfig::toJson() const
{
    QJsonArray list;
    for (const Budget &b : budgets) {
        QJsonObject o;
        o.insert(QStringLiteral("scope"), toText(b.scope.type));
        o.insert(QStringLiteral("key"), b.scope.key);
        o.insert(QStringLiteral("amount"), amountText(b.amountNanos));
        o.insert(QStringLiteral("currency"), b.currency);
        if (b.effectiveFrom.isValid())
            o.insert(QStringLiteral("effective_from"), monthText(b.effectiveFrom));
        list.append(o);
    }
    QJsonObject thresholdsObject;
    thresholdsObject.insert(QStringLiteral("amber_percent"), thresholds.amberPercent);
    thresholdsObject.insert(QStringLiteral("red_percent"), thresholds.redPercent);
    QJsonObject root;
    root.insert(QStringLiteral("thresholds"), thresholdsObject);
    root.insert(QStringLiteral("budgets"), list);
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Result<BudgetConfig> BudgetConfig::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return invalid(CoreText::tr("Not valid JSON at offset %1: %2").arg(parseError.offset).arg(parseError.errorString()));
    if (!doc.isObject())
        return invalid(CoreText::tr("The budget file is a JSON object with \"budgets\" (and optionally \"thresholds\")"));
    const QJsonObject root = doc.object();
    if (auto s = onlyKnownFields(root, {QStringLiteral("thresholds"), QStringLiteral("budgets")}, CoreText::tr("The budget file")); !s)
        return s.error();
    BudgetConfig config;
    if (root.contains(QLatin1String("thresholds"))) {
        const QJsonValue tv = root.value(QLatin1String("thresholds"));
        if (!tv.isObject())
            return invalid(CoreText::tr("thresholds: an object with amber_percent and red_percent"));
        const QJsonObject t = tv.toObject();
        if (auto s = onlyKnownFields(t, {QStringLiteral("amber_percent"), QStringLiteral("red_percent")}, QStringLiteral("thresholds")); !s)
            return s.error();
        for (const auto &[name, target] :
            {std::pair{"amber_percent", &config.thresholds.amberPercent}, std::pair{"red_percent", &config.thresholds.redPercent}}) {
            if (!t.contains(QLatin1String(name)))
                continue;
            const auto p = wholePercent(t.value(QLatin1String(name)));
            if (!p)
                return invalid(CoreText::tr("thresholds.%1: a whole number of percent").arg(QLatin1String(name)));
            *target = *p;
        }
        if (auto s = validateThresholds(config.thresholds); !s)
            return s.error();
    }
    const QJsonValue listValue = root.value(QLatin1String("budgets"));
    if (!listValue.isArray())
        return invalid(CoreText::tr("budgets: a list of budget entries is required (it may be empty)"));
    const QJsonArray list = listValue.toArray();
    QSet<QString> seen;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString where = QStringLiteral("budgets[%1]").arg(i);
        if (!list[i].isObject())
            return invalid(CoreText::tr("%1: each budget is an object").arg(where));
        const QJsonObject o = list[i].toObject();
        const QStringList known{QStringLiteral("scope"), QStringLiteral("key"), QStringLiteral("amount"), QStringLiteral("currency"),
            QStringLiteral("effective_from")};
        if (auto s = onlyKnownFields(o, known, where); !s)
            return s.error();
        Budget b;
        const auto type = scopeTypeFromText(o.value(QLatin1String("scope")).toString());
        if (!type)
            return invalid(
                CoreText::tr("%1.scope: one of %2, not '%3'")
                    .arg(where, scopeTypeNames().join(QStringLiteral(", ")), o.value(QLatin1String("scope")).toVariant().toString()));
        b.scope.type = *type;
        if (!o.value(QLatin1String("key")).isString())
            return invalid(CoreText::tr("%1.key: the %2's key as text").arg(where, toText(*type)));
        b.scope.key = o.value(QLatin1String("key")).toString().trimmed();
        const QJsonValue amount = o.value(QLatin1String("amount"));
        const QString amountString = amount.isDouble() ? QString::number(amount.toDouble(), 'f', 9) : amount.toString();
        const auto nanos = (amount.isDouble() || amount.isString()) ? parseAmount(amountString) : std::nullopt;
        if (!nanos)
            return invalid(CoreText::tr("%1.amount: a positive decimal amount such as \"5000.00\", not '%2'")
                               .arg(where, amount.isUndefined() ? QStringLiteral("(missing)") : amount.toVariant().toString()));
        b.amountNanos = *nanos;
        b.currency = o.value(QLatin1String("currency")).toString().trimmed();
        if (o.contains(QLatin1String("effective_from")) && !o.value(QLatin1String("effective_from")).isNull()) {
            const QString text = o.value(QLatin1String("effective_from")).toString();
            b.effectiveFrom = monthFromText(text);
            if (!b.effectiveFrom.isValid())
                return invalid(CoreText::tr("%1.effective_from: a month as YYYY-MM, not '%2'")
                                   .arg(where, o.value(QLatin1String("effective_from")).toVariant().toString()));
        }
        if (auto s = validateBudget(b, where); !s)
            return s.error();
        const QString id = scopeText(b.scope) + QLatin1Char('@') + monthText(b.effectiveFrom);
        if (seen.contains(id))
            return invalid(CoreText::tr("%1: %2 from %3 is listed twice")
                               .arg(where, scopeText(b.scope),
                                   b.effectiveFrom.isValid() ? monthText(b.effectiveFrom) : CoreText::tr("the beginning")));
        seen.insert(id);
        config.budgets.append(b);
    }
    return config;
}

} // namespace ll::budgets

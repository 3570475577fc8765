#include "plan.h"

#include <QCryptographicHash>
#include <QJsonDocument>

namespace ll::plans {
namespace {

// QJsonDocument writes object keys sorted, so equal objects give equal text.
QString compact(const QJsonObject &object) { return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)); }

} // namespace

QString stepsText(const QList<PlanStep> &steps)
{
    QStringList lines;
    for (const PlanStep &s : steps)
        lines << QStringLiteral("%1. %2 %3 %4 %5 before=%6 after=%7")
                     .arg(QString::number(s.ordinal), toText(s.kind), s.method, s.path, compact(s.body), compact(s.before),
                         compact(s.after));
    return lines.join(QLatin1Char('\n'));
}

QString stepsSha256(const QList<PlanStep> &steps)
{
    return QString::fromLatin1(QCryptographicHash::hash(stepsText(steps).toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace ll::plans

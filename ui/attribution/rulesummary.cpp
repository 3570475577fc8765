#include "rulesummary.h"

#include "attribution/allocationstate.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>

namespace ll::ui {
namespace {

QString tr(const char *text) { return QCoreApplication::translate("RuleSummary", text); }

QString str(const QJsonObject &o, const char *field) { return o.value(QLatin1String(field)).toString(); }

QString target(const QJsonObject &o)
{
    const QString team = str(o, "team");
    const QString project = str(o, "project");
    if (!team.isEmpty() && !project.isEmpty())
        return tr("team %1, project %2").arg(team, project);
    if (!team.isEmpty())
        return tr("team %1").arg(team);
    if (!project.isEmpty())
        return tr("project %1").arg(project);
    return tr("(no team)");
}

} // namespace

QString summarizeRuleMatch(const QJsonObject &match)
{
    if (match.contains(QLatin1String("resource"))) {
        QStringList ids;
        const QJsonArray array = match.value(QLatin1String("ids")).toArray();
        for (const auto &id : array)
            ids << id.toString();
        return tr("%1 id in {%2}").arg(str(match, "resource"), ids.join(QStringLiteral(", ")));
    }
    const QString field = str(match, "field");
    const QString regex = str(match, "regex");
    if (field == QLatin1String("tag"))
        return tr("tag %1 ~ /%2/").arg(str(match, "key"), regex);
    if (field.isEmpty())
        return tr("(no match)");
    return tr("%1 ~ /%2/").arg(field, regex);
}

QString summarizeRuleAssign(const QJsonObject &assign)
{
    const QString mode = str(assign, "mode");
    switch (attribution::allocationModeFromText(mode).value_or(attribution::AllocationMode::None)) {
    case attribution::AllocationMode::Direct: return tr("to %1").arg(target(assign));
    case attribution::AllocationMode::Split: {
        QStringList parts;
        const QJsonArray splits = assign.value(QLatin1String("splits")).toArray();
        for (const auto &v : splits) {
            const QJsonObject sp = v.toObject();
            const QJsonValue pct = sp.value(QLatin1String("percent"));
            const QString percent = pct.isDouble() ? QString::number(pct.toDouble(), 'g', 15) : pct.toString();
            parts << tr("%1% %2").arg(percent, target(sp));
        }
        return tr("split: %1").arg(parts.join(QStringLiteral("; ")));
    }
    case attribution::AllocationMode::Shared: return tr("shared bucket %1").arg(str(assign, "bucket"));
    case attribution::AllocationMode::Usage: return tr("split by usage (query time)");
    case attribution::AllocationMode::Proportional: return tr("proportional to direct cost");
    case attribution::AllocationMode::None: // not a mode a rule can assign
        break;
    }
    return tr("(unknown mode %1)").arg(mode);
}

} // namespace ll::ui

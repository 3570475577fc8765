#include "planstepmodel.h"

#include "common/format.h"

#include <QColor>
#include <QJsonArray>
#include <QJsonDocument>

namespace ll::ui {

PlanStepModel::PlanStepModel(QObject *parent) : ColumnTableModel(parent)
{
    using Row = plans::PlanStep;
    setColumns({
        {.title = tr("#"), .kind = ColumnKind::Integer, .display = cellOf(&Row::ordinal), .alignment = kNumberAlignment},
        {.title = tr("Change"),
            .display = cellOf(&Row::description),
            .toolTip = [](const Row &r) -> QVariant {
                return tr("%1 %2\n%3")
                    .arg(r.method, r.path, QString::fromUtf8(QJsonDocument(r.body).toJson(QJsonDocument::Indented)).trimmed());
            }},
        {.title = tr("Before"), .display = [](const Row &r) -> QVariant { return fieldsText(r.before); }},
        {.title = tr("After"), .display = [](const Row &r) -> QVariant { return fieldsText(r.after); }},
        {.title = tr("Outcome"),
            .display = [](const Row &r) -> QVariant { return plans::isAppliable(r.kind) ? outcomeLabel(r.outcome) : tr("exported only"); },
            .foreground = [](const Row &r) -> QVariant {
                return r.outcome == plans::StepOutcome::Failed ? QVariant(QColor(0xb3, 0x26, 0x1e)) : QVariant();
            }},
        {.title = tr("Answer"),
            .display = [](const Row &r) -> QVariant {
                if (!r.responseStatus)
                    return QString();
                return r.responseExcerpt.isEmpty() ? tr("HTTP %1").arg(*r.responseStatus)
                                                   : tr("HTTP %1: %2").arg(*r.responseStatus).arg(r.responseExcerpt.left(120));
            },
            .toolTip = [](const Row &r) -> QVariant { return r.responseExcerpt; }},
    });
}

QString PlanStepModel::outcomeLabel(plans::StepOutcome outcome)
{
    switch (outcome) {
    case plans::StepOutcome::Pending: return tr("not sent yet");
    case plans::StepOutcome::Applied: return tr("applied");
    case plans::StepOutcome::Failed: return tr("failed");
    case plans::StepOutcome::Skipped: return tr("skipped");
    }
    return {};
}

QString PlanStepModel::fieldsText(const QJsonObject &fields)
{
    QStringList parts;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const QString text = formatJsonValue(it.value());
        parts << tr("%1 = %2").arg(it.key(), text);
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace ll::ui

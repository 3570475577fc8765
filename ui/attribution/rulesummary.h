#pragma once

#include <QJsonObject>
#include <QString>

namespace ll::ui {

// One-line, readable summaries of a rule's match and assign JSON for the rule list. Pure
// functions so the wording is testable without a model.
QString summarizeRuleMatch(const QJsonObject &match);
QString summarizeRuleAssign(const QJsonObject &assign);

} // namespace ll::ui

#pragma once

// Names for the scopes of the run and warehouse detectors: the entity's name, or the reason it is
// unknown (scope names are never empty), and a label for titles that falls back to the id.

#include "reports/entitynames.h"

#include <QString>

namespace ll::insights {

struct ScopeLabel {
    QString name;  // the scope name: a name or "(name unknown: ...)"
    QString label; // for titles and sentences: the name, or "<Type> <id>" when unknown
};

// A store error is returned, never shown as an unknown name.
inline Result<ScopeLabel> scopeLabel(reports::EntityNames &names, const QString &type, const QString &id, const QString &typeWord)
{
    auto found = names.workUnit(type, id);
    if (!found)
        return found.error();
    const QString name = *found;
    if (name.isEmpty() || name == reports::EntityNames::unknownReason(type))
        return ScopeLabel{reports::EntityNames::unknownReason(type), typeWord + QLatin1Char(' ') + id};
    return ScopeLabel{name, name};
}

} // namespace ll::insights

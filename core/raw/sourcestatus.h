#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace ll::raw {

// The state of one extracted source (raw_source_state.status): never extracted, its last
// extraction succeeded, failed, or the source is not available in the account (an optional
// system table without access).
enum class SourceStatus { Never, Ok, Failed, Unavailable };
QString toText(SourceStatus status);
std::optional<SourceStatus> sourceStatusFromText(QStringView text);

} // namespace ll::raw

#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace ll {

// The stored text of a state enum has exactly one mapping: the enum's toText() switch (no
// default, so the compiler names a missing case). Parsing asks that same switch for every
// enumerator instead of keeping a second table. `Last` is the enum's last enumerator;
// enumerators count from 0 without gaps.
template <typename E, E Last> std::optional<E> enumFromText(QStringView text)
{
    for (int i = 0; i <= static_cast<int>(Last); ++i) {
        const auto value = static_cast<E>(i);
        if (toText(value) == text)
            return value;
    }
    return std::nullopt;
}

} // namespace ll

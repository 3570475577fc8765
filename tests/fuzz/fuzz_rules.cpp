// Fuzzes the attribution rules reader (`rules import`, the GUI's Import, `rules restore`): any
// bytes give a configuration or an error, never a crash, and what it accepts writes back to JSON
// that reads again.
#include "attribution/attributionconfig.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto config = ll::attribution::AttributionConfig::fromJson(json);
    if (config) {
        (void)config->validate();
        // A configuration that was accepted must survive its own export.
        if (!ll::attribution::AttributionConfig::fromJson(config->toJson()))
            std::abort();
    }
    (void)ll::attribution::AttributionConfig::fromImportJson(json);
    return 0;
}

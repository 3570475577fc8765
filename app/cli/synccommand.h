#pragma once

#include "clicommands.h"

namespace ll::cli {

// `lakeledger-cli [--store FILE] sync [options]`: Direct Connection extraction, then ledger,
// attribution, metrics and insights.
int runSync(const CommandEnv &env);

} // namespace ll::cli

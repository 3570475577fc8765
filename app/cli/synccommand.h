#pragma once

#include "clicommands.h"

namespace ll::cli {

// `sync` only: every source was attempted and the run processed, but at least one (optional)
// source failed, so its figures are missing or stale. Distinct from ExitFailed (the sync
// itself failed) so a scheduled sync notices either.
inline constexpr int ExitCompletedWithFailures = 3;

// `lakeledger-cli [--store FILE] sync [options]`: Direct Connection extraction, then ledger,
// attribution, metrics and insights.
int runSync(const CommandEnv &env);

} // namespace ll::cli

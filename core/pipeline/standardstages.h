#pragma once

#include "pipelinerunner.h"

namespace ll::pipeline {

// Adds ledger -> attribution -> metrics -> insights, in that order. Incremental processing,
// rebuilds and syncs all use exactly this list (after an optional ExtractStage).
void addDerivedStages(PipelineRunner &runner);

} // namespace ll::pipeline

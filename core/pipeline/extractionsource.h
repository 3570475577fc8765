#pragma once

#include "pipeline/stage.h"
#include "raw/rawingestor.h"

namespace ll::pipeline {

// Where raw rows come from: the demo generator, Direct Connection, or an External Connector
// bundle. Every implementation hands JSON_ARRAY chunks to the same RawIngestor.
class ExtractionSource {
public:
    virtual ~ExtractionSource() = default;
    virtual QString mode() const = 0; // "demo", "direct", "connector" (raw_batch.mode)
    // Extracts every source it serves; returns rows appended. Must honour context.cancel between
    // chunks and report progress.
    virtual Result<StageStats> extract(raw::RawIngestor &ingestor, StageContext &context) = 0;
};

} // namespace ll::pipeline

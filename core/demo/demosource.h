#pragma once

#include "demooptions.h"

#include "pipeline/extractionsource.h"

namespace ll::demo {

// A deterministic, realistic Databricks account for trying LakeLedger without credentials.
// It feeds the same RawIngestor path as Direct Connection, as Statement API JSON_ARRAY chunks,
// so everything downstream of raw is exercised exactly as with real data.
class DemoSource final : public ll::pipeline::ExtractionSource {
public:
    explicit DemoSource(DemoOptions options);

    QString mode() const override;
    Result<pipeline::StageStats> extract(raw::RawIngestor &ingestor, pipeline::StageContext &context) override;

private:
    DemoOptions m_options;
};

} // namespace ll::demo

#pragma once

#include "extractionsource.h"

#include <memory>

namespace ll::pipeline {

// Stage 1: pulls rows from an ExtractionSource into the append-only raw layer.
class ExtractStage final : public Stage {
public:
    explicit ExtractStage(std::unique_ptr<ExtractionSource> source) : m_source(std::move(source)) {}
    QString name() const override { return QStringLiteral("extract"); }
    Result<StageStats> run(StageContext &context) override
    {
        raw::RawIngestor ingestor(context.db, context.clock);
        return m_source->extract(ingestor, context);
    }

private:
    std::unique_ptr<ExtractionSource> m_source;
};

} // namespace ll::pipeline

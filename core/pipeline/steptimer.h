#pragma once

#include "common/logging.h"

#include <QElapsedTimer>

namespace ll::pipeline {

// Logs how long each step of a stage took, at debug level of lakeledger.pipeline
// (QT_LOGGING_RULES="lakeledger.pipeline.debug=true"): the per-statement profile behind
// bench/README.md, without a profiler on the target machine. Costs a clock read when off.
class StepTimer {
public:
    explicit StepTimer(const char *stage) : m_stage(stage) { m_timer.start(); }

    void lap(const char *step)
    {
        qCDebug(lcPipeline, "step %s %s %lld ms", m_stage, step, static_cast<long long>(m_timer.restart()));
    }

private:
    const char *m_stage;
    QElapsedTimer m_timer;
};

} // namespace ll::pipeline

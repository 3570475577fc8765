#pragma once

#include "common/canceltoken.h"
#include "common/clock.h"
#include "common/result.h"
#include "store/database.h"

#include <QString>

#include <cstdint>
#include <functional>

namespace ll::pipeline {

// Progress of the running stage: fraction in [0, 1] (or -1 when unknown) and a short message.
using ProgressCallback = std::function<void(const QString &stage, double fraction, const QString &message)>;

struct StageContext {
    store::Database &db;
    const Clock &clock;
    const CancelToken &cancel;
    ProgressCallback progress;

    void report(const QString &stage, double fraction, const QString &message = {}) const
    {
        if (progress)
            progress(stage, fraction, message);
    }
};

struct StageStats {
    std::int64_t rowsIn = 0;
    std::int64_t rowsOut = 0;
};

// One step of extraction -> raw -> ledger -> attribution -> metrics -> insights.
// A stage commits its output together with its watermark (or consumed dirty days) in bounded
// transactions, checks the cancel token between them, and leaves the store consistent on
// failure or cancel: the next run resumes from what was committed.
class Stage {
public:
    virtual ~Stage() = default;
    virtual QString name() const = 0;
    virtual Result<StageStats> run(StageContext &context) = 0;
};

} // namespace ll::pipeline

#pragma once

#include "stage.h"

namespace ll::pipeline {

// A derived stage that recomputes whole days: it takes queued days in small groups, rebuilds
// its output for them and queues them for the next stage, one transaction per group. The same
// code serves incremental runs (a few changed days) and rebuilds (every day is queued).
class DayBatchStage : public Stage {
public:
    DayBatchStage(QString stageName, QString nextStage, int daysPerTransaction)
        : m_name(std::move(stageName)), m_next(std::move(nextStage)), m_daysPerTransaction(daysPerTransaction) {}

    QString name() const override { return m_name; }
    Result<StageStats> run(StageContext &context) final;

protected:
    // Recomputes the days in temp.work_day inside the open transaction; returns rows written.
    virtual Result<std::int64_t> processWorkDays(StageContext &context) = 0;

private:
    QString m_name;
    QString m_next; // empty: last stage
    int m_daysPerTransaction;
};

} // namespace ll::pipeline

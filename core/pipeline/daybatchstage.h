#pragma once

#include "stage.h"

#include <QStringList>

namespace ll::pipeline {

// A derived stage that recomputes whole days: it takes queued days in small groups, rebuilds
// its output for them and queues them for the next stage, one transaction per group. The same
// code serves incremental runs (a few changed days) and rebuilds (every day is queued).
class DayBatchStage : public Stage {
public:
    DayBatchStage(QString stageName, QStringList nextStages, int daysPerTransaction)
        : m_name(std::move(stageName)), m_next(std::move(nextStages)), m_daysPerTransaction(daysPerTransaction) {}
    // One next stage, or none (empty name): the common chain.
    DayBatchStage(QString stageName, const QString &nextStage, int daysPerTransaction)
        : DayBatchStage(std::move(stageName), nextStage.isEmpty() ? QStringList() : QStringList{nextStage}, daysPerTransaction) {}

    QString name() const override { return m_name; }
    Result<StageStats> run(StageContext &context) final;

protected:
    // Runs once before the queued days are taken, in its own bounded transactions: a stage that
    // also folds a raw source into ledger-level tables queues the days that fold touched here.
    virtual Status prepare(StageContext &context)
    {
        (void)context;
        return {};
    }
    // Recomputes the days in temp.work_day inside the open transaction; returns rows written.
    virtual Result<std::int64_t> processWorkDays(StageContext &context) = 0;

private:
    QString m_name;
    QStringList m_next; // empty: last stage; a stage may feed several (metrics -> insights, workload_metrics)
    int m_daysPerTransaction;
};

} // namespace ll::pipeline

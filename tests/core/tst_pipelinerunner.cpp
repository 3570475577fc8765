#include "job/job.h"
#include "ledger/ledgerstage.h"
#include "pipeline/pipelinerunner.h"
#include "rawbuilder.h"
#include "tabledump.h"
#include "tempstore.h"

#include <QTest>

using namespace ll;

namespace {

// A stage that records when it ran and can fail or cancel on demand.
class ScriptedStage final : public pipeline::Stage {
public:
    ScriptedStage(QString n, QStringList *log, ErrorCode failWith = ErrorCode::InvalidArgument, bool fail = false)
        : m_name(std::move(n)), m_log(log), m_failWith(failWith), m_fail(fail) {}
    QString name() const override { return m_name; }
    Result<pipeline::StageStats> run(pipeline::StageContext &) override
    {
        m_log->append(m_name);
        if (m_fail)
            return makeError(m_failWith, QStringLiteral("scripted failure"));
        return pipeline::StageStats{3, 2};
    }

private:
    QString m_name;
    QStringList *m_log;
    ErrorCode m_failWith;
    bool m_fail;
};

QStringList stageStatuses(store::Database &db, std::int64_t runId)
{
    auto stmt = db.prepare("SELECT stage || ':' || status FROM app_stage_run WHERE run_id = ? ORDER BY stage_run_id");
    stmt->bind(1, runId);
    QStringList list;
    while (*stmt->step())
        list.append(stmt->text(0));
    return list;
}

void addUsage(test::TempStore &store, int rows, int offset = 0)
{
    test::RawBuilder prices(store.db(), store.clock(), QStringLiteral("billing_list_prices"));
    prices.addRow(test::priceRow(QStringLiteral("S"), QStringLiteral("2026-01-01T00:00:00Z"), QString(), QStringLiteral("0.5"), QStringLiteral("0.5")));
    QVERIFY(prices.flush());
    test::RawBuilder usage(store.db(), store.clock(), QStringLiteral("billing_usage"));
    for (int i = 0; i < rows; ++i) {
        const QDateTime t = QDateTime(QDate(2026, 10, 1), QTime(0, 0), Qt::UTC).addSecs(3600 * (i + offset));
        usage.addRow(test::usageRow(QStringLiteral("r%1").arg(i + offset), QStringLiteral("w%1").arg(i % 2), QStringLiteral("S"),
                                    t.toString(Qt::ISODate), QStringLiteral("1.25"), QStringLiteral("ORIGINAL"),
                                    i % 3 ? QStringLiteral("{\"team\":\"a\"}") : QStringLiteral("{}")));
    }
    QVERIFY(usage.flush());
}

} // namespace

class TestPipelineRunner : public QObject {
    Q_OBJECT
private slots:
    void stagesRunInOrderAndAreRecorded()
    {
        test::TempStore store;
        QStringList log;
        pipeline::PipelineRunner runner(store.db(), store.clock());
        for (const char *n : {"extract", "ledger", "attribution", "metrics", "insights"})
            runner.addStage(std::make_unique<ScriptedStage>(QString::fromLatin1(n), &log));
        CancelToken cancel;
        const auto summary = runner.run(QStringLiteral("test"), cancel);
        QVERIFY(summary.ok());
        QCOMPARE(log, runner.stageNames());
        QCOMPARE(stageStatuses(store.db(), summary.runId),
                 (QStringList{QStringLiteral("extract:succeeded"), QStringLiteral("ledger:succeeded"), QStringLiteral("attribution:succeeded"),
                              QStringLiteral("metrics:succeeded"), QStringLiteral("insights:succeeded")}));
        QCOMPARE(store.db().queryInt("SELECT sum(rows_in) FROM app_stage_run")->value_or(0), 15);
    }

    void aFailureStopsLaterStages()
    {
        test::TempStore store;
        QStringList log;
        pipeline::PipelineRunner runner(store.db(), store.clock());
        runner.addStage(std::make_unique<ScriptedStage>(QStringLiteral("ledger"), &log));
        runner.addStage(std::make_unique<ScriptedStage>(QStringLiteral("attribution"), &log, ErrorCode::Database, true));
        runner.addStage(std::make_unique<ScriptedStage>(QStringLiteral("metrics"), &log));
        CancelToken cancel;
        const auto summary = runner.run(QStringLiteral("test"), cancel);
        QCOMPARE(summary.status, pipeline::RunStatus::Failed);
        QCOMPARE(summary.error.code, ErrorCode::Database);
        QCOMPARE(log, (QStringList{QStringLiteral("ledger"), QStringLiteral("attribution")}));
        QCOMPARE(summary.stages.last().status, pipeline::RunStatus::Skipped);
        QCOMPARE(stageStatuses(store.db(), summary.runId), (QStringList{QStringLiteral("ledger:succeeded"), QStringLiteral("attribution:failed")}));
        auto err = store.db().prepare("SELECT error FROM app_stage_run WHERE stage = 'attribution'");
        QVERIFY(err && *err->step());
        QVERIFY(err->text(0).contains(QStringLiteral("scripted failure")));
    }

    void cancelKeepsCommittedWorkAndTheNextRunResumes()
    {
        test::TempStore interrupted;
        test::TempStore uninterrupted;
        addUsage(interrupted, 500);
        addUsage(uninterrupted, 500);

        CancelToken cancel;
        {
            pipeline::PipelineRunner runner(interrupted.db(), interrupted.clock());
            runner.addStage(std::make_unique<ledger::LedgerStage>(100));
            // Cancel once the first chunk has committed.
            const auto summary = runner.run(QStringLiteral("process"), cancel, [&](const QString &stage, double fraction, const QString &) {
                if (stage == QLatin1String("ledger") && fraction > 0.0 && fraction < 1.0)
                    cancel.cancel();
            });
            QCOMPARE(summary.status, pipeline::RunStatus::Cancelled);
            QCOMPARE(summary.error.code, ErrorCode::Cancelled);
        }
        const auto partial = interrupted.db().queryInt("SELECT count(*) FROM ledger_usage_line")->value_or(-1);
        QVERIFY2(partial > 0 && partial < 500, qPrintable(QString::number(partial)));

        CancelToken fresh;
        for (auto *store : {&interrupted, &uninterrupted}) {
            const job::JobSpec runnerSpec{job::JobKind::Process, {}};
            QVERIFY(job::runJob(store->db(), store->clock(), runnerSpec, fresh).ok());
        }
        QCOMPARE(test::dumpTable(interrupted.db(), "ledger_usage_line", "line_id"), test::dumpTable(uninterrupted.db(), "ledger_usage_line", "line_id"));
        QCOMPARE(test::dumpTable(interrupted.db(), "metrics_daily_cost", "1,2,3,4,5,6,7"), test::dumpTable(uninterrupted.db(), "metrics_daily_cost", "1,2,3,4,5,6,7"));
        QCOMPARE(interrupted.db().queryInt("SELECT count(*) FROM ledger_usage_line")->value_or(-1), 500);
    }

    void interruptedRunsAreMarkedOnTheNextRun()
    {
        test::TempStore store;
        QVERIFY(store.db().exec("INSERT INTO app_pipeline_run (kind, started_at, status) VALUES ('sync', 1, 'running');"
                                "INSERT INTO app_stage_run (run_id, stage, started_at, status) VALUES (1, 'extract', 1, 'running');"));
        QVERIFY(pipeline::PipelineRunner::recoverInterrupted(store.db(), store.clock()));
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM app_stage_run WHERE status = 'interrupted'")->value_or(0), 1);
        QCOMPARE(store.db().queryInt("SELECT count(*) FROM app_pipeline_run WHERE status = 'interrupted'")->value_or(0), 1);
    }

    void incrementalProcessingOnlyTouchesNewDays()
    {
        test::TempStore store;
        addUsage(store, 48); // two days
        const job::JobSpec runnerSpec{job::JobKind::Process, {}};
        CancelToken cancel;
        QVERIFY(job::runJob(store.db(), store.clock(), runnerSpec, cancel).ok());
        addUsage(store, 24, 48); // a third day
        const auto summary = job::runJob(store.db(), store.clock(), runnerSpec, cancel);
        QVERIFY(summary.ok());
        QCOMPARE(summary.stages[0].stats.rowsOut, 24); // ledger: only the new lines
        QCOMPARE(summary.stages[2].stats.rowsIn, 1);   // metrics: only the new day
    }
};

QTEST_GUILESS_MAIN(TestPipelineRunner)
#include "tst_pipelinerunner.moc"

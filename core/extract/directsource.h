#pragma once

#include "databricksclient.h"

#include "pipeline/extractionsource.h"

#include <QDateTime>
#include <QStringList>

#include <functional>
#include <optional>

namespace ll::raw {
struct SourceSpec;
}

namespace ll::extract {

class StatementRunner;
struct StatementRequest;

struct DirectOptions {
    QString warehouseId;
    QStringList sources;            // catalog ids (and "rest_*" APIs); empty = all
    std::optional<QDateTime> since; // read event tables from here, whatever the watermarks say
    int historyDays = 90;           // first sync of an event table
    int lookbackDays = 3;           // billing re-read by usage time, only when the table lacks ingestion_date
    int ingestionOverlapDays = 1;   // whole ingestion days re-read before the last partial one (at least 1)
    int otherLookbackDays = 1;      // the same for every other event source
    int runTimelineLookbackDays = 3; // run and update timelines: slices of a long run arrive when it ends
    int initialWindowHours = 24;    // first time window; grows or halves with the data
    int maxWindowHours = 24 * 31;
    int targetRowsPerStatement = 50000; // windows grow while results stay well under this
    bool restEnrichment = true;
    int pollFirstMs = 500;
    int pollMaxMs = 5000;
};

// What happened to one source, for the CLI summary and the GUI.
struct SourceResult {
    QString source;      // catalog id or rest_* name
    QString title;       // system.billing.usage, jobs API...
    raw::BatchStatus status = raw::BatchStatus::Succeeded; // succeeded, unavailable, failed or cancelled
    std::int64_t rows = 0;
    QString error;
    QString note; // how it was read when that matters (e.g. a fallback), for Data Health
};

// Direct Connection: reads the system tables over the Statement Execution API straight into
// raw, then REST enrichment (jobs, clusters, warehouses, pipelines, account workspaces).
//
// Per source: SELECT of the named columns the table has, WHERE event time in [since, until),
// ORDER BY event time, one time window per statement so each result stays under the INLINE
// limit. Every chunk is appended as it arrives; the window's last chunk carries the new
// watermark (the window end) in the same transaction, so a killed sync resumes at the first
// uncommitted window. The next sync starts an overlap before the watermark; re-read rows are
// de-duplicated downstream by source key. Optional sources missing or not granted are recorded
// as "unavailable"; a failure of a required source fails the stage after the others are read.
//
// billing.usage is windowed by ingestion_date (when a row arrived), so corrections of any age
// are read on the next sync; the usage-time window is the fallback for a table without it.
// Slowly changing entity tables (clusters, warehouses, jobs, tasks, pipelines) first read the
// latest row of every entity whatever its age, then changes by change_time; --since and the
// history window bound event tables only. docs/architecture.md has the reasoning per source.
class DirectSource final : public pipeline::ExtractionSource {
public:
    DirectSource(ClientOptions clientOptions, ClientCredentials credentials, DirectOptions options);
    ~DirectSource() override;

    QString mode() const override { return QStringLiteral("direct"); }
    Result<pipeline::StageStats> extract(raw::RawIngestor &ingestor, pipeline::StageContext &context) override;

    // Called (on the extracting thread) as each source finishes.
    void setSourceFinishedCallback(std::function<void(const SourceResult &)> callback) { m_onFinished = std::move(callback); }

    static QStringList restSourceIds();

private:
    Result<std::int64_t> extractTable(const raw::SourceSpec &spec, raw::RawIngestor &ingestor, std::int64_t batchId,
                                      pipeline::StageContext &context, StatementRunner &runner, double progressBase, double progressSpan);
    Result<std::int64_t> readWindows(const raw::SourceSpec &spec, raw::RawIngestor &ingestor, std::int64_t batchId,
        pipeline::StageContext &context, StatementRunner &runner, const QString &select, const QString &column, bool byDay, QDateTime start,
        double progressBase, double progressSpan);
    Result<std::int64_t> readLatestState(const raw::SourceSpec &spec, raw::RawIngestor &ingestor, std::int64_t batchId,
        StatementRunner &runner, const QStringList &available, const QString &select, const QDateTime &before);
    Status runStatement(const raw::SourceSpec &spec, raw::RawIngestor &ingestor, std::int64_t batchId, pipeline::StageContext *context,
        StatementRunner &runner, const StatementRequest &request, const std::optional<QString> &watermark, std::int64_t &rows,
        double progressBase);
    Result<QStringList> tableColumns(const raw::SourceSpec &spec, StatementRunner &runner);
    Result<std::optional<QDateTime>> storedWatermark(store::Database &db, const QString &sourceId);
    void finished(const SourceResult &result);

    ClientOptions m_clientOptions;
    ClientCredentials m_credentials;
    DirectOptions m_options;
    std::function<void(const SourceResult &)> m_onFinished;
    QString m_note; // set by extractTable for the source being read
};

} // namespace ll::extract

#include "demosource.h"

#include "chunkwriter.h"
#include "demoaccount.h"
#include "demotables.h"

#include "extract/restenrichment.h"
#include "raw/sourcecatalog.h"

#include <QJsonArray>
#include <QJsonObject>

namespace ll::demo {

QList<raw::ResultColumn> resultColumns(std::initializer_list<std::pair<const char *, const char *>> columns)
{
    QList<raw::ResultColumn> out;
    out.reserve(static_cast<qsizetype>(columns.size()));
    for (const auto &[name, type] : columns)
        out.append({QString::fromLatin1(name), QString::fromLatin1(type)});
    return out;
}

namespace {

// Dimensions first, then facts, so a cancelled run still leaves usable reference data.
QList<DemoTable> demoTables()
{
    return {workspacesTable(), listPricesTable(), nodeTypesTable(), clustersTable(), warehousesTable(), jobsTable(),
            jobTasksTable(), pipelinesTable(), billingUsageTable(), jobRunTimelineTable(), jobTaskRunTimelineTable(),
            pipelineUpdateTimelineTable(), warehouseEventsTable(), nodeTimelineTable(), queryHistoryTable()};
}

// The account's service principals as the SCIM listing returns them, so the demo's
// automation identities read "nightly-etl (uuid)" as on a real account, not as bare ids.
Status emitServicePrincipals(const DemoAccount &account, raw::RawIngestor &ingestor, pipeline::StageContext &context, const QString &mode)
{
    static const char *const kNames[] = {"nightly-etl", "bi-refresh", "ml-training", "ops-automation"};
    QJsonArray principals;
    for (int i = account.peopleCount; i < account.users.size(); ++i) {
        const User &u = account.users.at(i);
        const int n = i - account.peopleCount;
        const QString name = QString::fromLatin1(kNames[n % 4]) + (n >= 4 ? QString::number(n / 4 + 1) : QString());
        principals.append(QJsonObject{{QStringLiteral("id"), QString::fromLatin1(u.userId)},
            {QStringLiteral("applicationId"), QString::fromLatin1(u.name)}, {QStringLiteral("displayName"), name},
            {QStringLiteral("active"), true}});
    }
    auto batch = ingestor.beginBatch(QStringLiteral("rest_service_principals"), mode);
    if (!batch)
        return batch.error();
    auto rows = extract::appendRestPage(
        context.db, context.clock, *batch, QStringLiteral("service_principals"), QStringLiteral("applicationId"), principals);
    if (!rows) {
        (void)ingestor.finishBatch(*batch, raw::BatchStatus::Failed, rows.error().message);
        return rows.error();
    }
    return ingestor.finishBatch(*batch, raw::BatchStatus::Succeeded);
}

Error cancelledError()
{
    return makeError(ErrorCode::Cancelled, QStringLiteral("Generating the demo account was cancelled"));
}

} // namespace

DemoSource::DemoSource(DemoOptions options) : m_options(options) {}

QString DemoSource::mode() const
{
    return QStringLiteral("demo");
}

Result<pipeline::StageStats> DemoSource::extract(raw::RawIngestor &ingestor, pipeline::StageContext &context)
{
    // Bounds keep the structured run ids unique and a mistyped size from filling the disk.
    if (m_options.days < 1 || m_options.days > 3650 || m_options.workspaces < 1 || m_options.workspaces > 200
        || m_options.jobsPerWorkspace < 0 || m_options.jobsPerWorkspace > 2000)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("The demo account needs 1-3650 days, 1-200 workspaces and 0-2000 jobs per workspace"),
                         QStringLiteral("days=%1 workspaces=%2 jobsPerWorkspace=%3")
                             .arg(m_options.days).arg(m_options.workspaces).arg(m_options.jobsPerWorkspace));

    const QDate epoch(1970, 1, 1);
    QDate endDate = m_options.endDate;
    std::int64_t cutoff = 0;
    if (endDate.isValid()) {
        // An explicit end date makes the output independent of the clock.
        cutoff = (epoch.daysTo(endDate) + 1) * kDay;
    } else {
        // "Up to now": usage arrives in whole hours, so the current hour has not happened yet.
        const QDateTime now = context.clock.now().toUTC();
        endDate = now.date();
        const std::int64_t nowSecs = now.toSecsSinceEpoch();
        cutoff = nowSecs - nowSecs % kHour;
    }
    const std::int64_t lastDay = epoch.daysTo(endDate);
    const DemoAccount account(m_options, lastDay - m_options.days + 1, lastDay, cutoff);

    const QList<DemoTable> tables = demoTables();
    double totalWeight = 0;
    for (const DemoTable &t : tables)
        totalWeight += t.weight;
    double doneWeight = 0;
    pipeline::StageStats stats;

    for (const DemoTable &table : tables) {
        const raw::SourceSpec *spec = raw::SourceCatalog::find(table.sourceId);
        if (!spec) {
            doneWeight += table.weight;
            continue; // the catalog no longer lists this source: nothing would read it
        }
        if (context.cancel.isCancelled())
            return cancelledError();
        const QString message = QStringLiteral("Generating %1").arg(spec->systemTable);
        context.report(QStringLiteral("extract"), doneWeight / totalWeight, message);

        auto batch = ingestor.beginBatch(spec->id, mode());
        if (!batch)
            return batch.error();
        const std::int64_t batchId = *batch;
        auto fail = [&](const Error &error) -> Error {
            const bool cancelled = error.code == ErrorCode::Cancelled;
            // The original error matters more than a failure to record it.
            (void)ingestor.finishBatch(
                batchId, cancelled ? raw::BatchStatus::Cancelled : raw::BatchStatus::Failed, cancelled ? QString() : error.message);
            return error;
        };
        if (Status s = ingestor.setSchema(*spec, table.columns); !s)
            return fail(s.error());

        int eventTimeColumn = -1;
        for (int i = 0; i < table.columns.size(); ++i) {
            if (!spec->eventTimeColumn.isEmpty() && table.columns[i].name == QLatin1String(spec->eventTimeColumn))
                eventTimeColumn = i;
        }
        ChunkWriter writer(ingestor, batchId, context.cancel, eventTimeColumn);
        const double base = doneWeight;
        const ProgressFn progress = [&](double fraction) {
            context.report(QStringLiteral("extract"), (base + table.weight * fraction) / totalWeight, message);
        };
        Status emitted = table.generate(account, writer, progress);
        if (emitted)
            emitted = writer.finish();
        if (!emitted)
            return fail(emitted.error());
        if (Status s = ingestor.finishBatch(batchId, raw::BatchStatus::Succeeded); !s)
            return s.error();
        stats.rowsOut += writer.rowsAppended();
        doneWeight += table.weight;
    }
    if (Status s = emitServicePrincipals(account, ingestor, context, mode()); !s)
        return s.error();
    context.report(QStringLiteral("extract"), 1.0, QStringLiteral("Demo account generated"));
    return stats;
}

} // namespace ll::demo

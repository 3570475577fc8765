#include "demoschedule.h"
#include "demotables.h"

#include <cmath>

namespace ll::demo {

namespace {

struct Client {
    const char *application;
    const char *driver; // nullptr = none reported
    bool dashboard;
};
constexpr Client kClients[] = {
    {"Databricks SQL Dashboard", nullptr, true}, {"Databricks SQL Editor", nullptr, false},
    {"Tableau", "Databricks JDBC Driver", false}, {"Power BI", "Databricks ODBC Driver", false},
    {"dbt", "databricks-sql-python", false},
};

Status emitQueries(const DemoAccount &a, ChunkWriter &out, const ProgressFn &progress)
{
    QList<Span> sessions;
    JsonDoc compute;
    JsonDoc source;
    return forEachDay(a, progress, [&](std::int64_t day) -> Status {
        for (const Warehouse &wh : a.warehouses) {
            warehouseSessions(a, wh, day, sessions);
            const Workspace &ws = a.workspaces[wh.workspace];
            compute.beginObject().str("type", "WAREHOUSE").null("cluster_id").str("warehouse_id", wh.id).end();
            const std::int64_t startup = wh.type == "SERVERLESS" ? 8 : 150;
            for (const Span &s : sessions) {
                Status status;
                forEachHour(s, [&](std::int64_t hour, std::int64_t secs) {
                    DemoRandom r = DemoRandom::forKey(a.seed, Kind::Query, wh.index, hour);
                    const std::int64_t hourOfDay = hour % kDay / kHour;
                    const double peak = hourOfDay >= 10 && hourOfDay <= 15 ? 1.6 : 1.0;
                    const auto count = static_cast<std::int64_t>(
                        std::llround(static_cast<double>(r.range(4, 22)) * peak * warehouseClusters(a, wh, hour)
                                     * static_cast<double>(secs) / kHour));
                    const std::int64_t from = std::max(hour, s.start);
                    for (std::int64_t q = 0; q < count && status; ++q) {
                        const std::int64_t start = from + r.range(0, secs - 1);
                        const int userIndex = r.chance(0.1) ? a.peopleCount + r.index(a.users.size() - a.peopleCount)
                                                            : r.index(a.peopleCount);
                        const User &user = a.users[userIndex];
                        const bool robot = userIndex >= a.peopleCount;
                        const Client &client = robot ? kClients[4] : kClients[r.index(4)];
                        const double kind = r.uniform();
                        const char *type = robot ? (kind < 0.5 ? "MERGE" : kind < 0.8 ? "INSERT" : "CREATE")
                                                 : (kind < 0.9 ? "SELECT" : kind < 0.96 ? "SHOW" : "CREATE");
                        const bool cached = !robot && r.chance(0.12);
                        const double statusDraw = r.uniform();
                        const char *execStatus = statusDraw < 0.025 ? "FAILED" : statusDraw < 0.035 ? "CANCELED" : "FINISHED";
                        // Durations are heavy-tailed: mostly sub-second, a few minutes long.
                        const double u = r.uniform();
                        std::int64_t total = cached ? r.range(20, 300)
                                                    : static_cast<std::int64_t>(120.0 * std::pow(2000.0, u * u * u) * (robot ? 8.0 : 1.0));
                        const std::int64_t waitingCompute = start < s.start + startup ? (s.start + startup - start) * 1000 : 0;
                        total += waitingCompute;
                        const std::int64_t compilation = cached ? 0 : std::min<std::int64_t>(total / 6, r.range(40, 900));
                        const std::int64_t fetch = cached ? total / 2 : r.range(2, 200);
                        const std::int64_t execution = std::max<std::int64_t>(total - waitingCompute - compilation - fetch, 1);
                        const std::int64_t end = std::min(start + (total + 999) / 1000, a.cutoff);
                        const std::int64_t readBytes = cached ? 0 : static_cast<std::int64_t>(static_cast<double>(execution) * r.between(2e4, 4e6));
                        const std::int64_t readRows = readBytes / r.range(60, 400);
                        const bool writes = type[0] == 'M' || type[0] == 'I' || (type[0] == 'C' && type[1] == 'R');

                        out.str(a.accountId);
                        out.str(ws.id);
                        out.str(a.uuidFor(Kind::Query, wh.index, hour, q));
                        out.str(user.name);
                        out.str(user.userId);
                        out.str(user.name);
                        out.str(user.userId);
                        out.str(a.uuidFor(Kind::Query, wh.index, day, userIndex, 1));
                        out.str(execStatus);
                        out.str(compute.bytes());
                        out.str(type);
                        if (execStatus[0] == 'F' && execStatus[1] == 'A')
                            out.str("[TABLE_OR_VIEW_NOT_FOUND] The table or view `main`.`sales`.`orders_tmp` cannot be found.");
                        else
                            out.null();
                        out.str(client.application);
                        out.strOrNull(client.driver ? QByteArrayView(client.driver) : QByteArrayView());
                        out.integer(total);
                        out.integer(waitingCompute);
                        out.integer(0);
                        out.integer(execution);
                        out.integer(compilation);
                        out.integer(cached ? 0 : execution * r.range(1, 12));
                        out.integer(fetch);
                        out.timestamp(start);
                        out.timestamp(end);
                        out.timestamp(end);
                        out.integer(cached ? 0 : r.range(1, 400));
                        out.integer(cached ? 0 : r.range(0, 2000));
                        out.integer(cached ? 0 : r.range(1, 600));
                        out.integer(readRows);
                        out.integer(type[0] == 'S' && type[1] == 'E' ? r.range(1, 50000) : 0);
                        out.integer(readBytes);
                        out.integer(cached ? 0 : r.range(0, 100));
                        out.boolean(cached);
                        out.integer(total > 60000 && r.chance(0.3) ? r.range(1, 50) * 100000000LL : 0);
                        out.integer(writes ? readBytes / r.range(2, 10) : 0);
                        out.integer(cached ? 0 : readBytes / r.range(5, 50));
                        source.beginObject().null("job_info");
                        if (client.dashboard)
                            source.str("dashboard_id", text::hex(hashKey(a.seed, Kind::Query, wh.index, r.range(0, 4)), 16) + text::hex(hashKey(wh.index), 16));
                        else
                            source.null("dashboard_id");
                        source.null("alert_id").null("notebook_id").null("sql_query_id").null("genie_space_id");
                        out.str(source.end());
                        status = out.endRow();
                    }
                });
                if (!status)
                    return status;
            }
        }
        return {};
    });
}

} // namespace

DemoTable queryHistoryTable()
{
    return {QStringLiteral("query_history"),
            resultColumns({{"account_id", "STRING"}, {"workspace_id", "STRING"}, {"statement_id", "STRING"},
                           {"executed_by", "STRING"}, {"executed_by_user_id", "STRING"}, {"executed_as", "STRING"},
                           {"executed_as_user_id", "STRING"}, {"session_id", "STRING"}, {"execution_status", "STRING"},
                           {"compute", "STRUCT"}, {"statement_type", "STRING"}, {"error_message", "STRING"},
                           {"client_application", "STRING"}, {"client_driver", "STRING"}, {"total_duration_ms", "LONG"},
                           {"waiting_for_compute_duration_ms", "LONG"}, {"waiting_at_capacity_duration_ms", "LONG"},
                           {"execution_duration_ms", "LONG"}, {"compilation_duration_ms", "LONG"},
                           {"total_task_duration_ms", "LONG"}, {"result_fetch_duration_ms", "LONG"},
                           {"start_time", "TIMESTAMP"}, {"end_time", "TIMESTAMP"}, {"update_time", "TIMESTAMP"},
                           {"read_partitions", "LONG"}, {"pruned_files", "LONG"}, {"read_files", "LONG"},
                           {"read_rows", "LONG"}, {"produced_rows", "LONG"}, {"read_bytes", "LONG"},
                           {"read_io_cache_percent", "INT"}, {"from_result_cache", "BOOLEAN"},
                           {"spilled_local_bytes", "LONG"}, {"written_bytes", "LONG"}, {"shuffle_read_bytes", "LONG"},
                           {"query_source", "STRUCT"}}),
            emitQueries, 0.18};
}

} // namespace ll::demo

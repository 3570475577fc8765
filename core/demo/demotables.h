#pragma once

#include "chunkwriter.h"
#include "demoaccount.h"

#include "raw/rawingestor.h"

#include <QList>
#include <QString>

#include <functional>
#include <initializer_list>
#include <utility>

namespace ll::demo {

using ProgressFn = std::function<void(double)>; // fraction of this table done, in [0, 1]
using EmitFn = Status (*)(const DemoAccount &, ChunkWriter &, const ProgressFn &);

// One demo table: the columns its "SELECT" returns, in the order rows are written, and the
// function that writes them. The columns are declared here rather than taken from the
// SourceCatalog so that a column added to the catalog later cannot shift the rows.
struct DemoTable {
    QString sourceId;
    QList<raw::ResultColumn> columns;
    EmitFn generate;
    double weight; // share of the progress bar, roughly its share of the rows
};

QList<raw::ResultColumn> resultColumns(std::initializer_list<std::pair<const char *, const char *>> columns);

// demobilling.cpp
DemoTable workspacesTable();
DemoTable listPricesTable();
DemoTable billingUsageTable();
// democompute.cpp
DemoTable clustersTable();
DemoTable nodeTypesTable();
DemoTable nodeTimelineTable();
DemoTable warehousesTable();
DemoTable warehouseEventsTable();
// demolakeflow.cpp
DemoTable jobsTable();
DemoTable jobTasksTable();
DemoTable jobRunTimelineTable();
DemoTable jobTaskRunTimelineTable();
DemoTable pipelinesTable();
DemoTable pipelineUpdateTimelineTable();
// demoquery.cpp
DemoTable queryHistoryTable();

// Runs f(day) for every generated day, reporting progress after each; stops at the first error.
template<typename F>
Status forEachDay(const DemoAccount &account, const ProgressFn &progress, F &&f)
{
    const double days = static_cast<double>(account.lastDay - account.firstDay + 1);
    for (std::int64_t day = account.firstDay; day <= account.lastDay; ++day) {
        if (Status s = f(day); !s)
            return s;
        progress(static_cast<double>(day - account.firstDay + 1) / days);
    }
    return {};
}

} // namespace ll::demo

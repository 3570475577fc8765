#pragma once

#include "models/columntablemodel.h"
#include "reports/workloads.h"

#include <optional>

namespace ll::ui {

// Workloads (jobs, pipelines, warehouses, clusters or any work unit) with cost, runs and failures.
class WorkloadModel : public ColumnTableModel<reports::WorkloadRow> {
    Q_OBJECT
public:
    enum Column { Name, Type, Workspace, Cost, Runs, Failed, FailedCost, AvgDuration, Source, ColumnCount };

    explicit WorkloadModel(QObject *parent = nullptr);
    void setRows(QList<reports::WorkloadRow> rows, QString currency = QStringLiteral("USD"));
    const reports::WorkloadRow *workloadAt(int row) const { return rowAt(row); }

    // Average run duration in seconds; nullopt when the workload has no runs.
    static std::optional<std::int64_t> averageDurationSeconds(const reports::WorkloadRow &row);
    // "1h 05m", "3m 12s", "45s"; "—" when unknown.
    static QString formatDuration(const std::optional<std::int64_t> &seconds);
    // Where the entity's current state came from: "System table", "REST API", "REST API only"
    // (short, for the Source column) and "From system.lakeflow.jobs" or "From the Jobs API
    // (system table not available)" (the name's tooltip).
    static QString sourceText(reports::EntitySource source);
    static QString sourceDescription(const QString &type, reports::EntitySource source);

private:
    QString m_currency = QStringLiteral("USD");
};

} // namespace ll::ui

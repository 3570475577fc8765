#pragma once

// A plan as change artefacts (docs/plans.md): a Markdown ticket summary, a CSV of its steps, a
// JSON payload per step (the body `databricks api post PATH --json BODY` sends, which is also
// what the SDKs' API clients take), and a Terraform snippet; each written with a rollback file
// in the same format that restores the "before" values. Files go through OutputFile (atomic,
// 0600, never onto the store) and each export is audit-logged.

#include "common/clock.h"
#include "common/result.h"
#include "plan.h"
#include "store/database.h"

#include <QByteArray>
#include <QStringView>

#include <optional>

namespace ll::plans {

enum class ExportFormat { Markdown, Csv, Json, Terraform };

QString toText(ExportFormat format); // md, csv, json, terraform
std::optional<ExportFormat> exportFormatFromText(QStringView text);

// The rollback file beside `path`: plan.md -> plan.rollback.md, plan.tf -> plan.rollback.tf,
// plan -> plan.rollback.
QString rollbackPath(const QString &path);

// One step that undoes a plan step, newest first. `possible` is false where no request undoes
// it (a cancelled run is over; a job move is undone by the job's owner): the note says what to do.
struct RollbackStep {
    int restores = 0; // the plan step's ordinal
    bool possible = true;
    QString method = QStringLiteral("POST");
    QString path;
    QJsonObject body;
    QJsonObject restoresValues; // the "before" fields it sets again
    QString description;
};

QList<RollbackStep> rollbackSteps(const Plan &plan);

QByteArray renderPlan(const Plan &plan, ExportFormat format);
QByteArray renderRollback(const Plan &plan, ExportFormat format);

struct ExportedFiles {
    QString plan;
    QString rollback;
};

// Writes both files (the plan to `path`, the rollback to rollbackPath(path)) and audit-logs the
// export. Errors: NotFound for an unknown plan; Io when a file cannot be written (a target that
// is the store or another SQLite file is refused).
Result<ExportedFiles> exportPlan(store::Database &db, const Clock &clock, const QString &actor, std::int64_t planId, ExportFormat format,
    const QString &path, const QString &storePath);

} // namespace ll::plans

#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace ll::pipeline {

// The state of a pipeline run or of one stage in it, as app_pipeline_run.status and
// app_stage_run.status store it. The text is the stored form; code compares the enum.
enum class RunStatus { Running, Succeeded, Failed, Cancelled, Skipped, Interrupted };

QString toText(RunStatus status);
std::optional<RunStatus> runStatusFromText(QStringView text);

} // namespace ll::pipeline

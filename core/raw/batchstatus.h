#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace ll::raw {

// How one extraction batch of one source ended (raw_batch.status): its rows are all in, it
// failed or was cancelled part way (committed chunks stay), the source does not exist or is not
// granted in this account, or a killed process left it running (marked at the next run).
enum class BatchStatus { Running, Succeeded, Failed, Cancelled, Unavailable, Interrupted };
QString toText(BatchStatus status);
std::optional<BatchStatus> batchStatusFromText(QStringView text);

} // namespace ll::raw

#pragma once

#include "common/result.h"
#include "raw/sourcestatus.h"
#include "store/database.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace ll::raw {

// One row of raw_source_state: what the last extraction of a source left behind. The one reader
// of that table (RawIngestor is its one writer); every report and source reads it through here.
struct SourceState {
    QString source; // catalog or REST source id
    SourceStatus status = SourceStatus::Never;
    QString watermark;         // the source's incremental position, as stored
    QDateTime lastSuccessAt;   // invalid: never succeeded
    QDateTime newestEventTime; // invalid: no event seen
    QString message;           // the last failure's or fallback's explanation
};

// Every source that has a row, ordered by source id.
Result<QList<SourceState>> loadSourceStates(store::Database &db);
// One source; a never-extracted source reads as status Never with empty fields.
Result<SourceState> loadSourceState(store::Database &db, const QString &source);

} // namespace ll::raw

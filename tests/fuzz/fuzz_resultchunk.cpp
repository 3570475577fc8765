// Fuzzes the JSON_ARRAY result-chunk parser of the raw layer (RawIngestor::appendChunk), the one
// path every extracted row takes: any chunk is appended or rejected with an error, never a crash.
// billing_usage's schema is fixed, with usage_end_time as the event-time column, so timestamps
// reach the hand-written parser too. Each input runs in a transaction that is rolled back, so the
// store stays small.
#include "common/clock.h"
#include "raw/rawingestor.h"
#include "raw/sourcecatalog.h"
#include "store/store.h"

#include <QTemporaryDir>

#include <cstdint>
#include <cstdlib>
#include <memory>

namespace {

struct Fixture {
    QTemporaryDir dir;
    ll::store::Database db;
    ll::FixedClock clock;
    std::unique_ptr<ll::raw::RawIngestor> ingestor;
    std::int64_t batch = 0;

    Fixture() : clock(QDateTime(QDate(2026, 11, 28), QTime(12, 0), Qt::UTC))
    {
        auto opened = ll::store::Store::open(dir.filePath(QStringLiteral("fuzz.lakeledger")));
        if (!opened)
            std::abort();
        db = std::move(*opened);
        ingestor = std::make_unique<ll::raw::RawIngestor>(db, clock);
        const ll::raw::SourceSpec *spec = ll::raw::SourceCatalog::find(QStringLiteral("billing_usage"));
        if (!spec)
            std::abort();
        auto b = ingestor->beginBatch(spec->id, QStringLiteral("fuzz"));
        if (!b)
            std::abort();
        batch = *b;
        QList<ll::raw::ResultColumn> columns;
        for (const QByteArray &c : spec->columns)
            columns.append({QString::fromLatin1(c), QStringLiteral("STRING")});
        if (!ingestor->setSchema(*spec, columns))
            std::abort();
    }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static Fixture f;
    const QByteArray chunk(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    if (!f.db.exec("SAVEPOINT fuzz"))
        std::abort();
    (void)f.ingestor->appendChunk(f.batch, chunk, QStringLiteral("w"));
    if (!f.db.exec("ROLLBACK TO fuzz") || !f.db.exec("RELEASE fuzz"))
        std::abort();
    return 0;
}

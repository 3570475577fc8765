#pragma once

#include "common/canceltoken.h"
#include "common/result.h"
#include "store/database.h"
#include "store/store.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QtConcurrent/QtConcurrentRun>

#include <cstdint>
#include <functional>
#include <optional>
#include <utility>

namespace ll::ui {

// Runs read-only report loaders on QThreadPool and hands their results to the GUI thread.
//
// Each task opens its OWN read-only connection inside the worker (SQLite connections never cross
// threads). Only the newest request's result is delivered: starting a new load makes any
// in-flight one stale, and its result is dropped. The watchers are children of the loader, which
// is a child of its page, so a page destroyed mid-load simply never hears back; the worker only
// holds copies of the path and the work function. A stale read-only load is also stopped: each
// load has its own cancel token, wired to SQLite's interrupt, which a newer load, cancel() or
// the loader's destruction sets (a read-write task, a user's own write, always runs to its end).
class SnapshotLoader : public QObject {
    Q_OBJECT
public:
    enum class Access { ReadOnly, ReadWrite };

    explicit SnapshotLoader(QString storePath, QObject *parent = nullptr);
    ~SnapshotLoader() override;

    QString storePath() const { return m_storePath; }
    // ReadWrite: for a short user-initiated write (importing contracts); each task still opens
    // its own connection on its worker thread. Views keep ReadOnly.
    void setAccess(Access access) { m_access = access; }
    bool isLoading() const { return m_loading; }

    // `work` runs on a worker thread: it must not capture widgets or models.
    // `deliver` runs on the GUI thread, only for the newest request.
    template<typename T>
    void load(std::function<Result<T>(store::Database &)> work, std::function<void(Result<T>)> deliver);

    // Forget any in-flight request (its result will be dropped, its queries interrupted).
    void cancel();

Q_SIGNALS:
    void loadingChanged(bool loading);

private:
    std::uint64_t begin();
    void finish(std::uint64_t generation);
    void stopInFlight();

    QString m_storePath;
    CancelTokenPtr m_inFlight; // the newest load's token
    Access m_access = Access::ReadOnly;
    std::uint64_t m_generation = 0;
    bool m_loading = false;
};

template<typename T>
void SnapshotLoader::load(std::function<Result<T>(store::Database &)> work, std::function<void(Result<T>)> deliver)
{
    using Slot = std::optional<Result<T>>; // QFuture wants a default-constructible type
    const std::uint64_t generation = begin();
    auto *watcher = new QFutureWatcher<Slot>(this);
    connect(watcher, &QFutureWatcherBase::finished, this,
            [this, watcher, generation, deliver = std::move(deliver)]() {
                watcher->deleteLater();
                Slot slot = watcher->future().isValid() && watcher->future().resultCount() > 0
                    ? watcher->result() : Slot{};
                if (generation != m_generation)
                    return; // stale: a newer request is in flight or was cancelled
                if (slot)
                    deliver(std::move(*slot));
                finish(generation); // after delivery, so "not loading" means "models are filled"
            });
    const bool readOnly = m_access == Access::ReadOnly;
    watcher->setFuture(QtConcurrent::run([path = m_storePath, readOnly, token = m_inFlight, work = std::move(work)]() -> Slot {
        if (token->isCancelled())
            return Slot{}; // superseded before it started
        auto db = store::Store::open(path, {.create = false, .readOnly = readOnly});
        if (!db)
            return Result<T>(db.error());
        if (readOnly)
            db->setInterruptFlag(token->flag());
        return work(*db);
    }));
}

} // namespace ll::ui

#include "snapshotloader.h"

namespace ll::ui {

SnapshotLoader::SnapshotLoader(QString storePath, QObject *parent)
    : QObject(parent)
    , m_storePath(std::move(storePath))
{
}

SnapshotLoader::~SnapshotLoader() { stopInFlight(); }

void SnapshotLoader::stopInFlight()
{
    if (m_inFlight)
        m_inFlight->cancel();
}

std::uint64_t SnapshotLoader::begin()
{
    stopInFlight();
    m_inFlight = std::make_shared<CancelToken>();
    ++m_generation;
    if (!m_loading) {
        m_loading = true;
        Q_EMIT loadingChanged(true);
    }
    return m_generation;
}

void SnapshotLoader::finish(std::uint64_t generation)
{
    if (generation != m_generation || !m_loading)
        return; // delivery started a newer request
    m_loading = false;
    Q_EMIT loadingChanged(false);
}

void SnapshotLoader::cancel()
{
    stopInFlight();
    ++m_generation;
    if (m_loading) {
        m_loading = false;
        Q_EMIT loadingChanged(false);
    }
}

} // namespace ll::ui

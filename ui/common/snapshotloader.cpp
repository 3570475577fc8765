#include "snapshotloader.h"

namespace ll::ui {

SnapshotLoader::SnapshotLoader(QString storePath, QObject *parent)
    : QObject(parent)
    , m_storePath(std::move(storePath))
{
}

std::uint64_t SnapshotLoader::begin()
{
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
    ++m_generation;
    if (m_loading) {
        m_loading = false;
        Q_EMIT loadingChanged(false);
    }
}

} // namespace ll::ui

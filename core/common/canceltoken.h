#pragma once

#include <atomic>
#include <memory>

namespace ll {

// Shared cancellation flag: the UI sets it, workers and SQLite's progress handler poll it.
class CancelToken {
public:
    void cancel() { m_flag.store(true, std::memory_order_relaxed); }
    bool isCancelled() const { return m_flag.load(std::memory_order_relaxed); }
    const std::atomic<bool> *flag() const { return &m_flag; }

private:
    std::atomic<bool> m_flag{false};
};

using CancelTokenPtr = std::shared_ptr<CancelToken>;

} // namespace ll
